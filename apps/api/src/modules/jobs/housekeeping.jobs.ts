import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { enqueueJob, enqueueSuccessor, type EnqueuedJob } from './job-queue.js';
import {
  deleteExpiredSessions,
  deleteJobsCompletedBefore,
  deleteOneTimeTokensEndedBefore,
  deleteSignInFailuresBefore,
} from './jobs.repository.js';
import { purgeExpiredIdempotencyKeys } from '../idempotency/idempotency.repository.js';
import type { JobHandler } from './worker.js';

/**
 * `housekeeping`: deletes rows nothing reads any more, then schedules its next run an hour later.
 * One pending run at a time, across all workers, through the unique key. Idempotent: a repeated
 * run deletes nothing new and finds its successor already scheduled.
 */
export const HOUSEKEEPING_JOB = 'housekeeping';
export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sign-in failures only matter to the throttle, which looks back less than a day. */
const SIGN_IN_FAILURES_KEPT_MS = DAY_MS;
/** Used or expired links are kept a week, so a late click can still be told why it fails. */
const ONE_TIME_TOKENS_KEPT_MS = 7 * DAY_MS;
/** Completed jobs are kept a week for troubleshooting; failed jobs stay until someone looks. */
const COMPLETED_JOBS_KEPT_MS = 7 * DAY_MS;

export interface HousekeepingResult {
  readonly sessions: number;
  readonly signInFailures: number;
  readonly oneTimeTokens: number;
  readonly idempotencyKeys: number;
  readonly jobs: number;
}

/** Deletes what has outlived its use as of `now`; returns how many rows of each kind went. */
export async function deleteStaleRows(
  db: Kysely<Database>,
  now: Date,
): Promise<HousekeepingResult> {
  const ago = (millis: number) => new Date(now.getTime() - millis).toISOString();
  return {
    sessions: await deleteExpiredSessions(db, now.toISOString()),
    signInFailures: await deleteSignInFailuresBefore(db, ago(SIGN_IN_FAILURES_KEPT_MS)),
    oneTimeTokens: await deleteOneTimeTokensEndedBefore(db, ago(ONE_TIME_TOKENS_KEPT_MS)),
    idempotencyKeys: await purgeExpiredIdempotencyKeys(db, now),
    jobs: await deleteJobsCompletedBefore(db, ago(COMPLETED_JOBS_KEPT_MS)),
  };
}

export const housekeepingJob: JobHandler = async (_payload, { job, database, clock, logger }) => {
  const now = clock.now();
  const deleted = await deleteStaleRows(database.db, now);
  logger.info({ deleted }, 'housekeeping done');
  await enqueueSuccessor(
    database.db,
    job.id,
    {
      type: HOUSEKEEPING_JOB,
      uniqueKey: HOUSEKEEPING_JOB,
      runAt: new Date(now.getTime() + HOUSEKEEPING_INTERVAL_MS),
    },
    now,
  );
};

/** Makes sure a housekeeping run is pending (due now if none was); called when a worker starts. */
export function scheduleHousekeeping(db: Kysely<Database>, now: Date): Promise<EnqueuedJob> {
  return enqueueJob(db, { type: HOUSEKEEPING_JOB, uniqueKey: HOUSEKEEPING_JOB, runAt: now }, now);
}
