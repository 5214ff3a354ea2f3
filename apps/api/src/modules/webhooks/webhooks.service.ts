import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import type {
  Database,
  DatabaseHandle,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from '../../database/database.js';
import type { FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import { describeActor, type Actor } from '../auth/actor.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { isPrivateAddress } from './webhook-network.js';
import { generateWebhookSecret } from './webhook-signing.js';
import { invalidWebhook, webhookNotFound } from './webhooks.errors.js';
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookEventType,
} from './webhooks.schemas.js';

/**
 * Webhook subscriptions, and the outbox every module writes events to (issue 9). An event is
 * written as one delivery per matching subscription, with the job that sends it, in the
 * transaction of the change it reports: it exists exactly when the change does, and survives a
 * crash before it is sent. The worker sends it (webhook-delivery.ts).
 */

export type WebhooksService = ReturnType<typeof createWebhooksService>;
export type { WebhookEventType };
export const DELIVER_WEBHOOK_JOB = 'deliver-webhook';
/** Enough attempts for 24 h of exponential backoff capped at an hour (jobs/worker.ts). */
export const DELIVERY_MAX_ATTEMPTS = 40;

type SubscriptionRow = WebhookSubscriptionsTable;

function toWebhook(row: SubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.eventTypes) as string[],
    locationIds: row.locationIds === null ? null : (JSON.parse(row.locationIds) as string[]),
    enabled: row.enabled === 1,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toDelivery(row: WebhookDeliveriesTable): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

export function createWebhooksService({
  database,
  clock,
  allowPrivateNetworks,
}: {
  database: DatabaseHandle;
  clock: Clock;
  allowPrivateNetworks: boolean;
}) {
  const { db } = database;

  /** The URL must be http(s) and, unless allowed, must not name a private address literally. */
  function checkUrl(url: string): FieldError[] {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return [{ in: 'body', pointer: '/url', detail: 'is not a URL' }];
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      return [{ in: 'body', pointer: '/url', detail: 'must be an http:// or https:// URL' }];
    if (parsed.username || parsed.password)
      return [{ in: 'body', pointer: '/url', detail: 'must not carry credentials' }];
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost');
    if (!allowPrivateNetworks && literal && (host.includes('localhost') || isPrivateAddress(host)))
      return [
        {
          in: 'body',
          pointer: '/url',
          detail:
            'is a private, loopback or link-local address; an operator can allow them with WEBHOOKS_ALLOW_PRIVATE_NETWORKS',
        },
      ];
    return [];
  }

  async function findSubscription(actor: Actor, id: string, target: Kysely<Database> = db) {
    const row = await target
      .selectFrom('webhookSubscriptions')
      .selectAll()
      .where('organizationId', '=', actor.organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw webhookNotFound({ detail: `There is no webhook ${id}.` });
    return row;
  }

  async function writeDeliveries(
    trx: Kysely<Database>,
    organizationId: string,
    subscriptions: readonly SubscriptionRow[],
    type: string,
    data: unknown,
  ) {
    const now = clock.now();
    const eventId = `evt_${randomUUID().replaceAll('-', '')}`;
    const body = JSON.stringify({ type, timestamp: now.toISOString(), data });
    for (const subscription of subscriptions) {
      const id = randomUUID();
      await trx
        .insertInto('webhookDeliveries')
        .values({
          organizationId,
          id,
          subscriptionId: subscription.id,
          eventId,
          eventType: type,
          body,
          status: 'PENDING',
          attempts: 0,
          lastAttemptAt: null,
          lastStatusCode: null,
          lastError: null,
          deliveredAt: null,
          createdAt: now.toISOString(),
        })
        .execute();
      await enqueueJob(
        trx,
        {
          type: DELIVER_WEBHOOK_JOB,
          payload: { deliveryId: id },
          organizationId,
          maxAttempts: DELIVERY_MAX_ATTEMPTS,
        },
        now,
      );
    }
  }

  /** Listens to domain events: writes a delivery per subscription that wants one. */
  const outbox: DomainEvents = {
    async emit(trx, organizationId, event) {
      const subscriptions = (
        await trx
          .selectFrom('webhookSubscriptions')
          .selectAll()
          .where('organizationId', '=', organizationId)
          .where('enabled', '=', 1)
          .execute()
      ).filter((subscription) => {
        const types = JSON.parse(subscription.eventTypes) as string[];
        const locations =
          subscription.locationIds === null
            ? null
            : (JSON.parse(subscription.locationIds) as string[]);
        return (
          types.includes(event.type) &&
          (locations === null || event.locationId === null || locations.includes(event.locationId))
        );
      });
      if (subscriptions.length === 0) return;
      await writeDeliveries(trx, organizationId, subscriptions, event.type, await event.data());
    },
  };

  return {
    outbox,

    async listWebhooks(actor: Actor): Promise<Webhook[]> {
      const rows = await db
        .selectFrom('webhookSubscriptions')
        .selectAll()
        .where('organizationId', '=', actor.organizationId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map(toWebhook);
    },

    async getWebhook(actor: Actor, id: string): Promise<Webhook> {
      return toWebhook(await findSubscription(actor, id));
    },

    async createWebhook(actor: Actor, body: CreateWebhookBody) {
      const errors = checkUrl(body.url);
      if (errors.length > 0) throw invalidWebhook({ detail: 'Check /url.', errors });
      const now = clock.now().toISOString();
      const row: SubscriptionRow = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        url: body.url,
        description: body.description ?? null,
        eventTypes: JSON.stringify(body.eventTypes),
        locationIds: body.locationIds ? JSON.stringify(body.locationIds) : null,
        secret: generateWebhookSecret(),
        enabled: 1,
        disabledReason: null,
        createdBy: describeActor(actor),
        createdAt: now,
        updatedAt: now,
      };
      await db.insertInto('webhookSubscriptions').values(row).execute();
      return { ...toWebhook(row), secret: row.secret };
    },

    async updateWebhook(actor: Actor, id: string, body: UpdateWebhookBody): Promise<Webhook> {
      const errors = body.url === undefined ? [] : checkUrl(body.url);
      if (errors.length > 0) throw invalidWebhook({ detail: 'Check /url.', errors });
      const current = await findSubscription(actor, id);
      const next: SubscriptionRow = {
        ...current,
        url: body.url ?? current.url,
        description: body.description !== undefined ? body.description : current.description,
        eventTypes: body.eventTypes ? JSON.stringify(body.eventTypes) : current.eventTypes,
        locationIds:
          body.locationIds === undefined
            ? current.locationIds
            : body.locationIds === null
              ? null
              : JSON.stringify(body.locationIds),
        enabled: body.enabled === undefined ? current.enabled : body.enabled ? 1 : 0,
        disabledReason: body.enabled === true ? null : current.disabledReason,
        updatedAt: clock.now().toISOString(),
      };
      await db
        .updateTable('webhookSubscriptions')
        .set(next)
        .where('organizationId', '=', actor.organizationId)
        .where('id', '=', id)
        .execute();
      return toWebhook(next);
    },

    /**
     * A new signing secret, shown once, for a secret that leaked or is due for rotation. It
     * applies at once, retries of earlier events included: they are signed when sent.
     */
    async rotateSecret(actor: Actor, id: string): Promise<Webhook & { secret: string }> {
      const current = await findSubscription(actor, id);
      const next: SubscriptionRow = {
        ...current,
        secret: generateWebhookSecret(),
        updatedAt: clock.now().toISOString(),
      };
      await db
        .updateTable('webhookSubscriptions')
        .set({ secret: next.secret, updatedAt: next.updatedAt })
        .where('organizationId', '=', actor.organizationId)
        .where('id', '=', id)
        .execute();
      return { ...toWebhook(next), secret: next.secret };
    },

    async deleteWebhook(actor: Actor, id: string): Promise<void> {
      await findSubscription(actor, id);
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('webhookDeliveries')
          .where('organizationId', '=', actor.organizationId)
          .where('subscriptionId', '=', id)
          .execute();
        await trx
          .deleteFrom('webhookSubscriptions')
          .where('organizationId', '=', actor.organizationId)
          .where('id', '=', id)
          .execute();
      });
    },

    /** Queues a `webhook.test` event to this webhook only, whatever its event types. */
    async sendTestEvent(actor: Actor, id: string): Promise<WebhookDelivery> {
      return db.transaction().execute(async (trx) => {
        const subscription = await findSubscription(actor, id, trx);
        await writeDeliveries(trx, actor.organizationId, [subscription], 'webhook.test', {
          webhookId: id,
          message: 'A test event from OpenPatrol.',
        });
        const row = await trx
          .selectFrom('webhookDeliveries')
          .selectAll()
          .where('organizationId', '=', actor.organizationId)
          .where('subscriptionId', '=', id)
          .orderBy('createdAt', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        return toDelivery(row);
      });
    },

    async listDeliveries(actor: Actor, id: string): Promise<WebhookDelivery[]> {
      await findSubscription(actor, id);
      const rows = await db
        .selectFrom('webhookDeliveries')
        .selectAll()
        .where('organizationId', '=', actor.organizationId)
        .where('subscriptionId', '=', id)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return rows.map(toDelivery);
    },

    /** Sends a delivery again (the same event id, so receivers can tell it is the same event). */
    async redeliver(actor: Actor, id: string, deliveryId: string): Promise<WebhookDelivery> {
      await findSubscription(actor, id);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('webhookDeliveries')
          .selectAll()
          .where('organizationId', '=', actor.organizationId)
          .where('subscriptionId', '=', id)
          .where('id', '=', deliveryId)
          .executeTakeFirst();
        if (!row) throw webhookNotFound({ detail: `There is no delivery ${deliveryId}.` });
        const now = clock.now();
        await trx
          .updateTable('webhookDeliveries')
          .set({ status: 'PENDING', createdAt: now.toISOString() })
          .where('id', '=', deliveryId)
          .execute();
        await enqueueJob(
          trx,
          {
            type: DELIVER_WEBHOOK_JOB,
            payload: { deliveryId },
            organizationId: actor.organizationId,
            maxAttempts: DELIVERY_MAX_ATTEMPTS,
          },
          now,
        );
        return toDelivery({ ...row, status: 'PENDING', createdAt: now.toISOString() });
      });
    },
  };
}
