import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { createContext, use } from 'react';
import { ProblemError, isNetworkError, toProblem, unwrap } from '../api/problem.js';

export type Session = Schemas['Session'];

/** The session and how this app got it: a guard on a shared device signs in by member number. */
export interface FieldSession {
  readonly session: Session;
  /** Set in guard mode: the member number the guard signed in with. */
  readonly guardMemberNumber: string | null;
}

const SESSION_KEY = 'openpatrol.field.session';

/**
 * The last session the server confirmed, kept so the app opens offline: the cookie stays valid on
 * the device, and the server judges it again as soon as there is a connection.
 */
export function readStoredSession(): FieldSession | null {
  try {
    const stored = localStorage.getItem(SESSION_KEY);
    return stored ? (JSON.parse(stored) as FieldSession) : null;
  } catch {
    return null;
  }
}

export function storeSession(session: FieldSession | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

/** Asks the server who we are: null when signed out; the stored session when offline. */
export async function loadSession(api: OpenPatrolClient): Promise<FieldSession | null> {
  const stored = readStoredSession();
  try {
    const { data, error, response } = await api.GET('/session');
    if (response.status === 401) return null;
    if (!response.ok || !data) throw new ProblemError(toProblem(error, response));
    return {
      session: data,
      guardMemberNumber:
        stored?.session.memberId === data.memberId ? (stored?.guardMemberNumber ?? null) : null,
    };
  } catch (error) {
    if (isNetworkError(error) || (error instanceof ProblemError && error.status >= 500))
      return stored;
    throw error;
  }
}

export async function signIn(
  api: OpenPatrolClient,
  credentials: Schemas['SignInBody'],
): Promise<FieldSession> {
  const session = await unwrap(api.POST('/session', { body: credentials }));
  return { session, guardMemberNumber: null };
}

export async function signOut(api: OpenPatrolClient): Promise<void> {
  try {
    await api.DELETE('/session');
  } catch {
    // Offline: the cookie is dropped by the server when it expires; locally we forget it now.
  }
}

export function displayNameOf(session: FieldSession): string {
  const person = session.session.person;
  if (person) return `${person.firstName} ${person.lastName}`.trim();
  return session.guardMemberNumber ? `Guard ${session.guardMemberNumber}` : 'Guard';
}

export interface SessionContextValue {
  readonly current: FieldSession;
  readonly memberId: string;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession() needs a signed-in <SessionContext> above it');
  return session;
}
