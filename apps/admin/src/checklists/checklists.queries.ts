import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { unwrap } from '../api/problem.js';

export type Checklist = Schemas['Checklist'];

export const checklistsQueryKey = ['checklists'] as const;

const PAGE_SIZE = 50;

export function checklistListQueryOptions(
  api: OpenPatrolClient,
  filters: { search: string; includeArchived: boolean },
) {
  return infiniteQueryOptions({
    queryKey: [...checklistsQueryKey, 'list', filters],
    queryFn: async ({ pageParam }) => {
      const { data, error, response } = await api.GET('/checklists', {
        params: {
          query: {
            limit: PAGE_SIZE,
            includeArchived: filters.includeArchived,
            ...(filters.search ? { search: filters.search } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        },
      });
      const checklists = await unwrap(Promise.resolve({ data, error, response }));
      return { checklists, nextCursor: nextPageCursor(response) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function checklistQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...checklistsQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/checklists/{id}', { params: { path: { id } } })),
  });
}
