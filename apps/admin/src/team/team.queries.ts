import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { unwrap } from '../api/problem.js';

export type Member = Schemas['User'];
export type MemberVersion = Schemas['UserVersion'];
export type Device = Schemas['Device'];
export type RegisteredDevice = Schemas['RegisteredDevice'];

export const membersQueryKey = ['members'] as const;
export const devicesQueryKey = ['devices'] as const;

// The users API has no name search, so the list loads in large pages and is filtered here; a
// team rarely outgrows one page, and "Load more" covers the ones that do.
const PAGE_SIZE = 500;

export function memberListQueryOptions(
  api: OpenPatrolClient,
  filters: { includeArchived: boolean },
) {
  return infiniteQueryOptions({
    queryKey: [...membersQueryKey, 'list', filters],
    queryFn: async ({ pageParam }) => {
      const { data, error, response } = await api.GET('/users', {
        params: {
          query: {
            limit: PAGE_SIZE,
            includeArchived: filters.includeArchived,
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        },
      });
      const members = await unwrap(Promise.resolve({ data, error, response }));
      return { members, nextCursor: nextPageCursor(response) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function memberQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...membersQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/users/{id}', { params: { path: { id } } })),
  });
}

export function memberHistoryQueryOptions(api: OpenPatrolClient, id: string) {
  return queryOptions({
    queryKey: [...membersQueryKey, 'history', id],
    queryFn: () => unwrap(api.GET('/users/{id}/history', { params: { path: { id } } })),
  });
}

export function devicesQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: devicesQueryKey,
    queryFn: () => unwrap(api.GET('/devices')),
  });
}

/**
 * The locations the signed-in person may see, for pickers and for naming a member's locations.
 * Managers get only theirs from the server, so another location's name never reaches them.
 */
export function visibleLocationsQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['locations', 'all-active'],
    queryFn: () => unwrap(api.GET('/locations', { params: { query: { limit: 1000 } } })),
    staleTime: 60_000,
  });
}

export function memberName(member: Pick<Member, 'firstName' | 'lastName'>): string {
  return `${member.firstName} ${member.lastName}`.trim();
}

/** Name, e-mail or member number containing the text, any case. */
export function matchesMemberSearch(member: Member, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return [memberName(member), member.email ?? '', member.memberNumber ?? ''].some((field) =>
    field.toLocaleLowerCase().includes(needle),
  );
}
