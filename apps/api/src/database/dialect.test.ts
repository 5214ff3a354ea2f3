import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, isTestingPostgres } from '../test-support/test-database.js';
import type { DatabaseHandle } from './database.js';
import {
  claimJobs,
  containsIgnoringCase,
  isForeignKeyViolation,
  isUniqueViolation,
} from './dialect.js';

/** These run on whichever database the suite targets: SQLite by default, PostgreSQL in CI too. */
describe('dialect seam', () => {
  let database: DatabaseHandle;
  // A scratch table of this test file's own, so the seam is tested without a feature's schema.
  let db: Kysely<{ scratch_places: { id: string; name: string; parent_id: string | null } }>;

  before(async () => {
    database = await createTestDatabase();
    db = database.db.withoutPlugins() as unknown as typeof db;
    await db.schema
      .createTable('scratch_places')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull().unique())
      .addColumn('parent_id', 'text', (column) => column.references('scratch_places.id'))
      .execute();
    await db
      .insertInto('scratch_places')
      .values([
        { id: '1', name: 'Main Gate', parent_id: null },
        { id: '2', name: 'ГОЛОВНИЙ ВХІД', parent_id: '1' },
        { id: '3', name: 'Stock 100%_full', parent_id: '1' },
        { id: '4', name: 'Stock 1000 full', parent_id: '1' },
      ])
      .execute();
  });
  after(() => database.destroy());

  const namesContaining = async (text: string) =>
    (
      await db
        .selectFrom('scratch_places')
        .select('name')
        .where(containsIgnoringCase(database.dialect, 'name', text))
        .orderBy('id')
        .execute()
    ).map((row) => row.name);

  describe('containsIgnoringCase', () => {
    it('ignores case in Latin text', async () => {
      assert.deepEqual(await namesContaining('main gATE'), ['Main Gate']);
    });

    it('ignores case in Cyrillic text too', async () => {
      assert.deepEqual(await namesContaining('головний'), ['ГОЛОВНИЙ ВХІД']);
    });

    it('takes % and _ literally instead of as wildcards', async () => {
      assert.deepEqual(await namesContaining('100%_'), ['Stock 100%_full']);
    });
  });

  describe('constraint violations', () => {
    it('recognises a unique violation from this driver', async () => {
      const error = await db
        .insertInto('scratch_places')
        .values({ id: '9', name: 'Main Gate', parent_id: null })
        .execute()
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      assert.ok(error, 'the duplicate insert must fail');
      assert.equal(isUniqueViolation(error), true);
      assert.equal(isForeignKeyViolation(error), false);
    });

    it('recognises a foreign-key violation from this driver', async () => {
      const error = await db
        .insertInto('scratch_places')
        .values({ id: '8', name: 'Orphan', parent_id: 'missing' })
        .execute()
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      assert.ok(error, 'foreign keys are enforced');
      assert.equal(isForeignKeyViolation(error), true);
      assert.equal(isUniqueViolation(error), false);
    });

    it('recognises neither in an unrelated error', async () => {
      const error = await sql`select * from no_such_table`.execute(db).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      assert.ok(error);
      assert.equal(isUniqueViolation(error), false);
      assert.equal(isForeignKeyViolation(error), false);
    });
  });
  describe('claimJobs', () => {
    const now = new Date('2027-03-01T12:00:00.000Z');
    const minutes = (count: number) => new Date(now.getTime() + count * 60_000).toISOString();
    const claim = (workerId: string, limit = 10, at = now) =>
      claimJobs(database, { workerId, now: at, lockForMs: 5 * 60_000, limit });
    const addJob = (id: string, fields: { runAt?: string; lockedUntil?: string } = {}) =>
      database.db
        .insertInto('jobs')
        .values({
          id,
          organizationId: null,
          type: 'test',
          payload: '{}',
          uniqueKey: null,
          runAt: fields.runAt ?? minutes(-1),
          attempts: 0,
          maxAttempts: 10,
          lockedBy: fields.lockedUntil ? 'crashed-worker' : null,
          lockedUntil: fields.lockedUntil ?? null,
          lastError: null,
          createdAt: minutes(-10),
          completedAt: null,
          failedAt: null,
        })
        .execute();

    beforeEach(() => database.db.deleteFrom('jobs').execute());

    it('claims due jobs oldest first, locking them for the worker and counting the attempt', async () => {
      await addJob('b', { runAt: minutes(-1) });
      await addJob('a', { runAt: minutes(-2) });
      const claimed = await claim('worker-1');
      assert.deepEqual(
        claimed.map((job) => [job.id, job.lockedBy, job.lockedUntil, job.attempts]),
        [
          ['a', 'worker-1', minutes(5), 1],
          ['b', 'worker-1', minutes(5), 1],
        ],
      );
    });

    it('never gives two claimers the same job', async () => {
      for (let index = 0; index < 20; index += 1)
        await addJob(`job-${String(index).padStart(2, '0')}`);
      // On PostgreSQL the claims run at once, each on its own pooled connection; SQLite
      // serializes them anyway.
      const rounds = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map((workerId) => claim(workerId, 6)),
      );
      const leftover = await claim('w5', 20);
      const ids = [...rounds.flat(), ...leftover].map((job) => job.id);
      assert.equal(new Set(ids).size, ids.length, 'no job was claimed twice');
      assert.equal(ids.length, 20, 'every job was claimed once');
      assert.deepEqual(await claim('w6'), []);
    });

    it('leaves a job claimed by another worker alone until its lock expires, then reclaims it', async () => {
      await addJob('held', { lockedUntil: minutes(3) });
      await addJob('abandoned', { lockedUntil: minutes(-1) });
      assert.deepEqual(
        (await claim('worker-2')).map((job) => [job.id, job.lockedBy]),
        [['abandoned', 'worker-2']],
      );
      const later = new Date(now.getTime() + 4 * 60_000);
      assert.deepEqual(
        (await claim('worker-3', 10, later)).map((job) => [job.id, job.lockedBy]),
        [['held', 'worker-3']],
      );
    });

    it('does not claim a job due in the future, nor a completed or failed one', async () => {
      await addJob('future', { runAt: minutes(1) });
      await addJob('done');
      await addJob('dead');
      await database.db
        .updateTable('jobs')
        .set({ completedAt: minutes(-1) })
        .where('id', '=', 'done')
        .execute();
      await database.db
        .updateTable('jobs')
        .set({ failedAt: minutes(-1) })
        .where('id', '=', 'dead')
        .execute();
      assert.deepEqual(await claim('worker-1'), []);
      assert.deepEqual(
        (await claim('worker-1', 10, new Date(now.getTime() + 60_000))).map((job) => job.id),
        ['future'],
      );
    });

    it('claims only the requested types and no more than the limit', async () => {
      await addJob('one');
      await addJob('two');
      await database.db
        .updateTable('jobs')
        .set({ type: 'other' })
        .where('id', '=', 'two')
        .execute();
      const claimed = await claimJobs(database, {
        workerId: 'w',
        now,
        lockForMs: 1000,
        limit: 5,
        types: ['other'],
      });
      assert.deepEqual(
        claimed.map((job) => job.id),
        ['two'],
      );
      assert.equal((await claim('w', 0)).length, 0);
    });

    // PostgreSQL only (SQLite has no row locks); the CI runs this file on both databases, so the
    // test is defined, not skipped, where it applies.
    const itOnPostgres = isTestingPostgres() ? it : () => Promise.resolve();
    void itOnPostgres(
      'skips a job whose row another PostgreSQL transaction has locked instead of waiting for it',
      async () => {
        await addJob('locked', { runAt: minutes(-2) });
        await addJob('free', { runAt: minutes(-1) });
        await database.db.transaction().execute(async (trx) => {
          await trx
            .selectFrom('jobs')
            .select('id')
            .where('id', '=', 'locked')
            .forUpdate()
            .execute();
          // claimJobs takes another connection from the pool while this transaction holds the row.
          assert.deepEqual(
            (await claim('worker-1')).map((job) => job.id),
            ['free'],
          );
        });
        assert.deepEqual(
          (await claim('worker-2')).map((job) => job.id),
          ['locked'],
        );
      },
    );
  });
});
