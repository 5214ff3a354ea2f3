import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';

export type Point = Schemas['Point'];
export type Checklist = Schemas['Checklist'];
export type RecurrencePreview = Schemas['RecurrencePreview'];
export type RecurrencePreviewBody = Schemas['RecurrencePreviewBody'];

export function locationPointsQueryOptions(api: OpenPatrolClient, locationId: string | null) {
  return queryOptions({
    queryKey: ['points', 'location', locationId],
    queryFn: () =>
      unwrap(api.GET('/points', { params: { query: { locationId: locationId!, limit: 1000 } } })),
    enabled: locationId !== null,
    staleTime: 60_000,
  });
}

export function checklistsQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['checklists', 'all'],
    queryFn: () => unwrap(api.GET('/checklists', { params: { query: { limit: 1000 } } })),
    staleTime: 60_000,
  });
}

export function executionQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: ['task-executions', 'detail', id],
    queryFn: () => unwrap(api.GET('/task-executions/{id}', { params: { path: { id } } })),
  });
}

/** The full action definitions (options, ranges, rules) the execution was planned with. */
export function executionPlanQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: ['task-executions', 'plan', id],
    queryFn: () => unwrap(api.GET('/task-executions/{id}/plan', { params: { path: { id } } })),
  });
}

/** The server's own expansion of a recurrence: what will really be planned, DST shifts included. */
export function recurrencePreviewQueryOptions(
  api: OpenPatrolClient,
  body: RecurrencePreviewBody | null,
) {
  return queryOptions({
    queryKey: ['recurrence-preview', body],
    queryFn: () => unwrap(api.POST('/task-executions/recurrence-preview', { body: body! })),
    enabled: body !== null,
    retry: false,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}
