import { executionPartIdOf } from './execution-ids.js';
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

/**
 * One execution as TaskExecutionInfo, read from the plan version it points to; fields the
 * execution has not reached yet are null.
 */
export function toTaskExecutionInfo(
  execution: ExecutionRow,
  versions: PlanVersions,
  nowIso: string,
): TaskExecutionInfo {
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
    executedTaskId: null,
    name: plan.name,
    description: plan.description,
    locationId: plan.locationId,
    locationHistoryId: execution.locationHistoryId,
    seenStates: plan.assigneeIds.map((assigneeId) => ({
      assigneeId,
      assigneeHistoryId: plan.assigneeHistoryIds[assigneeId] ?? 0,
      seen: false,
    })),
    performerId: execution.performerId,
    status: execution.status,
    state: execution.state,
    published: plan.published,
    startAt: execution.startAt,
    endAt: execution.endAt,
    startedAt: null,
    endedAt: null,
    totalExecutedTimeInMillis: null,
    lateStart: null,
    lateEnd: null,
    latenessInMillis: null,
    expired: execution.endAt < nowIso && EXPIRABLE_STATES.includes(execution.state),
    seriesId: execution.seriesId,
    recurrence:
      plan.recurrenceRule === null
        ? null
        : { rule: plan.recurrenceRule, exception: plan.recurrenceException },
    keptOrder: null,
    skippedStepCount: null,
    skippedActionCount: null,
    numericErrorCount: null,
    missingRequiredValuesCount: null,
    executedStepCount: null,
    orderStepsRequired: plan.orderStepsRequired,
    strictTimeRequired: plan.strictTimeRequired,
    deadlined: plan.deadlined,
    priority: plan.priority,
    tags: [...plan.tags],
    collision: null,
    edited: execution.edited === 1,
    editedAt: execution.editedAt,
    stepCount: steps.length,
    warningCount: 0,
    errorCount: 0,
    notes: null,
    favorite: false,
    steps: steps.map(({ step, historyId }) => ({
      id: executionPartIdOf(execution.id, step.id),
      scheduledStepId: step.id,
      seriesId: step.seriesId,
      scheduledStepHistoryId: historyId,
      executedStepId: null,
      name: step.name,
      pointId: step.pointId,
      pointHistoryId: step.pointHistoryId,
      order: step.stepOrder,
      actualOrder: null,
      status: null,
      state: null,
      keptOrder: null,
      actions: step.actionHistoryIds.map((actionHistoryId) => {
        const action = versions.actions.get(actionHistoryId);
        if (!action) throw new Error(`action version ${actionHistoryId} is missing`);
        const { definition } = action;
        return {
          id: executionPartIdOf(execution.id, action.id),
          scheduledActionId: action.id,
          seriesId: action.seriesId,
          scheduledActionHistoryId: actionHistoryId,
          executedActionId: null,
          name: definition.name,
          type: definition.type,
          order: action.actionOrder,
          status: null,
          state: null,
          required: definition.required,
          validAction: null,
          missedRequiredValue: null,
          minValue: definition.minValue,
          maxValue: definition.maxValue,
          booleanValue: null,
          mediaValueIds: null,
          numberValue: null,
          textValue: null,
          hasMedia: null,
        };
      }),
    })),
  };
}
