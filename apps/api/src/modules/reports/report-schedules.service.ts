import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, DatabaseHandle, ReportSchedulesTable } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import { AppError, defineProblem, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { Mailer } from '../../shared/mailer.js';
import { seesAllLocations, type Actor, type MemberActor } from '../auth/actor.js';
import { loadMemberActor } from '../auth/member-actor.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { isIanaTimeZone } from '../locations/time-zones.js';
import { localTime } from './executions-report.js';
import { nextSendAt, periodOf, type SendTiming } from './report-periods.js';
import type {
  CreateReportScheduleBody,
  ReportSchedule,
  UpdateReportScheduleBody,
} from './report-schedules.schemas.js';
import type { ReportsService } from './reports.service.js';

/**
 * Scheduled reports (issue 9): the executions report e-mailed daily or weekly to listed
 * recipients, such as a location's client. The `report-schedules` job finds schedules that are
 * due and, in one transaction each, moves them to their next send time and enqueues one
 * `send-scheduled-report` job for the period; that job renders the report as the schedule's
 * member sees it and records the e-mails and the delivery together, so a job run twice (after a
 * crash or a lost claim) e-mails once.
 */

export type ReportSchedulesService = ReturnType<typeof createReportSchedulesService>;

export const SEND_SCHEDULED_REPORT_JOB = 'send-scheduled-report';

export const reportScheduleNotFound = defineProblem({
  type: 'report-schedule-not-found',
  title: 'No such report schedule',
  status: 404,
});
export const invalidReportSchedule = defineProblem({
  type: 'invalid-report-schedule',
  title: 'The report schedule is not valid',
  status: 400,
});

/** How many due schedules one run of the `report-schedules` job takes on. */
const DUE_BATCH_SIZE = 100;

export interface SendScheduledReportPayload {
  readonly organizationId: string;
  readonly scheduleId: string;
  readonly from: string;
  readonly to: string;
}

const timingOf = (row: Pick<ReportSchedulesTable, 'frequency' | 'weekday' | 'hour' | 'timeZone'>) =>
  ({
    frequency: row.frequency,
    weekday: row.weekday,
    hour: row.hour,
    timeZone: row.timeZone,
  }) satisfies SendTiming;

function toSchedule(row: ReportSchedulesTable): ReportSchedule {
  return {
    id: row.id,
    name: row.name,
    frequency: row.frequency,
    weekday: row.weekday,
    hour: row.hour,
    timeZone: row.timeZone,
    locationIds: row.locationIds === null ? null : (JSON.parse(row.locationIds) as string[]),
    format: row.format,
    recipients: JSON.parse(row.recipients) as string[],
    enabled: row.enabled === 1,
    memberId: row.memberId,
    nextRunAt: row.enabled === 1 ? row.nextRunAt : null,
    lastSentAt: row.lastSentAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function memberOf(actor: Actor): MemberActor {
  if (actor.kind !== 'member')
    throw invalidReportSchedule({ detail: 'Report schedules are made by members, who own them.' });
  return actor;
}

export function createReportSchedulesService({
  database,
  clock,
  mailer,
  logger,
  reportsService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  reportsService: Pick<ReportsService, 'executionsReport'>;
}) {
  const { db } = database;

  /** Owners and Admins see every schedule; a Manager sees their own. */
  async function findVisible(actor: Actor, id: string): Promise<ReportSchedulesTable> {
    let query = db
      .selectFrom('reportSchedules')
      .selectAll()
      .where('organizationId', '=', actor.organizationId)
      .where('id', '=', id);
    if (!seesAllLocations(actor.role))
      query = query.where('memberId', '=', memberOf(actor).memberId);
    const row = await query.executeTakeFirst();
    if (!row) throw reportScheduleNotFound({ detail: `There is no report schedule ${id}.` });
    return row;
  }

  /** Field errors of a schedule as it would be saved; locations must be ones the actor sees. */
  async function check(
    actor: Actor,
    schedule: Pick<ReportSchedulesTable, 'frequency' | 'weekday' | 'timeZone'> & {
      locationIds: readonly string[] | null;
    },
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (schedule.frequency === 'WEEKLY' && schedule.weekday === null)
      errors.push({ in: 'body', pointer: '/weekday', detail: 'is required for a weekly report' });
    if (schedule.frequency === 'DAILY' && schedule.weekday !== null)
      errors.push({ in: 'body', pointer: '/weekday', detail: 'must be null for a daily report' });
    if (!isIanaTimeZone(schedule.timeZone))
      errors.push({ in: 'body', pointer: '/timeZone', detail: 'must be an IANA time zone' });
    const locationIds = schedule.locationIds ?? [];
    if (locationIds.length > 0) {
      const found = new Set(
        (
          await db
            .selectFrom('locations')
            .select('id')
            .where('organizationId', '=', actor.organizationId)
            .where('id', 'in', locationIds)
            .execute()
        ).map((row) => row.id),
      );
      locationIds.forEach((id, index) => {
        if (!found.has(id) || (actor.locationIds !== null && !actor.locationIds.includes(id)))
          errors.push({
            in: 'body',
            pointer: `/locationIds/${index}`,
            detail: 'is not a location you can see',
          });
      });
    }
    return errors;
  }

  function throwIfAny(errors: readonly FieldError[]): void {
    if (errors.length > 0)
      throw invalidReportSchedule({
        detail: `Check ${errors.map((error) => error.pointer).join(', ')}.`,
        errors,
      });
  }

  /**
   * Renders and records one period's report, once: the e-mails and the delivery row are written
   * in one transaction, and a delivery already recorded is only (re)sent.
   */
  async function sendReport(payload: SendScheduledReportPayload): Promise<void> {
    const { organizationId, scheduleId, from } = payload;
    const recorded = await db
      .selectFrom('reportDeliveries')
      .select('emailOutboxIds')
      .where('organizationId', '=', organizationId)
      .where('scheduleId', '=', scheduleId)
      .where('periodStart', '=', from)
      .executeTakeFirst();
    const outboxIds = recorded
      ? (JSON.parse(recorded.emailOutboxIds) as string[])
      : await renderAndRecord(payload);
    for (const id of outboxIds) await mailer.deliver(db, id);
  }

  async function recordFailure(schedule: ReportSchedulesTable, error: string): Promise<void> {
    logger.warn({ scheduleId: schedule.id, error }, 'scheduled report not sent');
    await db
      .updateTable('reportSchedules')
      .set({ lastError: error })
      .where('organizationId', '=', schedule.organizationId)
      .where('id', '=', schedule.id)
      .execute();
  }

  async function renderAndRecord(payload: SendScheduledReportPayload): Promise<string[]> {
    const { organizationId, scheduleId, from, to } = payload;
    const schedule = await db
      .selectFrom('reportSchedules')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('id', '=', scheduleId)
      .executeTakeFirst();
    // Deleted or disabled since the period fell due: the latest choice wins.
    if (!schedule || schedule.enabled !== 1) return [];
    const actor = await loadMemberActor(db, organizationId, schedule.memberId);
    if (!actor) {
      await recordFailure(schedule, 'Its member is archived: give the schedule to someone else.');
      return [];
    }
    const locationIds =
      schedule.locationIds === null ? null : (JSON.parse(schedule.locationIds) as string[]);
    let report: Awaited<ReturnType<ReportsService['executionsReport']>>;
    try {
      report = await reportsService.executionsReport(actor, {
        from,
        to,
        ...(locationIds ? { locationIds: locationIds.join(',') } : {}),
        format: schedule.format,
      });
    } catch (error) {
      // A report that cannot be made (too large, a location gone) will not be made by retrying.
      if (error instanceof AppError) {
        await recordFailure(schedule, error.detail ?? error.title);
        return [];
      }
      throw error;
    }

    // The days covered, in the schedule's zone: "2026-12-07", or "2026-12-07 to 2026-12-13".
    const firstDay = localTime(from, schedule.timeZone).slice(0, 10);
    const lastDay = localTime(new Date(Date.parse(to) - 1).toISOString(), schedule.timeZone).slice(
      0,
      10,
    );
    const period = firstDay === lastDay ? firstDay : `${firstDay} to ${lastDay}`;
    const fileName = `executions_${period.replace(' to ', '_')}.${schedule.format}`;
    const recipients = JSON.parse(schedule.recipients) as string[];
    try {
      return await db.transaction().execute(async (trx: Kysely<Database>) => {
        const outboxIds: string[] = [];
        for (const recipient of recipients)
          outboxIds.push(
            await mailer.enqueue(trx, {
              organizationId,
              to: recipient,
              subject: `${schedule.name}: executions ${period}`,
              text: [
                `The executions report "${schedule.name}" for ${period} (${schedule.timeZone}) is attached as ${fileName}.`,
                `It lists ${report.rowCount} execution(s), with each one's results and whether its record verifies.`,
                '',
                'You receive it because you are on the schedule’s list of recipients; ask the sender to remove you.',
              ].join('\n'),
              attachments: [
                {
                  fileName,
                  contentType: report.contentType.split(';')[0] ?? report.contentType,
                  content: Buffer.isBuffer(report.body) ? report.body : Buffer.from(report.body),
                },
              ],
            }),
          );
        const now = clock.now().toISOString();
        await trx
          .insertInto('reportDeliveries')
          .values({
            organizationId,
            scheduleId,
            periodStart: from,
            periodEnd: to,
            executionCount: report.rowCount,
            emailOutboxIds: JSON.stringify(outboxIds),
            createdAt: now,
          })
          .execute();
        await trx
          .updateTable('reportSchedules')
          .set({ lastSentAt: now, lastError: null })
          .where('organizationId', '=', organizationId)
          .where('id', '=', scheduleId)
          .execute();
        return outboxIds;
      });
    } catch (error) {
      // Another run recorded this period first: its e-mails are the ones to send.
      if (!isUniqueViolation(error)) throw error;
      const first = await db
        .selectFrom('reportDeliveries')
        .select('emailOutboxIds')
        .where('organizationId', '=', organizationId)
        .where('scheduleId', '=', scheduleId)
        .where('periodStart', '=', from)
        .executeTakeFirstOrThrow();
      return JSON.parse(first.emailOutboxIds) as string[];
    }
  }

  return {
    async listSchedules(actor: Actor): Promise<ReportSchedule[]> {
      let query = db
        .selectFrom('reportSchedules')
        .selectAll()
        .where('organizationId', '=', actor.organizationId);
      if (!seesAllLocations(actor.role))
        query = query.where('memberId', '=', memberOf(actor).memberId);
      return (await query.orderBy('createdAt').orderBy('id').execute()).map(toSchedule);
    },

    async getSchedule(actor: Actor, id: string): Promise<ReportSchedule> {
      return toSchedule(await findVisible(actor, id));
    },

    async createSchedule(actor: Actor, body: CreateReportScheduleBody): Promise<ReportSchedule> {
      const member = memberOf(actor);
      const timeZone =
        body.timeZone ??
        (
          await db
            .selectFrom('organizations')
            .select('timeZone')
            .where('id', '=', actor.organizationId)
            .executeTakeFirstOrThrow()
        ).timeZone;
      const draft = {
        frequency: body.frequency,
        weekday: body.weekday ?? null,
        hour: body.hour,
        timeZone,
        locationIds: body.locationIds ?? null,
      };
      throwIfAny(await check(actor, draft));
      const now = clock.now();
      const row: ReportSchedulesTable = {
        organizationId: actor.organizationId,
        id: newId(),
        name: body.name.trim(),
        ...draft,
        locationIds: draft.locationIds === null ? null : JSON.stringify(draft.locationIds),
        format: body.format,
        recipients: JSON.stringify(body.recipients.map((address) => address.trim())),
        memberId: member.memberId,
        enabled: body.enabled === false ? 0 : 1,
        nextRunAt: nextSendAt(timingOf(draft), now),
        lastSentAt: null,
        lastError: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await db.insertInto('reportSchedules').values(row).execute();
      return toSchedule(row);
    },

    async updateSchedule(
      actor: Actor,
      id: string,
      body: UpdateReportScheduleBody,
    ): Promise<ReportSchedule> {
      const current = await findVisible(actor, id);
      const frequency = body.frequency ?? current.frequency;
      const draft = {
        frequency,
        // Switching to DAILY drops the weekday unless the body says otherwise.
        weekday:
          body.weekday !== undefined
            ? body.weekday
            : body.frequency === 'DAILY'
              ? null
              : current.weekday,
        hour: body.hour ?? current.hour,
        timeZone: body.timeZone ?? current.timeZone,
        locationIds:
          body.locationIds !== undefined
            ? body.locationIds
            : current.locationIds === null
              ? null
              : (JSON.parse(current.locationIds) as string[]),
      };
      throwIfAny(await check(actor, draft));
      const now = clock.now();
      const enabled = body.enabled === undefined ? current.enabled : body.enabled ? 1 : 0;
      const row: ReportSchedulesTable = {
        ...current,
        ...draft,
        name: body.name?.trim() ?? current.name,
        locationIds: draft.locationIds === null ? null : JSON.stringify(draft.locationIds),
        format: body.format ?? current.format,
        recipients:
          body.recipients !== undefined
            ? JSON.stringify(body.recipients.map((address) => address.trim()))
            : current.recipients,
        enabled,
        // From now: a schedule moved or re-enabled never sends for periods it skipped.
        nextRunAt: nextSendAt(timingOf(draft), now),
        updatedAt: now.toISOString(),
      };
      await db
        .updateTable('reportSchedules')
        .set(row)
        .where('organizationId', '=', actor.organizationId)
        .where('id', '=', id)
        .execute();
      return toSchedule(row);
    },

    async deleteSchedule(actor: Actor, id: string): Promise<void> {
      await findVisible(actor, id);
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('reportDeliveries')
          .where('organizationId', '=', actor.organizationId)
          .where('scheduleId', '=', id)
          .execute();
        await trx
          .deleteFrom('reportSchedules')
          .where('organizationId', '=', actor.organizationId)
          .where('id', '=', id)
          .execute();
      });
    },

    /**
     * For the `report-schedules` job: moves each due schedule to its next send time and enqueues
     * the send for the period that fell due, both in one transaction. A schedule due several
     * times while no worker ran sends the latest period once. Returns how many were enqueued.
     */
    async enqueueDueReports(): Promise<number> {
      const now = clock.now();
      const due = await db
        .selectFrom('reportSchedules')
        .selectAll()
        .where('enabled', '=', 1)
        .where('nextRunAt', '<=', now.toISOString())
        .orderBy('nextRunAt')
        .limit(DUE_BATCH_SIZE)
        .execute();
      let enqueued = 0;
      for (const schedule of due) {
        const timing = timingOf(schedule);
        // The latest send time that has passed: after downtime, only the newest period goes.
        let sendAt = schedule.nextRunAt;
        for (
          let next = nextSendAt(timing, new Date(sendAt));
          next <= now.toISOString();
          next = nextSendAt(timing, new Date(next))
        )
          sendAt = next;
        const period = periodOf(timing, sendAt);
        await db.transaction().execute(async (trx) => {
          // Only the worker that moves the schedule on enqueues its send.
          const moved = await trx
            .updateTable('reportSchedules')
            .set({ nextRunAt: nextSendAt(timing, now) })
            .where('organizationId', '=', schedule.organizationId)
            .where('id', '=', schedule.id)
            .where('nextRunAt', '=', schedule.nextRunAt)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return;
          const payload: SendScheduledReportPayload = {
            organizationId: schedule.organizationId,
            scheduleId: schedule.id,
            ...period,
          };
          await enqueueJob(
            trx,
            {
              type: SEND_SCHEDULED_REPORT_JOB,
              organizationId: schedule.organizationId,
              payload,
              uniqueKey: `${SEND_SCHEDULED_REPORT_JOB}:${schedule.id}:${period.from}`,
            },
            now,
          );
          enqueued++;
        });
      }
      return enqueued;
    },

    sendReport,
  };
}
