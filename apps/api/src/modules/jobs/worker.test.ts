import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
import type { DatabaseHandle } from '../../database/database.js';
import { createFixedClock } from '../../shared/clock.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import { enqueueJob, enqueueSuccessor } from './job-queue.js';
import { findJob } from './jobs.repository.js';
import { createWorker, MAX_RETRY_DELAY_MS, retryDelayMs, type JobHandler } from './worker.js';

describe('job queue and worker', () => {
  let database: DatabaseHandle;
  const start = new Date('2027-03-01T12:00:00.000Z');
  let clock: ReturnType<typeof createFixedClock>;
  const logger = pino({ level: 'silent' });

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute();
    clock = createFixedClock(start);
  });

  const workerWith = (handlers: Record<string, JobHandler>) =>
    createWorker({
      database,
      clock,
      logger,
      handlers,
      workerId: 'test-worker',
      pollIntervalMs: 10,
    });
  const job = async (id: string) => {
    const row = await findJob(database.db, id);
    assert.ok(row, `job ${id} exists`);
    return row;
  };

  describe('enqueueJob', () => {
    it('stores the type, the payload as JSON and the due time', async () => {
      const { id, enqueued } = await enqueueJob(
        database.db,
        {
          type: 'send-report',
          payload: { reportId: 'r1' },
          runAt: new Date('2027-03-02T00:00:00Z'),
        },
        start,
      );
      assert.equal(enqueued, true);
      const row = await job(id);
      assert.deepEqual(
        [
          row.type,
          JSON.parse(row.payload),
          row.runAt,
          row.attempts,
          row.maxAttempts,
          row.createdAt,
        ],
        ['send-report', { reportId: 'r1' }, '2027-03-02T00:00:00.000Z', 0, 10, start.toISOString()],
      );
    });

    it('does nothing when a pending job already holds the unique key', async () => {
      const first = await enqueueJob(
        database.db,
        { type: 'digest', uniqueKey: 'digest:o1' },
        start,
      );
      const second = await enqueueJob(
        database.db,
        { type: 'digest', uniqueKey: 'digest:o1' },
        start,
      );
      assert.deepEqual([first.enqueued, second.enqueued], [true, false]);
      assert.equal(
        (await database.db.selectFrom('jobs').select('id').execute()).length,
        1,
        'only the first job was stored',
      );
    });

    it('accepts the same unique key again once the earlier job has completed', async () => {
      const first = await enqueueJob(
        database.db,
        { type: 'digest', uniqueKey: 'digest:o1' },
        start,
      );
      await database.db
        .updateTable('jobs')
        .set({ completedAt: start.toISOString() })
        .where('id', '=', first.id)
        .execute();
      const second = await enqueueJob(
        database.db,
        { type: 'digest', uniqueKey: 'digest:o1' },
        start,
      );
      assert.equal(second.enqueued, true);
    });

    it('enqueues inside the caller’s transaction: a duplicate does not abort it, a rollback discards the job', async () => {
      await enqueueJob(database.db, { type: 'digest', uniqueKey: 'digest:o1' }, start);
      await database.db.transaction().execute(async (trx) => {
        const duplicate = await enqueueJob(trx, { type: 'digest', uniqueKey: 'digest:o1' }, start);
        assert.equal(duplicate.enqueued, false);
        // The transaction is still usable after the no-op (PostgreSQL aborts on a failed statement).
        await enqueueJob(trx, { type: 'committed' }, start);
      });
      const rolledBack = await database.db
        .transaction()
        .execute(async (trx) => {
          await enqueueJob(trx, { type: 'rolled-back' }, start);
          throw new Error('the caller changed its mind');
        })
        .catch(() => 'rolled back');
      assert.equal(rolledBack, 'rolled back');
      const types = (
        await database.db.selectFrom('jobs').select('type').orderBy('type').execute()
      ).map((row) => row.type);
      assert.deepEqual(types, ['committed', 'digest']);
    });
  });

  describe('runOnce', () => {
    it('runs a due job with its payload and marks it completed', async () => {
      const seen: unknown[] = [];
      const { id } = await enqueueJob(
        database.db,
        { type: 'greet', payload: { name: 'Olena' } },
        start,
      );
      const worker = workerWith({
        greet: async (payload, context) => {
          seen.push(payload, context.job.id, context.job.attempts);
        },
      });
      assert.equal(await worker.runOnce(), 1);
      assert.deepEqual(seen, [{ name: 'Olena' }, id, 1]);
      const row = await job(id);
      assert.deepEqual(
        [row.completedAt, row.failedAt, row.lockedBy, row.lockedUntil],
        [start.toISOString(), null, null, null],
      );
      assert.equal(await worker.runOnce(), 0, 'a completed job does not run again');
    });

    it('leaves a job that is not due yet for later', async () => {
      await enqueueJob(
        database.db,
        { type: 'greet', runAt: new Date(start.getTime() + 60_000) },
        start,
      );
      let runs = 0;
      const worker = workerWith({ greet: async () => void (runs += 1) });
      assert.equal(await worker.runOnce(), 0);
      clock.advance(60_000);
      assert.equal(await worker.runOnce(), 1);
      assert.equal(runs, 1);
    });

    it('retries a failing job with growing delays, then marks it failed after its last attempt', async () => {
      const { id } = await enqueueJob(database.db, { type: 'flaky', maxAttempts: 3 }, start);
      const worker = workerWith({
        flaky: async () => {
          throw new Error('the mail server is down');
        },
      });

      assert.equal(await worker.runOnce(), 1);
      let row = await job(id);
      assert.equal(row.attempts, 1);
      assert.match(row.lastError ?? '', /the mail server is down/);
      assert.equal(row.runAt, new Date(start.getTime() + 2_000).toISOString());
      assert.equal(row.lockedBy, null);
      assert.equal(row.failedAt, null);

      assert.equal(await worker.runOnce(), 0, 'not before the delay has passed');
      clock.advance(2_000);
      assert.equal(await worker.runOnce(), 1);
      row = await job(id);
      assert.equal(row.attempts, 2);
      assert.equal(row.runAt, new Date(clock.now().getTime() + 4_000).toISOString());

      clock.advance(4_000);
      assert.equal(await worker.runOnce(), 1);
      row = await job(id);
      assert.equal(row.attempts, 3);
      assert.equal(row.failedAt, clock.now().toISOString());
      assert.match(row.lastError ?? '', /the mail server is down/);
      clock.advance(MAX_RETRY_DELAY_MS);
      assert.equal(await worker.runOnce(), 0, 'a failed job is not retried');
    });

    it('doubles the retry delay per attempt up to one hour', () => {
      assert.deepEqual(
        [1, 2, 3, 10, 11, 12, 30].map(retryDelayMs),
        [2_000, 4_000, 8_000, 1_024_000, 2_048_000, 3_600_000, 3_600_000],
      );
    });

    it('fails a job of a type this worker has no handler for, naming the type', async () => {
      const { id } = await enqueueJob(database.db, { type: 'teleport', maxAttempts: 1 }, start);
      const worker = workerWith({ greet: async () => undefined });
      assert.equal(await worker.runOnce(), 1);
      const row = await job(id);
      assert.equal(row.failedAt, start.toISOString());
      assert.match(row.lastError ?? '', /no handler for job type "teleport"/);
    });

    it('gives up on a job whose claims keep expiring without an outcome', async () => {
      const { id } = await enqueueJob(database.db, { type: 'greet', maxAttempts: 2 }, start);
      // Two workers crashed while running it: the attempts were counted, the locks expired.
      await database.db
        .updateTable('jobs')
        .set({ attempts: 2, lockedBy: 'crashed', lockedUntil: start.toISOString() })
        .where('id', '=', id)
        .execute();
      clock.advance(1);
      let runs = 0;
      const worker = workerWith({ greet: async () => void (runs += 1) });
      assert.equal(await worker.runOnce(), 1);
      assert.equal(runs, 0);
      const row = await job(id);
      assert.ok(row.failedAt);
      assert.match(row.lastError ?? '', /gave up after 2 attempts/);
    });

    it('does not record an outcome for a job whose claim another worker has taken over', async () => {
      const { id } = await enqueueJob(database.db, { type: 'slow' }, start);
      const worker = workerWith({
        slow: async () => {
          // Meanwhile the claim expired and another worker took the job.
          await database.db
            .updateTable('jobs')
            .set({ lockedBy: 'other-worker' })
            .where('id', '=', id)
            .execute();
        },
      });
      await worker.runOnce();
      const row = await job(id);
      assert.deepEqual([row.completedAt, row.lockedBy], [null, 'other-worker']);
    });

    it('renews the claim of a job that runs longer than a claim lasts, so no other worker takes it', async () => {
      const { id } = await enqueueJob(database.db, { type: 'long' }, start);
      const lockForMs = 300;
      const claimsSeen: string[] = [];
      const first = createWorker({
        database,
        clock,
        logger,
        workerId: 'first',
        lockForMs,
        handlers: {
          long: async () => {
            // Three claim lengths pass on the clock while the job runs; the claim moves on.
            for (let step = 0; step < 3; step++) {
              await new Promise((resolve) => setTimeout(resolve, lockForMs));
              clock.advance(lockForMs);
              claimsSeen.push((await job(id)).lockedUntil ?? '');
            }
          },
        },
      });
      const second = createWorker({
        database,
        clock,
        logger,
        workerId: 'second',
        lockForMs,
        handlers: { long: () => Promise.reject(new Error('ran twice')) },
      });
      const running = first.runOnce();
      await new Promise((resolve) => setTimeout(resolve, 2.5 * lockForMs));
      assert.equal(await second.runOnce(), 0, 'the job is still claimed by the first worker');
      assert.equal(await running, 1);
      const row = await job(id);
      assert.deepEqual([Boolean(row.completedAt), row.attempts], [true, 1]);
      // The claim moved on with the clock instead of lapsing at the first claim's end.
      assert.ok(
        (claimsSeen.at(-1) ?? '') > new Date(start.getTime() + lockForMs).toISOString(),
        claimsSeen.join(' '),
      );
    });

    it('lets a periodic job hand its unique key to its next run', async () => {
      await enqueueJob(database.db, { type: 'tick', uniqueKey: 'tick' }, start);
      const worker = workerWith({
        tick: async (_payload, { job: current, database: handle, clock: now }) => {
          await enqueueSuccessor(
            handle.db,
            current.id,
            { type: 'tick', uniqueKey: 'tick', runAt: new Date(now.now().getTime() + 60_000) },
            now.now(),
          );
        },
      });
      assert.equal(await worker.runOnce(), 1);
      const rows = await database.db
        .selectFrom('jobs')
        .select(['uniqueKey', 'runAt', 'completedAt'])
        .orderBy('runAt')
        .execute();
      assert.deepEqual(rows, [
        { uniqueKey: null, runAt: start.toISOString(), completedAt: start.toISOString() },
        {
          uniqueKey: 'tick',
          runAt: new Date(start.getTime() + 60_000).toISOString(),
          completedAt: null,
        },
      ]);
      const again = await enqueueJob(database.db, { type: 'tick', uniqueKey: 'tick' }, start);
      assert.equal(again.enqueued, false, 'the next run holds the key');
    });
  });

  describe('start and stop', () => {
    it('picks up jobs while running and finishes the job in hand when stopped', async () => {
      let release: () => void = () => undefined;
      const started = deferred<void>();
      const finished: string[] = [];
      const { id } = await enqueueJob(database.db, { type: 'slow' }, start);
      const worker = workerWith({
        slow: async () => {
          started.resolve();
          await new Promise<void>((resolve) => (release = resolve));
          finished.push('slow');
        },
      });
      worker.start();
      await started.promise;
      const stopped = worker.stop();
      release();
      await stopped;
      assert.deepEqual(finished, ['slow']);
      assert.equal((await job(id)).completedAt, start.toISOString());
    });

    it('keeps polling and runs a job enqueued after it started', async () => {
      const ran = deferred<unknown>();
      const worker = workerWith({ later: async (payload) => ran.resolve(payload) });
      worker.start();
      try {
        await enqueueJob(database.db, { type: 'later', payload: { n: 1 } }, start);
        assert.deepEqual(await ran.promise, { n: 1 });
      } finally {
        await worker.stop();
      }
    });
  });
});

/** Promise.withResolvers, which Node 20 lacks. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
