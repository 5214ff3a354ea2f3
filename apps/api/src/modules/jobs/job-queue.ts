import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { insertJob, releaseUniqueKey, summarizeDueJobs } from './jobs.repository.js';

/**
 * The durable job queue: a row in `jobs` per job, claimed by workers (`worker.ts`) through
 * `claimJobs` in the dialect seam.
 *
 * Idempotency contract: a job may run more than once. A worker can crash, or its claim can expire
 * while the job is still running, after the work is done but before the job is marked completed;
 * another worker then runs it again. Every handler must therefore give the same result when
 * repeated (delete what is still there, upsert instead of insert, check before sending, …).
 */

export interface EnqueueJobOptions {
  readonly type: string;
  /** Serialized as JSON; the handler receives the parsed value. */
  readonly payload?: unknown;
  /** When the job becomes due; now when absent. */
  readonly runAt?: Date;
  /** While a pending (not completed, not failed) job holds this key, enqueueing another is a no-op. */
  readonly uniqueKey?: string;
  readonly organizationId?: string;
  /** Runs before the job is marked failed for good; 10 when absent. */
  readonly maxAttempts?: number;
}

export interface EnqueuedJob {
  readonly id: string;
  /** False when a pending job already held the unique key, so nothing was added. */
  readonly enqueued: boolean;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Adds a job. Takes a Kysely instance so a caller can enqueue inside its own transaction: the job
 * then exists if and only if the caller's change was committed.
 */
export async function enqueueJob(
  db: Kysely<Database>,
  options: EnqueueJobOptions,
  now: Date = new Date(),
): Promise<EnqueuedJob> {
  const id = randomUUID();
  const enqueued = await insertJob(db, {
    id,
    organizationId: options.organizationId ?? null,
    type: options.type,
    payload: JSON.stringify(options.payload ?? {}),
    uniqueKey: options.uniqueKey ?? null,
    runAt: (options.runAt ?? now).toISOString(),
    attempts: 0,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    createdAt: now.toISOString(),
    completedAt: null,
    failedAt: null,
  });
  return { id, enqueued };
}

/**
 * For periodic jobs: the running job gives up its unique key and enqueues its next run under that
 * key, in one transaction, so there is always exactly one pending run. (The running job still
 * counts as pending until it completes, so enqueueing under its key directly would be a no-op.)
 */
export async function enqueueSuccessor(
  db: Kysely<Database>,
  currentJobId: string,
  next: EnqueueJobOptions & { readonly uniqueKey: string },
  now: Date,
): Promise<EnqueuedJob> {
  return db.transaction().execute(async (trx) => {
    await releaseUniqueKey(trx, currentJobId);
    return enqueueJob(trx, next, now);
  });
}

export interface QueuedJobs {
  readonly type: string;
  /** Jobs of this type due now and not finished, running ones included. */
  readonly count: number;
  /** How long the longest-waiting of them has been due. */
  readonly oldestAgeMs: number;
}

/** The queue depth by job type, for metrics: a growing count or age means too few workers. */
export async function describeQueuedJobs(db: Kysely<Database>, now: Date): Promise<QueuedJobs[]> {
  const rows = await summarizeDueJobs(db, now.toISOString());
  return rows.map((row) => ({
    type: row.type,
    count: Number(row.count),
    oldestAgeMs: Math.max(0, now.getTime() - Date.parse(String(row.oldestRunAt))),
  }));
}
