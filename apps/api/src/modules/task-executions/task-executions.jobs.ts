import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { enqueueJob, enqueueSuccessor, type EnqueuedJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/worker.js';
import type { PerformingService } from './performing.service.js';
import type { TaskExecutionsService } from './task-executions.service.js';

/**
 * `task-schedules`: closes deadlined executions still in progress after their window as
 * INCOMPLETE, keeps every task's occurrences materialized ahead and stamps expiry (decision
 * 0008), then schedules its next run. One pending run at a time across all workers
 * (unique key); idempotent, so a run repeated after a crash changes nothing twice.
 */
export const TASK_SCHEDULES_JOB = 'task-schedules';

/** Expiry is stamped within this long of a window's end; pollers see it on their next poll. */
export const TASK_SCHEDULES_INTERVAL_MS = 60 * 1000;

export function createTaskSchedulesJob(
  taskExecutionsService: Pick<TaskExecutionsService, 'maintainSchedules'>,
  performingService: Pick<PerformingService, 'closeAtDeadline'>,
): JobHandler {
  return async (_payload, { job, database, clock, logger }) => {
    // Close deadlined executions first, so expiry stamps see them INCOMPLETE.
    const closed = await performingService.closeAtDeadline();
    const result = { closed, ...(await taskExecutionsService.maintainSchedules()) };
    if (result.closed + result.expired + result.extended > 0)
      logger.info(result, 'task schedules maintained');
    const now = clock.now();
    await enqueueSuccessor(
      database.db,
      job.id,
      {
        type: TASK_SCHEDULES_JOB,
        uniqueKey: TASK_SCHEDULES_JOB,
        runAt: new Date(now.getTime() + TASK_SCHEDULES_INTERVAL_MS),
      },
      now,
    );
  };
}

/** Makes sure a run is pending (due now if none was); called when a worker starts. */
export function scheduleTaskSchedules(db: Kysely<Database>, now: Date): Promise<EnqueuedJob> {
  return enqueueJob(
    db,
    { type: TASK_SCHEDULES_JOB, uniqueKey: TASK_SCHEDULES_JOB, runAt: now },
    now,
  );
}
