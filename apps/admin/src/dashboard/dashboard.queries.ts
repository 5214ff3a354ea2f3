import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { unwrap } from '../api/problem.js';

export type ExecutionsSummary = Schemas['ExecutionsSummary'];
export type DaySummary = Schemas['DaySummary'];
export type ExecutionSummaryItem = Schemas['ExecutionSummaryItem'];

/** The dashboard refreshes itself: supervisors leave it open on a wall screen. */
const REFRESH_MS = 60_000;

/** Open issues shown; the count says "10+" beyond. */
export const OPEN_ISSUES_SHOWN = 10;

export function summaryQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => unwrap(api.GET('/reports/summary', { params: { query: { days: 14 } } })),
    refetchInterval: REFRESH_MS,
  });
}

export function openIssuesQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['dashboard', 'open-issues'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/issues', {
        params: { query: { status: 'OPEN,ACKNOWLEDGED', limit: OPEN_ISSUES_SHOWN } },
      });
      const issues = await unwrap(Promise.resolve({ data, error, response }));
      return { issues, hasMore: nextPageCursor(response) !== null };
    },
    refetchInterval: REFRESH_MS,
  });
}

export function openAlertsQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['dashboard', 'open-alerts'],
    queryFn: () => unwrap(api.GET('/alerts', { params: { query: { status: 'OPEN' } } })),
    refetchInterval: REFRESH_MS,
  });
}

/** Started by the route's loader, so the numbers load alongside the page's code. */
export function prefetchDashboard(queryClient: QueryClient, api: OpenPatrolClient) {
  void queryClient.prefetchQuery(summaryQueryOptions(api));
  void queryClient.prefetchQuery(openIssuesQueryOptions(api));
  void queryClient.prefetchQuery(openAlertsQueryOptions(api));
}
