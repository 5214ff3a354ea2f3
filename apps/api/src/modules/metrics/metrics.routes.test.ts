import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApiToken, signUpOrganization } from '../../test-support/factories.js';
import { isTestingPostgres } from '../../test-support/test-database.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { createWorker } from '../jobs/worker.js';
import { createDeliverWebhookJob } from '../webhooks/webhook-delivery.js';
import { DELIVER_WEBHOOK_JOB } from '../webhooks/webhooks.service.js';

describe('GET /metrics', () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer({ env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' } });
  });
  after(() => server.close());

  const scrape = async () => {
    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    return response.body;
  };
  /** The value of one series, or undefined when the scrape does not have it. */
  const valueOf = (body: string, series: string) => {
    const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('reports the heap kept after a full garbage collection', async () => {
    // A full collection on demand: V8 exposes gc() to a new context once the flag is set.
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const kept: number[][] = [];
    collectGarbage();
    // The collection is reported to the observer shortly after, not within the call.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = valueOf(await scrape(), 'openpatrol_heap_live_bytes');
    assert.ok(before !== undefined && before > 1024 * 1024, `live heap ${before}`);
    // 40 MB kept across the next collection must show in the gauge.
    for (let index = 0; index < 40; index++) kept.push(new Array<number>(131_072).fill(index));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = valueOf(await scrape(), 'openpatrol_heap_live_bytes');
    assert.ok(after !== undefined && after - before > 30 * 1024 * 1024, `${before} → ${after}`);
    assert.equal(kept.length, 40);
  });

  it('counts requests by route template and status in Prometheus text format', async () => {
    await server.app.inject({ method: 'GET', url: '/api/health' });
    await server.app.inject({ method: 'GET', url: '/api/health' });
    await server.app.inject({ method: 'GET', url: '/api/does-not-exist/12345' });

    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain/);
    assert.match(
      response.body,
      /^openpatrol_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 2$/m,
    );
    // Unknown URLs share one label value, so a scanner cannot blow up the number of series.
    assert.doesNotMatch(response.body, /12345/);
    assert.match(response.body, /^openpatrol_process_resident_memory_bytes \d+/m);
  });

  it('counts the worker’s job attempts by type and outcome, and times them', async () => {
    const { db } = server.deps.database;
    await enqueueJob(db, { type: 'metrics-test.succeeds' });
    await enqueueJob(db, { type: 'metrics-test.succeeds' });
    await enqueueJob(db, { type: 'metrics-test.flaky' });
    await enqueueJob(db, { type: 'metrics-test.doomed', maxAttempts: 1 });
    const worker = createWorker({
      database: server.deps.database,
      clock: server.deps.clock,
      logger: server.deps.logger,
      handlers: {
        'metrics-test.succeeds': async () => undefined,
        'metrics-test.flaky': async () => Promise.reject(new Error('not this time')),
        'metrics-test.doomed': async () => Promise.reject(new Error('never')),
      },
      onJobFinished: (attempt) => server.deps.metrics.observeJob(attempt),
    });
    assert.equal(await worker.runOnce(), 4);

    const body = await scrape();
    const attempts = (type: string, outcome: string) =>
      valueOf(body, `openpatrol_jobs_total{type="metrics-test.${type}",outcome="${outcome}"}`);
    assert.equal(attempts('succeeds', 'COMPLETED'), 2);
    assert.equal(attempts('flaky', 'RETRY'), 1);
    assert.equal(attempts('doomed', 'FAILED'), 1);
    assert.equal(attempts('flaky', 'COMPLETED'), undefined);
    assert.equal(
      valueOf(body, 'openpatrol_job_duration_seconds_count{type="metrics-test.succeeds"}'),
      2,
    );
  });

  it('reports the jobs waiting by type and how long the oldest has been due', async () => {
    const { db } = server.deps.database;
    const now = server.deps.clock.now();
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await enqueueJob(db, { type: 'metrics-test.waiting', runAt: minutesAgo(5) }, now);
    await enqueueJob(db, { type: 'metrics-test.waiting', runAt: minutesAgo(1) }, now);
    await enqueueJob(db, { type: 'metrics-test.waiting', runAt: minutesAgo(0) }, now);
    // Scheduled for later: not waiting yet.
    await enqueueJob(db, { type: 'metrics-test.later', runAt: minutesAgo(-60) }, now);

    const body = await scrape();
    assert.equal(valueOf(body, 'openpatrol_jobs_queued{type="metrics-test.waiting"}'), 3);
    assert.equal(valueOf(body, 'openpatrol_jobs_queued{type="metrics-test.later"}'), undefined);
    const oldestAge = valueOf(
      body,
      'openpatrol_jobs_queued_oldest_age_seconds{type="metrics-test.waiting"}',
    );
    assert.ok(oldestAge !== undefined && oldestAge >= 300 && oldestAge < 600, String(oldestAge));

    const worker = createWorker({
      database: server.deps.database,
      clock: server.deps.clock,
      logger: server.deps.logger,
      handlers: { 'metrics-test.waiting': async () => undefined },
    });
    await worker.runOnce();
    assert.equal(
      valueOf(await scrape(), 'openpatrol_jobs_queued{type="metrics-test.waiting"}'),
      undefined,
    );
  });

  it('counts webhook deliveries by outcome', async () => {
    let answer = 204;
    const receiver = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(answer).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const owner = await signUpOrganization(server, 'Acme Security');
      const token = await createApiToken(server, owner);
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: token.headers,
        payload: {
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
          eventTypes: ['task-execution.created'],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const sendTestEvent = async () => {
        const response = await server.app.inject({
          method: 'POST',
          url: `/api/webhooks/${created.json<{ id: string }>().id}/test`,
          headers: token.headers,
        });
        assert.ok(response.statusCode < 300, response.body);
      };
      const worker = createWorker({
        database: server.deps.database,
        clock: server.deps.clock,
        logger: server.deps.logger,
        handlers: {
          [DELIVER_WEBHOOK_JOB]: createDeliverWebhookJob({
            mailer: server.deps.mailer,
            allowPrivateNetworks: true,
            userAgent: 'OpenPatrol-Webhooks/test',
            onAttempt: (outcome) => server.deps.metrics.countWebhookDelivery(outcome),
          }),
        },
      });

      await sendTestEvent();
      await sendTestEvent();
      assert.equal(await worker.runOnce(), 2);
      answer = 500;
      await sendTestEvent();
      assert.equal(await worker.runOnce(), 1);

      const body = await scrape();
      assert.equal(valueOf(body, 'openpatrol_webhook_deliveries_total{outcome="DELIVERED"}'), 2);
      assert.equal(valueOf(body, 'openpatrol_webhook_deliveries_total{outcome="RETRY"}'), 1);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('shows the PostgreSQL connection pool, which SQLite does not have', async () => {
    const body = await scrape();
    const idle = valueOf(body, 'openpatrol_db_pool_connections{pool="primary",state="idle"}');
    const busy = valueOf(body, 'openpatrol_db_pool_connections{pool="primary",state="busy"}');
    const waiting = valueOf(body, 'openpatrol_db_pool_waiting_queries{pool="primary"}');
    if (isTestingPostgres()) {
      // Earlier tests ran queries, so the pool holds connections (the scrape itself uses one).
      assert.ok(idle !== undefined && busy !== undefined && idle + busy >= 1, `${idle} ${busy}`);
      assert.ok(waiting !== undefined && waiting >= 0, String(waiting));
    } else {
      assert.equal(idle, undefined);
      assert.equal(waiting, undefined);
    }
  });
});
