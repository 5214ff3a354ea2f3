import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '../api/problem.js';
import { writeCached, type FieldDatabase } from '../offline/field-database.js';
import { fetchWithDeviceCopy, useFieldServices, useQueueState } from '../offline/field-services.js';
import { useSession } from '../session/session.js';
import { applyLocalWrites, type Execution } from './local-execution.js';

export type Location = Schemas['Location'];
export type Point = Schemas['Point'];

const DAY_MS = 86_400_000;
/** Today and the next two days, from the phone's midnight. */
const UPCOMING_DAYS = 3;

export const executionKey = (executionId: string) => ['execution', executionId] as const;

export function myExecutionsWindow(now = new Date()): { from: string; to: string } {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return {
    from: midnight.toISOString(),
    to: new Date(midnight.getTime() + UPCOMING_DAYS * DAY_MS).toISOString(),
  };
}

async function fetchExecution(api: OpenPatrolClient, executionId: string): Promise<Execution> {
  return unwrap(api.GET('/task-executions/{id}', { params: { path: { id: executionId } } }));
}

/**
 * Fetches the server's copy of executions the queue just changed (failing when offline, so the
 * queue keeps showing its writes), stores them, and lets the queue drop the writes they include.
 */
export async function refreshExecutions(
  { api, db, queryClient }: { api: OpenPatrolClient; db: FieldDatabase; queryClient: QueryClient },
  executionIds: readonly string[],
): Promise<void> {
  for (const executionId of executionIds) {
    // A read still on its way started before these writes were applied: its answer is older.
    await queryClient.cancelQueries({ queryKey: executionKey(executionId) });
    const startedAt = new Date().toISOString();
    const execution = await fetchExecution(api, executionId);
    await writeCached(db, `execution:${executionId}`, execution, startedAt);
    queryClient.setQueryData(executionKey(executionId), { value: execution, offlineSince: null });
  }
  await queryClient.invalidateQueries({ queryKey: ['my-executions'] });
}

/** My executions of today and the next two days, as the server last sent them. */
export function useMyExecutions() {
  const { api, db } = useFieldServices();
  const { memberId } = useSession();
  return useQuery({
    queryKey: ['my-executions', memberId],
    queryFn: () =>
      fetchWithDeviceCopy(db, `my-executions:${memberId}`, async (startedAt) => {
        const executions = await unwrap(
          api.GET('/task-executions/info', {
            params: { query: { ...myExecutionsWindow(), assigneeIds: memberId, limit: 1000 } },
          }),
        );
        // Each one is kept on its own too, so it opens offline.
        for (const execution of executions)
          await writeCached(db, `execution:${execution.id}`, execution, startedAt);
        return executions;
      }),
    refetchInterval: 60_000,
  });
}

/** One execution, with this member's queued writes applied on top. */
export function useExecution(executionId: string) {
  const { api, db } = useFieldServices();
  const { memberId } = useSession();
  const { writes, loaded } = useQueueState();
  const query = useQuery({
    queryKey: executionKey(executionId),
    queryFn: () =>
      fetchWithDeviceCopy(db, `execution:${executionId}`, () => fetchExecution(api, executionId)),
  });
  const execution = useMemo(
    () => (query.data && loaded ? applyLocalWrites(query.data.value, writes, memberId) : undefined),
    [query.data, writes, memberId, loaded],
  );
  return { ...query, isPending: query.isPending || !loaded, execution };
}

export type ActionDefinition = Schemas['NormalizedActionDefinition'];

/**
 * Every action's whole definition (options, text rules, camera-only, instruction text), kept on
 * the device with the execution so the forms check values offline too.
 */
export function useExecutionPlan(executionId: string): Map<string, ActionDefinition> {
  const { api, db } = useFieldServices();
  const { data } = useQuery({
    queryKey: ['execution-plan', executionId],
    queryFn: () =>
      fetchWithDeviceCopy(db, `plan:${executionId}`, () =>
        unwrap(api.GET('/task-executions/{id}/plan', { params: { path: { id: executionId } } })),
      ),
    staleTime: 5 * 60_000,
  });
  return useMemo(
    () =>
      new Map(
        (data?.value.steps ?? []).flatMap((step) =>
          step.actions.map((action) => [action.id, action.definition] as const),
        ),
      ),
    [data],
  );
}

export function useLocations() {
  const { api, db } = useFieldServices();
  const { memberId } = useSession();
  return useQuery({
    queryKey: ['locations', memberId],
    queryFn: () =>
      // A performer is assigned a handful of locations and points: one page of 1,000 holds them.
      fetchWithDeviceCopy(db, `locations:${memberId}`, () =>
        unwrap(api.GET('/locations', { params: { query: { limit: 1000 } } })),
      ),
    staleTime: 5 * 60_000,
  });
}

export function usePoints() {
  const { api, db } = useFieldServices();
  const { memberId } = useSession();
  return useQuery({
    queryKey: ['points', memberId],
    queryFn: () =>
      fetchWithDeviceCopy(db, `points:${memberId}`, () =>
        unwrap(api.GET('/points', { params: { query: { limit: 1000 } } })),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useLocationsById(): Map<string, Location> {
  const { data } = useLocations();
  return useMemo(
    () => new Map((data?.value ?? []).map((location) => [location.id, location])),
    [data],
  );
}

export function usePointsById(): Map<string, Point> {
  const { data } = usePoints();
  return useMemo(() => new Map((data?.value ?? []).map((point) => [point.id, point])), [data]);
}
