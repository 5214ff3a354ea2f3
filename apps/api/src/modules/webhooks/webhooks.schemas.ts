import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

export const WEBHOOK_EVENT_TYPES = [
  'task-execution.created',
  'task-execution.updated',
  'task-execution.seen',
  'task-execution.started',
  'task-execution.completed',
  'task-execution.incomplete',
  'task-execution.expired',
  'task-execution.canceled',
  'check-in.created',
  'issue.created',
  'issue.updated',
  'member.created',
  'member.archived',
  'alert.raised',
  'alert.escalated',
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const Uuid = Type.String({ format: 'uuid' });
const EventTypes = Type.Array(StringEnum([...WEBHOOK_EVENT_TYPES]), {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_TYPES.length,
  uniqueItems: true,
});
const Url = Type.String({
  minLength: 8,
  maxLength: 2000,
  description: 'Where events are POSTed: an https:// (or http://) URL.',
});
const LocationIds = Type.Union(
  [Type.Array(Uuid, { maxItems: 500, uniqueItems: true }), Type.Null()],
  {
    description: 'Only events of these locations; null for all.',
  },
);

export const CreateWebhookBodySchema = Type.Object(
  {
    url: Url,
    description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    eventTypes: EventTypes,
    locationIds: Type.Optional(LocationIds),
  },
  { $id: 'CreateWebhookBody', additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBodySchema>;

export const UpdateWebhookBodySchema = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    eventTypes: Type.Optional(EventTypes),
    locationIds: Type.Optional(LocationIds),
    enabled: Type.Optional(
      Type.Boolean({ description: 'Re-enable a webhook disabled after failures.' }),
    ),
  },
  { $id: 'UpdateWebhookBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBodySchema>;

const webhookFields = {
  id: Uuid,
  url: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  eventTypes: Type.Array(Type.String()),
  locationIds: Type.Union([Type.Array(Uuid), Type.Null()]),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const WebhookSchema = Type.Object(webhookFields, {
  $id: 'Webhook',
  additionalProperties: false,
});
export type Webhook = Static<typeof WebhookSchema>;

export const CreatedWebhookSchema = Type.Object(
  {
    ...webhookFields,
    secret: Type.String({
      description:
        'The signing secret (whsec_…), shown only now: verify each delivery’s webhook-signature with it.',
    }),
  },
  { $id: 'CreatedWebhook', additionalProperties: false },
);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    webhookId: Uuid,
    eventId: Type.String({ description: 'The webhook-id header: the same on every retry.' }),
    eventType: Type.String(),
    status: StringEnum(['PENDING', 'DELIVERED', 'FAILED']),
    attempts: Type.Integer(),
    lastAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'WebhookDelivery', additionalProperties: false },
);
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const WebhookIdParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });
export const WebhookDeliveryParamsSchema = Type.Object(
  { id: Uuid, deliveryId: Uuid },
  { additionalProperties: false },
);
