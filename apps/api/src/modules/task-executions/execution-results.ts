import type { NormalizedAction } from '../checklists/action-definitions.js';
import type { EventPayload, ExecutionEvent } from './execution-events.js';

/**
 * An execution's results, computed from its event log and its plan (DESIGN §5). Pure, so the
 * rules can be read and tested in one place, and a report can recompute them from the log.
 *
 * Each performer's events are folded on their own; the execution shows the first performer's
 * (the earliest start by the time it happened, wherever it was synced from). Another assignee's
 * work on the same execution stays in the log and makes `collision` true: it is never lost and
 * never silently mixed in.
 */

export interface PlannedAction {
  /** The action's id as it appears in the execution. */
  readonly id: string;
  readonly definition: NormalizedAction;
}

export interface PlannedStepView {
  readonly id: string;
  readonly pointId: string;
  readonly order: number;
  readonly actions: readonly PlannedAction[];
}

export interface ExecutionPlanView {
  readonly startAt: string;
  readonly endAt: string;
  readonly assigneeIds: readonly string[];
  readonly orderStepsRequired: boolean;
  readonly strictTimeRequired: boolean;
  readonly deadlined: boolean;
  /** In plan order. */
  readonly steps: readonly PlannedStepView[];
}

export type PerformanceState = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'INCOMPLETE';
export type ResultStatus = 'OK' | 'WARNING' | 'ERROR';

export interface StepProgress {
  state: 'CHECKED_IN' | 'SKIPPED' | null;
  actualOrder: number | null;
  checkedInAt: string | null;
  reason: string | null;
}

export interface ActionProgress {
  state: 'DONE' | 'SKIPPED' | null;
  booleanValue: boolean | null;
  numberValue: number | null;
  textValue: string | null;
  selectedValues: string[] | null;
  mediaIds: string[] | null;
  reason: string | null;
}

/** One performer's view of the execution: what their own events did. */
export interface Performance {
  readonly performerId: string | null;
  state: PerformanceState;
  startedAt: string | null;
  endedAt: string | null;
  notes: string | null;
  readonly steps: Map<string, StepProgress>;
  readonly actions: Map<string, ActionProgress>;
  visits: number;
}

export interface ActionResult extends ActionProgress {
  readonly status: ResultStatus | null;
  readonly validAction: boolean | null;
  readonly missedRequiredValue: boolean | null;
  readonly finalState: 'DONE' | 'SKIPPED' | 'MISSED' | null;
}

export interface StepResult extends StepProgress {
  readonly finalState: 'CHECKED_IN' | 'SKIPPED' | 'MISSED' | null;
  readonly status: ResultStatus | null;
  readonly keptOrder: boolean | null;
}

export interface ExecutionResults {
  readonly performerId: string | null;
  readonly state: PerformanceState;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly notes: string | null;
  readonly seenBy: ReadonlySet<string>;
  readonly collision: boolean | null;
  readonly lateStart: boolean | null;
  readonly lateEnd: boolean | null;
  readonly latenessInMillis: number | null;
  readonly totalExecutedTimeInMillis: number | null;
  readonly keptOrder: boolean | null;
  readonly skippedStepCount: number | null;
  readonly skippedActionCount: number | null;
  readonly numericErrorCount: number | null;
  readonly missingRequiredValuesCount: number | null;
  readonly executedStepCount: number | null;
  readonly warningCount: number;
  readonly errorCount: number;
  readonly status: ResultStatus | null;
  readonly steps: ReadonlyMap<string, StepResult>;
  readonly actions: ReadonlyMap<string, ActionResult>;
}

function emptyPerformance(performerId: string | null): Performance {
  return {
    performerId,
    state: 'PLANNED',
    startedAt: null,
    endedAt: null,
    notes: null,
    steps: new Map(),
    actions: new Map(),
    visits: 0,
  };
}

const emptyAction = (): ActionProgress => ({
  state: null,
  booleanValue: null,
  numberValue: null,
  textValue: null,
  selectedValues: null,
  mediaIds: null,
  reason: null,
});

/** Applies one event to a performance, which the caller has already checked it may. */
export function applyEvent(
  performance: Performance,
  event: Pick<ExecutionEvent, 'type' | 'occurredAt' | 'payload'>,
  plan: ExecutionPlanView,
): void {
  const payload: EventPayload = event.payload;
  const step = (id: string) => {
    let progress = performance.steps.get(id);
    if (!progress) {
      progress = { state: null, actualOrder: null, checkedInAt: null, reason: null };
      performance.steps.set(id, progress);
    }
    return progress;
  };
  const action = (id: string) => {
    let progress = performance.actions.get(id);
    if (!progress) {
      progress = emptyAction();
      performance.actions.set(id, progress);
    }
    return progress;
  };
  switch (event.type) {
    case 'STARTED':
      performance.state = 'IN_PROGRESS';
      performance.startedAt = event.occurredAt;
      break;
    case 'CHECKED_IN': {
      const progress = step(payload.stepId!);
      progress.state = 'CHECKED_IN';
      progress.actualOrder = ++performance.visits;
      progress.checkedInAt = event.occurredAt;
      break;
    }
    case 'STEP_SKIPPED': {
      const progress = step(payload.stepId!);
      progress.state = 'SKIPPED';
      progress.reason = payload.reason ?? null;
      break;
    }
    case 'VALUE_RECORDED':
      Object.assign(action(payload.actionId!), {
        ...emptyAction(),
        state: 'DONE',
        booleanValue: payload.booleanValue ?? null,
        numberValue: payload.numberValue ?? null,
        textValue: payload.textValue ?? null,
        selectedValues: payload.selectedValues ?? null,
        mediaIds: payload.mediaIds ?? null,
      } satisfies ActionProgress);
      break;
    case 'VALUE_CLEARED':
      Object.assign(action(payload.actionId!), emptyAction());
      break;
    case 'ACTION_SKIPPED':
      Object.assign(action(payload.actionId!), {
        ...emptyAction(),
        state: 'SKIPPED',
        reason: payload.reason ?? null,
      });
      break;
    case 'NOTES_CHANGED':
      performance.notes = payload.notes ?? null;
      break;
    case 'FINISHED':
      performance.state = 'COMPLETED';
      performance.endedAt = event.occurredAt;
      break;
    case 'GAVE_UP':
      performance.state = 'INCOMPLETE';
      performance.endedAt = event.occurredAt;
      break;
    case 'CLOSED_AT_DEADLINE':
      performance.state = 'INCOMPLETE';
      performance.endedAt = plan.endAt;
      break;
    case 'SEEN':
      break;
  }
}

/**
 * Every performer's performance, keyed by member id, and who is the execution's performer: the
 * earliest start by occurredAt (the log's order breaks ties).
 */
export function foldPerformances(
  events: readonly ExecutionEvent[],
  plan: ExecutionPlanView,
): { performances: Map<string, Performance>; performerId: string | null; seenBy: Set<string> } {
  const performances = new Map<string, Performance>();
  const seenBy = new Set<string>();
  let performerId: string | null = null;
  let firstStart: string | null = null;
  for (const event of events) {
    if (event.type === 'SEEN') {
      if (event.actorMemberId) seenBy.add(event.actorMemberId);
      continue;
    }
    if (event.type === 'STARTED' && event.actorMemberId) {
      if (firstStart === null || event.occurredAt < firstStart) {
        firstStart = event.occurredAt;
        performerId = event.actorMemberId;
      }
    }
    // The server's own events (no actor) concern the performer known at that point.
    const memberId = event.actorMemberId ?? performerId;
    if (memberId === null) continue;
    let performance = performances.get(memberId);
    if (!performance) {
      performance = emptyPerformance(memberId);
      performances.set(memberId, performance);
    }
    applyEvent(performance, event, plan);
  }
  return { performances, performerId, seenBy };
}

const worse = (a: ResultStatus | null, b: ResultStatus | null): ResultStatus | null => {
  const rank = { OK: 1, WARNING: 2, ERROR: 3 } as const;
  if (a === null) return b;
  if (b === null) return a;
  return rank[a] >= rank[b] ? a : b;
};

/** How one recorded value scores: its alert level, if any, and whether it is in range. */
function scoreValue(
  definition: NormalizedAction,
  progress: ActionProgress,
): { status: ResultStatus; valid: boolean; numericError: boolean } {
  switch (definition.type) {
    case 'NUMBER': {
      const value = progress.numberValue!;
      const inRange =
        (definition.minValue === null || value >= definition.minValue) &&
        (definition.maxValue === null || value <= definition.maxValue);
      // Out of range is an error unless the action says it is only a warning.
      return inRange
        ? { status: 'OK', valid: true, numericError: false }
        : { status: definition.alertLevel ?? 'ERROR', valid: false, numericError: true };
    }
    case 'BOOLEAN': {
      const alerting =
        definition.alertLevel !== null &&
        progress.booleanValue === (definition.alertValue ?? false);
      return alerting
        ? { status: definition.alertLevel!, valid: false, numericError: false }
        : { status: 'OK', valid: true, numericError: false };
    }
    case 'SELECT':
    case 'MULTISELECT': {
      const chosen = new Set(
        progress.selectedValues ?? (progress.textValue === null ? [] : [progress.textValue]),
      );
      let status: ResultStatus = 'OK';
      for (const option of definition.options ?? [])
        if (chosen.has(option.value) && option.alertLevel)
          status = worse(status, option.alertLevel)!;
      return { status, valid: status === 'OK', numericError: false };
    }
    default:
      return { status: 'OK', valid: true, numericError: false };
  }
}

/** The results the API shows, from the log and the plan. */
export function computeResults(
  events: readonly ExecutionEvent[],
  plan: ExecutionPlanView,
): ExecutionResults {
  const { performances, performerId, seenBy } = foldPerformances(events, plan);
  const performance = (performerId && performances.get(performerId)) || emptyPerformance(null);
  const started = performance.state !== 'PLANNED';
  const ended = performance.state === 'COMPLETED' || performance.state === 'INCOMPLETE';

  let warningCount = 0;
  let errorCount = 0;
  let numericErrorCount = 0;
  let missingRequiredValuesCount = 0;
  let skippedStepCount = 0;
  let skippedActionCount = 0;
  let executedStepCount = 0;
  const count = (status: ResultStatus | null) => {
    if (status === 'WARNING') warningCount++;
    if (status === 'ERROR') errorCount++;
  };

  // A step kept the order if no step later in the plan was checked in before it.
  const visited = plan.steps
    .map((step) => ({ step, progress: performance.steps.get(step.id) }))
    .filter(({ progress }) => progress?.state === 'CHECKED_IN')
    .sort((a, b) => a.progress!.actualOrder! - b.progress!.actualOrder!);
  const keptOrderOf = new Map<string, boolean>();
  let highestOrder = -Infinity;
  for (const { step } of visited) {
    keptOrderOf.set(step.id, step.order >= highestOrder);
    highestOrder = Math.max(highestOrder, step.order);
  }

  const steps = new Map<string, StepResult>();
  const actions = new Map<string, ActionResult>();
  for (const step of plan.steps) {
    const progress = performance.steps.get(step.id) ?? {
      state: null,
      actualOrder: null,
      checkedInAt: null,
      reason: null,
    };
    const missed = ended && progress.state === null;
    if (progress.state === 'CHECKED_IN') executedStepCount++;
    if (progress.state === 'SKIPPED' || missed) skippedStepCount++;
    let stepStatus: ResultStatus | null = null;
    for (const action of step.actions) {
      const actionProgress = performance.actions.get(action.id) ?? emptyAction();
      const { definition } = action;
      let status: ResultStatus | null = null;
      let validAction: boolean | null = null;
      let missedRequiredValue: boolean | null = ended ? false : null;
      let finalState: ActionResult['finalState'] = actionProgress.state;
      if (actionProgress.state === 'DONE') {
        const score = scoreValue(definition, actionProgress);
        status = score.status;
        validAction = score.valid;
        if (score.numericError) numericErrorCount++;
      } else if (actionProgress.state === 'SKIPPED') {
        skippedActionCount++;
      } else if (
        ended &&
        definition.required &&
        definition.type !== 'INSTRUCTION' &&
        progress.state !== 'SKIPPED'
      ) {
        // A required value left empty at the end (DESIGN §5); a skipped step excuses its actions.
        missedRequiredValue = true;
        missingRequiredValuesCount++;
        status = 'ERROR';
        finalState = 'MISSED';
      }
      if (progress.state === 'SKIPPED' && finalState === null) finalState = 'SKIPPED';
      count(status);
      stepStatus = worse(stepStatus, status);
      actions.set(action.id, {
        ...actionProgress,
        status,
        validAction,
        missedRequiredValue,
        finalState,
      });
    }
    steps.set(step.id, {
      ...progress,
      finalState: missed ? 'MISSED' : progress.state,
      status: progress.state === 'CHECKED_IN' ? (stepStatus ?? 'OK') : stepStatus,
      keptOrder: keptOrderOf.get(step.id) ?? null,
    });
  }

  const startMs = Date.parse(plan.startAt);
  const endMs = Date.parse(plan.endAt);
  const startedMs = performance.startedAt === null ? null : Date.parse(performance.startedAt);
  const endedMs = performance.endedAt === null ? null : Date.parse(performance.endedAt);
  // Strict time: a start off the planned instant (early, or late) and a late end are errors,
  // recorded and never blocking (DESIGN §5, issue 6).
  if (plan.strictTimeRequired && startedMs !== null && startedMs !== startMs) errorCount++;
  if (plan.strictTimeRequired && endedMs !== null && endedMs > endMs) errorCount++;

  return {
    performerId,
    state: performance.state,
    startedAt: performance.startedAt,
    endedAt: performance.endedAt,
    notes: performance.notes,
    seenBy,
    collision: started
      ? [...performances.values()].filter((other) => other.startedAt !== null).length > 1
      : null,
    lateStart: startedMs === null ? null : startedMs > startMs,
    lateEnd: endedMs === null ? null : endedMs > endMs,
    latenessInMillis:
      startedMs === null
        ? null
        : Math.max(0, startedMs - startMs, endedMs === null ? 0 : endedMs - endMs),
    totalExecutedTimeInMillis: startedMs === null || endedMs === null ? null : endedMs - startedMs,
    keptOrder: visited.length === 0 ? null : [...keptOrderOf.values()].every(Boolean),
    skippedStepCount: started ? skippedStepCount : null,
    skippedActionCount: started ? skippedActionCount : null,
    numericErrorCount: started ? numericErrorCount : null,
    missingRequiredValuesCount: ended ? missingRequiredValuesCount : null,
    executedStepCount: started ? executedStepCount : null,
    warningCount,
    errorCount,
    status: started ? (errorCount > 0 ? 'ERROR' : warningCount > 0 ? 'WARNING' : 'OK') : null,
    steps,
    actions,
  };
}

/** The results of an execution nobody has touched: what computeResults gives for an empty log. */
export const NOTHING_DONE: ExecutionResults = Object.freeze({
  performerId: null,
  state: 'PLANNED',
  startedAt: null,
  endedAt: null,
  notes: null,
  seenBy: new Set<string>(),
  collision: null,
  lateStart: null,
  lateEnd: null,
  latenessInMillis: null,
  totalExecutedTimeInMillis: null,
  keptOrder: null,
  skippedStepCount: null,
  skippedActionCount: null,
  numericErrorCount: null,
  missingRequiredValuesCount: null,
  executedStepCount: null,
  warningCount: 0,
  errorCount: 0,
  status: null,
  steps: new Map(),
  actions: new Map(),
});
