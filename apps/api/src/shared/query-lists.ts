import type { FieldError } from './app-error.js';

/**
 * List parameters of query strings (`?states=PLANNED,IN_PROGRESS`): comma-separated, blanks
 * ignored, every wrong item reported at once under the parameter's pointer.
 */

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (item: string) => UUID_PATTERN.test(item);
export const oneOf = (values: readonly string[]) => (item: string) => values.includes(item);

/** The items of a comma-separated list; null when the parameter is absent (no narrowing). */
export function parseQueryList<T extends string>(
  value: string | undefined,
  pointer: string,
  errors: FieldError[],
  accept: (item: string) => boolean,
  expected: string,
): T[] | null {
  if (value === undefined) return null;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const wrong = items.filter((item) => !accept(item));
  if (wrong.length > 0)
    errors.push({
      in: 'query',
      pointer,
      detail: `must be ${expected} separated by commas; not ${wrong.slice(0, 3).join(', ')}`,
    });
  return items as T[];
}
