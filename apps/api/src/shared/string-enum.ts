import { Type, type TSchemaOptions } from 'typebox';

/**
 * An UPPER_SNAKE string enum. Declares `type: "string"` next to `enum`, so OpenAPI tools and
 * generated clients see a string union rather than an enum of unknown type.
 */
export function StringEnum<const Values extends string[]>(
  values: [...Values],
  options: TSchemaOptions = {},
) {
  return Type.Enum(values, { ...options, type: 'string' });
}
