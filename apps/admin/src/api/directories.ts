import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from './admin-api.js';
import { unwrap } from './problem.js';

export type DirectoryLocation = Schemas['Location'];
export type DirectoryMember = Schemas['User'];

/**
 * Names and time zones by id, for screens whose records carry only ids (issues, alerts,
 * webhooks, reports). One page of the API's maximum covers an organization's locations and
 * people; archived ones are included because old records still point at them.
 */
const DIRECTORY_LIMIT = 1000;

export function locationDirectoryQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['locations', 'directory'],
    queryFn: () =>
      unwrap(
        api.GET('/locations', {
          params: { query: { limit: DIRECTORY_LIMIT, includeArchived: true } },
        }),
      ),
    select: (locations) => new Map(locations.map((location) => [location.id, location])),
    staleTime: 5 * 60_000,
  });
}

export function memberDirectoryQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['users', 'directory'],
    queryFn: () =>
      unwrap(
        api.GET('/users', { params: { query: { limit: DIRECTORY_LIMIT, includeArchived: true } } }),
      ),
    select: (members) => new Map(members.map((member) => [member.id, member])),
    staleTime: 5 * 60_000,
  });
}

export function useLocationDirectory() {
  return useQuery(locationDirectoryQueryOptions(useApi()));
}

export function useMemberDirectory() {
  return useQuery(memberDirectoryQueryOptions(useApi()));
}

export const memberName = (member: DirectoryMember): string =>
  `${member.firstName} ${member.lastName}`.trim() || (member.email ?? member.id);

/** Select options for active locations, sorted by name. */
export function locationOptions(
  locations: ReadonlyMap<string, DirectoryLocation> | undefined,
): { value: string; label: string }[] {
  return [...(locations?.values() ?? [])]
    .filter((location) => !location.archived)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((location) => ({ value: location.id, label: location.name }));
}

/** `member-id` or `token:<id>`, as issues and alerts record who acted, in words. */
export function describeActorId(
  value: string | null,
  members: ReadonlyMap<string, DirectoryMember> | undefined,
): string {
  if (value === null) return '—';
  if (value.startsWith('token:')) return 'An API token';
  const member = members?.get(value);
  return member ? memberName(member) : 'A former member';
}
