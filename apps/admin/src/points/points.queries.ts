import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { nextPageCursor } from '../api/paging.js';
import { unwrap } from '../api/problem.js';

export type Point = Schemas['Point'];
export type OnDemandCheckIns = Schemas['OnDemandCheckIns'];

export const pointsQueryKey = ['points'] as const;

const PAGE_SIZE = 200;

export function pointListQueryOptions(
  api: OpenPatrolClient,
  filters: { locationId: string; includeArchived: boolean },
) {
  return infiniteQueryOptions({
    queryKey: [...pointsQueryKey, 'list', filters],
    queryFn: async ({ pageParam }) => {
      const { data, error, response } = await api.GET('/points', {
        params: {
          query: {
            limit: PAGE_SIZE,
            locationId: filters.locationId,
            includeArchived: filters.includeArchived,
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        },
      });
      const points = await unwrap(Promise.resolve({ data, error, response }));
      return { points, nextCursor: nextPageCursor(response) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/**
 * The point's QR code as an SVG image. Keyed by the payload, so a regenerated code is fetched
 * anew; the object URL lives as long as the cached answer.
 */
export function qrCodeImageQueryOptions(api: OpenPatrolClient, point: Point) {
  return queryOptions({
    queryKey: [...pointsQueryKey, 'qr-code', point.id, point.qrCode],
    queryFn: async () =>
      unwrap<Blob>(
        api.GET('/points/{id}/qr-code.svg', {
          params: { path: { id: point.id } },
          parseAs: 'blob',
        }),
      ),
    staleTime: Infinity,
  });
}

// Upper-case hex without separators, 4 to 10 whole bytes: the server's rule (nfc-tag-uids.ts),
// so the form can say what will be stored before it is sent.
export function normalizeNfcTagUid(input: string): string | null {
  const hex = input.replace(/[\s:.-]/g, '').toUpperCase();
  return /^(?:[0-9A-F]{2}){4,10}$/.test(hex) ? hex : null;
}
