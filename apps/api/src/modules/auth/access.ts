import type { Role } from '../../database/database.js';
import type { Actor } from './actor.js';

/**
 * Who may call a route, declared in its `config.access`. Every /api route must declare one: the
 * server refuses to start otherwise, so a forgotten rule cannot leave a route open.
 * - `public`: anyone, no credentials.
 * - `signed-in`: a person with a session, whether or not an organization is chosen (the
 *   session's own routes).
 * - `{ roles, token }`: a member of the organization with one of `roles`, or, when `token` is
 *   true, an API token (which acts as the Owner who created it).
 */
export type RouteAccess =
  'public' | 'signed-in' | { readonly roles: readonly Role[]; readonly token: boolean };

export const EVERY_ROLE: readonly Role[] = ['OWNER', 'ADMIN', 'MANAGER', 'USER', 'GUARD'];
export const ADMINISTRATORS: readonly Role[] = ['OWNER', 'ADMIN'];
export const SUPERVISORS: readonly Role[] = ['OWNER', 'ADMIN', 'MANAGER'];

/** The session behind a cookie-authenticated request. */
export interface SessionContext {
  readonly tokenHash: string;
  readonly personId: string | null;
  readonly organizationId: string | null;
  readonly memberId: string | null;
  readonly deviceId: string | null;
  readonly csrfToken: string;
}

/** Routes that declare roles always run with an actor; this says so to TypeScript. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('access control let a request through without an actor');
  return request.actor;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The caller within an organization, once access control has run; null on public routes without credentials. */
    actor: Actor | null;
    /** The cookie session, when the request carried one. */
    session: SessionContext | null;
  }
}
