import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { pino } from 'pino';
import { loadConfig } from '../../config.js';
import { migrateToLatest } from '../../database/migrator.js';
import { createDependencies, type Dependencies } from '../../dependencies.js';
import { createServer, type FastifyTypeBox } from '../../server.js';
import { createFixedClock } from '../../shared/clock.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
} from '../../test-support/factories.js';
import {
  createTestDatabaseEnvironment,
  isTestingPostgres,
} from '../../test-support/test-database.js';
import type { TestServer } from '../../test-support/test-server.js';
import type { TaskExecutionInfo } from '../task-executions/task-executions.schemas.js';
import { buildPgDumpCommand } from './backups.js';

const packageDirectory = fileURLToPath(new URL('../../..', import.meta.url));

/** The real CLI, from source, as its own process: what an operator's cron job runs. */
async function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: packageDirectory,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('backup and restore on SQLite', () => {
  let folder: string;
  let databaseFile: string;
  let deps: Dependencies;
  let app: FastifyTypeBox;
  let guard: Credentials & { user: { id: string } };
  let executions: TaskExecutionInfo[];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-backup-'));
    databaseFile = path.join(folder, 'data', 'openpatrol.db');
    // The server's own database file, in WAL mode, as `openpatrol serve` opens it.
    deps = createDependencies(
      loadConfig({
        LOG_LEVEL: 'silent',
        DATABASE_URL: `sqlite:${databaseFile}`,
        DATA_DIR: path.join(folder, 'data'),
      }),
      {
        logger: pino({ level: 'silent' }),
        clock: createFixedClock(new Date('2026-12-07T12:00:00.000Z')),
        webApps: [],
      },
    );
    await migrateToLatest(deps.database);
    app = await createServer(deps);
    await app.ready();
    const server = { app, deps, close: () => app.close() } satisfies TestServer;
    const owner = await signUpOrganization(server, 'Acme Security');
    const token = await createApiToken(server, owner);
    const location = (
      await app.inject({
        method: 'POST',
        url: '/api/locations',
        headers: token.headers,
        payload: { name: 'Depot', timeZone: 'UTC' },
      })
    ).json<{ id: string }>();
    const point = (
      await app.inject({
        method: 'POST',
        url: '/api/points',
        headers: token.headers,
        payload: { locationId: location.id, name: 'Gate' },
      })
    ).json<{ id: string }>();
    guard = await signInMember(server, owner, 'USER', { locationIds: [location.id] });
    const task = await app.inject({
      method: 'POST',
      url: '/api/task-executions',
      headers: token.headers,
      payload: {
        assigneeIds: [guard.user.id],
        locationId: location.id,
        name: 'Night round',
        description: null,
        recurrence: { rule: 'FREQ=HOURLY;COUNT=400', exception: null },
        startAt: '2026-12-07T18:00:00.000Z',
        endAt: '2026-12-07T18:30:00.000Z',
        priority: 'NORMAL',
        orderStepsRequired: false,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps: [{ pointId: point.id, name: 'Gate', order: 0, actions: [] }],
      },
    });
    assert.equal(task.statusCode, 201, task.body);
    const listed = await app.inject({
      method: 'GET',
      url: '/api/task-executions/info?from=2026-12-07T00:00:00.000Z&to=2027-01-01T00:00:00.000Z&limit=1000',
      headers: token.headers,
    });
    assert.equal(listed.statusCode, 200, listed.body);
    executions = listed.json<TaskExecutionInfo[]>();
    assert.equal(executions.length, 400);
  });
  after(async () => {
    await app.close();
    await deps.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a backup taken while the server records writes restores every write acknowledged before it, and the logs verify', async (t) => {
    // Each write is acknowledged only after its transaction committed; they go one after the
    // other, so a consistent snapshot holds exactly a prefix of them.
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      // The last execution is left for the test that alters a log.
      for (const execution of executions.slice(0, -1)) {
        for (const write of [{ type: 'STARTED' }, { type: 'NOTES_CHANGED', notes: 'quiet' }]) {
          if (!writing) return;
          const id = randomUUID();
          const response = await app.inject({
            method: 'POST',
            url: `/api/task-executions/${execution.id}/events`,
            headers: guard.headers,
            payload: { id, ...write },
          });
          assert.equal(response.statusCode, 201, response.body);
          acknowledged.push(id);
        }
      }
    })();

    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    const acknowledgedBefore = acknowledged.length;
    const backupFile = path.join(folder, 'backup.db');
    const backup = await runCli(['backup', '--to', backupFile], {
      DATABASE_URL: `sqlite:${databaseFile}`,
    });
    const acknowledgedAfter = acknowledged.length;
    writing = false;
    await writer;
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /^Backed up .*backup\.db: [\d.]+ (KiB|MiB) in [\d.]+ s\.\n$/);
    assert.ok(acknowledgedAfter > acknowledgedBefore, 'the server kept writing during the backup');
    assert.deepEqual(
      readdirSync(folder).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );

    const restoredDirectory = path.join(folder, 'restored');
    const restore = await runCli(['restore', '--from', backupFile], {
      DATABASE_URL: `sqlite:${path.join(restoredDirectory, 'openpatrol.db')}`,
      DATA_DIR: restoredDirectory,
    });
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(
      restore.stdout,
      /Verified the event logs of 400 executions \(\d+ events\): every hash chain is intact\./,
    );

    const restored = new SqliteDatabase(path.join(restoredDirectory, 'openpatrol.db'));
    try {
      assert.deepEqual(restored.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      const ids = new Set(
        (restored.prepare('select id from task_execution_events').all() as { id: string }[]).map(
          (row) => row.id,
        ),
      );
      assert.ok(ids.size >= acknowledgedBefore, 'every write acknowledged before the backup');
      assert.ok(ids.size <= acknowledgedAfter, 'nothing the server had not committed');
      assert.deepEqual(ids, new Set(acknowledged.slice(0, ids.size)), 'a consistent snapshot');
      t.diagnostic(
        `writes acknowledged when the backup command started: ${acknowledgedBefore}, when it ended: ${acknowledgedAfter}; in the backup: ${ids.size}; ${backup.stdout.trim()}`,
      );
    } finally {
      restored.close();
    }
  });

  it('restore refuses to replace a database unless told to, and then replaces it', async () => {
    const backupFile = path.join(folder, 'second.db');
    const env = { DATABASE_URL: `sqlite:${databaseFile}` };
    assert.equal((await runCli(['backup', '--to', backupFile], env)).code, 0);
    const again = await runCli(['backup', '--to', backupFile], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /second\.db already exists\. Choose another name or pass --force/);

    const target = path.join(folder, 'replaced', 'openpatrol.db');
    const targetEnv = { DATABASE_URL: `sqlite:${target}` };
    assert.equal((await runCli(['migrate'], targetEnv)).code, 0);
    const refused = await runCli(['restore', '--from', backupFile], targetEnv);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /A database already exists at .*Stop the server.*--force/);
    const forced = await runCli(['restore', '--from', backupFile, '--force'], targetEnv);
    assert.equal(forced.code, 0, forced.stderr);
    const restored = new SqliteDatabase(target, { readonly: true });
    try {
      const { count } = restored.prepare('select count(*) as count from task_executions').get() as {
        count: number;
      };
      assert.equal(count, 400);
    } finally {
      restored.close();
    }
  });

  it('restore names an execution whose event log was altered, and exits 1', async () => {
    const reserved = executions.at(-1)!;
    for (const write of [{ type: 'STARTED' }, { type: 'NOTES_CHANGED', notes: 'all quiet' }]) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/task-executions/${reserved.id}/events`,
        headers: guard.headers,
        payload: { id: randomUUID(), ...write },
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    const backupFile = path.join(folder, 'altered.db');
    assert.equal(
      (await runCli(['backup', '--to', backupFile], { DATABASE_URL: `sqlite:${databaseFile}` }))
        .code,
      0,
    );
    // Someone rewrote what a guard recorded, straight in the file.
    const altered = new SqliteDatabase(backupFile);
    const event = altered
      .prepare(
        `select id, task_execution_id from task_execution_events where task_execution_id = ? and type = 'NOTES_CHANGED'`,
      )
      .get(reserved.id) as { id: string; task_execution_id: string };
    altered
      .prepare(
        `update task_execution_events set payload = '{"notes":"nothing happened"}' where id = ?`,
      )
      .run(event.id);
    altered.close();

    const target = path.join(folder, 'altered-restore', 'openpatrol.db');
    const restore = await runCli(['restore', '--from', backupFile], {
      DATABASE_URL: `sqlite:${target}`,
    });
    assert.equal(restore.code, 1);
    assert.match(restore.stderr, /1 of 400 executions have an event log that does not verify/);
    assert.match(
      restore.stderr,
      new RegExp(
        `execution ${event.task_execution_id} \\(organization [0-9a-f-]+\\): first bad event 2`,
      ),
    );
  });

  it('restore refuses files that are not sound OpenPatrol databases, and leaves the database alone', async () => {
    const target = path.join(folder, 'untouched', 'openpatrol.db');
    const env = { DATABASE_URL: `sqlite:${target}` };
    const notADatabase = path.join(folder, 'notes.txt');
    writeFileSync(notADatabase, 'shopping list');
    const text = await runCli(['restore', '--from', notADatabase], env);
    assert.equal(text.code, 1);
    assert.match(
      text.stderr,
      /notes\.txt is not a readable SQLite database: file is not a database/,
    );

    const foreign = path.join(folder, 'foreign.db');
    const other = new SqliteDatabase(foreign);
    other.exec('create table recipes (name text)');
    other.close();
    const unknown = await runCli(['restore', '--from', foreign], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /foreign\.db is a SQLite database but not an OpenPatrol one/);

    // A page of a real backup overwritten: SQLite's integrity check notices.
    const damaged = path.join(folder, 'damaged.db');
    assert.equal(
      (await runCli(['backup', '--to', damaged], { DATABASE_URL: `sqlite:${databaseFile}` })).code,
      0,
    );
    const bytes = readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 3, pageSize * 3 + 200);
    writeFileSync(damaged, bytes);
    const corrupt = await runCli(['restore', '--from', damaged], env);
    assert.equal(corrupt.code, 1);
    assert.match(corrupt.stderr, /damaged\.db (fails SQLite's integrity check|is not a readable)/);

    assert.equal(existsSync(target), false, 'no database appeared');
  });
});

describe('backup on PostgreSQL', () => {
  it('builds the pg_dump command from DATABASE_URL without the password', () => {
    const command = buildPgDumpCommand(
      'postgres://openpatrol:s3cr%40t@db.internal:5433/patrols?sslmode=require',
      'tenant_a',
      '/backups/openpatrol.dump',
    );
    assert.equal(command.password, 's3cr@t');
    assert.deepEqual(command.args, [
      '--format=custom',
      '--dbname=postgres://openpatrol@db.internal:5433/patrols?sslmode=require',
      '--schema=tenant_a',
      '--file=/backups/openpatrol.dump',
    ]);
    assert.doesNotMatch(command.display, /s3cr/);
  });

  it('prints the pg_dump command and exits 1 when pg_dump is not on PATH', async () => {
    // Nothing connects to the database on this path, so any PostgreSQL URL will do.
    const folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-no-pg-dump-'));
    try {
      const result = await runCli(['backup', '--to', path.join(folder, 'a.dump')], {
        DATABASE_URL: 'postgres://openpatrol:never-printed@db.internal:5432/openpatrol',
        PATH: folder,
      });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /pg_dump is not on PATH/);
      assert.match(
        result.stderr,
        /pg_dump --format=custom --dbname=postgres:\/\/openpatrol@db\.internal:5432\/openpatrol/,
      );
      assert.match(result.stderr, /pg_restore --no-owner/);
      assert.doesNotMatch(result.stderr + result.stdout, /never-printed/);
      assert.equal(existsSync(path.join(folder, 'a.dump')), false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  // pg_dump needs a server to dump: this runs in the PostgreSQL suite (TEST_DATABASE_URL).
  if (isTestingPostgres())
    it('runs pg_dump when it is on PATH, into a custom-format file', async () => {
      const database = await createTestDatabaseEnvironment();
      const folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-pg-backup-'));
      try {
        assert.equal((await runCli(['migrate'], database.env)).code, 0);
        const file = path.join(folder, 'b.dump');
        const result = await runCli(['backup', '--to', file], database.env);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Backed up .*b\.dump: [\d.]+ KiB in [\d.]+ s\./);
        assert.equal(readFileSync(file).subarray(0, 5).toString(), 'PGDMP');
      } finally {
        await database.destroy();
        rmSync(folder, { recursive: true, force: true });
      }
    });
});
