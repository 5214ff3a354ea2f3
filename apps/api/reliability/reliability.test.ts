/**
 * Short runs of the reliability scripts, so CI proves on every change what docs/reliability.md
 * measured at length: crashes lose nothing, overload sheds and recovers, bad input finds no 500
 * and no other tenant's data, and the load run answers without errors. They start real
 * `openpatrol` processes (built with `npm run build`); the PostgreSQL runs use TEST_DATABASE_URL
 * (or the local test database), each in a schema of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crash } from './crash.js';
import { fuzz } from './fuzz.js';
import { load } from './load.js';
import { overload } from './overload.js';

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (line: string) => console.log(`  ${line}`);

describe('reliability', () => {
  for (const database of ['SQLite', 'PostgreSQL'] as const)
    it(`keeps every acknowledged write exactly once through SIGKILLs on ${database}`, async () => {
      const result = await crash({
        seconds: 20,
        fieldClients: 4,
        ...(database === 'PostgreSQL' ? { postgresUrl } : {}),
        log,
      });
      log(JSON.stringify(result));
      assert.ok(result.kills >= 3, `only ${result.kills} kills`);
      assert.ok(result.acknowledgedWrites > 0 && result.acknowledgedCreations > 0);
      assert.deepEqual(
        {
          missing: result.missing,
          duplicated: result.duplicated,
          unexpected: result.unexpected,
          brokenChains: result.brokenChains,
          undeliveredWebhooks: result.undeliveredWebhooks,
        },
        { missing: [], duplicated: [], unexpected: [], brokenChains: [], undeliveredWebhooks: 0 },
      );
    });

  it('sheds load beyond capacity with 503s and serves normally right after', async () => {
    const result = await overload({ seconds: 10, connections: 1500 });
    log(JSON.stringify(result));
    assert.equal(result.errors + result.timeouts + result.unexpected, 0, JSON.stringify(result));
    assert.ok((result.statuses['200'] ?? 0) > 0, 'some requests are still served');
    assert.ok(result.shedShare > 0, 'beyond capacity, requests are shed');
    assert.ok(result.recoveryMs < 10_000, `recovered after ${result.recoveryMs} ms`);
  });

  it('finds no 5xx and no other tenant’s data in a minute of hostile requests', async () => {
    const result = await fuzz({ seconds: 60, log });
    log(JSON.stringify({ requests: result.requests, byStatus: result.byStatus }));
    assert.ok(result.requests > 1000, `only ${result.requests} requests`);
    assert.deepEqual(result.findings, []);
  });

  it('answers field clients and pollers on two API processes without an error', async () => {
    const result = await load({
      postgresUrl,
      seconds: 30,
      fieldClients: 40,
      integrators: 4,
      throughputSeconds: 5,
      log,
    });
    log(JSON.stringify(result));
    assert.deepEqual(result.errors, {});
    assert.ok((result.latencyMs['field write']?.count ?? 0) > 100);
    assert.ok((result.latencyMs['integrator poll page']?.count ?? 0) > 20);
  });
});
