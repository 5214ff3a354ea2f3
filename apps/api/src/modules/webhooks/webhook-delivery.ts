import http from 'node:http';
import https from 'node:https';
import type { Mailer } from '../../shared/mailer.js';
import type { JobHandler } from '../jobs/worker.js';
import { guardedLookup, PrivateAddressError } from './webhook-network.js';
import { signWebhook } from './webhook-signing.js';

/**
 * The `deliver-webhook` job: POSTs one delivery, signed, and records the outcome. A failure
 * (network error, timeout, non-2xx, redirect) throws, so the worker retries with exponential
 * backoff (jobs/worker.ts); 24 hours after the event the delivery fails for good, the webhook is
 * disabled and the Owners get an e-mail. Idempotent: a delivery already made is not sent again.
 */

export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is read and kept (the delivery log shows its start). */
const MAX_RESPONSE_BYTES = 64 * 1024;
const KEPT_ERROR_CHARS = 500;
/** How long after the event retries go on. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Response {
  readonly status: number;
  readonly body: string;
}

/** One POST with the guarded lookup, a timeout, no redirects and a bounded answer. */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivateNetworks: boolean,
): Promise<Response> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(allowPrivateNetworks),
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        response.on('close', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`)),
    );
    request.on('error', reject);
    request.end(body);
  });
}

export function createDeliverWebhookJob({
  mailer,
  allowPrivateNetworks,
  userAgent,
  onAttempt,
}: {
  mailer: Pick<Mailer, 'enqueue'>;
  allowPrivateNetworks: boolean;
  userAgent: string;
  /** Told how each recorded attempt ended (metrics); RETRY means it will be tried again. */
  onAttempt?: (outcome: 'DELIVERED' | 'RETRY' | 'FAILED') => void;
}): JobHandler {
  return async (payload, { database, clock, logger }) => {
    const { db } = database;
    const { deliveryId } = payload as { deliveryId: string };
    const delivery = await db
      .selectFrom('webhookDeliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    if (!delivery || delivery.status !== 'PENDING') return;
    const subscription = await db
      .selectFrom('webhookSubscriptions')
      .selectAll()
      .where('id', '=', delivery.subscriptionId)
      .executeTakeFirst();
    if (!subscription) return;
    const now = clock.now();
    const record = (changes: {
      status: 'PENDING' | 'DELIVERED' | 'FAILED';
      lastStatusCode: number | null;
      lastError: string | null;
    }) =>
      db
        .updateTable('webhookDeliveries')
        .set({
          ...changes,
          attempts: delivery.attempts + 1,
          lastAttemptAt: now.toISOString(),
          deliveredAt: changes.status === 'DELIVERED' ? now.toISOString() : null,
        })
        .where('id', '=', deliveryId)
        .execute()
        .then(() => onAttempt?.(changes.status === 'PENDING' ? 'RETRY' : changes.status));
    if (subscription.enabled === 0) {
      await record({
        status: 'FAILED',
        lastStatusCode: null,
        lastError: 'the webhook is disabled',
      });
      return;
    }

    const timestamp = Math.floor(now.getTime() / 1000);
    let failure: string;
    let statusCode: number | null = null;
    try {
      const response = await postWebhook(
        subscription.url,
        {
          'content-type': 'application/json',
          'user-agent': userAgent,
          'webhook-id': delivery.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook({
            id: delivery.eventId,
            timestamp,
            body: delivery.body,
            secret: subscription.secret,
          }),
        },
        delivery.body,
        allowPrivateNetworks,
      );
      statusCode = response.status;
      if (response.status >= 200 && response.status < 300) {
        await record({ status: 'DELIVERED', lastStatusCode: response.status, lastError: null });
        return;
      }
      failure = `answered ${response.status}${response.body ? `: ${response.body}` : ''}`;
    } catch (error) {
      if (error instanceof PrivateAddressError) {
        // Not a passing failure: retrying would be refused the same way.
        await record({ status: 'FAILED', lastStatusCode: null, lastError: error.message });
        return;
      }
      failure = (error as Error).message;
    }

    const lastError = failure.slice(0, KEPT_ERROR_CHARS);
    if (now.getTime() - Date.parse(delivery.createdAt) < RETRY_WINDOW_MS) {
      await record({ status: 'PENDING', lastStatusCode: statusCode, lastError });
      throw new Error(`webhook delivery failed: ${lastError}`);
    }
    // 24 hours of failures: stop, disable the webhook and tell the Owners.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('webhookDeliveries')
        .set({
          status: 'FAILED',
          attempts: delivery.attempts + 1,
          lastAttemptAt: now.toISOString(),
          lastStatusCode: statusCode,
          lastError,
        })
        .where('id', '=', deliveryId)
        .execute();
      await trx
        .updateTable('webhookSubscriptions')
        .set({
          enabled: 0,
          disabledReason: `Deliveries failed for 24 hours (last: ${lastError})`,
          updatedAt: now.toISOString(),
        })
        .where('id', '=', subscription.id)
        .execute();
      const owners = await trx
        .selectFrom('members')
        .select(['email'])
        .where('organizationId', '=', subscription.organizationId)
        .where('role', '=', 'OWNER')
        .where('archived', '=', 0)
        .execute();
      for (const owner of owners)
        if (owner.email)
          await mailer.enqueue(trx, {
            organizationId: subscription.organizationId,
            to: owner.email,
            subject: 'OpenPatrol disabled a webhook that kept failing',
            text: `Deliveries to ${subscription.url} failed for 24 hours, so the webhook was disabled.\n\nLast error: ${lastError}\n\nFix the receiver, then enable the webhook again in Management → Webhooks (or PATCH /api/webhooks/${subscription.id} with {"enabled": true}) and redeliver what it missed.`,
          });
    });
    onAttempt?.('FAILED');
    logger.warn({ webhookId: subscription.id }, 'webhook disabled after 24 hours of failures');
  };
}
