import { executionPartIdOf, uuidV5 } from './execution-ids.js';
import type { ExecutionResults } from './execution-results.js';
import { EXPIRABLE_STATES, type ExecutionRow } from './task-executions.repository.js';
import type { ActionPlan, StepPlan, TaskPlan } from './task-plans.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

/** Rows as the API shows them. Pure: the service loads what is needed and passes it in. */

export interface PlanVersions {
  /** Task versions by history id. */
  readonly tasks: ReadonlyMap<number, TaskPlan>;
  readonly steps: ReadonlyMap<number, StepPlan>;
  readonly actions: ReadonlyMap<number, ActionPlan>;
}

/** The id of what was executed for a planned part, once it was: derived, so it never changes. */
const executedIdOf = (plannedId: string) => uuidV5(`${plannedId}/executed`);

/**
 * One execution as TaskExecutionInfo: the plan from the version it points to, the results from
 * its event log (execution-results.ts); fields the execution has not reached yet are null.
 */
export function toTaskExecutionInfo(
  execution: ExecutionRow,
  versions: PlanVersions,
  results: ExecutionResults,
  nowIso: string,
): TaskExecutionInfo {
  const state = execution.state === 'CANCELED' ? 'CANCELED' : results.state;
  const plan = versions.tasks.get(execution.scheduledTaskHistoryId);
  if (!plan) throw new Error(`task version ${execution.scheduledTaskHistoryId} is missing`);
  const steps = plan.steps.map(({ scheduledStepHistoryId }) => {
    const step = versions.steps.get(scheduledStepHistoryId);
    if (!step) throw new Error(`step version ${scheduledStepHistoryId} is missing`);
    return { step, historyId: scheduledStepHistoryId };
  });
  return {
    id: execution.id,
    scheduledTaskId: execution.scheduledTaskId,
    scheduledTaskHistoryId: execution.scheduledTaskHistoryId,
    executedTaskId: results.startedAt === null ? null : executedIdOf(execution.id),
    name: plan.name,
    description: plan.description,
    locationId: plan.locationId,
    locationHistoryId: execution.locationHistoryId,
    seenStates: plan.assigneeIds.map((assigneeId) => ({
      assigneeId,
      assigneeHistoryId: plan.assigneeHistoryIds[assigneeId] ?? 0,
      seen: results.seenBy.has(assigneeId),
    })),
    performerId: results.performerId,
    status: results.status,
    state,
    published: plan.published,
    startAt: execution.startAt,
    endAt: execution.endAt,
    startedAt: results.startedAt,
    endedAt: results.endedAt,
    totalExecutedTimeInMillis: results.totalExecutedTimeInMillis,
    lateStart: results.lateStart,
    lateEnd: results.lateEnd,
    latenessInMillis: results.latenessInMillis,
    expired: execution.endAt < nowIso && EXPIRABLE_STATES.includes(state),
    seriesId: execution.seriesId,
    recurrence:
      plan.recurrenceRule === null
        ? null
        : { rule: plan.recurrenceRule, exception: plan.recurrenceException },
    keptOrder: results.keptOrder,
    skippedStepCount: results.skippedStepCount,
    skippedActionCount: results.skippedActionCount,
    numericErrorCount: results.numericErrorCount,
    missingRequiredValuesCount: results.missingRequiredValuesCount,
    executedStepCount: results.executedStepCount,
    orderStepsRequired: plan.orderStepsRequired,
    strictTimeRequired: plan.strictTimeRequired,
    deadlined: plan.deadlined,
    priority: plan.priority,
    tags: [...plan.tags],
    collision: results.collision,
    edited: execution.edited === 1,
    editedAt: execution.editedAt,
    stepCount: steps.length,
    warningCount: results.warningCount,
    errorCount: results.errorCount,
    notes: results.notes,
    favorite: false,
    steps: steps.map(({ step, historyId }) => {
      const stepId = executionPartIdOf(execution.id, step.id);
      const stepResult = results.steps.get(stepId);
      return {
        id: stepId,
        scheduledStepId: step.id,
        seriesId: step.seriesId,
        scheduledStepHistoryId: historyId,
        executedStepId: stepResult?.state === 'CHECKED_IN' ? executedIdOf(stepId) : null,
        name: step.name,
        pointId: step.pointId,
        pointHistoryId: step.pointHistoryId,
        order: step.stepOrder,
        actualOrder: stepResult?.actualOrder ?? null,
        status: stepResult?.status ?? null,
        state: stepResult?.finalState ?? null,
        keptOrder: stepResult?.keptOrder ?? null,
        actions: step.actionHistoryIds.map((actionHistoryId) => {
          const action = versions.actions.get(actionHistoryId);
          if (!action) throw new Error(`action version ${actionHistoryId} is missing`);
          const { definition } = action;
          const actionId = executionPartIdOf(execution.id, action.id);
          const result = results.actions.get(actionId);
          const done = result?.state === 'DONE';
          return {
            id: actionId,
            scheduledActionId: action.id,
            seriesId: action.seriesId,
            scheduledActionHistoryId: actionHistoryId,
            executedActionId: done ? executedIdOf(actionId) : null,
            name: definition.name,
            type: definition.type,
            order: action.actionOrder,
            status: result?.status ?? null,
            state: result?.finalState ?? null,
            required: definition.required,
            validAction: result?.validAction ?? null,
            missedRequiredValue: result?.missedRequiredValue ?? null,
            minValue: definition.minValue,
            maxValue: definition.maxValue,
            booleanValue: result?.booleanValue ?? null,
            mediaValueIds: result?.mediaIds ?? null,
            numberValue: result?.numberValue ?? null,
            // MULTISELECT answers are listed one per line (options never contain line breaks).
            textValue: result?.selectedValues?.join('\n') ?? result?.textValue ?? null,
            hasMedia:
              definition.type === 'MEDIA' && done ? (result.mediaIds?.length ?? 0) > 0 : null,
          };
        }),
      };
    }),
  };
}
