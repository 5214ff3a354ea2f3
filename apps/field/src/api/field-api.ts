import { createOpenPatrolClient, type OpenPatrolClient } from '@openpatrol/api-client';
import { createContext, use } from 'react';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface FieldApiOptions {
  /** The CSRF token of the current session, or null when signed out. */
  readonly readCsrfToken: () => string | null;
  /** Called when the server says the session is gone (expired, revoked device, archived member). */
  readonly onSessionEnded: () => void;
}

/**
 * The API client of the field app: the session cookie travels by itself (same origin), and each
 * write carries the session's CSRF token, which the server checks before it reads the body.
 */
export function createFieldApi({
  readCsrfToken,
  onSessionEnded,
}: FieldApiOptions): OpenPatrolClient {
  const client = createOpenPatrolClient();
  client.use({
    onRequest({ request }) {
      const csrfToken = readCsrfToken();
      if (csrfToken && !SAFE_METHODS.has(request.method))
        request.headers.set('X-CSRF-Token', csrfToken);
      return request;
    },
    onResponse({ request, response }) {
      // Wrong credentials on the sign-in calls are those screens' business, not a lost session.
      const path = new URL(request.url).pathname;
      const isSignInCall = path.startsWith('/api/session') || path.startsWith('/api/devices');
      if (response.status === 401 && !isSignInCall) onSessionEnded();
      return response;
    },
  });
  return client;
}

export const FieldApiContext = createContext<OpenPatrolClient | null>(null);

export function useApi(): OpenPatrolClient {
  const api = use(FieldApiContext);
  if (!api) throw new Error('useApi() needs a <FieldApiContext> above it');
  return api;
}
