import type { ByteRange } from './media-storage.js';

/**
 * The part of a `size`-byte file a `Range` header asks for (RFC 9110 §14): a range, `unsatisfiable`
 * (416), or null to send the whole file. Browsers seek in videos with such requests, and Safari
 * plays a video only from a server that answers them. Several ranges in one header would need a
 * multipart answer; like many servers we send the whole file instead, which the RFC allows.
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // `bytes=-500`: the last 500 bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null;
  return { start, end };
}
