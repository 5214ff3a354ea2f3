import { createOpenPatrolClient, type OpenPatrolClient } from './index.js';

/**
 * The client of a web app on the server's own origin, signed in with a session instead of a
 * token: the session cookie travels by itself, and each write carries the session's CSRF token
 * (`X-CSRF-Token`), which the server checks before it reads the body.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionClientOptions {
  /** The CSRF token of the current session (GET /api/session), or null when signed out. */
  readonly readCsrfToken: () => string | null;
  /** Called when the server says the session is gone (expired, signed out elsewhere, revoked). */
  readonly onSessionEnded: () => void;
  /**
   * Paths (prefixes, e.g. `/api/session`) whose 401 means wrong credentials on a sign-in screen,
   * that screen's business, rather than a session that ended.
   */
  readonly signInPaths: readonly string[];
}

export function createSessionClient({
  readCsrfToken,
  onSessionEnded,
  signInPaths,
}: SessionClientOptions): OpenPatrolClient {
  const client = createOpenPatrolClient();
  client.use({
    onRequest({ request }) {
      const csrfToken = readCsrfToken();
      if (csrfToken && !SAFE_METHODS.has(request.method))
        request.headers.set('X-CSRF-Token', csrfToken);
      return request;
    },
    onResponse({ request, response }) {
      const path = new URL(request.url).pathname;
      if (response.status === 401 && !signInPaths.some((prefix) => path.startsWith(prefix)))
        onSessionEnded();
      return response;
    },
  });
  return client;
}
