import { createOpenPatrolClient, type OpenPatrolClient } from '@openpatrol/api-client';
import { createContext, use } from 'react';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AdminApiOptions {
  /** The CSRF token of the current session (GET /api/session), or null when signed out. */
  readonly readCsrfToken: () => string | null;
  /** Called when the server says the session is gone (expired, signed out in another tab). */
  readonly onSessionEnded: () => void;
}

/**
 * The API client every screen uses: the session cookie travels by itself (same origin), and each
 * write carries the session's CSRF token, which the server checks before it reads the body.
 */
export function createAdminApi({
  readCsrfToken,
  onSessionEnded,
}: AdminApiOptions): OpenPatrolClient {
  const client = createOpenPatrolClient();
  client.use({
    onRequest({ request }) {
      const csrfToken = readCsrfToken();
      if (csrfToken && !SAFE_METHODS.has(request.method))
        request.headers.set('X-CSRF-Token', csrfToken);
      return request;
    },
    onResponse({ request, response }) {
      // A 401 from anything but the session endpoints themselves means the session ended while
      // the app was open; wrong credentials on sign-in are the sign-in page's business.
      const isSessionCall = new URL(request.url).pathname.startsWith('/api/session');
      if (response.status === 401 && !isSessionCall) onSessionEnded();
      return response;
    },
  });
  return client;
}

export const AdminApiContext = createContext<OpenPatrolClient | null>(null);

export function useApi(): OpenPatrolClient {
  const api = use(AdminApiContext);
  if (!api) throw new Error('useApi() needs an <AdminApiContext> above it');
  return api;
}
