import type { Kysely } from 'kysely';
import { newId } from '../../shared/ids.js';
import type { Database } from '../../database/database.js';
import { recordVersion, recordVersions } from '../../database/versions.js';
import type { NormalizedAction } from '../checklists/action-definitions.js';
import type { ActionRow, StepRow, TaskRow } from './task-executions.repository.js';

/**
 * A plan is what an execution is performed against: a task version whose snapshot names the
 * step versions, which name their action versions (decision 0008). Versions are never updated,
 * so an execution planned with one keeps reading exactly what it was planned with.
 */

/** The snapshot of a task version: the task's fields as they were, and what it consisted of. */
export interface TaskPlan {
  readonly id: string;
  readonly seriesId: string;
  readonly locationId: string;
  readonly timeZone: string;
  readonly name: string;
  readonly description: string | null;
  readonly recurrenceRule: string | null;
  readonly recurrenceException: string | null;
  readonly startAt: string;
  readonly endAt: string;
  readonly priority: TaskRow['priority'];
  readonly orderStepsRequired: boolean;
  readonly strictTimeRequired: boolean;
  readonly deadlined: boolean;
  readonly published: boolean;
  readonly tags: readonly string[];
  readonly assigneeIds: readonly string[];
  /** Each assignee's member version when the plan was made. */
  readonly assigneeHistoryIds: Readonly<Record<string, number>>;
  readonly locationHistoryId: number;
  readonly steps: readonly { scheduledStepHistoryId: number; actionHistoryIds: number[] }[];
  /** Set on a plan made for one occurrence (scope THIS). */
  readonly executionId?: string;
}

export interface StepPlan {
  readonly id: string;
  readonly seriesId: string;
  readonly pointId: string;
  readonly pointHistoryId: number;
  readonly name: string;
  readonly stepOrder: number;
  readonly checklistId: string | null;
  readonly actionHistoryIds: readonly number[];
}

export interface ActionPlan {
  readonly id: string;
  readonly seriesId: string;
  readonly actionOrder: number;
  readonly definition: NormalizedAction;
}

/** A step as a plan asks for it, its point and actions already checked. */
export interface PlannedStep {
  readonly pointId: string;
  readonly pointHistoryId: number;
  readonly name: string;
  readonly order: number;
  readonly checklistId: string | null;
  readonly actions: readonly NormalizedAction[];
}

/** A version written in this transaction: readers may cache it once the transaction commits. */
export interface WrittenVersion {
  readonly table: 'scheduledTaskVersions' | 'scheduledStepVersions' | 'scheduledActionVersions';
  readonly historyId: number;
  readonly snapshot: TaskPlan | StepPlan | ActionPlan;
}

export interface RecordedSteps {
  readonly steps: StepRow[];
  readonly actions: ActionRow[];
  readonly plans: { scheduledStepHistoryId: number; actionHistoryIds: number[] }[];
  readonly written: WrittenVersion[];
}

/** The steps and actions a task has now, as PlannedSteps (to carry them to a successor). */
export function toPlannedSteps(
  steps: readonly StepRow[],
  actions: readonly ActionRow[],
): PlannedStep[] {
  return steps.map((step) => ({
    pointId: step.pointId,
    pointHistoryId: step.pointHistoryId,
    name: step.name,
    order: step.stepOrder,
    checklistId: step.checklistId,
    actions: actions
      .filter((action) => action.scheduledStepId === step.id)
      .map((action) => JSON.parse(action.definition) as NormalizedAction),
  }));
}

/**
 * Writes the rows and versions of `steps` for a task. A step takes the series (and, with
 * `keepIds`, the id) of the previous step with the same order, and likewise each action within
 * it, so a step edited in place stays recognisable across versions; an unchanged step or action
 * keeps its version instead of getting a new one.
 */
export async function recordSteps(
  trx: Kysely<Database>,
  {
    organizationId,
    taskId,
    steps,
    previous,
    keepIds,
    changedBy,
    now,
  }: {
    organizationId: string;
    taskId: string;
    steps: readonly PlannedStep[];
    previous: { steps: readonly StepRow[]; actions: readonly ActionRow[] };
    keepIds: boolean;
    changedBy: string;
    now: string;
  },
): Promise<RecordedSteps> {
  const recorded: RecordedSteps = { steps: [], actions: [], plans: [], written: [] };
  // First every action (their versions in one statement), then every step, which names them.
  const drafts = steps.map((step) => {
    const before = previous.steps.find((candidate) => candidate.stepOrder === step.order);
    const stepId = keepIds && before ? before.id : newId();
    const actionsBefore = before
      ? previous.actions.filter((action) => action.scheduledStepId === before.id)
      : [];
    const actions = step.actions.map((action) => {
      const match = actionsBefore.find((candidate) => candidate.actionOrder === action.order);
      const definition = JSON.stringify(action);
      const unchanged = keepIds && match !== undefined && match.definition === definition;
      const row: ActionRow = {
        organizationId,
        id: keepIds && match ? match.id : newId(),
        seriesId: match?.seriesId ?? newId(),
        scheduledTaskId: taskId,
        scheduledStepId: stepId,
        actionOrder: action.order,
        definition,
        historyId: unchanged ? match.historyId : 0,
        createdAt: keepIds && match ? match.createdAt : now,
        updatedAt: unchanged ? match.updatedAt : now,
      };
      const plan: ActionPlan = {
        id: row.id,
        seriesId: row.seriesId,
        actionOrder: row.actionOrder,
        definition: action,
      };
      return { row, plan, unchanged };
    });
    return { step, before, stepId, actions };
  });

  const newActions = drafts.flatMap((draft) => draft.actions.filter((action) => !action.unchanged));
  const actionHistory = await recordVersions(
    trx,
    'scheduledActionVersions',
    newActions.map(({ row, plan }) => ({ record: row, snapshot: plan })),
    changedBy,
    now,
  );
  for (const { row, plan } of newActions) {
    row.historyId = actionHistory.get(row.id)!;
    recorded.written.push({
      table: 'scheduledActionVersions',
      historyId: row.historyId,
      snapshot: plan,
    });
  }

  const stepDrafts = drafts.map(({ step, before, stepId, actions }) => {
    const actionHistoryIds = actions.map(({ row }) => row.historyId);
    recorded.actions.push(...actions.map(({ row }) => row));
    const row: StepRow = {
      organizationId,
      id: stepId,
      seriesId: before?.seriesId ?? newId(),
      scheduledTaskId: taskId,
      pointId: step.pointId,
      pointHistoryId: step.pointHistoryId,
      name: step.name,
      stepOrder: step.order,
      checklistId: step.checklistId,
      historyId: 0,
      createdAt: keepIds && before ? before.createdAt : now,
      updatedAt: now,
    };
    const plan: StepPlan = {
      id: row.id,
      seriesId: row.seriesId,
      pointId: row.pointId,
      pointHistoryId: row.pointHistoryId,
      name: row.name,
      stepOrder: row.stepOrder,
      checklistId: row.checklistId,
      actionHistoryIds,
    };
    const versionBefore =
      keepIds && before
        ? JSON.stringify({
            id: before.id,
            seriesId: before.seriesId,
            pointId: before.pointId,
            pointHistoryId: before.pointHistoryId,
            name: before.name,
            stepOrder: before.stepOrder,
            checklistId: before.checklistId,
            actionHistoryIds: previous.actions
              .filter((action) => action.scheduledStepId === before.id)
              .map((action) => action.historyId),
          } satisfies StepPlan)
        : null;
    const unchanged = before !== undefined && versionBefore === JSON.stringify(plan);
    if (unchanged) {
      row.historyId = before.historyId;
      row.updatedAt = before.updatedAt;
    }
    return { row, plan, unchanged, actionHistoryIds };
  });

  const newSteps = stepDrafts.filter((draft) => !draft.unchanged);
  const stepHistory = await recordVersions(
    trx,
    'scheduledStepVersions',
    newSteps.map(({ row, plan }) => ({ record: row, snapshot: plan })),
    changedBy,
    now,
  );
  for (const { row, plan } of newSteps) {
    row.historyId = stepHistory.get(row.id)!;
    recorded.written.push({
      table: 'scheduledStepVersions',
      historyId: row.historyId,
      snapshot: plan,
    });
  }
  for (const { row, actionHistoryIds } of stepDrafts) {
    recorded.plans.push({ scheduledStepHistoryId: row.historyId, actionHistoryIds });
    recorded.steps.push(row);
  }
  return recorded;
}

/** Appends a task version; returns its history id. */
export function recordTaskPlan(
  trx: Kysely<Database>,
  task: { readonly organizationId: string; readonly id: string },
  plan: TaskPlan,
  changedBy: string,
  now: string,
): Promise<number> {
  return recordVersion(trx, 'scheduledTaskVersions', task, plan, changedBy, now);
}

/** The plan of a task row as it stands, with what the row itself does not hold. */
export function taskPlanOf(
  task: TaskRow,
  extra: Pick<TaskPlan, 'assigneeHistoryIds' | 'locationHistoryId' | 'steps'>,
): TaskPlan {
  return {
    id: task.id,
    seriesId: task.seriesId,
    locationId: task.locationId,
    timeZone: task.timeZone,
    name: task.name,
    description: task.description,
    recurrenceRule: task.recurrenceRule,
    recurrenceException: task.recurrenceException,
    startAt: task.startAt,
    endAt: task.endAt,
    priority: task.priority,
    orderStepsRequired: task.orderStepsRequired === 1,
    strictTimeRequired: task.strictTimeRequired === 1,
    deadlined: task.deadlined === 1,
    published: task.published === 1,
    tags: JSON.parse(task.tags) as string[],
    assigneeIds: JSON.parse(task.assigneeIds) as string[],
    ...extra,
  };
}
