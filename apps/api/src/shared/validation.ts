/**
 * The shape of one schema-validation error, as both TypeBox's compiler and Ajv report it.
 * Kept structural so neither library's types leak past this file.
 */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * Turns raw schema errors into the field errors a person can act on: one line per offending
 * field, named by JSON Pointer. Compilers report a failed `anyOf` (e.g. `string | null`) as one
 * error per branch plus a summary; those collapse into a single "must be a string or null".
 */
/** One offending value, named by JSON Pointer (RFC 6901) from the root of what was validated. */
export interface SchemaViolation {
  readonly pointer: string;
  readonly detail: string;
}

export function describeSchemaErrors(errors: readonly SchemaError[]): SchemaViolation[] {
  const unionPaths = errors
    .filter((error) => error.keyword === 'anyOf')
    .map((error) => error.schemaPath + '/anyOf/');
  const isUnionBranch = (error: SchemaError) =>
    unionPaths.some((prefix) => error.schemaPath.startsWith(prefix));

  const described: SchemaViolation[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, detail: string) => {
    const key = pointer + '\u0000' + detail;
    if (seen.has(key)) return;
    seen.add(key);
    described.push({ pointer, detail });
  };

  for (const error of errors) {
    if (isUnionBranch(error)) continue;
    switch (error.keyword) {
      case 'required':
        for (const name of namesOf(error.params, 'requiredProperties', 'missingProperty')) {
          add(`${error.instancePath}/${escapePointerToken(name)}`, 'is required');
        }
        break;
      case 'additionalProperties':
        for (const name of namesOf(error.params, 'additionalProperties', 'additionalProperty')) {
          add(`${error.instancePath}/${escapePointerToken(name)}`, 'is not a known field');
        }
        break;
      case 'boolean':
        // TypeBox reports a property matched by `additionalProperties: false` as "schema is false".
        if (error.schemaPath.endsWith('/additionalProperties'))
          add(error.instancePath, 'is not a known field');
        else add(error.instancePath, 'is not allowed');
        break;
      case 'anyOf':
        add(error.instancePath, describeUnion(errors, error));
        break;
      default:
        add(error.instancePath, describeKeyword(error));
    }
  }
  return described;
}

function describeKeyword(error: SchemaError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'type':
      return `must be ${article(String(params.type))}`;
    case 'enum':
      return `must be one of ${formatList(params.allowedValues)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'minLength':
      return `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'uniqueItems':
      return 'must not contain duplicate items';
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    default:
      return error.message ?? `fails the "${error.keyword}" rule`;
  }
}

function describeUnion(errors: readonly SchemaError[], union: SchemaError): string {
  const branches = errors.filter(
    (error) =>
      error.instancePath === union.instancePath &&
      error.schemaPath.startsWith(union.schemaPath + '/anyOf/'),
  );
  const expectations = branches.flatMap((error) => {
    if (error.keyword === 'type') return [article(String(error.params.type))];
    if (error.keyword === 'const') return [JSON.stringify(error.params.allowedValue)];
    if (error.keyword === 'enum') return [`one of ${formatList(error.params.allowedValues)}`];
    return [];
  });
  // A branch that failed deeper inside (an object with a bad field) has no one-word expectation.
  if (
    expectations.length === 0 ||
    expectations.length < new Set(branches.map((b) => b.schemaPath)).size
  ) {
    return 'does not match any of the allowed shapes';
  }
  return `must be ${[...new Set(expectations)].join(' or ')}`;
}

function namesOf(
  params: Readonly<Record<string, unknown>>,
  listKey: string,
  singleKey: string,
): string[] {
  const list = params[listKey];
  if (Array.isArray(list)) return list.map(String);
  const single = params[singleKey];
  return typeof single === 'string' ? [single] : [];
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function formatList(values: unknown): string {
  return Array.isArray(values)
    ? values.map((value) => JSON.stringify(value)).join(', ')
    : String(values);
}

/** RFC 6901: "~" and "/" inside a property name are escaped in a pointer. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
