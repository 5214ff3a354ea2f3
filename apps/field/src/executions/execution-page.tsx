import { useEffect, useRef, useState } from 'react';
import { describeError } from '../api/problem.js';
import { CheckInPanel } from '../check-in/check-in-panel.js';
import type { PresenceProof } from '../check-in/presence.js';
import { formatWindow, overdueOf, STATE_LABELS } from '../shell/format.js';
import { Link } from '../shell/router.js';
import { useSession } from '../session/session.js';
import { ActionField } from './action-field.js';
import {
  useExecution,
  useExecutionPlan,
  useLocationsById,
  usePointsById,
  type ActionDefinition,
  type Point,
} from './executions-data.js';
import { findMissingWork, type Execution, type ExecutionStep } from './local-execution.js';
import { usePerforming, type WriteOutcome } from './use-performing.js';

type RecordWrite = ReturnType<typeof usePerforming>;

/** Performing one execution: start, check in step by step, answer, notes, finish. */
export function ExecutionPage({ executionId }: { executionId: string }) {
  const { memberId } = useSession();
  const { execution, data, error, isPending } = useExecution(executionId);
  const definitions = useExecutionPlan(executionId);
  const record = usePerforming(executionId);
  const locations = useLocationsById();
  const points = usePointsById();
  const seenSent = useRef(false);

  // Opening the execution is what "seen" means (DESIGN §5); once per visit is enough.
  const mySeenState = execution?.seenStates.find((state) => state.assigneeId === memberId);
  useEffect(() => {
    if (!mySeenState || mySeenState.seen || seenSent.current) return;
    seenSent.current = true;
    void record({ type: 'SEEN' });
  }, [mySeenState, record]);

  if (isPending) return <p className="muted">Loading…</p>;
  if (!execution)
    return (
      <div className="stack">
        <p role="alert" className="notice notice-error">
          {error ? describeError(error) : 'This execution is not on this phone.'}
        </p>
        <Link to={{ name: 'today' }} className="button button-secondary">
          Back to my tasks
        </Link>
      </div>
    );

  const location = locations.get(execution.locationId);
  const overdue = overdueOf(execution);
  const isPerformer = execution.performerId === null || execution.performerId === memberId;
  const inProgress = execution.state === 'IN_PROGRESS' && isPerformer;

  return (
    <article className="stack execution" aria-labelledby="execution-title">
      <Link to={{ name: 'today' }} className="back-link">
        ← My tasks
      </Link>
      <header className="stack-tight">
        <h2 id="execution-title">{execution.name}</h2>
        <p className="muted">
          {location?.name ?? 'Location'} · {formatWindow(execution, location?.timeZone)}
        </p>
        <p className="badges">
          <span
            className={`badge badge-state-${execution.state.toLowerCase()}`}
            data-testid="execution-state"
          >
            {STATE_LABELS[execution.state]}
          </span>
          {execution.priority !== 'NORMAL' && (
            <span className={`badge badge-priority-${execution.priority.toLowerCase()}`}>
              {execution.priority.toLowerCase()} priority
            </span>
          )}
          {overdue && (
            <span className="badge badge-error">
              {overdue === 'expired' ? 'Overdue' : 'Start overdue'}
            </span>
          )}
          {execution.unsent && <span className="badge badge-warning">Not sent yet</span>}
          {data?.offlineSince && <span className="badge">Offline copy</span>}
        </p>
        {execution.description && <p>{execution.description}</p>}
        {execution.orderStepsRequired && <p className="hint">Steps must be done in order.</p>}
      </header>

      {!isPerformer && (
        <p className="notice notice-info">Another assignee is performing this task.</p>
      )}
      {execution.state === 'PLANNED' && <StartButton record={record} />}

      <ol className="steps">
        {execution.steps.map((step, index) => (
          <li key={step.id}>
            <StepCard
              step={step}
              number={index + 1}
              point={points.get(step.pointId)}
              inProgress={inProgress}
              record={record}
              definitions={definitions}
            />
          </li>
        ))}
      </ol>

      {(inProgress || execution.notes) && (
        <NotesForm
          notes={execution.notes}
          editable={execution.state !== 'CANCELED'}
          record={record}
        />
      )}
      {inProgress && <FinishPanel execution={execution} record={record} />}
      {execution.state === 'COMPLETED' && (
        <p className="notice notice-ok" role="status">
          Finished{execution.unsent ? ' on this phone; it is sent when online.' : '.'}
        </p>
      )}
    </article>
  );
}

function StartButton({ record }: { record: RecordWrite }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="stack-tight">
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button button-primary button-large"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void record({ type: 'STARTED' })
            .then((outcome) => setProblem(outcome.kind === 'refused' ? outcome.reason : null))
            .finally(() => setBusy(false));
        }}
      >
        Start
      </button>
    </div>
  );
}

function StepCard({
  step,
  number,
  point,
  inProgress,
  record,
  definitions,
}: {
  step: ExecutionStep;
  number: number;
  point: Point | undefined;
  inProgress: boolean;
  record: RecordWrite;
  definitions: ReadonlyMap<string, ActionDefinition>;
}) {
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checkInOutcome, setCheckInOutcome] = useState<WriteOutcome | null>(null);
  const checkedIn = step.state === 'CHECKED_IN';
  const skipped = step.state === 'SKIPPED';
  const open = inProgress && !checkedIn && !skipped;

  const checkIn = async (proof: PresenceProof) =>
    setCheckInOutcome(await record({ type: 'CHECKED_IN', stepId: step.id, ...proof }));

  return (
    <section
      className={`step step-${(step.state ?? 'open').toLowerCase()}`}
      aria-label={`Step ${number}: ${step.name}`}
    >
      <header className="step-header">
        <span className="step-number" aria-hidden="true">
          {checkedIn ? '✓' : number}
        </span>
        <div>
          <h3>{step.name}</h3>
          {point && point.name !== step.name && <p className="muted">{point.name}</p>}
        </div>
        {checkedIn && <span className="badge badge-ok">Checked in</span>}
        {skipped && <span className="badge">Skipped</span>}
        {step.state === 'MISSED' && <span className="badge badge-error">Missed</span>}
      </header>
      {checkInOutcome?.kind === 'refused' && !checkedIn && (
        <p role="alert" className="notice notice-error" data-testid="check-in-problem">
          {checkInOutcome.reason}
        </p>
      )}
      {checkInOutcome?.kind === 'queued' && checkedIn && (
        <p className="notice notice-info">
          Checked in on this phone: sent when the connection is back.
        </p>
      )}
      {open && (
        <div className="stack">
          <CheckInPanel point={point} onCheckIn={checkIn} />
          {problem && (
            <p role="alert" className="notice notice-error">
              {problem}
            </p>
          )}
          {skipping ? (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (!reason.trim()) return;
                void record({ type: 'STEP_SKIPPED', stepId: step.id, reason: reason.trim() }).then(
                  (outcome) => {
                    setProblem(outcome.kind === 'refused' ? outcome.reason : null);
                    if (outcome.kind !== 'refused') setSkipping(false);
                  },
                );
              }}
            >
              <label className="field">
                <span>Why skip this step?</span>
                <input
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  required
                />
              </label>
              <button type="submit" className="button button-secondary">
                Skip step with this reason
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setSkipping(false)}
              >
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" className="button button-quiet" onClick={() => setSkipping(true)}>
              Skip step…
            </button>
          )}
        </div>
      )}
      {step.actions.length > 0 && !skipped && (
        <div className="actions">
          {!checkedIn && inProgress && (
            <p className="hint">Check in at the point to answer these.</p>
          )}
          {step.actions.map((action) => (
            <ActionField
              key={action.id}
              action={action}
              definition={definitions.get(action.id)}
              editable={inProgress && checkedIn}
              record={record}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function NotesForm({
  notes,
  editable,
  record,
}: {
  notes: string | null;
  editable: boolean;
  record: RecordWrite;
}) {
  const [text, setText] = useState(notes ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const changed = text.trim() !== (notes ?? '');
  return (
    <form
      className="stack-tight"
      onSubmit={(event) => {
        event.preventDefault();
        void record({ type: 'NOTES_CHANGED', notes: text.trim() === '' ? null : text.trim() }).then(
          (outcome) =>
            setSaved(
              outcome.kind === 'refused'
                ? outcome.reason
                : outcome.kind === 'queued'
                  ? 'Saved on this phone'
                  : 'Saved',
            ),
        );
      }}
    >
      <label className="field">
        <span>Notes</span>
        <textarea
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={!editable}
        />
      </label>
      {saved && (
        <p className="hint" role="status">
          {saved}
        </p>
      )}
      {editable && (
        <button type="submit" className="button button-secondary" disabled={!changed}>
          Save notes
        </button>
      )}
    </form>
  );
}

function FinishPanel({ execution, record }: { execution: Execution; record: RecordWrite }) {
  const [confirming, setConfirming] = useState(false);
  const [givingUp, setGivingUp] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const missing = findMissingWork(execution);
  const complete = missing.actions.length === 0 && missing.steps.length === 0;

  const send = (write: Parameters<RecordWrite>[0]) =>
    record(write).then((outcome) => setProblem(outcome.kind === 'refused' ? outcome.reason : null));

  return (
    <section className="finish stack" aria-label="Finish">
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {confirming ? (
        <div className="stack" data-testid="finish-summary">
          {complete ? (
            <p>Everything is done. Finish the task?</p>
          ) : (
            <>
              <p>
                <strong>Not everything is done.</strong> Finishing now records these as missing:
              </p>
              <ul className="missing-list">
                {missing.steps.map((step) => (
                  <li key={step.id}>Step “{step.name}”: not checked in</li>
                ))}
                {missing.actions.map(({ step, action }) => (
                  <li key={action.id}>
                    “{action.name}” ({step.name}): required, no answer
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => void send({ type: 'FINISHED' })}
          >
            {complete ? 'Finish' : 'Finish anyway'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setConfirming(false)}
          >
            Go back
          </button>
        </div>
      ) : givingUp ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) void send({ type: 'GAVE_UP', reason: reason.trim() });
          }}
        >
          <label className="field">
            <span>Why can the task not be finished?</span>
            <input value={reason} onChange={(event) => setReason(event.target.value)} required />
          </label>
          <button type="submit" className="button button-danger">
            Give up the task
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setGivingUp(false)}
          >
            Go back
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => setConfirming(true)}
          >
            Finish…
          </button>
          <button type="button" className="button button-quiet" onClick={() => setGivingUp(true)}>
            Give up…
          </button>
        </>
      )}
    </section>
  );
}
