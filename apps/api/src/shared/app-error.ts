/**
 * One error class for everything the API refuses on purpose. Each module declares its problem
 * types with `defineProblem` in its `<module>.errors.ts`; the problem handler renders any
 * AppError as RFC 9457 problem+json, so the status lives on the error, not in the handler.
 */

/** Problem type URIs are stable identifiers, documented in docs/api/problems.md. */
export const PROBLEM_TYPE_PREFIX = 'urn:openpatrol:problem:';

/** Where a validation error was found: the JSON body, the query string, a path parameter or a header. */
export type FieldLocation = 'body' | 'query' | 'path' | 'header';

export interface FieldError {
  /** JSON Pointer (RFC 6901) to the offending value within `in`. */
  readonly pointer: string;
  readonly in: FieldLocation;
  readonly detail: string;
}

export interface ProblemDefinition {
  /** The slug after {@link PROBLEM_TYPE_PREFIX}, kebab-case. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
}

export interface ProblemOptions {
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** Response headers the problem needs, e.g. `Retry-After` with a 429. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

export class AppError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(definition: ProblemDefinition, options: ProblemOptions = {}) {
    super(options.detail ?? definition.title, { cause: options.cause });
    this.name = 'AppError';
    this.type = PROBLEM_TYPE_PREFIX + definition.type;
    this.title = definition.title;
    this.status = definition.status;
    this.detail = options.detail ?? definition.title;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

export type ProblemFactory = ((options?: ProblemOptions) => AppError) & ProblemDefinition;

/**
 * Declares a problem type once; calling the result creates the error to throw:
 * `throw stepOutOfOrder({ detail: 'Step "Gate 2" comes after "Gate 1"' })`.
 */
export function defineProblem(definition: ProblemDefinition): ProblemFactory {
  const create = (options?: ProblemOptions) => new AppError(definition, options);
  return Object.assign(create, definition);
}
