import {
  createSessionClient,
  type OpenPatrolClient,
  type SessionClientOptions,
} from '@openpatrol/api-client';
import { createContext, use } from 'react';

/**
 * The API client every screen uses (field app): the session cookie, the CSRF token on writes,
 * and a lost session reported — except a 401 from the sign-in calls (wrong credentials, a
 * refused device).
 */
export function createFieldApi(
  options: Omit<SessionClientOptions, 'signInPaths'>,
): OpenPatrolClient {
  return createSessionClient({ ...options, signInPaths: ['/api/session', '/api/devices'] });
}

export const FieldApiContext = createContext<OpenPatrolClient | null>(null);

export function useApi(): OpenPatrolClient {
  const api = use(FieldApiContext);
  if (!api) throw new Error('useApi() needs a <FieldApiContext> above it');
  return api;
}
