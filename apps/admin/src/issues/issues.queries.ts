import type { OpenPatrolClient } from '@openpatrol/api-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { unwrap } from '../api/problem.js';
import type { IssuesSearch } from './issues-search.js';

export const issuesQueryKey = ['issues'] as const;

const PAGE_SIZE = 50;

const joined = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(',') : undefined;

export function issueListQueryOptions(api: OpenPatrolClient, filters: IssuesSearch) {
  return infiniteQueryOptions({
    queryKey: [...issuesQueryKey, 'list', filters],
    queryFn: async ({ pageParam }) => {
      // The client leaves undefined parameters out of the address.
      const { data, error, response } = await api.GET('/issues', {
        params: {
          query: {
            limit: PAGE_SIZE,
            status: joined(filters.status),
            severity: joined(filters.severity),
            category: joined(filters.category),
            locationIds: filters.locationId,
            search: filters.search,
            cursor: pageParam ?? undefined,
          },
        },
      });
      const issues = await unwrap(Promise.resolve({ data, error, response }));
      return { issues, nextCursor: nextPageCursor(response) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function issueQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...issuesQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/issues/{id}', { params: { path: { id } } })),
  });
}
