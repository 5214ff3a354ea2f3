import net from 'node:net';

/**
 * A TCP port nobody is using right now, for a server started as its own process whose log may be
 * too quiet to announce the port it picked.
 */
export async function findFreePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
