import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF defence: a webhook URL is the customer's, but the request leaves from our network. Unless
 * an operator allows it (WEBHOOKS_ALLOW_PRIVATE_NETWORKS), requests to loopback, private,
 * link-local, carrier-grade NAT, multicast and other special addresses are refused, checked on
 * the address actually connected to (the lookup below is the socket's), so a DNS answer that
 * changes between a check and the connection cannot slip through.
 */

const special = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  special.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
] as const)
  special.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return special.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class PrivateAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to ${address}: a private, loopback or link-local address`);
    this.name = 'PrivateAddressError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for http.request that refuses special addresses unless allowed. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses;
      const refused = allowPrivate
        ? undefined
        : list.find((entry) => isPrivateAddress(entry.address));
      if (refused) return callback(new PrivateAddressError(refused.address), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      const [first] = list;
      return callback(null, first!.address, first!.family);
    });
  };
}
