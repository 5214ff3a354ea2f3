/**
 * Route schemas embed their named shapes (TypeBox schemas with `$id`) inline, which keeps
 * validation and serialization free of cross-route references. For the published document,
 * every named shape moves to `components.schemas` once and each use becomes a `$ref`, so clients
 * get one `Problem` type instead of an anonymous copy per route.
 *
 * @fastify/swagger drops `$id` while converting route schemas, so the name is first copied to a
 * marker key that survives conversion (`markNamedSchemas`, the per-route transform), then the
 * marked shapes are hoisted (`hoistNamedSchemas`, the whole-document transform).
 */

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

const NAME_MARKER = 'x-openpatrol-schema-name';

/** A copy of `schema` in which each `$id` is also recorded under the marker key. */
export function markNamedSchemas<T>(schema: T): T {
  const visit = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const copy: JsonObject = Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, visit(child)]),
    );
    if (typeof value.$id === 'string') copy[NAME_MARKER] = value.$id;
    return copy;
  };
  return visit(schema as JsonValue) as T;
}

export function hoistNamedSchemas<T extends object>(document: T): T {
  const components: Record<string, JsonValue> = {};

  const visit = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const { [NAME_MARKER]: name, ...rest } = value;
    const copy: JsonObject = Object.fromEntries(
      Object.entries(rest).map(([key, child]) => [key, visit(child)]),
    );
    if (typeof name !== 'string') return copy;
    // The component's key is the name; a leftover `$id`, or the `title` the converter copies
    // from it, would only repeat it.
    delete copy.$id;
    if (copy.title === name) delete copy.title;
    const existing = components[name];
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(copy)) {
      throw new Error(`Two different schemas are both named "${name}"`);
    }
    components[name] = copy;
    return { $ref: `#/components/schemas/${name}` };
  };

  const hoisted = visit(document as unknown as JsonValue) as JsonObject;
  const existingComponents = (hoisted.components ?? {}) as JsonObject;
  const schemas = { ...((existingComponents.schemas ?? {}) as JsonObject), ...components };
  hoisted.components = {
    ...existingComponents,
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
  };
  return hoisted as unknown as T;
}
