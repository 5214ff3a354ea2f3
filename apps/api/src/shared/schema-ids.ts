import type { TSchema } from 'typebox';

/**
 * The response serializer (fast-json-stringify) refuses one `$id` at two places of a schema,
 * and several responses hold a named shape more than once (an execution's, its steps' and its
 * actions' ResultStatus; a point's default and per-member action lists). These copies drop the
 * repeated `$id`s, keeping TypeBox's non-enumerable markers, so the named shape stays named
 * once in the OpenAPI document.
 */
function copySchema<T extends TSchema>(schema: T, keepId: (id: unknown) => boolean): T {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const result = {};
    const id = (value as { $id?: unknown }).$id;
    const keep = id !== undefined && keepId(id);
    for (const key of Reflect.ownKeys(value)) {
      if (key === '$id' && !keep) continue;
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      Object.defineProperty(result, key, { ...descriptor, value: copy(descriptor.value) });
    }
    return result;
  };
  return copy(schema) as T;
}

/** `schema` with each `$id` kept only where it first appears. */
export function withUniqueSchemaIds<T extends TSchema>(schema: T): T {
  const seen = new Set<unknown>();
  return copySchema(schema, (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** `schema` with no `$id` at all: an anonymous copy of a named shape. */
export function withoutSchemaIds<T extends TSchema>(schema: T): T {
  return copySchema(schema, () => false);
}
