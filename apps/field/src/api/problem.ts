import type { Problem } from '@openpatrol/api-client';

const PROBLEM_TYPE_PREFIX = 'urn:openpatrol:problem:';

/** A failed API call, carrying the server's RFC 9457 problem (or one made up for non-JSON answers). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The problem type without its URN prefix, e.g. `check-in-refused`. */
  get kind(): string {
    return problemKind(this.problem);
  }
}

export function problemKind(problem: Pick<Problem, 'type'>): string {
  return problem.type.startsWith(PROBLEM_TYPE_PREFIX)
    ? problem.type.slice(PROBLEM_TYPE_PREFIX.length)
    : problem.type;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

export function toProblem(error: unknown, response: Response): Problem {
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

/**
 * The data of an openapi-fetch call, or a thrown `ProblemError`. A network failure (offline,
 * server down) stays a `TypeError`, which `isNetworkError` recognises.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ProblemError(toProblem(error, response));
  return data as T;
}

/** fetch() rejects with a TypeError when no answer came back: offline, DNS, refused connection. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

/** One sentence for a person, whatever went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) return describeProblem(error.problem);
  if (isNetworkError(error))
    return 'No connection to the server. Check your network and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** The server's own words: the detail, and each field it pointed at. */
export function describeProblem(problem: Problem): string {
  if (problem.status >= 500)
    return `Something went wrong on the server.${problem.requestId ? ` Quote request ${problem.requestId} when reporting it.` : ''}`;
  const detail = problem.detail || problem.title;
  const fields = (problem.errors ?? [])
    .map((error) => error.detail)
    .filter((text) => !detail.includes(text));
  return fields.length > 0 ? `${detail} (${fields.join('; ')})` : detail;
}
