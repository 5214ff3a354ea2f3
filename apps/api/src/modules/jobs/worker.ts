import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { DatabaseHandle, JobsTable } from '../../database/database.js';
import { claimJobs } from '../../database/dialect.js';
import type { Clock } from '../../shared/clock.js';
import {
  extendJobClaim,
  markJobCompleted,
  markJobFailed,
  markJobForRetry,
} from './jobs.repository.js';

/** What a handler learns about the job it runs, besides the payload. */
export interface JobContext {
  readonly job: Readonly<JobsTable>;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Runs one job. Resolving completes it; throwing counts as a failed attempt, retried later.
 * Handlers must be idempotent: see the contract in job-queue.ts.
 */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface WorkerOptions {
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Names this process in `jobs.locked_by`; a random one when absent. */
  readonly workerId?: string;
  /** How long to wait before looking again when no job is due. */
  readonly pollIntervalMs?: number;
  /**
   * How long a claim holds without renewal. A running job's claim is renewed every third of it,
   * so this is how soon the jobs of a worker that died (SIGKILL, a lost machine) run elsewhere.
   */
  readonly lockForMs?: number;
  /** Told about every attempt once its outcome is recorded (the metrics module counts them). */
  readonly onJobFinished?: (attempt: FinishedJobAttempt) => void;
}

export interface FinishedJobAttempt {
  readonly type: string;
  /** COMPLETED, or RETRY (failed, will run again), or FAILED (for good). */
  readonly outcome: 'COMPLETED' | 'RETRY' | 'FAILED';
  readonly durationMs: number;
}

export interface Worker {
  readonly workerId: string;
  /** Starts polling in the background. */
  start(): void;
  /** Stops polling; resolves once the job in hand, if any, has finished. */
  stop(): Promise<void>;
  /** Runs every job that is due now, one at a time, and returns how many ran (for tests). */
  runOnce(): Promise<number>;
  /**
   * The heartbeat readiness checks read: when the worker last reached the database to claim or
   * record a job, the current time while a job runs, null before its first claim.
   */
  lastActiveAt(): Date | null;
}

/** A worker that has not reached the database for this long is reported as not ready. */
export const WORKER_STALE_AFTER_MS = 30_000;

/** Readiness check for a process that runs a worker (see HealthService.addReadinessCheck). */
export function checkWorkerHeartbeat(worker: Worker, clock: Clock): Promise<string | null> {
  const lastActiveAt = worker.lastActiveAt();
  if (lastActiveAt === null) return Promise.resolve('the background worker has not polled yet');
  const silentForMs = clock.now().getTime() - lastActiveAt.getTime();
  return Promise.resolve(
    silentForMs > WORKER_STALE_AFTER_MS
      ? `the background worker has not reached the database for ${Math.round(silentForMs / 1000)} s`
      : null,
  );
}

/** A dead worker's jobs are picked up by another within this long. */
export const DEFAULT_LOCK_FOR_MS = 60 * 1000;

/** The longest wait between two attempts of a failing job. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 4000;

/** 2^attempts seconds after the failed attempt, capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, MAX_RETRY_DELAY_MS);
}

export function createWorker(options: WorkerOptions): Worker {
  const { database, clock, handlers } = options;
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const lockForMs = options.lockForMs ?? DEFAULT_LOCK_FOR_MS;
  const logger = options.logger.child({ workerId });

  let stopping = false;
  let lastActiveAt: Date | null = null;
  let isRunningJob = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function runJob(job: JobsTable): Promise<void> {
    const log = logger.child({ jobId: job.id, jobType: job.type, attempt: job.attempts });
    const started = Date.now();
    const finishedAt = () => clock.now().toISOString();
    try {
      // A claim that expired while its job ran counts an attempt without an outcome; this is
      // where a job that keeps crashing its worker stops being retried.
      if (job.attempts > job.maxAttempts)
        throw new GiveUp(
          `gave up after ${job.maxAttempts} attempts; the last one did not report back`,
        );
      const handler = Object.hasOwn(handlers, job.type) ? handlers[job.type] : undefined;
      if (!handler)
        throw new Error(
          `no handler for job type "${job.type}" in this worker (known: ${Object.keys(handlers).join(', ') || 'none'})`,
        );
      // Renew the claim while the handler runs, so a long job is never run twice at once, and
      // a short claim still frees the jobs of a worker that died.
      const renewal = setInterval(() => {
        const lockedUntil = new Date(clock.now().getTime() + lockForMs).toISOString();
        extendJobClaim(database.db, job.id, workerId, lockedUntil).catch((error: unknown) =>
          log.warn({ err: error }, 'could not renew the job claim'),
        );
      }, lockForMs / 3);
      try {
        await handler(JSON.parse(job.payload) as unknown, { job, database, clock, logger: log });
      } finally {
        clearInterval(renewal);
      }
      await markJobCompleted(database.db, job.id, workerId, finishedAt());
      log.info({ durationMs: Date.now() - started }, 'job completed');
      options.onJobFinished?.({
        type: job.type,
        outcome: 'COMPLETED',
        durationMs: Date.now() - started,
      });
    } catch (error) {
      const lastError = describeError(error);
      if (error instanceof GiveUp || job.attempts >= job.maxAttempts) {
        await markJobFailed(database.db, job.id, workerId, { at: finishedAt(), lastError });
        log.error({ err: error }, `job failed for good after ${job.attempts} attempt(s)`);
        options.onJobFinished?.({
          type: job.type,
          outcome: 'FAILED',
          durationMs: Date.now() - started,
        });
      } else {
        const runAt = new Date(clock.now().getTime() + retryDelayMs(job.attempts));
        await markJobForRetry(database.db, job.id, workerId, {
          runAt: runAt.toISOString(),
          lastError,
        });
        log.warn({ err: error, retryAt: runAt.toISOString() }, 'job failed; will retry');
        options.onJobFinished?.({
          type: job.type,
          outcome: 'RETRY',
          durationMs: Date.now() - started,
        });
      }
    }
  }

  async function runOnce(): Promise<number> {
    let ran = 0;
    while (!stopping) {
      const [job] = await claimJobs(database, {
        workerId,
        now: clock.now(),
        lockForMs,
        limit: 1,
      });
      lastActiveAt = clock.now();
      if (!job) break;
      isRunningJob = true;
      try {
        await runJob(job);
      } finally {
        isRunningJob = false;
        lastActiveAt = clock.now();
      }
      ran += 1;
    }
    return ran;
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      try {
        await runOnce();
      } catch (error) {
        // The database may be briefly unreachable; keep polling rather than die.
        logger.error({ err: error }, 'could not claim or record jobs; retrying');
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    workerId,
    start() {
      if (loop) return;
      stopping = false;
      logger.info({ pollIntervalMs }, 'worker started');
      loop = poll();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
    runOnce,
    lastActiveAt: () => (isRunningJob ? clock.now() : lastActiveAt),
  };
}

class GiveUp extends Error {}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
