import type { Kysely } from 'kysely';
import type { Database, JobsTable } from '../../database/database.js';

/** Queries for the job table and for housekeeping. No rules here. */

/**
 * Inserts a job unless a pending job already holds its unique key. ON CONFLICT DO NOTHING rather
 * than catching the violation: on PostgreSQL a failed statement aborts the caller's transaction.
 * Returns whether the row was inserted.
 */
export async function insertJob(db: Kysely<Database>, job: JobsTable): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values(job)
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findJob(db: Kysely<Database>, id: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every write below applies only while this worker still holds the claim. */
function updateClaimedJob(db: Kysely<Database>, id: string, workerId: string) {
  return db.updateTable('jobs').where('id', '=', id).where('lockedBy', '=', workerId);
}

export async function markJobCompleted(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  at: string,
) {
  await updateClaimedJob(db, id, workerId)
    .set({ completedAt: at, lockedBy: null, lockedUntil: null })
    .execute();
}

/** Keeps a running job claimed; a no-op once the claim went to another worker. */
export async function extendJobClaim(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  lockedUntil: string,
) {
  await updateClaimedJob(db, id, workerId).set({ lockedUntil }).execute();
}

export async function markJobForRetry(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  retry: { runAt: string; lastError: string },
) {
  await updateClaimedJob(db, id, workerId)
    .set({ runAt: retry.runAt, lastError: retry.lastError, lockedBy: null, lockedUntil: null })
    .execute();
}

export async function markJobFailed(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  failure: { at: string; lastError: string },
) {
  await updateClaimedJob(db, id, workerId)
    .set({ failedAt: failure.at, lastError: failure.lastError, lockedBy: null, lockedUntil: null })
    .execute();
}

/** Lets a running periodic job hand its unique key to its successor. */
export async function releaseUniqueKey(db: Kysely<Database>, id: string) {
  await db.updateTable('jobs').set({ uniqueKey: null }).where('id', '=', id).execute();
}

/** Housekeeping: rows nothing reads any more. Each returns how many rows it deleted. */

export async function deleteExpiredSessions(db: Kysely<Database>, now: string) {
  const result = await db.deleteFrom('sessions').where('expiresAt', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSignInFailuresBefore(db: Kysely<Database>, before: string) {
  const result = await db
    .deleteFrom('signInFailures')
    .where('failedAt', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Tokens used, or expired, before the cutoff; unused and recently ended ones stay. */
export async function deleteOneTimeTokensEndedBefore(db: Kysely<Database>, before: string) {
  const result = await db
    .deleteFrom('oneTimeTokens')
    .where((token) => token.or([token('usedAt', '<', before), token('expiresAt', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteJobsCompletedBefore(db: Kysely<Database>, before: string) {
  const result = await db.deleteFrom('jobs').where('completedAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Jobs due by `now` and not finished (running ones included), by type, with the earliest due
 * time: the queue depth operators watch. Served by the jobs_ready index.
 */
export function summarizeDueJobs(db: Kysely<Database>, now: string) {
  return db
    .selectFrom('jobs')
    .select((eb) => [
      'type',
      eb.fn.countAll<number>().as('count'),
      eb.fn.min('runAt').as('oldestRunAt'),
    ])
    .where('completedAt', 'is', null)
    .where('failedAt', 'is', null)
    .where('runAt', '<=', now)
    .groupBy('type')
    .execute();
}
