import type { DomainEvents } from '../../shared/domain-events.js';
import type { Mailer } from '../../shared/mailer.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/worker.js';
import { NOTIFY_ALERT_JOB } from './alerts.service.js';

/**
 * `notify-alert`: tells one escalation step's recipients about an alert (e-mail, and the
 * `alert.raised` / `alert.escalated` webhook event), then schedules the next step for its time.
 * An acknowledged alert goes no further. Each step has its own unique job key, so a step is
 * scheduled once however often this runs.
 */
export function createNotifyAlertJob({
  mailer,
  domainEvents,
  publicUrl,
}: {
  mailer: Pick<Mailer, 'enqueue' | 'deliver'>;
  domainEvents: DomainEvents;
  publicUrl: string;
}): JobHandler {
  return async (payload, { database, clock }) => {
    const { db } = database;
    const { alertId, level } = payload as { alertId: string; level: number };
    const alert = await db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', alertId)
      .executeTakeFirst();
    if (!alert || alert.level > level) return;
    if (alert.status === 'ACKNOWLEDGED' && level > 0) return;
    const rule = await db
      .selectFrom('alertRules')
      .selectAll()
      .where('id', '=', alert.ruleId)
      .executeTakeFirstOrThrow();
    const steps = JSON.parse(rule.escalation) as { afterMinutes: number; memberIds: string[] }[];
    const step = steps[level];
    if (!step) return;
    const recipients = await db
      .selectFrom('members')
      .select(['email'])
      .where('organizationId', '=', alert.organizationId)
      .where('id', 'in', step.memberIds)
      .where('archived', '=', 0)
      .execute();
    const outboxIds = await db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const { email } of recipients)
        if (email)
          ids.push(
            await mailer.enqueue(trx, {
              organizationId: alert.organizationId,
              to: email,
              subject: `${level > 0 ? `[Escalated, step ${level + 1}] ` : ''}${alert.title}`,
              text: `${alert.title}\n\n${alert.detail ?? ''}\n\nRaised ${alert.createdAt} by the rule "${rule.name}".\nAcknowledge it in the admin app (${publicUrl.replace(/\/$/, '')}/alerts) to stop the escalation.`,
            }),
          );
      await trx.updateTable('alerts').set({ level }).where('id', '=', alertId).execute();
      await domainEvents.emit(trx, alert.organizationId, {
        type: level === 0 ? 'alert.raised' : 'alert.escalated',
        locationId: alert.locationId,
        data: () => ({ ...alert, level }),
      });
      const next = steps[level + 1];
      if (next)
        await enqueueJob(
          trx,
          {
            type: NOTIFY_ALERT_JOB,
            payload: { alertId, level: level + 1 },
            organizationId: alert.organizationId,
            uniqueKey: `alert:${alertId}:${level + 1}`,
            runAt: new Date(Date.parse(alert.createdAt) + next.afterMinutes * 60_000),
          },
          clock.now(),
        );
      return ids;
    });
    for (const id of outboxIds) await mailer.deliver(db, id);
  };
}
