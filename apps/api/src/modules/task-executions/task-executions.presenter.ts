import type { Database } from '../../database/database.js';
import type { NormalizedAction } from '../checklists/action-definitions.js';
import { executionPartIdOf } from './execution-ids.js';
import type { ActionRow, StepRow, TaskRow } from './task-executions.repository.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

/** Rows as the API shows them. Pure: the service loads what is needed and passes it in. */

export type ExecutionRow = Omit<Database['taskExecutions'], 'state'> & {
  state: TaskExecutionInfo['state'];
};

/** One execution as TaskExecutionInfo; fields the execution has not reached yet are null. */
export function toTaskExecutionInfo({
  execution,
  task,
  steps,
  actions,
  assignees,
  nowIso,
}: {
  execution: ExecutionRow;
  task: TaskRow;
  /** Steps by task id, in plan order. */
  steps: ReadonlyMap<string, readonly StepRow[]>;
  /** Actions by step id, in plan order. */
  actions: ReadonlyMap<string, readonly ActionRow[]>;
  /** Members' current history ids. */
  assignees: ReadonlyMap<string, number>;
  nowIso: string;
}): TaskExecutionInfo {
  const taskSteps = steps.get(task.id) ?? [];
  return {
    id: execution.id,
    scheduledTaskId: task.id,
    scheduledTaskHistoryId: execution.scheduledTaskHistoryId,
    executedTaskId: null,
    name: task.name,
    description: task.description,
    locationId: task.locationId,
    locationHistoryId: execution.locationHistoryId,
    seenStates: (JSON.parse(task.assigneeIds) as string[]).map((assigneeId) => ({
      assigneeId,
      assigneeHistoryId: assignees.get(assigneeId) ?? 0,
      seen: false,
    })),
    performerId: null,
    status: null,
    state: execution.state,
    published: task.published === 1,
    startAt: execution.startAt,
    endAt: execution.endAt,
    startedAt: null,
    endedAt: null,
    totalExecutedTimeInMillis: null,
    lateStart: null,
    lateEnd: null,
    latenessInMillis: null,
    expired: execution.endAt < nowIso && execution.state !== 'COMPLETED',
    seriesId: task.seriesId,
    recurrence:
      task.recurrenceRule === null
        ? null
        : { rule: task.recurrenceRule, exception: task.recurrenceException },
    keptOrder: null,
    skippedStepCount: null,
    skippedActionCount: null,
    numericErrorCount: null,
    missingRequiredValuesCount: null,
    executedStepCount: null,
    orderStepsRequired: task.orderStepsRequired === 1,
    strictTimeRequired: task.strictTimeRequired === 1,
    deadlined: task.deadlined === 1,
    priority: task.priority,
    tags: JSON.parse(task.tags) as string[],
    collision: null,
    edited: null,
    editedAt: null,
    stepCount: taskSteps.length,
    warningCount: 0,
    errorCount: 0,
    notes: null,
    favorite: false,
    steps: taskSteps.map((step) => ({
      id: executionPartIdOf(execution.id, step.id),
      scheduledStepId: step.id,
      seriesId: step.seriesId,
      scheduledStepHistoryId: step.historyId,
      executedStepId: null,
      name: step.name,
      pointId: step.pointId,
      pointHistoryId: step.pointHistoryId,
      order: step.stepOrder,
      actualOrder: null,
      status: null,
      state: null,
      keptOrder: null,
      actions: (actions.get(step.id) ?? []).map((action) => {
        const definition = JSON.parse(action.definition) as NormalizedAction;
        return {
          id: executionPartIdOf(execution.id, action.id),
          scheduledActionId: action.id,
          seriesId: action.seriesId,
          scheduledActionHistoryId: action.historyId,
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
