import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FieldApiContext, createFieldApi } from './api/field-api.js';
import { ExecutionPage } from './executions/execution-page.js';
import { refreshExecutions } from './executions/executions-data.js';
import { TodayPage } from './executions/today-page.js';
import { GuardSignInPage } from './guard/guard-sign-in-page.js';
import { readAuthorizedDevice } from './guard/shared-device.js';
import { ReportIssuePage } from './issues/report-issue-page.js';
import type { FieldDatabase } from './offline/field-database.js';
import { FieldServicesContext, type FieldServices } from './offline/field-services.js';
import { QueuePage } from './offline/queue-page.js';
import { createWriteQueue } from './offline/write-queue.js';
import { CheckInPage } from './on-demand/check-in-page.js';
import {
  SessionContext,
  loadSession,
  readStoredSession,
  signOut,
  storeSession,
  type FieldSession,
} from './session/session.js';
import { SignInPage } from './session/sign-in-page.js';
import { AppShell } from './shell/app-shell.js';
import { ServerStatus } from './shell/server-status.js';
import { RouterProvider, useRouter } from './shell/router.js';
import { useTheme } from './shell/theme.js';

/** How often the queue retries on its own while writes wait (besides coming back online). */
const SYNC_INTERVAL_MS = 20_000;

export function App({ db }: { db: FieldDatabase }) {
  const [session, setSessionState] = useState<FieldSession | null>(readStoredSession);
  const sessionRef = useRef(session);
  const setSession = useCallback((next: FieldSession | null) => {
    sessionRef.current = next;
    storeSession(next);
    setSessionState(next);
  }, []);

  const [{ services, queryClient }] = useState(() => {
    const queryClient = new QueryClient({
      defaultOptions: {
        // Queries fall back to the device's copy themselves, so they run even when offline.
        queries: { networkMode: 'always', retry: 1, staleTime: 15_000 },
        mutations: { networkMode: 'always' },
      },
    });
    const api = createFieldApi({
      readCsrfToken: () => sessionRef.current?.session.csrfToken ?? null,
      onSessionEnded: () => setSession(null),
    });
    const queue = createWriteQueue({
      db,
      api,
      readMemberId: () => sessionRef.current?.session.memberId ?? null,
      onApplied: async (executionIds) => {
        await refreshExecutions({ api, db, queryClient }, executionIds);
        await queue.purgeApplied(executionIds);
      },
    });
    const services: FieldServices = { api, db, queue };
    return { services, queryClient };
  });

  // The server has the last word on the stored session as soon as it can be asked.
  useEffect(() => {
    void services.queue.refresh();
    loadSession(services.api)
      .then((loaded) => setSession(loaded))
      .catch(() => undefined);
  }, [services.api, setSession]);

  // Sync: at start, when the connection returns, when the app comes back to the front, and
  // periodically while something waits.
  const memberId = session?.session.memberId ?? null;
  useEffect(() => {
    if (!memberId) return;
    const { queue } = services;
    const sync = () => void queue.sync();
    void queue.purgeApplied().then(sync);
    const onVisible = () => document.visibilityState === 'visible' && sync();
    addEventListener('online', sync);
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(() => {
      if (queue.getState().pending > 0) sync();
    }, SYNC_INTERVAL_MS);
    return () => {
      removeEventListener('online', sync);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [memberId, services]);

  useTheme();

  return (
    <FieldApiContext value={services.api}>
      <FieldServicesContext value={services}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider>
            <Screens
              session={session}
              setSession={setSession}
              services={services}
              queryClient={queryClient}
            />
          </RouterProvider>
        </QueryClientProvider>
      </FieldServicesContext>
    </FieldApiContext>
  );
}

function Screens({
  session,
  setSession,
  services,
  queryClient,
}: {
  session: FieldSession | null;
  setSession: (session: FieldSession | null) => void;
  services: FieldServices;
  queryClient: QueryClient;
}) {
  const { route, navigate } = useRouter();
  const [switchingGuard, setSwitchingGuard] = useState(false);
  const [preferEmail, setPreferEmail] = useState(false);

  const signedIn = useCallback(
    (next: FieldSession) => {
      queryClient.clear();
      setSession(next);
      setSwitchingGuard(false);
      void services.queue.refresh().then(() => services.queue.sync());
      navigate({ name: 'today' }, { replace: true });
    },
    [navigate, queryClient, services.queue, setSession],
  );

  const sessionValue = useMemo(
    () =>
      session?.session.memberId
        ? {
            current: session,
            memberId: session.session.memberId,
            async signOut() {
              // Writes still queued stay on the phone and are sent at this member's next sign-in.
              await services.queue.sync();
              await signOut(services.api);
              queryClient.clear();
              setSession(null);
            },
          }
        : null,
    [session, services, queryClient, setSession],
  );

  // A shared device opens on guard sign-in; a personal phone on e-mail sign-in.
  const showGuardSignIn =
    switchingGuard ||
    route.name === 'guard' ||
    (!sessionValue && readAuthorizedDevice() !== null && !preferEmail);

  if (!sessionValue || showGuardSignIn) {
    return (
      <div className="shell shell-signed-out">
        <header className="topbar">
          <strong>OpenPatrol Field</strong>
        </header>
        <main className="content">
          {showGuardSignIn ? (
            <GuardSignInPage
              onSignedIn={signedIn}
              onCancel={() => {
                setSwitchingGuard(false);
                setPreferEmail(!sessionValue);
                navigate({ name: 'today' }, { replace: true });
              }}
            />
          ) : (
            <SignInPage
              onSignedIn={signedIn}
              onGuardMode={() => {
                setPreferEmail(false);
                navigate({ name: 'guard' });
              }}
            />
          )}
        </main>
        <ServerStatus />
      </div>
    );
  }

  return (
    <SessionContext value={sessionValue}>
      <AppShell
        onSwitchGuard={
          session?.guardMemberNumber
            ? () => {
                // Hand over with as little as possible left unsent by the guard leaving.
                void services.queue.sync().then(() => setSwitchingGuard(true));
              }
            : null
        }
      >
        {route.name === 'today' && <TodayPage />}
        {route.name === 'execution' && (
          <ExecutionPage key={route.executionId} executionId={route.executionId} />
        )}
        {route.name === 'check-in' && <CheckInPage />}
        {route.name === 'report-issue' && <ReportIssuePage />}
        {route.name === 'queue' && <QueuePage />}
        {route.name === 'not-found' && <p className="empty">There is nothing at this address.</p>}
      </AppShell>
    </SessionContext>
  );
}
