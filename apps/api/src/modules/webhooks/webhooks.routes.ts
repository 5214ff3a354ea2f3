import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { ADMINISTRATORS, actorOf } from '../auth/access.js';
import {
  CreateWebhookBodySchema,
  CreatedWebhookSchema,
  UpdateWebhookBodySchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookIdParamsSchema,
  WebhookSchema,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const administrators = { roles: ADMINISTRATORS, token: true } as const;
const tags = ['Webhooks'];

/** Webhook subscriptions and their delivery log (Owners, Admins and API tokens). */
export function registerWebhookRoutes(
  app: FastifyTypeBox,
  { webhooksService }: { webhooksService: WebhooksService },
): void {
  app.get(
    '/api/webhooks',
    {
      config: { access: administrators },
      schema: {
        operationId: 'listWebhooks',
        tags,
        summary: 'List webhooks',
        response: { 200: Type.Array(WebhookSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => webhooksService.listWebhooks(actorOf(request)),
  );

  app.post(
    '/api/webhooks',
    {
      // The answer holds the signing secret: a replay must not hand it out again.
      config: { access: administrators, idempotent: false },
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: 'Subscribe a URL to events',
        description:
          'Events are POSTed as JSON {type, timestamp, data}, data being what the API’s GET returns, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Failed deliveries are retried with exponential backoff for 24 hours, then the webhook is disabled and the Owners are told. The secret is shown only in this answer.',
        body: CreateWebhookBodySchema,
        response: { 201: CreatedWebhookSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await webhooksService.createWebhook(actorOf(request), request.body)),
  );

  app.get(
    '/api/webhooks/:id',
    {
      config: { access: administrators },
      schema: {
        operationId: 'getWebhook',
        tags,
        summary: 'Get a webhook',
        params: WebhookIdParamsSchema,
        response: { 200: WebhookSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => webhooksService.getWebhook(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/webhooks/:id',
    {
      config: { access: administrators },
      schema: {
        operationId: 'updateWebhook',
        tags,
        summary: 'Change a webhook, or enable it again',
        params: WebhookIdParamsSchema,
        body: UpdateWebhookBodySchema,
        response: { 200: WebhookSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      webhooksService.updateWebhook(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/webhooks/:id/rotate-secret',
    {
      // The answer holds the new secret: a replay must not hand it out again.
      config: { access: administrators, idempotent: false },
      schema: {
        operationId: 'rotateWebhookSecret',
        tags,
        summary: 'Replace the signing secret',
        description:
          'A new secret, shown only in this answer. Every delivery sent from now on, retries of earlier events included, is signed with it; the old one stops verifying at once.',
        params: WebhookIdParamsSchema,
        response: { 200: CreatedWebhookSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => webhooksService.rotateSecret(actorOf(request), request.params.id),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      config: { access: administrators },
      schema: {
        operationId: 'deleteWebhook',
        tags,
        summary: 'Delete a webhook and its delivery log',
        params: WebhookIdParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await webhooksService.deleteWebhook(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/:id/test',
    {
      config: { access: administrators },
      schema: {
        operationId: 'sendWebhookTestEvent',
        tags,
        summary: 'Send a test event',
        description:
          'Queues a `webhook.test` event to this webhook; its delivery shows in the log.',
        params: WebhookIdParamsSchema,
        response: { 202: WebhookDeliverySchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await webhooksService.sendTestEvent(actorOf(request), request.params.id)),
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { access: administrators },
      schema: {
        operationId: 'listWebhookDeliveries',
        tags,
        summary: 'The delivery log (newest 200)',
        params: WebhookIdParamsSchema,
        response: { 200: Type.Array(WebhookDeliverySchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => webhooksService.listDeliveries(actorOf(request), request.params.id),
  );

  app.post(
    '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: { access: administrators },
      schema: {
        operationId: 'redeliverWebhook',
        tags,
        summary: 'Send a delivery again',
        description:
          'The same event id, so receivers can recognise it; 24 hours of retries start again.',
        params: WebhookDeliveryParamsSchema,
        response: { 202: WebhookDeliverySchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await webhooksService.redeliver(
            actorOf(request),
            request.params.id,
            request.params.deliveryId,
          ),
        ),
  );
}
