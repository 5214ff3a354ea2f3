import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';

export type ApiToken = Schemas['ApiToken'];
export type CreatedApiToken = Schemas['CreatedApiToken'];

export const apiTokensQueryKey = ['api-tokens'] as const;

export function apiTokensQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: apiTokensQueryKey,
    queryFn: () => unwrap(api.GET('/api-tokens')),
  });
}
