import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { createDependencies } from '../dependencies.js';
import { createServer } from '../server.js';
import {
  addLocation,
  createApiToken,
  signUpOrganization,
  type Credentials,
} from '../test-support/factories.js';
import { createTestDatabase } from '../test-support/test-database.js';
import { buildTestConfig, type TestServer } from '../test-support/test-server.js';
import { openDatabase } from './connection.js';
import type { DatabaseHandle } from './database.js';

const DAY_MS = 86_400_000;

/** A server on `database` whose lists read from `readDatabase` (DATABASE_READ_URL's seam). */
async function startServer(
  database: DatabaseHandle,
  readDatabase?: DatabaseHandle,
): Promise<TestServer> {
  const deps = createDependencies(buildTestConfig(), {
    logger: pino({ level: 'silent' }),
    database,
    ...(readDatabase ? { readDatabase } : {}),
    webApps: [],
  });
  const app = await createServer(deps);
  await app.ready();
  // The databases belong to the test, which closes them itself.
  return { app, deps, close: () => app.close() };
}

/**
 * A frozen, read-only copy of the primary: what a replica that stopped replaying looks like.
 * SQLite: VACUUM INTO a file, opened read-only. PostgreSQL: every table copied into a new schema,
 * read through connections with default_transaction_read_only, as DATABASE_READ_URL opens them.
 */
async function snapshotAsReadOnlyReplica(
  primary: DatabaseHandle,
): Promise<{ handle: DatabaseHandle; destroy(): Promise<void> }> {
  if (primary.dialect === 'sqlite') {
    const folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-replica-'));
    const file = path.join(folder, 'replica.db');
    await sql.raw(`vacuum into '${file}'`).execute(primary.db);
    const handle = openDatabase({ dialect: 'sqlite', filename: file }, { readOnly: true });
    return {
      handle,
      destroy: async () => {
        await handle.destroy();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const replicaSchema = `${primary.schema}_replica`;
  await sql`create schema ${sql.id(replicaSchema)}`.execute(primary.db);
  const tables = await sql<{ tableName: string }>`
    select table_name from information_schema.tables
    where table_schema = ${primary.schema} and table_type = 'BASE TABLE'`.execute(primary.db);
  for (const { tableName } of tables.rows) {
    const [from, to] = [sql.id(primary.schema!, tableName), sql.id(replicaSchema, tableName)];
    await sql`create table ${to} (like ${from} including all)`.execute(primary.db);
    await sql`insert into ${to} overriding system value select * from ${from}`.execute(primary.db);
  }
  const handle = openDatabase(
    {
      dialect: 'postgres',
      connectionString: process.env.TEST_DATABASE_URL!,
      schema: replicaSchema,
      poolSize: 2,
    },
    { readOnly: true },
  );
  return {
    handle,
    destroy: async () => {
      await handle.destroy();
      await sql`drop schema ${sql.id(replicaSchema)} cascade`.execute(primary.db);
    },
  };
}

describe('lists on a read replica (DATABASE_READ_URL)', () => {
  let primary: DatabaseHandle;
  let replica: { handle: DatabaseHandle; destroy(): Promise<void> };
  let writer: TestServer;
  let server: TestServer;
  let token: Credentials;
  let locationId: string;
  let pointId: string;
  const tomorrow = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS + 18 * 3_600_000);

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: token.headers, ...(payload ? { payload } : {}) });
  const planTask = async (target: TestServer, name: string, rule: string | null) => {
    const response = await target.app.inject({
      method: 'POST',
      url: '/api/task-executions',
      headers: token.headers,
      payload: {
        assigneeIds: [],
        locationId,
        name,
        description: null,
        recurrence: rule === null ? null : { rule, exception: null },
        startAt: tomorrow.toISOString(),
        endAt: new Date(tomorrow.getTime() + 3_600_000).toISOString(),
        priority: 'NORMAL',
        orderStepsRequired: false,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps: [{ pointId, name: 'Gate', order: 0 }],
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string; scheduledTaskId: string }>();
  };
  const listNames = async (from: Date, to: Date) => {
    const response = await call(
      'GET',
      `/api/task-executions/info?from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ name: string; startAt: string }[]>();
  };

  before(async () => {
    primary = await createTestDatabase();
    writer = await startServer(primary);
    const owner = await signUpOrganization(writer, 'Acme Security');
    token = await createApiToken(writer, owner);
    locationId = await addLocation(writer, owner.organizationId, 'Depot');
    const point = await writer.app.inject({
      method: 'POST',
      url: '/api/points',
      headers: token.headers,
      payload: { locationId, name: 'Gate' },
    });
    pointId = point.json<{ id: string }>().id;
    await planTask(writer, 'Replicated round', null);
    await planTask(writer, 'Nightly round', 'FREQ=DAILY');

    replica = await snapshotAsReadOnlyReplica(primary);
    server = await startServer(primary, replica.handle);
  });
  after(async () => {
    await server.close();
    await writer.close();
    await replica.destroy();
    await primary.destroy();
  });

  it('refuses writes on the read connection, so none can be routed there unnoticed', async () => {
    await assert.rejects(
      replica.handle.db
        .insertInto('organizations')
        .values({
          id: randomUUID(),
          name: 'Nope',
          timeZone: 'UTC',
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        })
        .execute(),
      /read-only|readonly/i,
    );
  });

  it('lists executions from the replica: a task planned after the snapshot is not there yet', async () => {
    const later = await planTask(server, 'Planned after the snapshot', null);
    const listed = await listNames(tomorrow, new Date(tomorrow.getTime() + DAY_MS));
    assert.deepEqual(listed.map((execution) => execution.name).sort(), [
      'Nightly round',
      'Replicated round',
    ]);

    // Reading one execution right after writing it stays on the primary.
    const fetched = await call('GET', `/api/task-executions/${later.id}`);
    assert.equal(fetched.statusCode, 200, fetched.body);
    assert.equal(fetched.json<{ name: string }>().name, 'Planned after the snapshot');
  });

  it('writes occurrences beyond the horizon on the primary, and returns them from there', async () => {
    // The task's rows reach 15 days ahead; days 20 to 25 exist only once a list asks for them.
    const from = new Date(tomorrow.getTime() + 20 * DAY_MS);
    const listed = await listNames(from, new Date(from.getTime() + 5 * DAY_MS));
    assert.deepEqual(
      listed.map((execution) => [execution.name, execution.startAt]),
      [0, 1, 2, 3, 4].map((day) => [
        'Nightly round',
        new Date(from.getTime() + day * DAY_MS).toISOString(),
      ]),
    );
    const written = await primary.db
      .selectFrom('taskExecutions')
      .select('id')
      .where('startAt', '>=', from.toISOString())
      .execute();
    assert.equal(written.length, 5);
  });

  it('lists issues from the replica, while reading the one just reported from the primary', async () => {
    const reported = await call('POST', '/api/issues', {
      locationId,
      category: 'DAMAGE',
      severity: 'LOW',
      title: 'Broken fence',
    });
    assert.equal(reported.statusCode, 201, reported.body);
    const listed = await call('GET', '/api/issues');
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(listed.json(), []);
    const fetched = await call('GET', `/api/issues/${reported.json<{ id: string }>().id}`);
    assert.equal(fetched.statusCode, 200, fetched.body);
  });
});

describe('DATABASE_READ_URL', () => {
  it('opens a second, read-only pool that readiness checks (PostgreSQL; refused on SQLite)', async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      assert.throws(
        () => loadConfig({ DATABASE_READ_URL: 'postgres://replica/openpatrol' }),
        /DATABASE_READ_URL applies only when DATABASE_URL is a PostgreSQL URL/,
      );
      return;
    }
    const primary = await createTestDatabase();
    const deps = createDependencies(
      loadConfig({
        LOG_LEVEL: 'silent',
        DATABASE_URL: url,
        DATABASE_SCHEMA: primary.schema,
        DATABASE_READ_URL: url,
      }),
      { webApps: [] },
    );
    const app = await createServer(deps);
    try {
      const settingsOf = async (handle: DatabaseHandle) =>
        (
          await sql<{ readOnly: string; application: string }>`
            select current_setting('default_transaction_read_only') as read_only,
                   current_setting('application_name') as application`.execute(handle.db)
        ).rows[0];
      assert.notEqual(deps.readDatabase, deps.database);
      assert.deepEqual(await settingsOf(deps.readDatabase), {
        readOnly: 'on',
        application: 'openpatrol-read',
      });
      assert.equal((await settingsOf(deps.database))?.readOnly, 'off');

      // Lists work through the read-only pool pointed at the primary itself (a replica cannot run here).
      const server = { app, deps, close: () => app.close() };
      const owner = await signUpOrganization(server, 'Acme Security');
      const token = await createApiToken(server, owner);
      const from = new Date().toISOString();
      const to = new Date(Date.now() + DAY_MS).toISOString();
      for (const url of [
        `/api/task-executions/info?from=${from}&to=${to}`,
        '/api/issues',
        `/api/check-ins?from=${from}&to=${to}`,
      ]) {
        const listed = await app.inject({ method: 'GET', url, headers: token.headers });
        assert.equal(listed.statusCode, 200, `${url}: ${listed.body}`);
      }

      const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
      assert.equal(ready.statusCode, 200, ready.body);
      assert.deepEqual(
        ready.json<{ checks: { name: string }[] }>().checks.map((check) => check.name),
        ['database', 'migrations', 'read-database'],
      );
    } finally {
      await app.close();
      await deps.close();
      await primary.destroy();
    }
  });
});
