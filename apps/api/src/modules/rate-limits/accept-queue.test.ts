import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { describe, it } from 'node:test';
import { readAcceptQueue } from './accept-queue.js';

/** Blocks the event loop, so the process accepts nothing meanwhile. */
function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the accept queue', { skip: process.platform !== 'linux' && 'reads /proc/net' }, () => {
  it('counts connections the kernel holds for a listening socket the process has not accepted', async () => {
    const accepted: net.Socket[] = [];
    const server = net.createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      assert.equal(readAcceptQueue(port), 0, 'nothing waits yet');
      // Another process opens 7 connections while this one's loop is blocked: the kernel
      // completes their handshakes and queues them.
      const client = spawn(process.execPath, [
        '-e',
        `const net = require('node:net');
         for (let i = 0; i < 7; i++) net.connect(${port}, '127.0.0.1').on('error', () => {});
         setTimeout(() => process.exit(0), 3000);`,
      ]);
      const exited = new Promise((resolve) => client.once('exit', resolve));
      // Blocked throughout, looking now and then until all 7 have arrived (or 10 s passed).
      let waiting = readAcceptQueue(port);
      for (
        const started = performance.now();
        waiting !== 7 && performance.now() - started < 10_000;
      ) {
        busy(50);
        waiting = readAcceptQueue(port);
      }
      assert.equal(waiting, 7);
      // Once the loop turns, they are accepted and the queue is empty again.
      while (accepted.length < 7) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(readAcceptQueue(port), 0);
      client.kill();
      await exited;
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('knows nothing of a port nobody listens on', () => {
    assert.equal(readAcceptQueue(1), null);
  });
});
