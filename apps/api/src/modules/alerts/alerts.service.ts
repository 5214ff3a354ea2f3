import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  AlertRulesTable,
  AlertsTable,
  AlertTrigger,
  Database,
  DatabaseHandle,
} from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import { defineProblem, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { DomainEvent, DomainEvents } from '../../shared/domain-events.js';
import { describeActor, type Actor } from '../auth/actor.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { TaskExecutionInfo } from '../task-executions/task-executions.schemas.js';
import type { Alert, AlertRule, CreateAlertRuleBody, PanicBody } from './alerts.schemas.js';

/**
 * Alerts (issue 9): rules turn domain events into alerts — a missed patrol, a late start, a run
 * with errors, a serious issue, a panic — and each alert is sent step by step to the rule's
 * recipients until someone acknowledges it (the `notify-alert` job). Alerts are raised in the
 * transaction of the event, so none is lost.
 */

export type AlertsService = ReturnType<typeof createAlertsService>;
export const NOTIFY_ALERT_JOB = 'notify-alert';

export const alertNotFound = defineProblem({
  type: 'alert-not-found',
  title: 'No such alert or alert rule',
  status: 404,
});
export const invalidAlertRule = defineProblem({
  type: 'invalid-alert-rule',
  title: 'The alert rule is not valid',
  status: 400,
});

const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

interface Escalation {
  readonly afterMinutes: number;
  readonly memberIds: readonly string[];
}

function toRule(row: AlertRulesTable): AlertRule {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    threshold: row.threshold,
    locationIds: row.locationIds === null ? null : (JSON.parse(row.locationIds) as string[]),
    escalation: JSON.parse(row.escalation) as Escalation[] as AlertRule['escalation'],
    enabled: row.enabled === 1,
    createdAt: row.createdAt,
  };
}

function toAlert(row: AlertsTable): Alert {
  return {
    id: row.id,
    ruleId: row.ruleId,
    trigger: row.trigger,
    locationId: row.locationId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    title: row.title,
    detail: row.detail,
    status: row.status,
    level: row.level,
    createdAt: row.createdAt,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: row.acknowledgedBy,
  };
}

/** Which trigger an event can raise, and what the alert says, or null when it raises none. */
function alertFor(
  trigger: AlertTrigger,
  threshold: string | null,
  event: DomainEvent,
  data: unknown,
): { subjectType: string; subjectId: string; title: string; detail: string | null } | null {
  const execution = data as TaskExecutionInfo;
  switch (trigger) {
    case 'EXECUTION_EXPIRED':
      return event.type === 'task-execution.expired'
        ? {
            subjectType: 'TASK_EXECUTION',
            subjectId: execution.id,
            title: `Missed: ${execution.name}`,
            detail: `The window ${execution.startAt} – ${execution.endAt} ended and the execution is ${execution.state}.`,
          }
        : null;
    case 'LATE_START': {
      if (event.type !== 'task-execution.started' || execution.startedAt === null) return null;
      const lateMinutes =
        (Date.parse(execution.startedAt) - Date.parse(execution.startAt)) / 60_000;
      return lateMinutes > Number(threshold ?? 0)
        ? {
            subjectType: 'TASK_EXECUTION',
            subjectId: execution.id,
            title: `Started ${Math.round(lateMinutes)} min late: ${execution.name}`,
            detail: `Planned for ${execution.startAt}, started at ${execution.startedAt}.`,
          }
        : null;
    }
    case 'COMPLETED_WITH_ERRORS':
      return event.type === 'task-execution.completed' && execution.errorCount > 0
        ? {
            subjectType: 'TASK_EXECUTION',
            subjectId: execution.id,
            title: `Finished with ${execution.errorCount} error(s): ${execution.name}`,
            detail: `${execution.missingRequiredValuesCount ?? 0} required value(s) missing, ${execution.numericErrorCount ?? 0} out of range.`,
          }
        : null;
    case 'ISSUE_SEVERITY': {
      if (event.type !== 'issue.created') return null;
      const issue = data as { id: string; title: string; severity: string; category: string };
      return SEVERITIES.indexOf(issue.severity) >= SEVERITIES.indexOf(threshold ?? 'LOW')
        ? {
            subjectType: 'ISSUE',
            subjectId: issue.id,
            title: `${issue.severity} issue: ${issue.title}`,
            detail: `Category ${issue.category}.`,
          }
        : null;
    }
    case 'PANIC':
      return null; // raised by the panic endpoint itself
  }
}

/** Domain event types any rule can react to: others are ignored before any query. */
const RELEVANT = new Set([
  'task-execution.expired',
  'task-execution.started',
  'task-execution.completed',
  'issue.created',
]);

export function createAlertsService({
  database,
  clock,
}: {
  database: DatabaseHandle;
  clock: Clock;
}) {
  const { db } = database;

  async function raise(
    trx: Kysely<Database>,
    organizationId: string,
    rule: AlertRulesTable,
    locationId: string | null,
    alert: { subjectType: string; subjectId: string; title: string; detail: string | null },
  ): Promise<AlertsTable | null> {
    const now = clock.now();
    const row: AlertsTable = {
      organizationId,
      id: randomUUID(),
      ruleId: rule.id,
      trigger: rule.trigger,
      locationId,
      ...alert,
      status: 'OPEN',
      level: 0,
      createdAt: now.toISOString(),
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
    // One alert per rule and subject: an expiry stamped twice raises nothing new. Checked first,
    // since a violation would end a PostgreSQL transaction.
    const existing = await trx
      .selectFrom('alerts')
      .select('id')
      .where('ruleId', '=', rule.id)
      .where('subjectId', '=', alert.subjectId)
      .executeTakeFirst();
    if (existing) return null;
    await trx.insertInto('alerts').values(row).execute();
    await enqueueJob(
      trx,
      {
        type: NOTIFY_ALERT_JOB,
        payload: { alertId: row.id, level: 0 },
        organizationId,
        uniqueKey: `alert:${row.id}:0`,
      },
      now,
    );
    return row;
  }

  function rulesFor(target: Kysely<Database>, organizationId: string, triggers: AlertTrigger[]) {
    return target
      .selectFrom('alertRules')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('trigger', 'in', triggers)
      .where('enabled', '=', 1)
      .execute();
  }

  const matchesLocation = (rule: AlertRulesTable, locationId: string | null) =>
    rule.locationIds === null ||
    locationId === null ||
    (JSON.parse(rule.locationIds) as string[]).includes(locationId);

  /** Listens to domain events, raising alerts for the rules they meet. */
  const listener: DomainEvents = {
    async emit(trx, organizationId, event) {
      if (!RELEVANT.has(event.type)) return;
      const rules = (
        await rulesFor(trx, organizationId, [
          'EXECUTION_EXPIRED',
          'LATE_START',
          'COMPLETED_WITH_ERRORS',
          'ISSUE_SEVERITY',
        ])
      ).filter((rule) => matchesLocation(rule, event.locationId));
      if (rules.length === 0) return;
      const data = await event.data();
      for (const rule of rules) {
        const alert = alertFor(rule.trigger, rule.threshold, event, data);
        if (alert) await raise(trx, organizationId, rule, event.locationId, alert);
      }
    },
  };

  function checkRule(body: CreateAlertRuleBody): FieldError[] {
    const errors: FieldError[] = [];
    const threshold = body.threshold ?? null;
    if (body.trigger === 'LATE_START' && (threshold === null || !/^\d{1,4}$/.test(threshold)))
      errors.push({
        in: 'body',
        pointer: '/threshold',
        detail: 'must be the minutes of lateness, e.g. "15"',
      });
    if (body.trigger === 'ISSUE_SEVERITY' && !SEVERITIES.includes(threshold ?? ''))
      errors.push({
        in: 'body',
        pointer: '/threshold',
        detail: `must be one of ${SEVERITIES.join(', ')}`,
      });
    body.escalation.forEach((step, index) => {
      const previous = body.escalation[index - 1];
      if (previous && step.afterMinutes <= previous.afterMinutes)
        errors.push({
          in: 'body',
          pointer: `/escalation/${index}/afterMinutes`,
          detail: 'must be later than the step before',
        });
    });
    return errors;
  }

  return {
    listener,

    async listRules(actor: Actor): Promise<AlertRule[]> {
      const rows = await db
        .selectFrom('alertRules')
        .selectAll()
        .where('organizationId', '=', actor.organizationId)
        .orderBy('createdAt')
        .execute();
      return rows.map(toRule);
    },

    async createRule(actor: Actor, body: CreateAlertRuleBody): Promise<AlertRule> {
      const errors = checkRule(body);
      const memberIds = [...new Set(body.escalation.flatMap((step) => step.memberIds))];
      const members = await db
        .selectFrom('members')
        .select('id')
        .where('organizationId', '=', actor.organizationId)
        .where('id', 'in', memberIds)
        .where('archived', '=', 0)
        .execute();
      const known = new Set(members.map((member) => member.id));
      body.escalation.forEach((step, index) =>
        step.memberIds.forEach((id, position) => {
          if (!known.has(id))
            errors.push({
              in: 'body',
              pointer: `/escalation/${index}/memberIds/${position}`,
              detail: 'is not an active member of this organization',
            });
        }),
      );
      if (errors.length > 0)
        throw invalidAlertRule({
          detail: `Check ${errors.map((e) => e.pointer).join(', ')}.`,
          errors,
        });
      const now = clock.now().toISOString();
      const row: AlertRulesTable = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        name: body.name.trim(),
        trigger: body.trigger,
        threshold: body.threshold ?? null,
        locationIds: body.locationIds ? JSON.stringify(body.locationIds) : null,
        escalation: JSON.stringify(body.escalation),
        enabled: 1,
        createdAt: now,
        updatedAt: now,
      };
      await db.insertInto('alertRules').values(row).execute();
      return toRule(row);
    },

    async deleteRule(actor: Actor, id: string): Promise<void> {
      const result = await db
        .updateTable('alertRules')
        .set({ enabled: 0, updatedAt: clock.now().toISOString() })
        .where('organizationId', '=', actor.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0)
        throw alertNotFound({ detail: `There is no rule ${id}.` });
    },

    /** The inbox: open alerts first, newest first, at locations the actor sees. */
    async listAlerts(actor: Actor, status: 'OPEN' | 'ACKNOWLEDGED' | null): Promise<Alert[]> {
      let query = db
        .selectFrom('alerts')
        .selectAll()
        .where('organizationId', '=', actor.organizationId)
        .orderBy('status', 'desc')
        .orderBy('createdAt', 'desc')
        .limit(500);
      if (status) query = query.where('status', '=', status);
      if (actor.locationIds !== null)
        query = query.where((eb) =>
          eb.or([
            eb('locationId', 'is', null),
            eb('locationId', 'in', [...actor.locationIds!, '']),
          ]),
        );
      return (await query.execute()).map(toAlert);
    },

    /** Stops the escalation: nobody further is told. */
    async acknowledge(actor: Actor, id: string): Promise<Alert> {
      const row = await db
        .selectFrom('alerts')
        .selectAll()
        .where('organizationId', '=', actor.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (
        !row ||
        (actor.locationIds !== null &&
          row.locationId !== null &&
          !actor.locationIds.includes(row.locationId))
      )
        throw alertNotFound({ detail: `There is no alert ${id}.` });
      if (row.status === 'ACKNOWLEDGED') return toAlert(row);
      const acknowledged = {
        ...row,
        status: 'ACKNOWLEDGED' as const,
        acknowledgedAt: clock.now().toISOString(),
        acknowledgedBy: describeActor(actor),
      };
      await db
        .updateTable('alerts')
        .set({
          status: acknowledged.status,
          acknowledgedAt: acknowledged.acknowledgedAt,
          acknowledgedBy: acknowledged.acknowledgedBy,
        })
        .where('id', '=', id)
        .execute();
      return toAlert(acknowledged);
    },

    /** A performer's panic button: an alert for every PANIC rule of the location, at once. */
    async panic(actor: Actor, body: PanicBody): Promise<Alert[]> {
      if (actor.kind !== 'member')
        throw invalidAlertRule({ detail: 'A panic is raised by a member in the field.' });
      const location = await db
        .selectFrom('locations')
        .select('id')
        .where('organizationId', '=', actor.organizationId)
        .where('id', '=', body.locationId)
        .executeTakeFirst();
      if (!location || (actor.locationIds !== null && !actor.locationIds.includes(body.locationId)))
        throw alertNotFound({ detail: `There is no location ${body.locationId}.` });
      try {
        return await db.transaction().execute(async (trx) => {
          const member = await trx
            .selectFrom('members')
            .select(['firstName', 'lastName'])
            .where('organizationId', '=', actor.organizationId)
            .where('id', '=', actor.memberId)
            .executeTakeFirstOrThrow();
          const rules = (await rulesFor(trx, actor.organizationId, ['PANIC'])).filter((rule) =>
            matchesLocation(rule, body.locationId),
          );
          const raised: Alert[] = [];
          for (const rule of rules) {
            const row = await raise(trx, actor.organizationId, rule, body.locationId, {
              subjectType: 'MEMBER',
              // One alert per panic: the subject is the panic itself, not the member.
              subjectId: randomUUID(),
              title: `PANIC: ${member.firstName} ${member.lastName}`,
              detail:
                [
                  body.message,
                  body.position
                    ? `Position ${body.position.latitude}, ${body.position.longitude} (±${Math.round(body.position.accuracyInMeters)} m)`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || null,
            });
            if (row) raised.push(toAlert(row));
          }
          return raised;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return [];
        throw error;
      }
    },
  };
}
