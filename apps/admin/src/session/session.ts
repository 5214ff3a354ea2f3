import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { ProblemError, unwrap } from '../api/problem.js';

export type Session = Schemas['Session'];
export type Role = Schemas['Role'];
export type Membership = Session['memberships'][number];

export const SESSION_QUERY_KEY = ['session'] as const;

/** The current session, or null when nobody is signed in (the server's 401). */
export function sessionQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        return await unwrap(api.GET('/session'));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 401) return null;
        throw error;
      }
    },
    // The session changes only through this app's own calls, which write it back into the cache.
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Makes a session answer (sign-in, sign-up, invitation, organization switch) the current one.
 * Everything cached belonged to the previous person or organization, so it goes.
 */
export function adoptSession(queryClient: QueryClient, session: Session | null): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0],
  });
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
}

/** The membership the session acts in: its organization's name and the person's role there. */
export function currentMembership(session: Session): Membership | null {
  return (
    session.memberships.find(
      (membership) => membership.organizationId === session.organizationId,
    ) ?? null
  );
}

export function displayName(person: NonNullable<Session['person']>): string {
  const name = `${person.firstName} ${person.lastName}`.trim();
  return name === '' ? person.email : name;
}

// What each role may do in the admin app, mirroring the routes' declared access on the server
// (a hidden button is a courtesy; the server still refuses).
export const canManageApiTokens = (role: Role): boolean => role === 'OWNER';
export const canCreateLocations = (role: Role): boolean => role === 'OWNER';
export const canEditLocations = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
/** Alert rules and webhooks: Owners and Admins, as their routes on the server. */
export const canManageIntegrations = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
export const canUseAdminApp = (role: Role): boolean =>
  role === 'OWNER' || role === 'ADMIN' || role === 'MANAGER';
/** Inviting, editing, archiving members; guard PINs (the users API's writers). */
export const canManageMembers = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
/** The Owner in person hands the role over (transferOwnership: Owner, no token). */
export const canTransferOwnership = (role: Role): boolean => role === 'OWNER';
/** Registering and revoking the shared devices guards sign in on. */
export const canManageDevices = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
/** Creating, editing, archiving points and regenerating their QR codes. */
export const canEditPoints = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
/** QR images and sheets carry the payload: supervisors only, never performers. */
export const canPrintQrCodes = (role: Role): boolean =>
  role === 'OWNER' || role === 'ADMIN' || role === 'MANAGER';
export const canEditChecklists = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
/** Whether the role sees every location regardless of assignment (the server's actor rule). */
export const seesAllLocations = (role: Role): boolean => role === 'OWNER' || role === 'ADMIN';
/** Roles a member manager can give: OWNER only ever moves by ownership transfer. */
export const ASSIGNABLE_ROLES = [
  'ADMIN',
  'MANAGER',
  'USER',
  'GUARD',
] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  USER: 'User',
  GUARD: 'Guard',
};

/** A same-site path to return to after signing in; anything else (another origin) is refused. */
export function safeRedirectPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}
