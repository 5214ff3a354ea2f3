import type { Schemas } from '@openpatrol/api-client';
import { useEffect, useState } from 'react';
import { useApi } from '../api/field-api.js';

type ServerState =
  | { kind: 'checking' }
  | { kind: 'up'; health: Schemas['Health'] }
  | { kind: 'down'; reason: string };

/**
 * Whether the phone reaches the server and its database, on the sign-in screens: the first
 * thing to know when a sign-in does not work.
 */
export function ServerStatus() {
  const api = useApi();
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
        if (!cancelled) setServer({ kind: 'down', reason: 'No connection to the server.' });
      });
    return () => {
      cancelled = true;
    };
  }, [api]);

  return (
    <footer className="server-status" aria-label="Server status">
      {server.kind === 'checking' && <span>Checking the server…</span>}
      {server.kind === 'down' && <span>{server.reason}</span>}
      {server.kind === 'up' && (
        <span>
          Server <span data-testid="server-status">{server.health.status}</span> · database{' '}
          <span data-testid="database-status">
            {server.health.database.status} ({server.health.database.dialect.toLowerCase()})
          </span>{' '}
          · v{server.health.version}
        </span>
      )}
    </footer>
  );
}
