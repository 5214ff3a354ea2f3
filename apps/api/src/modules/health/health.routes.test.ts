import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isTestingPostgres } from '../../test-support/test-database.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Health } from './health.schemas.js';

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
