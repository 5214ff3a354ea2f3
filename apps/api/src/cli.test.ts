import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from './config.js';
import { openDatabase } from './database/connection.js';
import { enqueueJob } from './modules/jobs/job-queue.js';
import { findJob } from './modules/jobs/jobs.repository.js';
import { createTestDatabaseEnvironment } from './test-support/test-database.js';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

/** The CLI from source, as its own process, with only the environment the test gives it. */
function startCli(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: packageDirectory,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

async function runCli(args: string[], env: Record<string, string> = {}) {
  const child = startCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Reads pino's JSON lines until one matches, so the test waits for an event instead of sleeping. */
function waitForLogLine(
  child: ChildProcessWithoutNullStreams,
  matches: (line: Record<string, unknown>) => boolean,
) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const text of lines) {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (matches(line)) {
          child.stdout.off('data', onData);
          resolve(line);
          return;
        }
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the process exited (${code}) before the expected log line`)),
    );
  });
}

describe('openpatrol CLI', () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseEnvironment>>;
  before(async () => {
    database = await createTestDatabaseEnvironment();
  });
  after(() => database.destroy());

  it('prints its commands with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage: openpatrol <command>/);
    assert.match(stdout, /serve/);
    assert.match(stdout, /migrate/);
    assert.match(stdout, /worker/);
  });

  it('refuses an unknown command with exit code 2 and the usage', async () => {
    const { code, stderr } = await runCli(['launch']);
    assert.equal(code, 2);
    assert.match(stderr, /Unknown command "launch"/);
    assert.match(stderr, /Usage:/);
  });

  it('lists every configuration problem and exits 1 without a stack trace', async () => {
    const { code, stderr } = await runCli(['serve'], { PORT: 'x', LOG_LEVEL: 'chatty' });
    assert.equal(code, 1);
    assert.match(stderr, /PORT must be an integer/);
    assert.match(stderr, /LOG_LEVEL must be one of/);
    assert.doesNotMatch(stderr, /\bat .*\.ts:\d+/);
  });

  it('migrates an empty database, then finds nothing more to do', async () => {
    const first = await runCli(['migrate'], database.env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /applied \d+ migration/);
    const second = await runCli(['migrate'], database.env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /database schema is current/);
  });

  it('serves until SIGTERM, then finishes an in-flight request and exits 0', async () => {
    const child = startCli(['serve'], {
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    try {
      const listening = await waitForLogLine(child, (line) =>
        String(line.msg).startsWith('Server listening at'),
      );
      const address = /http:\/\/[\d.]+:\d+/.exec(String(listening.msg))?.[0];
      assert.ok(address);

      const health = await fetch(`${address}/api/health`);
      assert.equal(health.status, 200);
      assert.equal(
        ((await health.json()) as { database: { status: string } }).database.status,
        'OK',
      );

      // A response still being sent when the signal arrives is completed, not cut off: the
      // API reference's script bundle is larger than the socket buffers, and is read after the signal.
      const bundleUrl = `${address}/api/docs/static/swagger-ui-bundle.js`;
      const inFlight = await fetch(bundleUrl);
      assert.equal(inFlight.status, 200);
      const expectedLength = Number(inFlight.headers.get('content-length'));
      assert.ok(expectedLength > 1_000_000);
      const shutdownLogged = waitForLogLine(child, (line) => line.msg === 'shutdown complete');
      child.kill('SIGTERM');
      await waitForLogLine(child, (line) => String(line.msg).startsWith('shutting down'));
      assert.equal((await inFlight.arrayBuffer()).byteLength, expectedLength);
      await shutdownLogged;
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it(
    'runs background jobs with the worker command, then exits 0 on SIGTERM',
    { timeout: 60_000 },
    async () => {
      const migrated = await runCli(['migrate'], database.env);
      assert.equal(migrated.code, 0, migrated.stderr);
      const handle = openDatabase(loadConfig(database.env).database);
      try {
        const staleSince = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
        await handle.db
          .insertInto('signInFailures')
          .values({ throttleKey: 'stale', failedAt: staleSince })
          .execute();
        // No unique key: the serve tests' in-process worker has already scheduled the next run.
        const { id, enqueued } = await enqueueJob(handle.db, { type: 'housekeeping' });
        assert.equal(enqueued, true);

        const child = startCli(['worker'], { ...database.env, LOG_LEVEL: 'info' });
        try {
          const completed = await waitForLogLine(
            child,
            (line) => line.msg === 'job completed' && line.jobId === id,
          );
          assert.equal(completed.jobType, 'housekeeping');
          assert.ok((await findJob(handle.db, id))?.completedAt);
          const stale = await handle.db
            .selectFrom('signInFailures')
            .select('id')
            .where('throttleKey', '=', 'stale')
            .execute();
          assert.deepEqual(stale, [], 'housekeeping ran against this database');

          const shutdownLogged = waitForLogLine(child, (line) => line.msg === 'shutdown complete');
          child.kill('SIGTERM');
          await shutdownLogged;
          const [code] = (await once(child, 'exit')) as [number | null];
          assert.equal(code, 0);
        } finally {
          if (child.exitCode === null) child.kill('SIGKILL');
        }
      } finally {
        await handle.destroy();
      }
    },
  );

  it('creates an organization and an API token headlessly, and the token works against the server', async () => {
    const organization = await runCli(
      [
        'create-organization',
        '--name',
        'Headless Patrols',
        '--owner-email',
        'Boss@Headless.example',
        '--owner-password',
        'a long enough password',
        '--owner-name',
        'Olha Petrenko',
        '--json',
      ],
      database.env,
    );
    assert.equal(organization.code, 0, organization.stderr);
    const created = JSON.parse(organization.stdout) as {
      organization: { id: string; name: string };
      owner: { email: string };
    };
    assert.equal(created.organization.name, 'Headless Patrols');
    assert.equal(created.owner.email, 'boss@headless.example');

    const token = await runCli(
      ['create-api-token', '--organization', 'Headless Patrols', '--name', 'CRM', '--json'],
      database.env,
    );
    assert.equal(token.code, 0, token.stderr);
    const { token: secret, organizationId } = JSON.parse(token.stdout) as {
      token: string;
      organizationId: string;
    };
    assert.match(secret, /^opk_/);
    assert.equal(organizationId, created.organization.id);

    const child = startCli(['serve'], {
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    try {
      const listening = await waitForLogLine(child, (line) =>
        String(line.msg).startsWith('Server listening at'),
      );
      const address = /http:\/\/[\d.]+:\d+/.exec(String(listening.msg))?.[0];
      const users = await fetch(`${address}/api/users`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      assert.equal(users.status, 200);
      const [owner] = (await users.json()) as {
        firstName: string;
        lastName: string;
        role: string;
      }[];
      assert.deepEqual(owner && [owner.firstName, owner.lastName, owner.role], [
        'Olha',
        'Petrenko',
        'OWNER',
      ]);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('explains a weak owner password and a missing option instead of failing silently', async () => {
    const weak = await runCli(
      [
        'create-organization',
        '--name',
        'X',
        '--owner-email',
        'x@example.com',
        '--owner-password',
        'short',
      ],
      database.env,
    );
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /at least 10 characters/);
    const missing = await runCli(['create-api-token', '--name', 'CRM'], database.env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs --organization/);
  });

  it('moves an organization to another installation with export-organization and import-organization', async () => {
    const target = await createTestDatabaseEnvironment();
    const folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-cli-export-'));
    try {
      const created = await runCli(
        [
          'create-organization',
          '--name',
          'Moving Co',
          '--owner-email',
          'owner@moving.example',
          '--owner-password',
          'a long passphrase indeed',
          '--json',
        ],
        database.env,
      );
      assert.equal(created.code, 0, created.stderr);
      const { organization } = JSON.parse(created.stdout) as { organization: { id: string } };
      const file = path.join(folder, 'moving.json.gz');

      const missing = await runCli(['export-organization', '--to', file], database.env);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /export-organization needs --organization/);

      const exported = await runCli(
        ['export-organization', '--organization', organization.id, '--to', file],
        database.env,
      );
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(
        exported.stdout,
        /Exported organization "Moving Co" .*: \d+ rows, 0 media objects/,
      );

      const imported = await runCli(['import-organization', '--from', file], target.env);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /Imported organization "Moving Co"/);
      assert.match(imported.stdout, /every hash chain is intact/);

      const again = await runCli(['import-organization', '--from', file], target.env);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already exists in this installation\. Nothing was imported\./);
    } finally {
      await target.destroy();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
