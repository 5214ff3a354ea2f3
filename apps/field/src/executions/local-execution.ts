import type { Schemas } from '@openpatrol/api-client';
import type { QueuedWrite } from '../offline/field-database.js';

export type Execution = Schemas['TaskExecutionInfo'];
export type ExecutionStep = Schemas['ExecutionStep'];
export type ExecutionAction = Schemas['ExecutionAction'];

/** Set on an execution, step or action changed by writes the server has not confirmed yet. */
export interface LocalMarks {
  readonly unsent: boolean;
}

/**
 * The execution as the performer left it: the server's last copy with this member's queued
 * writes applied on top, the way the server will apply them. The performer sees their values at
 * once, online or not; the server's copy replaces this view once it has the writes.
 */
export function applyLocalWrites(
  execution: Execution,
  writes: readonly QueuedWrite[],
  memberId: string,
): Execution & LocalMarks {
  const mine = writes.filter(
    (write): write is Extract<QueuedWrite, { kind: 'EXECUTION' }> =>
      write.kind === 'EXECUTION' &&
      write.executionId === execution.id &&
      write.memberId === memberId &&
      write.status !== 'REFUSED',
  );
  if (mine.length === 0) return { ...execution, unsent: false };
  const next: Execution = structuredClone(execution);
  const findStep = (id: string | undefined) => next.steps.find((step) => step.id === id);
  const findAction = (id: string | undefined) => {
    for (const step of next.steps) {
      const action = step.actions.find((candidate) => candidate.id === id);
      if (action) return { step, action };
    }
    return undefined;
  };
  const clearValues = (action: ExecutionAction) => {
    action.booleanValue = null;
    action.numberValue = null;
    action.textValue = null;
    action.mediaValueIds = null;
    action.hasMedia = null;
  };
  for (const { write } of mine) {
    const at = write.deviceTime ?? new Date().toISOString();
    switch (write.type) {
      case 'SEEN': {
        const seen = next.seenStates.find((state) => state.assigneeId === memberId);
        if (seen) seen.seen = true;
        break;
      }
      case 'STARTED':
        if (next.state === 'PLANNED') {
          next.state = 'IN_PROGRESS';
          next.startedAt = at;
          next.performerId ??= memberId;
        }
        break;
      case 'CHECKED_IN': {
        const step = findStep(write.stepId);
        if (step) step.state = 'CHECKED_IN';
        break;
      }
      case 'STEP_SKIPPED': {
        const step = findStep(write.stepId);
        if (step) step.state = 'SKIPPED';
        break;
      }
      case 'VALUE_RECORDED': {
        const found = findAction(write.actionId);
        if (!found) break;
        const { action } = found;
        clearValues(action);
        action.state = 'DONE';
        if (write.booleanValue !== undefined) action.booleanValue = write.booleanValue;
        if (write.numberValue !== undefined) action.numberValue = write.numberValue;
        if (write.textValue !== undefined) action.textValue = write.textValue;
        if (write.selectedValues !== undefined) action.textValue = write.selectedValues.join('\n');
        if (write.mediaIds !== undefined) {
          action.mediaValueIds = [...write.mediaIds];
          action.hasMedia = write.mediaIds.length > 0;
        }
        break;
      }
      case 'VALUE_CLEARED': {
        const found = findAction(write.actionId);
        if (found) {
          clearValues(found.action);
          found.action.state = null;
        }
        break;
      }
      case 'ACTION_SKIPPED': {
        const found = findAction(write.actionId);
        if (found) {
          clearValues(found.action);
          found.action.state = 'SKIPPED';
        }
        break;
      }
      case 'NOTES_CHANGED':
        next.notes = write.notes ?? null;
        break;
      case 'FINISHED':
        next.state = 'COMPLETED';
        next.endedAt = at;
        break;
      case 'GAVE_UP':
        next.state = 'INCOMPLETE';
        next.endedAt = at;
        break;
    }
  }
  const unsent = mine.some((write) => write.status === 'PENDING');
  return { ...next, unsent };
}

/** Whether the action holds an answer (values of every kind, or photos). */
export function hasValue(action: ExecutionAction): boolean {
  return action.state === 'DONE';
}

export interface MissingWork {
  /** Required actions without a value, in steps that were not skipped. */
  readonly actions: readonly { step: ExecutionStep; action: ExecutionAction }[];
  /** Steps neither checked in nor skipped. */
  readonly steps: readonly ExecutionStep[];
}

/** What finishing now would leave missing (DESIGN §5: required values, unvisited steps). */
export function findMissingWork(execution: Execution): MissingWork {
  const actions: { step: ExecutionStep; action: ExecutionAction }[] = [];
  const steps: ExecutionStep[] = [];
  for (const step of execution.steps) {
    if (step.state === 'SKIPPED') continue;
    if (step.state !== 'CHECKED_IN') steps.push(step);
    for (const action of step.actions)
      if (
        action.required &&
        action.type !== 'INSTRUCTION' &&
        action.state !== 'DONE' &&
        action.state !== 'SKIPPED'
      )
        actions.push({ step, action });
  }
  return { actions, steps };
}
