import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { unwrap } from '../api/problem.js';

export type TaskExecution = Schemas['TaskExecutionInfo'];
export type Location = Schemas['Location'];
export type User = Schemas['User'];

export const taskExecutionsQueryKey = ['task-executions'] as const;

/** How often the schedule asks again, so what guards do in the field shows up without a reload. */
export const SCHEDULE_REFRESH_MS = 15_000;

/** Every page of a paged list: the schedule needs the whole window, lists need every name. */
async function readAllPages<T>(
  readPage: (cursor: string | null) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const answer = await readPage(cursor);
    items.push(...(await unwrap(Promise.resolve(answer))));
    cursor = nextPageCursor(answer.response);
  } while (cursor);
  return items;
}

export interface ExecutionFilters {
  locationIds?: string;
  assigneeIds?: string;
  states?: string;
  statuses?: string;
  tags?: string;
  priorities?: string;
}

/**
 * The most executions the schedule shows at once. A busy organization plans tens of thousands a
 * week (2,000 hourly tasks), more than a calendar can show or a browser should download every
 * 15 s; beyond this the page says so and asks for a filter or a single day.
 */
export const MAX_SCHEDULE_EXECUTIONS = 500;

export interface ScheduleWindowExecutions {
  /** The first {@link MAX_SCHEDULE_EXECUTIONS} by start time. */
  readonly items: TaskExecution[];
  /** Whether the window holds more than were read. */
  readonly truncated: boolean;
}

export function executionsQueryOptions(
  api: OpenPatrolClient,
  window: { from: string; to: string },
  filters: ExecutionFilters,
) {
  return queryOptions({
    queryKey: [...taskExecutionsQueryKey, 'window', window, filters],
    queryFn: async (): Promise<ScheduleWindowExecutions> => {
      const answer = await api.GET('/task-executions/info', {
        params: {
          query: {
            ...window,
            ...filters,
            // A canceled occurrence is shown (struck through) when its state is asked for.
            includeCanceled: filters.states?.includes('CANCELED') ?? false,
            limit: MAX_SCHEDULE_EXECUTIONS,
          },
        },
      });
      const items = await unwrap(Promise.resolve(answer));
      return { items, truncated: nextPageCursor(answer.response) !== null };
    },
    refetchInterval: SCHEDULE_REFRESH_MS,
    refetchOnWindowFocus: true,
    // The calendar keeps showing the last answer while the next week or filter loads.
    placeholderData: (previous) => previous,
  });
}

export function allLocationsQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['locations', 'all'],
    queryFn: () =>
      readAllPages((cursor) =>
        api.GET('/locations', {
          params: { query: { limit: 1000, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    staleTime: 60_000,
  });
}

export function allUsersQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: ['users', 'all'],
    queryFn: () =>
      readAllPages((cursor) =>
        api.GET('/users', { params: { query: { limit: 1000, ...(cursor ? { cursor } : {}) } } }),
      ),
    staleTime: 60_000,
  });
}

export const fullName = (user: User): string =>
  `${user.firstName} ${user.lastName}`.trim() || user.email || user.memberNumber || user.id;
