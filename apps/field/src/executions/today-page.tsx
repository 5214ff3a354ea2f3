import { useMemo } from 'react';
import { describeError } from '../api/problem.js';
import { useQueueState } from '../offline/field-services.js';
import {
  formatDay,
  formatRelative,
  formatWindow,
  overdueOf,
  STATE_LABELS,
} from '../shell/format.js';
import { Link } from '../shell/router.js';
import { useSession } from '../session/session.js';
import { useLocationsById, useMyExecutions } from './executions-data.js';
import { applyLocalWrites, type Execution, type LocalMarks } from './local-execution.js';

/** Today and the next two days: my executions in time order, by day in the location's zone. */
export function TodayPage() {
  const { memberId } = useSession();
  const { data, error, isPending, refetch, isFetching } = useMyExecutions();
  const { writes } = useQueueState();
  const locations = useLocationsById();

  const groups = useMemo(() => {
    const executions = (data?.value ?? [])
      .filter((execution) => execution.state !== 'CANCELED')
      .map((execution) => applyLocalWrites(execution, writes, memberId))
      .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id));
    const byDay = new Map<string, (Execution & LocalMarks)[]>();
    for (const execution of executions) {
      const day = formatDay(execution.startAt, locations.get(execution.locationId)?.timeZone);
      byDay.set(day, [...(byDay.get(day) ?? []), execution]);
    }
    return [...byDay.entries()];
  }, [data, writes, memberId, locations]);

  return (
    <div className="stack">
      <div className="page-title">
        <h2>My tasks</h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void refetch()}
          disabled={isFetching}
        >
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {data?.offlineSince && (
        <p className="notice notice-info">
          Offline: the list as of {formatRelative(data.offlineSince)}.
        </p>
      )}
      {isPending && <p className="muted">Loading your tasks…</p>}
      {error && !data && (
        <p role="alert" className="notice notice-error">
          {describeError(error)}
        </p>
      )}
      {data && groups.length === 0 && (
        <p className="empty">No tasks for you today or in the next two days.</p>
      )}
      {groups.map(([day, executions]) => (
        <section key={day} className="stack-tight" aria-label={day}>
          <h3 className="day-heading">{day}</h3>
          <ul className="execution-list">
            {executions.map((execution) => {
              const location = locations.get(execution.locationId);
              const overdue = overdueOf(execution);
              const seen = execution.seenStates.find(
                (state) => state.assigneeId === memberId,
              )?.seen;
              return (
                <li key={execution.id}>
                  <Link
                    to={{ name: 'execution', executionId: execution.id }}
                    className={`execution-card${overdue ? ' execution-card-overdue' : ''}`}
                  >
                    <span className="execution-card-title">
                      {!seen && <span className="dot" role="img" aria-label="new" />}
                      {execution.name}
                    </span>
                    <span className="muted">
                      {formatWindow(execution, location?.timeZone)} · {location?.name ?? ''}
                    </span>
                    <span className="badges">
                      <span className={`badge badge-state-${execution.state.toLowerCase()}`}>
                        {STATE_LABELS[execution.state]}
                      </span>
                      {execution.priority !== 'NORMAL' && (
                        <span
                          className={`badge badge-priority-${execution.priority.toLowerCase()}`}
                        >
                          {execution.priority.toLowerCase()}
                        </span>
                      )}
                      {overdue && (
                        <span className="badge badge-error">
                          {overdue === 'expired' ? 'Overdue' : 'Start overdue'}
                        </span>
                      )}
                      {execution.unsent && (
                        <span className="badge badge-warning">Not sent yet</span>
                      )}
                      <span className="muted">
                        {execution.steps.filter((step) => step.state === 'CHECKED_IN').length}/
                        {execution.stepCount} steps
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
