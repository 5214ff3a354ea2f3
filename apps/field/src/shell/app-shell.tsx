import { useEffect, useState, type ReactNode } from 'react';
import { useQueueState } from '../offline/field-services.js';
import { displayNameOf, useSession } from '../session/session.js';
import { formatRelative } from './format.js';
import { Link, useRouter, type Route } from './router.js';
import { useTheme } from './theme.js';

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

const THEME_LABELS = {
  system: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
} as const;

/** The frame of every signed-in screen: who is signed in, the queue's state, and the main places. */
export function AppShell({
  children,
  onSwitchGuard,
}: {
  children: ReactNode;
  onSwitchGuard: (() => void) | null;
}) {
  const session = useSession();
  const queue = useQueueState();
  const online = useOnline();
  const theme = useTheme();
  const { route } = useRouter();

  const syncText = !online
    ? `Offline${queue.pending > 0 ? ` · ${queue.pending} to send` : ''}`
    : queue.syncing
      ? 'Sending…'
      : queue.pending > 0
        ? `${queue.pending} to send`
        : queue.lastSyncAt
          ? `Synced ${formatRelative(queue.lastSyncAt)}`
          : 'Up to date';

  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar-who">
          <strong>OpenPatrol</strong>
          <span className="muted" data-testid="signed-in-as">
            {displayNameOf(session.current)}
          </span>
        </div>
        <div className="topbar-tools">
          <button
            type="button"
            className="icon-button"
            onClick={theme.cycle}
            aria-label={THEME_LABELS[theme.preference]}
            title={THEME_LABELS[theme.preference]}
          >
            {theme.preference === 'dark' ? '☾' : theme.preference === 'light' ? '☀' : '◐'}
          </button>
          {onSwitchGuard ? (
            <button type="button" className="button button-quiet" onClick={onSwitchGuard}>
              Switch guard
            </button>
          ) : (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void session.signOut()}
            >
              Sign out
            </button>
          )}
        </div>
      </header>
      <Link
        to={{ name: 'queue' }}
        className={`sync-bar${!online ? ' sync-bar-offline' : ''}${queue.refused.length > 0 ? ' sync-bar-refused' : ''}`}
      >
        <span data-testid="sync-status">{syncText}</span>
        {queue.refused.length > 0 && (
          <span className="badge badge-error">{queue.refused.length} refused</span>
        )}
      </Link>
      <main className="content">{children}</main>
      <nav className="bottom-nav" aria-label="Main">
        <NavLink
          to={{ name: 'today' }}
          current={route.name === 'today' || route.name === 'execution'}
        >
          Tasks
        </NavLink>
        <NavLink to={{ name: 'check-in' }} current={route.name === 'check-in'}>
          Check in
        </NavLink>
        <NavLink to={{ name: 'report-issue' }} current={route.name === 'report-issue'}>
          Report
        </NavLink>
        <NavLink to={{ name: 'queue' }} current={route.name === 'queue'}>
          Sync{queue.pending > 0 ? ` (${queue.pending})` : ''}
        </NavLink>
      </nav>
    </div>
  );
}

function NavLink({ to, current, children }: { to: Route; current: boolean; children: ReactNode }) {
  return (
    <span
      className={`nav-item${current ? ' nav-item-current' : ''}`}
      aria-current={current ? 'page' : undefined}
    >
      <Link to={to}>{children}</Link>
    </span>
  );
}
