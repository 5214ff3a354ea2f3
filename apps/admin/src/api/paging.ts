/**
 * The `cursor` of the next page from a `Link: <…?cursor=…>; rel="next"` header, or null on the
 * last page. The API's cursors are opaque: they are passed back exactly as received.
 */
export function nextPageCursor(response: Response): string | null {
  const header = response.headers.get('link');
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return new URL(match[1], location.origin).searchParams.get('cursor');
  }
  return null;
}
