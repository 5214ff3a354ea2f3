import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { ProblemError, unwrap } from '../api/problem.js';

export type Location = Schemas['Location'];

export const locationsQueryKey = ['locations'] as const;

const PAGE_SIZE = 50;

export function locationListQueryOptions(
  api: OpenPatrolClient,
  filters: { search: string; includeArchived: boolean },
) {
  return infiniteQueryOptions({
    queryKey: [...locationsQueryKey, 'list', filters],
    queryFn: async ({ pageParam }) => {
      const { data, error, response } = await api.GET('/locations', {
        params: {
          query: {
            limit: PAGE_SIZE,
            includeArchived: filters.includeArchived,
            ...(filters.search ? { search: filters.search } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        },
      });
      const locations = await unwrap(Promise.resolve({ data, error, response }));
      return { locations, nextCursor: nextPageCursor(response) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Keep the rows on screen while the next search's answer arrives.
    placeholderData: (previous) => previous,
  });
}

export function locationQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...locationsQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/locations/{id}', { params: { path: { id } } })),
  });
}

export const isNotFound = (error: unknown) => error instanceof ProblemError && error.status === 404;
