import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { findFreePort } from '../../test-support/free-port.js';
import { createTestDatabaseEnvironment } from '../../test-support/test-database.js';
import type { Readiness } from '../health/health.schemas.js';

const packageDirectory = fileURLToPath(new URL('../../..', import.meta.url));

/** Asks `url` until `isDone` accepts the answer, for a process that is still starting. */
async function pollUntil(url: string, isDone: (status: number, body: string) => boolean) {
  const deadline = Date.now() + 45_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      const body = await response.text();
      if (isDone(response.status, body)) return body;
      last = `${response.status} ${body.slice(0, 500)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered as expected; last: ${last}`);
}

describe('openpatrol worker with METRICS_PORT', () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseEnvironment>>;
  before(async () => {
    database = await createTestDatabaseEnvironment();
  });
  after(() => database.destroy());

  it(
    'serves its job metrics and readiness, heartbeat included, until SIGTERM',
    { timeout: 90_000 },
    async () => {
      const port = await findFreePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
        cwd: packageDirectory,
        env: {
          PATH: process.env.PATH ?? '',
          ...database.env,
          LOG_LEVEL: 'silent',
          HOST: '127.0.0.1',
          METRICS_PORT: String(port),
        },
        stdio: 'ignore',
      });
      try {
        const base = `http://127.0.0.1:${port}`;
        const readiness = JSON.parse(
          await pollUntil(`${base}/api/health/ready`, (status) => status === 200),
        ) as Readiness;
        assert.deepEqual(
          readiness.checks.map((check) => [check.name, check.status]),
          [
            ['database', 'OK'],
            ['migrations', 'OK'],
            ['worker', 'OK'],
          ],
        );
        // The worker schedules housekeeping when it starts, due at once: its run is counted.
        await pollUntil(`${base}/metrics`, (status, body) =>
          /^openpatrol_jobs_total\{type="housekeeping",outcome="COMPLETED"\} 1$/m.test(body),
        );
        assert.equal((await fetch(`${base}/api/health/live`)).status, 200);
        // Only the operations routes: the API is not served by a worker.
        assert.equal((await fetch(`${base}/api/users`)).status, 404);

        child.kill('SIGTERM');
        const [code] = (await once(child, 'exit')) as [number | null];
        assert.equal(code, 0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  );
});
