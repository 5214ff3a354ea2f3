import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../database/connection.js';
import type { DatabaseHandle } from '../../database/database.js';
import { migrations } from '../../database/migrations/index.js';
import { migrateToLatest } from '../../database/migrator.js';
import { createFixedClock } from '../../shared/clock.js';
import {
  createTestDatabaseEnvironment,
  isTestingPostgres,
} from '../../test-support/test-database.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { WORKER_STALE_AFTER_MS, checkWorkerHeartbeat, createWorker } from '../jobs/worker.js';
import type { Health, Liveness, Readiness } from './health.schemas.js';

describe('GET /api/health', () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer();
  });
  after(() => server.close());

  it('reports the server and its database as up, without authentication', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const health = response.json<Health>();
    assert.equal(health.status, 'OK');
    assert.equal(health.version, server.deps.version);
    assert.equal(health.database.status, 'OK');
    assert.equal(health.database.dialect, isTestingPostgres() ? 'POSTGRES' : 'SQLITE');
    assert.equal(typeof health.database.latencyInMillis, 'number');
    assert.match(health.checkedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('answers 503 with the database marked unavailable once the database is gone', async () => {
    const broken = await createTestServer();
    try {
      await broken.deps.database.destroy();
      const response = await broken.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(response.statusCode, 503);
      const health = response.json<Health>();
      assert.equal(health.status, 'UNAVAILABLE');
      assert.deepEqual(
        { status: health.database.status, latencyInMillis: health.database.latencyInMillis },
        {
          status: 'UNAVAILABLE',
          latencyInMillis: null,
        },
      );
    } finally {
      await broken.app.close();
      // The database is already destroyed; a PostgreSQL test schema still has to be dropped.
      await broken.deps.close().catch(() => undefined);
    }
  });
});

describe('GET /api/health/live', () => {
  it('answers 200 even when the database is gone: only a stuck process should be restarted', async () => {
    const server = await createTestServer();
    try {
      await server.deps.database.destroy();
      const response = await server.app.inject({ method: 'GET', url: '/api/health/live' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const liveness = response.json<Liveness>();
      assert.equal(liveness.status, 'OK');
      assert.equal(liveness.version, server.deps.version);
    } finally {
      await server.app.close();
      await server.deps.close().catch(() => undefined);
    }
  });
});

describe('GET /api/health/ready', () => {
  const readiness = async (server: TestServer) => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health/ready' });
    const body = response.json<Readiness>();
    return {
      statusCode: response.statusCode,
      status: body.status,
      checks: Object.fromEntries(body.checks.map((check) => [check.name, check])),
    };
  };

  it('is ready when the database answers and every migration is applied', async () => {
    const server = await createTestServer();
    try {
      const ready = await readiness(server);
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.status, 'READY');
      assert.deepEqual(Object.keys(ready.checks), ['database', 'migrations']);
      assert.ok(Object.values(ready.checks).every((check) => check.detail === null));
    } finally {
      await server.close();
    }
  });

  it('is not ready, saying so, while the database is gone', async () => {
    const server = await createTestServer();
    try {
      await server.deps.database.destroy();
      const ready = await readiness(server);
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.status, 'NOT_READY');
      assert.equal(ready.checks.database?.status, 'FAILED');
      assert.match(ready.checks.database?.detail ?? '', /database did not answer/);
    } finally {
      await server.app.close();
      await server.deps.close().catch(() => undefined);
    }
  });

  it('is not ready on a database whose schema is older than the server, naming the missing migrations', async () => {
    const unmigrated = await openUnmigratedDatabase();
    const server = await createTestServer({ overrides: { database: unmigrated.handle } });
    try {
      const ready = await readiness(server);
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.checks.database?.status, 'OK');
      assert.equal(ready.checks.migrations?.status, 'FAILED');
      const pending = Object.keys(migrations);
      assert.equal(
        ready.checks.migrations?.detail,
        `${pending.length} migration(s) not applied yet: ${pending.join(', ')}`,
      );

      await migrateToLatest(unmigrated.handle);
      assert.equal((await readiness(server)).statusCode, 200);
    } finally {
      await server.app.close();
      await unmigrated.destroy();
    }
  });

  it('includes the in-process worker’s heartbeat, failing once the worker stops reaching the database', async () => {
    const server = await createTestServer();
    const clock = createFixedClock(new Date('2026-12-04T10:00:00.000Z'));
    const worker = createWorker({
      database: server.deps.database,
      clock,
      logger: server.deps.logger,
      handlers: {},
    });
    server.deps.healthService.addReadinessCheck('worker', () =>
      checkWorkerHeartbeat(worker, clock),
    );
    try {
      let ready = await readiness(server);
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.checks.worker?.detail, 'the background worker has not polled yet');

      await worker.runOnce();
      ready = await readiness(server);
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.checks.worker?.status, 'OK');

      clock.advance(WORKER_STALE_AFTER_MS + 1_000);
      ready = await readiness(server);
      assert.equal(ready.statusCode, 503);
      assert.equal(
        ready.checks.worker?.detail,
        'the background worker has not reached the database for 31 s',
      );
    } finally {
      await server.close();
    }
  });
});

/** A database with no tables at all: SQLite in memory, or an empty PostgreSQL schema. */
async function openUnmigratedDatabase(): Promise<{
  handle: DatabaseHandle;
  destroy(): Promise<void>;
}> {
  const environment = await createTestDatabaseEnvironment();
  const url = environment.env.DATABASE_URL!;
  const handle = url.startsWith('postgres')
    ? openDatabase({
        dialect: 'postgres',
        connectionString: url,
        schema: environment.env.DATABASE_SCHEMA,
        poolSize: 2,
      })
    : openDatabase({ dialect: 'sqlite', filename: ':memory:' });
  return {
    handle,
    destroy: async () => {
      await handle.destroy();
      await environment.destroy();
    },
  };
}
