import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { Problem } from '../../shared/problem.schemas.js';
import { createTestServer } from '../../test-support/test-server.js';

const OVERLOADED = 'urn:openpatrol:problem:overloaded';

describe('load shedding', () => {
  it('answers 503 at once beyond the in-flight cap, and recovers when requests finish', async () => {
    let entered = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await createTestServer({
      env: { MAX_IN_FLIGHT_REQUESTS: '2', RATE_LIMIT_PER_IP: '0' },
      extendApp: (app) =>
        app.get('/api/test/slow', { config: { access: 'public' } }, async () => {
          entered += 1;
          await gate;
          return { done: true };
        }),
    });
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
      const slow = [fetch(`${base}/api/test/slow`), fetch(`${base}/api/test/slow`)];
      while (entered < 2) await sleep(10);

      const started = performance.now();
      const shed = await fetch(`${base}/api/test/slow`);
      const elapsed = performance.now() - started;
      assert.equal(shed.status, 503);
      assert.equal(shed.headers.get('retry-after'), '1');
      assert.equal(((await shed.json()) as Problem).type, OVERLOADED);
      assert.ok(elapsed < 1000, `shedding took ${Math.round(elapsed)} ms`);
      // Probes still see the process while it sheds.
      assert.equal((await fetch(`${base}/api/health`)).status, 200);

      release();
      for (const response of await Promise.all(slow)) {
        assert.equal(response.status, 200);
        await response.arrayBuffer();
      }
      const recovered = await fetch(`${base}/api/test/slow`);
      assert.equal(recovered.status, 200);
      assert.deepEqual(await recovered.json(), { done: true });
    } finally {
      release();
      await server.close();
    }
  });

  it('sheds while the event loop stays saturated, and serves again once it is not', async () => {
    const server = await createTestServer({
      env: { MAX_EVENT_LOOP_DELAY_MS: '50', RATE_LIMIT_PER_IP: '0' },
    });
    try {
      const openapi = () => server.app.inject({ url: '/api/openapi.json' });
      // Saturate: 150 ms of synchronous work per tick, as a flood of requests would cause.
      let shed: Problem | undefined;
      const deadline = performance.now() + 5000;
      while (!shed && performance.now() < deadline) {
        const busyUntil = performance.now() + 150;
        while (performance.now() < busyUntil);
        await yieldToLoop();
        const response = await openapi();
        if (response.statusCode === 503) shed = response.json<Problem>();
        else assert.equal(response.statusCode, 200);
      }
      assert.equal(shed?.type, OVERLOADED, 'no request was shed while the loop was saturated');

      let status = 503;
      const recoveryDeadline = performance.now() + 5000;
      while (status === 503 && performance.now() < recoveryDeadline) {
        await sleep(100);
        status = (await openapi()).statusCode;
      }
      assert.equal(status, 200, 'the server did not recover after the loop calmed down');
    } finally {
      await server.close();
    }
  });
});
