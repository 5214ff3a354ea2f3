import { createOpenPatrolClient, type Schemas } from '@openpatrol/api-client';
import { useEffect, useState } from 'react';

const api = createOpenPatrolClient();

type ServerState =
  | { kind: 'checking' }
  | { kind: 'up'; health: Schemas['Health'] }
  | { kind: 'down'; reason: string };

/** The first screen: it proves the app reaches the server and its database through the API client. */
export function App() {
  const [server, setServer] = useState<ServerState>({ kind: 'checking' });

  useEffect(() => {
    let cancelled = false;
    api
      .GET('/health')
      .then(({ data, error, response }) => {
        if (cancelled) return;
        // A 503 still carries a Health body: the server is up, its database is not.
        const health = data ?? (error && 'database' in error ? error : undefined);
        setServer(
          health
            ? { kind: 'up', health }
            : { kind: 'down', reason: `The server answered ${response.status}.` },
        );
      })
      .catch(() => {
        if (!cancelled) setServer({ kind: 'down', reason: 'The server cannot be reached.' });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: '40rem',
        margin: '3rem auto',
        padding: '0 1rem',
        lineHeight: 1.5,
      }}
    >
      <h1>OpenPatrol Admin</h1>
      <p>Plan and supervise patrols, rounds and inspections.</p>
      <section
        aria-label="Server status"
        style={{ border: '1px solid #c8d1da', borderRadius: 8, padding: '1rem' }}
      >
        {server.kind === 'checking' && <p>Checking the server…</p>}
        {server.kind === 'down' && <p role="alert">{server.reason}</p>}
        {server.kind === 'up' && (
          <dl
            style={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              gap: '0.25rem 1rem',
              margin: 0,
            }}
          >
            <dt>Server</dt>
            <dd data-testid="server-status" style={{ margin: 0 }}>
              {server.health.status}
            </dd>
            <dt>Database</dt>
            <dd data-testid="database-status" style={{ margin: 0 }}>
              {server.health.database.status} ({server.health.database.dialect.toLowerCase()})
            </dd>
            <dt>Version</dt>
            <dd style={{ margin: 0 }}>{server.health.version}</dd>
          </dl>
        )}
      </section>
      <p>
        <a href="/api/docs">API reference</a>
      </p>
    </main>
  );
}
