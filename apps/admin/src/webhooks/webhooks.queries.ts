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

/** The event catalogue (docs/api/webhooks.md), grouped as people think of it. */
export const EVENT_GROUPS: readonly {
  label: string;
  events: readonly { value: WebhookEventType; label: string }[];
}[] = [
  {
    label: 'Task executions',
    events: [
      { value: 'task-execution.created', label: 'created (a task was planned)' },
      { value: 'task-execution.updated', label: 'updated (edited, a value or check-in recorded)' },
      { value: 'task-execution.seen', label: 'seen by an assignee' },
      { value: 'task-execution.started', label: 'started' },
      { value: 'task-execution.completed', label: 'completed' },
      { value: 'task-execution.incomplete', label: 'incomplete (given up or deadline passed)' },
      { value: 'task-execution.expired', label: 'expired (window ended unperformed)' },
      { value: 'task-execution.canceled', label: 'canceled' },
    ],
  },
  {
    label: 'Check-ins and issues',
    events: [
      { value: 'check-in.created', label: 'check-in recorded' },
      { value: 'issue.created', label: 'issue reported' },
      { value: 'issue.updated', label: 'issue changed or commented' },
    ],
  },
  {
    label: 'Members and alerts',
    events: [
      { value: 'member.created', label: 'member added' },
      { value: 'member.archived', label: 'member archived' },
      { value: 'alert.raised', label: 'alert raised' },
      { value: 'alert.escalated', label: 'alert escalated to its next step' },
    ],
  },
];
