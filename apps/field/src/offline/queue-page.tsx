import { describeProblem } from '../api/problem.js';
import { formatRelative } from '../shell/format.js';
import type { QueuedWrite } from './field-database.js';
import { useFieldServices, useQueueState } from './field-services.js';

function describeWrite(write: QueuedWrite): string {
  switch (write.kind) {
    case 'CHECK_IN':
      return 'On-demand check-in';
    case 'ISSUE':
      return `Issue “${write.body.title}”`;
    case 'EXECUTION':
      return {
        SEEN: 'Seen',
        STARTED: 'Start',
        CHECKED_IN: 'Check-in',
        VALUE_RECORDED: 'Answer',
        VALUE_CLEARED: 'Cleared answer',
        STEP_SKIPPED: 'Skipped step',
        ACTION_SKIPPED: 'Skipped item',
        NOTES_CHANGED: 'Notes',
        FINISHED: 'Finish',
        GAVE_UP: 'Gave up',
      }[write.write.type];
  }
}

/** Everything still on the phone: what waits to be sent, and what the server refused and why. */
export function QueuePage() {
  const { queue } = useFieldServices();
  const state = useQueueState();
  const pending = state.writes.filter((write) => write.status === 'PENDING');
  return (
    <div className="stack">
      <h2>Sync</h2>
      <dl className="facts">
        <dt>Waiting to be sent</dt>
        <dd data-testid="queue-pending">{state.pending}</dd>
        <dt>Last sync</dt>
        <dd>{state.lastSyncAt ? formatRelative(state.lastSyncAt) : 'never'}</dd>
        {state.pendingOfOthers > 0 && (
          <>
            <dt>Other guards’ writes</dt>
            <dd>{state.pendingOfOthers}: sent when they sign in again on this phone</dd>
          </>
        )}
      </dl>
      {state.stoppedBecause && <p className="notice notice-info">{state.stoppedBecause}</p>}
      <button
        type="button"
        className="button button-primary"
        disabled={state.syncing}
        onClick={() => void queue.sync()}
      >
        {state.syncing ? 'Sending…' : 'Send now'}
      </button>
      {state.refused.length > 0 && (
        <section className="stack-tight" aria-label="Refused by the server">
          <h3>Refused by the server</h3>
          <p className="hint">
            These were not recorded. Read why, redo what is needed, then dismiss.
          </p>
          <ul className="queue-list">
            {state.refused.map((write) => (
              <li key={write.id} className="notice notice-error" data-testid="refused-write">
                <strong>{describeWrite(write)}</strong> ({formatRelative(write.createdAt)}):{' '}
                {write.problem ? describeProblem(write.problem) : 'refused'}
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void queue.dismiss(write.id)}
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pending.length > 0 && (
        <section className="stack-tight" aria-label="Waiting to be sent">
          <h3>Waiting</h3>
          <ul className="queue-list">
            {pending.map((write) => (
              <li key={write.id}>
                {describeWrite(write)} · {formatRelative(write.createdAt)}
                {write.mediaClientIds.length > 0 && ` · ${write.mediaClientIds.length} photo(s)`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
