import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';

export type Webhook = Schemas['Webhook'];
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookEventType = Schemas['CreateWebhookBody']['eventTypes'][number];

export const webhooksQueryKey = ['webhooks'] as const;

export function webhookListQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: [...webhooksQueryKey, 'list'],
    queryFn: () => unwrap(api.GET('/webhooks')),
  });
}

export function webhookQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...webhooksQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/webhooks/{id}', { params: { path: { id } } })),
  });
}

export function webhookDeliveriesQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...webhooksQueryKey, 'deliveries', id],
    queryFn: () => unwrap(api.GET('/webhooks/{id}/deliveries', { params: { path: { id } } })),
    // The worker sends within seconds: while something is on its way, watch it arrive.
    refetchInterval: (query) =>
      query.state.data?.some((delivery) => delivery.status === 'PENDING') ? 2000 : 30_000,
  });
}

/**
 * The event catalogue (docs/api/webhooks.md) in words. Keyed by the API's own list, so an event
 * the server adds is a compile error here until it is described. `webhook.test` is sent only by
 * "Send test event", never subscribed to.
 */
const EVENT_LABELS: Record<Exclude<WebhookEventType, 'webhook.test'>, string> = {
  'task-execution.created': 'created (a task was planned)',
  'task-execution.updated': 'updated (edited, a value or check-in recorded)',
  'task-execution.seen': 'seen by an assignee',
  'task-execution.started': 'started',
  'task-execution.completed': 'completed',
  'task-execution.incomplete': 'incomplete (given up or deadline passed)',
  'task-execution.expired': 'expired (window ended unperformed)',
  'task-execution.canceled': 'canceled',
  'check-in.created': 'check-in recorded',
  'issue.created': 'issue reported',
  'issue.updated': 'issue changed or commented',
  'member.created': 'member added',
  'member.archived': 'member archived',
  'alert.raised': 'alert raised',
  'alert.escalated': 'alert escalated to its next step',
};

const GROUP_LABELS: Record<string, string> = {
  'task-execution': 'Task executions',
  'check-in': 'Check-ins and issues',
  issue: 'Check-ins and issues',
  member: 'Members and alerts',
  alert: 'Members and alerts',
};

/** The catalogue grouped as people think of it, in the API's order. */
export const EVENT_GROUPS = Object.entries(EVENT_LABELS).reduce<
  { label: string; events: { value: WebhookEventType; label: string }[] }[]
>((groups, [value, label]) => {
  const groupLabel = GROUP_LABELS[value.split('.')[0] ?? ''] ?? 'Other';
  const group = groups.find((candidate) => candidate.label === groupLabel);
  const event = { value: value as WebhookEventType, label };
  if (group) group.events.push(event);
  else groups.push({ label: groupLabel, events: [event] });
  return groups;
}, []);
