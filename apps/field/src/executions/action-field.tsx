import { useState, type ReactNode } from 'react';
import { LOCAL_MEDIA_PREFIX } from '../offline/field-database.js';
import { useFieldServices } from '../offline/field-services.js';
import type { NewExecutionWrite } from '../offline/write-queue.js';
import { useSession } from '../session/session.js';
import {
  checkText,
  describeRange,
  isOutOfRange,
  rulesOf,
  type ActionRules,
} from './action-rules.js';
import type { ActionDefinition } from './executions-data.js';
import type { ExecutionAction } from './local-execution.js';
import { MediaThumbnail } from './media-thumbnail.js';
import type { WriteOutcome } from './use-performing.js';

type RecordWrite = (write: NewExecutionWrite) => Promise<WriteOutcome>;

interface Feedback {
  readonly tone: 'ok' | 'info' | 'error';
  readonly text: string;
}

function feedbackOf(outcome: WriteOutcome): Feedback {
  switch (outcome.kind) {
    case 'applied':
      return { tone: 'ok', text: 'Saved' };
    case 'queued':
      return { tone: 'info', text: 'Saved on this phone; sent when online' };
    case 'refused':
      return { tone: 'error', text: outcome.reason };
  }
}

/**
 * One checklist item: the form for its type, validated as far as the rules are known before
 * anything is sent, with skip (and a reason) and clear. `editable` is false until the step is
 * checked in: values are recorded at the point.
 */
export function ActionField({
  action,
  definition,
  editable,
  record,
}: {
  action: ExecutionAction;
  /** The action's whole definition, when the plan is on the device. */
  definition?: ActionDefinition | undefined;
  editable: boolean;
  record: RecordWrite;
}) {
  const rules = rulesOf(action, definition);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');

  async function send(write: NewExecutionWrite): Promise<WriteOutcome> {
    setBusy(true);
    try {
      const outcome = await record(write);
      setFeedback(feedbackOf(outcome));
      return outcome;
    } finally {
      setBusy(false);
    }
  }

  const isInstruction = action.type === 'INSTRUCTION';
  const skipped = action.state === 'SKIPPED';
  const flagged = action.validAction === false;

  return (
    <section className={`action${skipped ? ' action-skipped' : ''}`} aria-label={action.name}>
      <header className="action-header">
        <h4>
          {action.name}
          {action.required && !isInstruction && (
            <span className="required" aria-label="required">
              {' '}
              *
            </span>
          )}
        </h4>
        {action.state === 'DONE' && <span className="badge badge-ok">Done</span>}
        {skipped && <span className="badge">Skipped</span>}
        {flagged && (
          <span className={`badge ${action.status === 'ERROR' ? 'badge-error' : 'badge-warning'}`}>
            Flagged
          </span>
        )}
      </header>
      {rules.description && <p className="muted">{rules.description}</p>}
      {isInstruction ? (
        <p className="instruction">{rules.description ?? action.name}</p>
      ) : skipped ? (
        <p className="muted">Skipped.</p>
      ) : (
        <ValueForm action={action} rules={rules} editable={editable && !busy} send={send} />
      )}
      {feedback && (
        <p
          className={`feedback feedback-${feedback.tone}`}
          role={feedback.tone === 'error' ? 'alert' : 'status'}
          data-testid="action-feedback"
        >
          {feedback.text}
        </p>
      )}
      {!isInstruction && editable && (
        <div className="action-tools">
          {skipping ? (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (!reason.trim()) return;
                void send({
                  type: 'ACTION_SKIPPED',
                  actionId: action.id,
                  reason: reason.trim(),
                }).then((outcome) => outcome.kind !== 'refused' && setSkipping(false));
              }}
            >
              <label className="field">
                <span>Why skip “{action.name}”?</span>
                <input
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  required
                />
              </label>
              <button type="submit" className="button button-secondary" disabled={busy}>
                Skip with this reason
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
            <>
              {!skipped && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setSkipping(true)}
                >
                  Skip…
                </button>
              )}
              {(action.state === 'DONE' || skipped) && (
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={busy}
                  onClick={() => void send({ type: 'VALUE_CLEARED', actionId: action.id })}
                >
                  Clear
                </button>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ValueForm({
  action,
  rules,
  editable,
  send,
}: {
  action: ExecutionAction;
  rules: ActionRules;
  editable: boolean;
  send: RecordWrite;
}): ReactNode {
  const props = { action, rules, editable, send };
  switch (action.type) {
    case 'BOOLEAN':
      return <BooleanForm action={action} editable={editable} send={send} />;
    // Keyed by the recorded answer: a value that arrives later (from the device's queue, or the
    // server) replaces what the form shows, while typing is left alone.
    case 'NUMBER':
      return <NumberForm key={String(action.numberValue)} {...props} />;
    case 'TEXT':
      return <TextForm key={String(action.textValue)} {...props} />;
    case 'SELECT':
      return <SelectForm key={String(action.textValue)} {...props} />;
    case 'MULTISELECT':
      return <MultiselectForm key={String(action.textValue)} {...props} />;
    case 'MEDIA':
      return <MediaForm {...props} />;
    case 'INSTRUCTION':
      return null;
  }
}

function BooleanForm({
  action,
  editable,
  send,
}: {
  action: ExecutionAction;
  editable: boolean;
  send: RecordWrite;
}) {
  const value = action.state === 'DONE' ? action.booleanValue : null;
  return (
    <div className="choice-row" role="group" aria-label={`${action.name}: yes or no`}>
      {[true, false].map((answer) => (
        <button
          key={String(answer)}
          type="button"
          className={`button choice${value === answer ? ' choice-selected' : ''}`}
          aria-pressed={value === answer}
          disabled={!editable}
          onClick={() =>
            void send({ type: 'VALUE_RECORDED', actionId: action.id, booleanValue: answer })
          }
        >
          {answer ? 'Yes' : 'No'}
        </button>
      ))}
    </div>
  );
}

function NumberForm({
  action,
  rules,
  editable,
  send,
}: {
  action: ExecutionAction;
  rules: ActionRules;
  editable: boolean;
  send: RecordWrite;
}) {
  const [text, setText] = useState(action.numberValue?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);
  const value = Number(text.replace(',', '.'));
  const range = describeRange(rules);
  const outOfRange = text.trim() !== '' && Number.isFinite(value) && isOutOfRange(value, rules);
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '' || !Number.isFinite(value)) {
          setError('Enter a number.');
          return;
        }
        setError(null);
        void send({ type: 'VALUE_RECORDED', actionId: action.id, numberValue: value });
      }}
    >
      <label className="field">
        <span>{range ? `Value (${range.toLowerCase()})` : 'Value'}</span>
        <input
          inputMode="decimal"
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={!editable}
          aria-invalid={error !== null}
        />
      </label>
      {error && <p className="field-error">{error}</p>}
      {outOfRange && (
        <p className="field-warning">Out of the expected range: it will be recorded and flagged.</p>
      )}
      <button type="submit" className="button button-primary" disabled={!editable}>
        Save
      </button>
    </form>
  );
}

function TextForm({
  action,
  rules,
  editable,
  send,
}: {
  action: ExecutionAction;
  rules: ActionRules;
  editable: boolean;
  send: RecordWrite;
}) {
  const [text, setText] = useState(action.textValue ?? '');
  const [error, setError] = useState<string | null>(null);
  const length = [...text].length;
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const problem = text === '' ? 'Write an answer, or skip the item.' : checkText(text, rules);
        setError(problem);
        if (!problem) void send({ type: 'VALUE_RECORDED', actionId: action.id, textValue: text });
      }}
    >
      <label className="field">
        <span>Answer</span>
        <textarea
          rows={2}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(checkText(event.target.value, rules));
          }}
          disabled={!editable}
          aria-invalid={error !== null}
        />
      </label>
      {rules.maxLength !== null && (
        <p className={`hint${length > rules.maxLength ? ' field-error' : ''}`}>
          {length} / {rules.maxLength}
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
      <button type="submit" className="button button-primary" disabled={!editable}>
        Save
      </button>
    </form>
  );
}

function SelectForm({
  action,
  rules,
  editable,
  send,
}: {
  action: ExecutionAction;
  rules: ActionRules;
  editable: boolean;
  send: RecordWrite;
}) {
  const [text, setText] = useState(action.textValue ?? '');
  const chosen = action.state === 'DONE' ? action.textValue : null;
  if (rules.options)
    return (
      <div className="choice-column" role="group" aria-label={`${action.name}: choose one`}>
        {rules.options.map((option) => (
          <button
            key={option.value}
            type="button"
            className={`button choice${chosen === option.value ? ' choice-selected' : ''}`}
            aria-pressed={chosen === option.value}
            disabled={!editable}
            onClick={() =>
              void send({ type: 'VALUE_RECORDED', actionId: action.id, textValue: option.value })
            }
          >
            {option.value}
          </button>
        ))}
      </div>
    );
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim())
          void send({ type: 'VALUE_RECORDED', actionId: action.id, textValue: text.trim() });
      }}
    >
      <label className="field">
        <span>Option (as written in your instructions)</span>
        <input
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={!editable}
          required
        />
      </label>
      <button type="submit" className="button button-primary" disabled={!editable}>
        Save
      </button>
    </form>
  );
}

function MultiselectForm({
  action,
  rules,
  editable,
  send,
}: {
  action: ExecutionAction;
  rules: ActionRules;
  editable: boolean;
  send: RecordWrite;
}) {
  const recorded = action.state === 'DONE' && action.textValue ? action.textValue.split('\n') : [];
  const [selected, setSelected] = useState<string[]>(recorded);
  const [text, setText] = useState(recorded.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const values = rules.options
    ? selected
    : text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (values.length === 0) {
          setError('Choose at least one, or skip the item.');
          return;
        }
        setError(null);
        void send({ type: 'VALUE_RECORDED', actionId: action.id, selectedValues: values });
      }}
    >
      {rules.options ? (
        <fieldset className="checkbox-list" disabled={!editable}>
          <legend className="visually-hidden">{action.name}: choose any</legend>
          {rules.options.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={(event) =>
                  setSelected((current) =>
                    event.target.checked
                      ? [...current, option.value]
                      : current.filter((value) => value !== option.value),
                  )
                }
              />
              <span>{option.value}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <label className="field">
          <span>Options, one per line (as written in your instructions)</span>
          <textarea
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            disabled={!editable}
          />
        </label>
      )}
      {error && <p className="field-error">{error}</p>}
      <button type="submit" className="button button-primary" disabled={!editable}>
        Save
      </button>
    </form>
  );
}

function MediaForm({
  action,
  rules,
  editable,
  send,
}: {
  action: ExecutionAction;
  rules: ActionRules;
  editable: boolean;
  send: RecordWrite;
}) {
  const { queue } = useFieldServices();
  const { memberId } = useSession();
  const current = action.state === 'DONE' ? (action.mediaValueIds ?? []) : [];
  const full = rules.maxCount !== null && current.length >= rules.maxCount;

  async function add(files: FileList | null, capture: 'CAMERA' | 'GALLERY') {
    const added: string[] = [];
    for (const file of Array.from(files ?? []))
      added.push(LOCAL_MEDIA_PREFIX + (await queue.storeMedia(memberId, file, capture)));
    if (added.length > 0)
      await send({ type: 'VALUE_RECORDED', actionId: action.id, mediaIds: [...current, ...added] });
  }

  async function remove(mediaId: string) {
    const rest = current.filter((id) => id !== mediaId);
    await send(
      rest.length > 0
        ? { type: 'VALUE_RECORDED', actionId: action.id, mediaIds: rest }
        : { type: 'VALUE_CLEARED', actionId: action.id },
    );
  }

  return (
    <div className="stack">
      {current.length > 0 && (
        <ul className="thumbnails">
          {current.map((mediaId, index) => (
            <li key={mediaId}>
              <MediaThumbnail mediaId={mediaId} alt={`${action.name}: photo ${index + 1}`} />
              {editable && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void remove(mediaId)}
                  aria-label={`Remove photo ${index + 1}`}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="button-grid">
        <label className={`button button-primary${!editable || full ? ' button-disabled' : ''}`}>
          Take photo
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            disabled={!editable || full}
            data-testid="take-photo"
            onChange={(event) => {
              void add(event.target.files, 'CAMERA');
              event.target.value = '';
            }}
          />
        </label>
        {rules.cameraOnly !== true && (
          <label
            className={`button button-secondary${!editable || full ? ' button-disabled' : ''}`}
          >
            From gallery
            <input
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              disabled={!editable || full}
              data-testid="choose-photo"
              onChange={(event) => {
                void add(event.target.files, 'GALLERY');
                event.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {rules.cameraOnly === true && (
        <p className="hint">Camera only: gallery photos are not accepted.</p>
      )}
    </div>
  );
}
