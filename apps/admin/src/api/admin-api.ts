import {
  createSessionClient,
  type OpenPatrolClient,
  type SessionClientOptions,
} from '@openpatrol/api-client';
import { createContext, use } from 'react';

/**
 * The API client every screen uses (admin app): the session cookie, the CSRF token on writes,
 * and a lost session reported — except a 401 from the session endpoints themselves (wrong
 * credentials on sign-in).
 */
export function createAdminApi(
  options: Omit<SessionClientOptions, 'signInPaths'>,
): OpenPatrolClient {
  return createSessionClient({ ...options, signInPaths: ['/api/session'] });
}

export const AdminApiContext = createContext<OpenPatrolClient | null>(null);

export function useApi(): OpenPatrolClient {
  const api = use(AdminApiContext);
  if (!api) throw new Error('useApi() needs an <AdminApiContext> above it');
  return api;
}
