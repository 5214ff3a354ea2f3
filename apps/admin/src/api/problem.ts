import type { Problem } from '@openpatrol/api-client';

/** A failed API call, carrying the server's RFC 9457 problem (or one made up for non-JSON answers). */
export class ProblemError extends Error {
  readonly problem: Problem;
  /** Seconds from `Retry-After`, when the server sent one (429, 503). */
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

function toProblem(error: unknown, response: Response): Problem {
  if (isProblem(error))
    return { ...error, detail: error.detail ?? '', errors: error.errors ?? null };
  // A proxy's HTML error page or an empty body: still tell the person something useful.
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    instance: new URL(response.url || location.href).pathname,
    requestId: response.headers.get('x-request-id') ?? '',
    errors: null,
  };
}

function parseRetryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The data of an openapi-fetch call, or a thrown `ProblemError`: screens and TanStack Query deal
 * in values and exceptions, not in `{ data, error }` pairs.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ProblemError(toProblem(error, response), parseRetryAfter(response));
  // 204 answers carry no body; their callers ask for `void`.
  return data as T;
}

/** One sentence for a person, whatever went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) {
    if (error.status >= 500)
      return `Something went wrong on the server. ${error.problem.requestId ? `Quote request ${error.problem.requestId} when reporting it.` : 'Try again in a moment.'}`;
    return error.problem.detail || error.problem.title;
  }
  if (error instanceof TypeError)
    return 'The server cannot be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** The part of a Mantine form this helper needs, so it works with any form's values. */
export interface FormErrorTarget {
  getValues(): unknown;
  setFieldError(path: string, error: string): void;
}

/** `/owner/email` → `owner.email`, Mantine's path syntax (RFC 6901 escapes undone). */
export function pointerToFieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

function sentence(detail: string): string {
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}

/**
 * Puts each of the problem's field errors next to its input (`/name` → the `name` field, or the
 * field `fieldAliases` names for it) and returns what is left to show above the form: the
 * problem's detail when some error has no field here, or null when every error found its field.
 */
export function applyProblemToForm(
  form: FormErrorTarget,
  error: unknown,
  fieldAliases: Readonly<Record<string, string>> = {},
): string | null {
  if (!(error instanceof ProblemError)) return describeError(error);
  const fieldErrors = (error.problem.errors ?? []).filter((fieldError) => fieldError.in === 'body');
  if (fieldErrors.length === 0) return describeError(error);
  const values = form.getValues();
  let unplaced = false;
  for (const fieldError of fieldErrors) {
    const path = fieldAliases[fieldError.pointer] ?? pointerToFieldPath(fieldError.pointer);
    if (path !== '' && hasPath(values, path)) form.setFieldError(path, sentence(fieldError.detail));
    else unplaced = true;
  }
  return unplaced ? describeError(error) : null;
}
