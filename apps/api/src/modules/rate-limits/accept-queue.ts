import { readFileSync } from 'node:fs';

/**
 * How many connections wait in the kernel's accept queue of the socket listening on `port`, or
 * null where that cannot be known. Linux lists every TCP socket in /proc/net/tcp and tcp6; for a
 * listening one (state 0A) the receive-queue column is its accept queue. Reading the lists costs
 * about a millisecond per thousand sockets, so callers ask only when a queue is likely.
 */
export function readAcceptQueue(port: number): number | null {
  const localPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let listening = false;
  let waiting = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.includes(' 0A ')) continue;
      // sl, local address, remote address, state, tx_queue:rx_queue, …
      const [, local, , state, queues] = line.trim().split(/\s+/);
      if (state !== '0A' || !local?.endsWith(localPort) || !queues) continue;
      listening = true;
      waiting += parseInt(queues.split(':')[1] ?? '0', 16);
    }
  }
  return listening ? waiting : null;
}
