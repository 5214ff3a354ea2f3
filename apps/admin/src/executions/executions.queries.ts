import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';

export type Execution = Schemas['TaskExecutionInfo'];
export type ExecutionStep = Execution['steps'][number];
export type ExecutionAction = ExecutionStep['actions'][number];
export type ExecutionEvent = Schemas['ExecutionEvent'];
export type ChainVerification = Schemas['ChainVerification'];
export type Point = Schemas['Point'];

/** The event's own fields, as the performer API records them (see ExecutionWrite). */
export interface EventPayload {
  stepId?: string;
  actionId?: string;
  method?: 'QR' | 'NFC' | 'GPS' | 'MANUAL';
  position?: { latitude: number; longitude: number; accuracyInMeters: number };
  distanceInMeters?: number;
  booleanValue?: boolean;
  numberValue?: number;
  textValue?: string;
  selectedValues?: string[];
  mediaIds?: string[];
  reason?: string;
  notes?: string | null;
}

export const payloadOf = (event: ExecutionEvent): EventPayload => event.payload;

const key = (id: string) => ['executions', id] as const;

/** An execution in progress changes while a supervisor watches it. */
export const LIVE_REFRESH_MS = 30_000;

export function executionQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...key(id), 'info'],
    queryFn: () => unwrap(api.GET('/task-executions/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.data?.state === 'IN_PROGRESS' ? LIVE_REFRESH_MS : false,
  });
}

export function executionEventsQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...key(id), 'events'],
    queryFn: () => unwrap(api.GET('/task-executions/{id}/events', { params: { path: { id } } })),
  });
}

export function executionIntegrityQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...key(id), 'integrity'],
    queryFn: () => unwrap(api.GET('/task-executions/{id}/integrity', { params: { path: { id } } })),
  });
}

export function locationQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: ['locations', 'detail', id],
    queryFn: () => unwrap(api.GET('/locations/{id}', { params: { path: { id } } })),
  });
}

/** The location's points (archived ones too: an old execution may name one). */
export function locationPointsQueryOptions(api: OpenPatrolClient, locationId: string) {
  return queryOptions({
    queryKey: ['points', 'of-location', locationId],
    queryFn: () =>
      unwrap(
        api.GET('/points', {
          params: { query: { locationId, includeArchived: true, limit: 1000 } },
        }),
      ),
  });
}

export function memberQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: ['users', 'detail', id],
    queryFn: () => unwrap(api.GET('/users/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });
}

export function clientSettingsQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['client-settings'],
    queryFn: () => unwrap(api.GET('/client-settings')),
    staleTime: Infinity,
  });
}

/** This execution's report as a PDF file (the executions report, narrowed to its id). */
export async function downloadExecutionPdf(api: OpenPatrolClient, execution: Execution) {
  const blob = await unwrap(
    api.GET('/reports/executions', {
      params: {
        query: {
          from: execution.startAt,
          to: execution.endAt,
          ids: execution.id,
          format: 'pdf',
        },
      },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${execution.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'execution'} ${execution.startAt.slice(0, 10)}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the blob into the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Starts every request the execution page makes, from the route's loader: the data arrives while
 * the page's code does, instead of after it, and the location and points follow the execution
 * without waiting for the page to render.
 */
export function prefetchExecutionPage(queryClient: QueryClient, api: OpenPatrolClient, id: string) {
  void queryClient.prefetchQuery(executionEventsQueryOptions(api, id));
  void queryClient.prefetchQuery(executionIntegrityQueryOptions(api, id));
  void queryClient.prefetchQuery(clientSettingsQueryOptions(api));
  void queryClient
    .fetchQuery(executionQueryOptions(api, id))
    .then((execution) =>
      Promise.all([
        queryClient.prefetchQuery(locationQueryOptions(api, execution.locationId)),
        queryClient.prefetchQuery(locationPointsQueryOptions(api, execution.locationId)),
      ]),
    )
    // The page shows the failure (a 404, a lost session) when it asks again.
    .catch(() => undefined);
}
