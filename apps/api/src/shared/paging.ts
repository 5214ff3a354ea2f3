import type { FastifyReply } from 'fastify';

/**
 * Keyset paging (DESIGN §3): `limit` (default 100, max 1000) and an opaque `cursor`; the next page
 * is announced in a `Link: <…>; rel="next"` header. Lists are ordered by id, and the cursor is the
 * last id of the page, so a page never repeats or skips rows inserted meanwhile elsewhere.
 */

export const DEFAULT_PAGE_SIZE = 100;

/** Repositories fetch `limit + 1` rows; the extra row only tells that a next page exists. */
export function takePage<Row extends { id: string }>(rows: readonly Row[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** Announces the next page with the same filters, when there is one. */
export function setNextPageLink(
  reply: FastifyReply,
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>>,
  nextCursor: string | null,
): void {
  if (!nextCursor) return;
  const next = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && name !== 'cursor') next.set(name, String(value));
  }
  next.set('cursor', nextCursor);
  void reply.header('link', `<${path}?${next.toString()}>; rel="next"`);
}
