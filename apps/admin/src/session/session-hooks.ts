import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useApi } from '../api/admin-api.js';
import { unwrap } from '../api/problem.js';
import {
  adoptSession,
  currentMembership,
  SESSION_QUERY_KEY,
  sessionQueryOptions,
  type Membership,
  type Session,
} from './session.js';

export interface SignedIn {
  readonly session: Session;
  readonly person: NonNullable<Session['person']>;
  readonly membership: Membership;
}

/** The session, as pages behind sign-in see it; null while it is being checked or after it ended. */
export function useSessionQuery() {
  return useQuery(sessionQueryOptions(useApi()));
}

/**
 * The signed-in person and the organization they act in. Only for pages under the app layout,
 * which renders them only once both are known.
 */
export function useSignedIn(): SignedIn {
  const { data: session } = useSessionQuery();
  const membership = session ? currentMembership(session) : null;
  if (!session?.person || !membership)
    throw new Error('useSignedIn() is only for pages behind the app layout');
  return { session, person: session.person, membership };
}

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/session')),
    // Signed out on this device whatever the server said: a failed call must not trap anyone in.
    onSettled: async () => {
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      await navigate({ to: '/sign-in' });
      // Forget the organization's data only once its pages are gone, so none refetches it.
      adoptSession(queryClient, null);
    },
  });
}

export function useSwitchOrganization() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(api.PUT('/session/organization', { body: { organizationId } })),
    onSuccess: async (session) => {
      adoptSession(queryClient, session);
      await navigate({ to: '/' });
    },
  });
}
