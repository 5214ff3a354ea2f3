import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { enqueueJob, enqueueSuccessor, type EnqueuedJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/worker.js';
import {
  SEND_SCHEDULED_REPORT_JOB,
  type ReportSchedulesService,
  type SendScheduledReportPayload,
} from './report-schedules.service.js';

/**
 * `report-schedules`: every minute, enqueues the sends of scheduled reports that fell due, then
 * schedules its next run. One pending run at a time across all workers (unique key).
 */
export const REPORT_SCHEDULES_JOB = 'report-schedules';
export const REPORT_SCHEDULES_INTERVAL_MS = 60 * 1000;

export { SEND_SCHEDULED_REPORT_JOB };

export function createReportSchedulesJob(
  reportSchedulesService: Pick<ReportSchedulesService, 'enqueueDueReports'>,
): JobHandler {
  return async (_payload, { job, database, clock, logger }) => {
    const enqueued = await reportSchedulesService.enqueueDueReports();
    if (enqueued > 0) logger.info({ enqueued }, 'scheduled reports due');
    const now = clock.now();
    await enqueueSuccessor(
      database.db,
      job.id,
      {
        type: REPORT_SCHEDULES_JOB,
        uniqueKey: REPORT_SCHEDULES_JOB,
        runAt: new Date(now.getTime() + REPORT_SCHEDULES_INTERVAL_MS),
      },
      now,
    );
  };
}

/** `send-scheduled-report`: renders one period's report and e-mails it, once. */
export function createSendScheduledReportJob(
  reportSchedulesService: Pick<ReportSchedulesService, 'sendReport'>,
): JobHandler {
  return (payload) => reportSchedulesService.sendReport(payload as SendScheduledReportPayload);
}

/** Makes sure a run is pending (due now if none was); called when a worker starts. */
export function scheduleReportSchedules(db: Kysely<Database>, now: Date): Promise<EnqueuedJob> {
  return enqueueJob(
    db,
    { type: REPORT_SCHEDULES_JOB, uniqueKey: REPORT_SCHEDULES_JOB, runAt: now },
    now,
  );
}
