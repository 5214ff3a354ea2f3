/**
 * Short runs of the reliability scripts, so CI proves on every change what docs/reliability.md
 * measured at length: crashes lose nothing, bad input finds no 500 and no other tenant's data,
 * the load run answers without errors, and a flood is shed, not queued. They start real
 * `openpatrol` processes (built with `npm run build`); the PostgreSQL runs use TEST_DATABASE_URL
 * (or the local test database), each in a schema of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, createToken, signUp } from './api.js';
import { crash } from './crash.js';
import { fuzz } from './fuzz.js';
import { load } from './load.js';
import { overload } from './overload.js';
import { createInstallation, startProcess } from './processes.js';

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (line: string) => console.log(`  ${line}`);

describe('reliability', () => {
  it('keeps sessions and idempotency keys across two API processes on one PostgreSQL', async () => {
    const installation = await createInstallation(postgresUrl);
    await startProcess(installation, 'migrate');
    const [first, second] = [
      await startProcess(installation, 'serve', { WORKER_IN_PROCESS: 'false' }),
      await startProcess(installation, 'serve', { WORKER_IN_PROCESS: 'false' }),
    ];
    try {
      // A session made on one process works on the other.
      const organization = await signUp(first.url, 'Two Processes');
      const onSecond = await call(second.url, organization.owner, 'GET', '/api/session');
      assert.equal(onSecond.status, 200, onSecond.body);
      const token = await createToken(second.url, organization);
      const location = (
        await call(first.url, token, 'POST', '/api/locations', { name: 'Depot' })
      ).json<{ id: string }>();
      const point = (
        await call(second.url, token, 'POST', '/api/points', {
          locationId: location.id,
          name: 'Gate',
        })
      ).json<{ id: string }>();
      // Ten clients send the same creation with one key at once, alternating processes, each
      // retrying while the key is in progress (409) as the integration guide says.
      const body = {
        assigneeIds: [],
        locationId: location.id,
        name: 'Once only',
        description: null,
        recurrence: null,
        startAt: '2026-12-20T18:00:00.000Z',
        endAt: '2026-12-20T20:00:00.000Z',
        priority: 'NORMAL',
        orderStepsRequired: false,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps: [{ pointId: point.id, name: 'Gate', order: 0 }],
      };
      const ids = await Promise.all(
        Array.from({ length: 10 }, async (_, index) => {
          for (;;) {
            const answer = await call(
              (index % 2 === 0 ? first : second).url,
              token,
              'POST',
              '/api/task-executions',
              body,
              { 'idempotency-key': 'two-processes-once' },
            );
            if (answer.status === 201 || answer.status === 200)
              return answer.json<{ id: string }>().id;
            assert.equal(answer.status, 409, answer.body);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }),
      );
      assert.equal(new Set(ids).size, 1, ids.join(' '));
      const listed = await call(
        first.url,
        token,
        'GET',
        '/api/task-executions/info?from=2026-12-20T00:00:00.000Z&to=2026-12-21T00:00:00.000Z',
      );
      assert.deepEqual(
        listed.json<{ id: string; name: string }[]>().map((item) => [item.id, item.name]),
        [[ids[0], 'Once only']],
      );
    } finally {
      await first?.stop();
      await second?.stop();
      await installation.destroy();
    }
  });

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

  for (const database of ['SQLite', 'PostgreSQL'] as const)
    it(`sheds a flood of 500 clients on ${database} without a timeout, and recovers`, async () => {
      // Clients connecting over a second, as phones do, not all at once: their connections wait
      // in the kernel's accept queue, which the process sees only by accepting them.
      const result = await overload({
        seconds: 10,
        connections: 500,
        rampSeconds: 1,
        ...(database === 'PostgreSQL' ? { postgresUrl } : {}),
      });
      log(JSON.stringify(result));
      const { polite } = result;
      assert.equal(polite.timeouts + polite.errors, 0, 'a client timed out or failed');
      assert.equal(polite.unexpected, 0, 'an answer was neither served nor shed');
      assert.ok(polite.shedShare > 0, 'nothing was shed: the flood did not exceed capacity');
      assert.ok(polite.servedPerSecond > 0, 'nothing was served during the flood');
      assert.ok(Number.isFinite(polite.recoveryMs), 'the server did not serve normally again');
    });
});
