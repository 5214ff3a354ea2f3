import type { Kysely } from 'kysely';
import { newId } from '../../shared/ids.js';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { findVersions } from '../../database/versions.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { describeActor, type Actor } from '../auth/actor.js';
import {
  normalizeActionDefinitions,
  validateActionDefinitions,
  type NormalizedAction,
} from '../checklists/action-definitions.js';
import type { ChecklistsService } from '../checklists/checklists.service.js';
import type { LocationsService } from '../locations/locations.service.js';
import { locationArchived } from '../points/points.errors.js';
import { parseRecurrence, RecurrenceError } from './recurrence.js';
import {
  executionNotEditable,
  invalidTaskExecution,
  taskExecutionNotFound,
} from './task-executions.errors.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { WebhookEventType } from '../webhooks/webhooks.service.js';
import type { ExecutionReader } from './execution-reader.js';
import { parseInfoQuery, type InfoQuery } from './task-executions.query.js';
import * as repository from './task-executions.repository.js';
import type {
  ExecutionRow,
  NewExecutionRow,
  StepRow,
  ActionRow,
  TaskRow,
} from './task-executions.repository.js';
import type {
  CreateTaskExecutionBody,
  EditScope,
  TaskExecutionInfo,
  TaskExecutionInfoQuery,
  UpdateTaskExecutionBody,
} from './task-executions.schemas.js';
import {
  recordSteps,
  recordTaskPlan,
  taskPlanOf,
  toPlannedSteps,
  type PlannedStep,
  type TaskPlan,
  type WrittenVersion,
} from './task-plans.js';
import {
  FOREVER,
  firstOccurrenceFrom,
  hasOccurrencesFrom,
  occurrencesOfTask,
  occurrencesStartingBetween,
  scheduleOf,
  type PlannedOccurrence,
} from './task-schedule.js';

export type TaskExecutionsService = ReturnType<typeof createTaskExecutionsService>;

const DAY_MS = 86_400_000;

/** The longest window one `info` query may expand (DESIGN §3 and decision 0008). */
export const MAX_WINDOW_MS = 31 * DAY_MS;

/** The longest window of one occurrence; it bounds the rows a time window can overlap. */
export const MAX_DURATION_MS = 31 * DAY_MS;

/**
 * How far ahead every task's occurrences are kept as rows (decision 0008): `info` queries within
 * it read rows only, and the worker extends it daily.
 */
export const HORIZON_MS = 15 * DAY_MS;

/** How long an on-demand check-in's execution stays open for its values. */
export const ON_DEMAND_WINDOW_MS = 60 * 60 * 1000;

/** At most this many rows per task per extension, so one backdated hourly task cannot stall. */
const MAX_ROWS_PER_EXTENSION = 5_000;

const PERFORMERS = new Set(['USER', 'GUARD']);

/** Performers never see unpublished tasks; supervisors and tokens do. */
function seesUnpublished(actor: Actor): boolean {
  return actor.kind === 'token' || !PERFORMERS.has(actor.role);
}

function compareByStart(a: { startAt: string; id: string }, b: { startAt: string; id: string }) {
  if (a.startAt !== b.startAt) return a.startAt < b.startAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function refuse(errors: FieldError[]): never {
  throw invalidTaskExecution({
    detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
    errors,
  });
}

const bodyError = (pointer: string, detail: string): FieldError => ({
  in: 'body',
  pointer,
  detail,
});

/** A rule with its COUNT lowered by `done` occurrences (a FOLLOWING split continues the count). */
function withCountReducedBy(rule: string, done: number): string {
  return rule.replace(/(^|;)COUNT=(\d+)/i, (_match, separator: string, count: string) => {
    return `${separator}COUNT=${Math.max(1, Number(count) - done)}`;
  });
}

/** The plan fields an execution row copies, so lists can filter on them. */
function rowPlanFields(plan: TaskPlan, historyId: number) {
  return {
    scheduledTaskHistoryId: historyId,
    locationHistoryId: plan.locationHistoryId,
    locationId: plan.locationId,
    published: plan.published ? (1 as const) : (0 as const),
    priority: plan.priority,
    tags: JSON.stringify(plan.tags),
    assigneeIds: JSON.stringify(plan.assigneeIds),
    deadlined: plan.deadlined ? (1 as const) : (0 as const),
  };
}

/** The schedule fields a body sets, normalized as stored. */
function scheduleFieldsOf(body: {
  startAt: string;
  endAt: string;
  recurrence: CreateTaskExecutionBody['recurrence'];
}) {
  return {
    startAt: new Date(body.startAt).toISOString(),
    endAt: new Date(body.endAt).toISOString(),
    recurrenceRule: body.recurrence?.rule.trim() ?? null,
    recurrenceException: body.recurrence ? body.recurrence.exception : null,
  };
}

export function createTaskExecutionsService({
  database,
  readDatabase = database,
  clock,
  locationsService,
  checklistsService,
  executionReader,
  domainEvents,
}: {
  database: DatabaseHandle;
  /** Where `listInfo` reads (a replica may lag: rows it writes are read back from `database`). */
  readDatabase?: DatabaseHandle;
  clock: Clock;
  executionReader: ExecutionReader;
  domainEvents: DomainEvents;
  locationsService: Pick<LocationsService, 'findVisibleLocation'>;
  checklistsService: Pick<ChecklistsService, 'copyChecklistActions'>;
}) {
  const { db } = database;

  /** Window and order rules a schema cannot state, for a whole or partial body. */
  function validateFields(body: Partial<CreateTaskExecutionBody>): FieldError[] {
    const errors: FieldError[] = [];
    const startMs = body.startAt === undefined ? null : Date.parse(body.startAt);
    const endMs = body.endAt === undefined ? null : Date.parse(body.endAt);
    if (startMs !== null && Number.isNaN(startMs))
      errors.push(bodyError('/startAt', 'is not an ISO-8601 instant'));
    if (endMs !== null && Number.isNaN(endMs))
      errors.push(bodyError('/endAt', 'is not an ISO-8601 instant'));
    const orders = new Map<number, number>();
    body.steps?.forEach((step, index) => {
      const earlier = orders.get(step.order);
      if (earlier !== undefined)
        errors.push(
          bodyError(
            `/steps/${index}/order`,
            `repeats the order of /steps/${earlier}; orders must be unique`,
          ),
        );
      else orders.set(step.order, index);
      if (step.actions)
        errors.push(...validateActionDefinitions(step.actions, `/steps/${index}/actions`));
    });
    if (body.recurrence) {
      try {
        parseRecurrence(body.recurrence);
      } catch (error) {
        if (!(error instanceof RecurrenceError)) throw error;
        errors.push(...error.issues.map((issue) => bodyError(issue.pointer, issue.detail)));
      }
    }
    return errors;
  }

  /** endAt after startAt and the window at most MAX_DURATION_MS long. */
  function validateWindow(startAt: string, endAt: string): FieldError[] {
    const durationMs = Date.parse(endAt) - Date.parse(startAt);
    if (durationMs <= 0) return [bodyError('/endAt', 'must be after startAt')];
    if (durationMs > MAX_DURATION_MS)
      return [bodyError('/endAt', 'must be at most 31 days after startAt')];
    return [];
  }

  /** Assignees must be active members allowed at the location; returns their member versions. */
  async function checkAssignees(
    trx: Kysely<Database>,
    organizationId: string,
    locationId: string,
    assigneeIds: readonly string[],
  ): Promise<{ errors: FieldError[]; historyIds: Record<string, number> }> {
    if (assigneeIds.length === 0) return { errors: [], historyIds: {} };
    const members = await repository.listActiveMembers(trx, organizationId, assigneeIds);
    const assigned = new Set(
      (
        await repository.listMemberIdsAssignedToLocation(
          trx,
          organizationId,
          locationId,
          assigneeIds,
        )
      ).map((row) => row.memberId),
    );
    const eligible = new Map(
      members
        .filter(
          (member) => member.role === 'OWNER' || member.role === 'ADMIN' || assigned.has(member.id),
        )
        .map((member) => [member.id, member.historyId]),
    );
    return {
      errors: assigneeIds.flatMap((id, index) =>
        eligible.has(id)
          ? []
          : [
              bodyError(
                `/assigneeIds/${index}`,
                'is not an active member assigned to this location',
              ),
            ],
      ),
      historyIds: Object.fromEntries(assigneeIds.map((id) => [id, eligible.get(id) ?? 0])),
    };
  }

  async function copyChecklist(
    actor: Actor,
    trx: Kysely<Database>,
    checklistId: string,
    index: number,
  ): Promise<NormalizedAction[]> {
    try {
      return await checklistsService.copyChecklistActions(actor, checklistId, trx);
    } catch (error) {
      if (error instanceof AppError && error.status === 404)
        refuse([
          bodyError(
            `/steps/${index}/checklistId`,
            'is not an active checklist of this organization',
          ),
        ]);
      throw error;
    }
  }

  /** The body's steps with their points checked against the location and checklists copied. */
  async function resolveSteps(
    actor: Actor,
    trx: Kysely<Database>,
    locationId: string,
    steps: CreateTaskExecutionBody['steps'],
  ): Promise<{ errors: FieldError[]; steps: PlannedStep[] }> {
    const pointIds = [...new Set(steps.map((step) => step.pointId))];
    const points = new Map(
      pointIds.length === 0
        ? []
        : (await repository.listActivePoints(trx, actor.organizationId, pointIds)).map((row) => [
            row.id,
            row,
          ]),
    );
    const errors: FieldError[] = [];
    const planned: PlannedStep[] = [];
    for (const [index, step] of steps.entries()) {
      const point = points.get(step.pointId);
      if (point?.locationId !== locationId) {
        errors.push(
          bodyError(`/steps/${index}/pointId`, 'is not an active point of this location'),
        );
        continue;
      }
      let actions = normalizeActionDefinitions(step.actions ?? []);
      if (step.checklistId) {
        const nextOrder = actions.reduce((max, action) => Math.max(max, action.order + 1), 0);
        const copied = await copyChecklist(actor, trx, step.checklistId, index);
        actions = [
          ...actions,
          ...copied.map((action, offset) => ({ ...action, order: nextOrder + offset })),
        ];
      }
      planned.push({
        pointId: point.id,
        pointHistoryId: point.historyId,
        name: step.name.trim(),
        order: step.order,
        checklistId: step.checklistId ?? null,
        actions,
      });
    }
    return { errors, steps: planned };
  }

  async function findUsableLocation(actor: Actor, locationId: string, trx: Kysely<Database>) {
    const location = await locationsService.findVisibleLocation(actor, locationId, trx);
    if (location.archived)
      throw locationArchived({
        detail: `The location "${location.name}" is archived: restore it first.`,
        errors: [bodyError('/locationId', 'is archived')],
      });
    return location;
  }

  /** Tells webhook subscribers about an execution, as the API's GET shows it. */
  async function emitExecution(trx: Kysely<Database>, type: WebhookEventType, row: ExecutionRow) {
    await domainEvents.emit(trx, row.organizationId, {
      type,
      locationId: row.locationId,
      data: async () => (await present(row.organizationId, [row], trx))[0],
    });
  }

  /** Executions as TaskExecutionInfo, in the order given. */
  function present(
    organizationId: string,
    rows: readonly ExecutionRow[],
    trx: Kysely<Database> = db,
  ): Promise<TaskExecutionInfo[]> {
    return executionReader.present(trx, organizationId, rows);
  }

  async function locationHistoryIdsOf(trx: Kysely<Database>, tasks: readonly TaskRow[]) {
    const byTask = new Map<string, number>();
    const plans = await findVersions<TaskPlan>(
      trx,
      'scheduledTaskVersions',
      tasks[0]?.organizationId ?? '',
      tasks.map((task) => task.historyId),
    );
    for (const task of tasks)
      byTask.set(task.id, plans.get(task.historyId)?.locationHistoryId ?? 0);
    return byTask;
  }

  function newExecutionRow(
    task: TaskRow,
    locationHistoryId: number,
    occurrence: PlannedOccurrence,
    now: string,
  ): NewExecutionRow {
    return {
      organizationId: task.organizationId,
      id: occurrence.id,
      scheduledTaskId: task.id,
      occurrenceIndex: occurrence.index,
      seriesId: task.seriesId,
      startAt: occurrence.startAt,
      endAt: occurrence.endAt,
      durationMs: Date.parse(occurrence.endAt) - Date.parse(occurrence.startAt),
      scheduledTaskHistoryId: task.historyId,
      locationHistoryId,
      locationId: task.locationId,
      published: task.published,
      priority: task.priority,
      tags: task.tags,
      assigneeIds: task.assigneeIds,
      deadlined: task.deadlined,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Writes rows for occurrences the API is about to return (decision 0008); idempotent. */
  async function materializeOccurrences(
    trx: Kysely<Database>,
    items: readonly { task: TaskRow; occurrence: PlannedOccurrence }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const tasks = [...new Map(items.map((item) => [item.task.id, item.task])).values()];
    const locationHistory = await locationHistoryIdsOf(trx, tasks);
    const now = clock.now().toISOString();
    await repository.insertExecutionsIgnoringDuplicates(
      trx,
      items.map(({ task, occurrence }) =>
        newExecutionRow(task, locationHistory.get(task.id) ?? 0, occurrence, now),
      ),
    );
  }

  /**
   * Gives every occurrence of `task` starting before `until` its row and moves the task's
   * horizon there (at most MAX_ROWS_PER_EXTENSION rows at a time; the worker continues). Returns
   * the task as updated.
   */
  async function extendTask(
    trx: Kysely<Database>,
    task: TaskRow,
    until: Date,
    locationHistoryId: number,
  ): Promise<TaskRow> {
    // A single occurrence is written at once, however far ahead: then the task is complete.
    if (task.recurrenceRule === null && Date.parse(task.startAt) >= until.getTime())
      until = new Date(Date.parse(task.startAt) + 1);
    const untilIso = until.toISOString();
    if (task.materializedUntil >= untilIso) return task;
    const from = new Date(task.materializedUntil === '' ? task.startAt : task.materializedUntil);
    const schedule = scheduleOf(task);
    const occurrences = occurrencesStartingBetween(task, from, until, schedule);
    let reached: string;
    let batch = occurrences;
    if (occurrences.length > MAX_ROWS_PER_EXTENSION) {
      batch = occurrences.slice(0, MAX_ROWS_PER_EXTENSION);
      reached = occurrences[MAX_ROWS_PER_EXTENSION]!.startAt;
    } else {
      reached = hasOccurrencesFrom(task, until, schedule) ? untilIso : FOREVER;
    }
    const now = clock.now().toISOString();
    await repository.insertExecutionsIgnoringDuplicates(
      trx,
      batch.map((occurrence) => newExecutionRow(task, locationHistoryId, occurrence, now)),
    );
    await repository.updateTask(trx, task.organizationId, task.id, { materializedUntil: reached });
    return { ...task, materializedUntil: reached };
  }

  function horizonFrom(now: Date): Date {
    return new Date(now.getTime() + HORIZON_MS);
  }

  /**
   * The first occurrence starting at or after `from` as a row (written if it lies beyond the
   * horizon), or null when the task has none left.
   */
  async function firstExecutionFrom(
    trx: Kysely<Database>,
    task: TaskRow,
    from: Date,
  ): Promise<ExecutionRow | null> {
    const first = firstOccurrenceFrom(task, from);
    if (!first) return null;
    // Below the horizon it is a row already.
    if (first.startAt >= task.materializedUntil)
      await materializeOccurrences(trx, [{ task, occurrence: first }]);
    return (await repository.findExecution(trx, task.organizationId, first.id)) ?? null;
  }

  /** Steps and actions of a task as they stand, with the history ids a plan names. */
  async function currentSteps(trx: Kysely<Database>, task: TaskRow) {
    const steps: StepRow[] = await repository.listStepsOfTasks(trx, task.organizationId, [task.id]);
    const actions: ActionRow[] = await repository.listActionsOfTasks(trx, task.organizationId, [
      task.id,
    ]);
    return {
      steps,
      actions,
      plans: steps.map((step) => ({
        scheduledStepHistoryId: step.historyId,
        actionHistoryIds: actions
          .filter((action) => action.scheduledStepId === step.id)
          .map((action) => action.historyId),
      })),
    };
  }

  /** An execution the actor may see, or a 404 (another organization's looks the same). */
  async function findVisibleExecution(
    actor: Actor,
    executionId: string,
    trx: Kysely<Database> = db,
  ): Promise<ExecutionRow> {
    const execution = await repository.findExecution(trx, actor.organizationId, executionId);
    if (
      !execution ||
      (actor.locationIds !== null && !actor.locationIds.includes(execution.locationId)) ||
      (execution.published === 0 && !seesUnpublished(actor))
    )
      throw taskExecutionNotFound({ detail: `There is no task execution ${executionId}.` });
    return execution;
  }

  async function findTaskOf(trx: Kysely<Database>, execution: ExecutionRow): Promise<TaskRow> {
    const task = await repository.findTaskForUpdate(
      { db: trx, dialect: database.dialect },
      execution.organizationId,
      execution.scheduledTaskId,
    );
    if (!task) throw new Error(`task ${execution.scheduledTaskId} of an execution is missing`);
    return task;
  }

  function assertPlanned(execution: ExecutionRow, doing: string) {
    if (execution.state !== 'PLANNED')
      throw executionNotEditable({
        detail: `The execution is ${execution.state}: only planned executions can be ${doing}; performed and canceled ones are records.`,
      });
  }

  /**
   * Writes a new task (the body of POST, or a FOLLOWING edit's successor) with its steps and
   * first version, and materializes it up to the horizon.
   */
  async function insertTask(
    trx: Kysely<Database>,
    actor: Actor,
    fields: Omit<
      TaskRow,
      'organizationId' | 'id' | 'historyId' | 'createdAt' | 'updatedAt' | 'materializedUntil'
    >,
    {
      steps,
      previousSteps,
      assigneeHistoryIds,
      locationHistoryId,
      taskId = newId(),
      written = [],
    }: {
      steps: readonly PlannedStep[];
      previousSteps: { steps: readonly StepRow[]; actions: readonly ActionRow[] };
      assigneeHistoryIds: Record<string, number>;
      locationHistoryId: number;
      taskId?: string;
      /** Collects the versions written, for the reader's cache once the transaction commits. */
      written?: WrittenVersion[];
    },
  ): Promise<TaskRow> {
    const now = clock.now();
    const nowIso = now.toISOString();
    const changedBy = describeActor(actor);
    const recorded = await recordSteps(trx, {
      organizationId: actor.organizationId,
      taskId,
      steps,
      previous: previousSteps,
      keepIds: false,
      changedBy,
      now: nowIso,
    });
    const task: TaskRow = {
      ...fields,
      organizationId: actor.organizationId,
      id: taskId,
      materializedUntil: '',
      historyId: 0,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    const plan = taskPlanOf(task, { assigneeHistoryIds, locationHistoryId, steps: recorded.plans });
    task.historyId = await recordTaskPlan(trx, task, plan, changedBy, nowIso);
    written.push(...recorded.written, {
      table: 'scheduledTaskVersions',
      historyId: task.historyId,
      snapshot: plan,
    });
    await repository.insertTask(trx, task);
    await repository.insertSteps(trx, recorded.steps);
    await repository.insertActions(trx, recorded.actions);
    return extendTask(trx, task, horizonFrom(now), locationHistoryId);
  }

  return {
    async createTask(actor: Actor, body: CreateTaskExecutionBody): Promise<TaskExecutionInfo> {
      const errors = validateFields(body);
      if (errors.length === 0) errors.push(...validateWindow(body.startAt, body.endAt));
      if (errors.length > 0) refuse(errors);

      const written: WrittenVersion[] = [];
      const first = await db.transaction().execute(async (trx) => {
        const location = await findUsableLocation(actor, body.locationId, trx);
        const assignees = await checkAssignees(
          trx,
          actor.organizationId,
          location.id,
          body.assigneeIds,
        );
        const resolved = await resolveSteps(actor, trx, location.id, body.steps);
        if (assignees.errors.length + resolved.errors.length > 0)
          refuse([...assignees.errors, ...resolved.errors]);

        const task = await insertTask(
          trx,
          actor,
          {
            seriesId: newId(),
            locationId: location.id,
            timeZone: location.timeZone,
            name: body.name.trim(),
            description: body.description,
            ...scheduleFieldsOf(body),
            priority: body.priority,
            orderStepsRequired: body.orderStepsRequired ? 1 : 0,
            strictTimeRequired: body.strictTimeRequired ? 1 : 0,
            deadlined: body.deadlined ? 1 : 0,
            published: body.published === false ? 0 : 1,
            tags: JSON.stringify(body.tags),
            assigneeIds: JSON.stringify(body.assigneeIds),
            splitAt: null,
            effectiveFrom: null,
            indexOffset: 0,
            onDemand: 0,
          },
          {
            steps: resolved.steps,
            previousSteps: { steps: [], actions: [] },
            assigneeHistoryIds: assignees.historyIds,
            locationHistoryId: location.historyId,
            written,
          },
        );
        const first = await firstExecutionFrom(trx, task, new Date(task.startAt));
        if (!first)
          refuse([
            bodyError(
              '/recurrence/exception',
              'removes every occurrence: nothing would be planned',
            ),
          ]);
        await emitExecution(trx, 'task-execution.created', first);
        return first;
      });
      executionReader.remember(actor.organizationId, written);
      const [info] = await present(actor.organizationId, [first]);
      return info!;
    },

    async listInfo(
      actor: Actor,
      rawQuery: TaskExecutionInfoQuery,
    ): Promise<{ items: TaskExecutionInfo[]; nextCursor: string | null }> {
      const now = clock.now();
      const query: InfoQuery = parseInfoQuery(rawQuery, now);
      if (actor.locationIds !== null && actor.locationIds.length === 0)
        return { items: [], nextCursor: null };
      const filter = {
        ...query.filter,
        visibleLocationIds: actor.locationIds,
        publishedOnly: !seesUnpublished(actor),
        // Rows overlapping the window start at most the longest execution window before it.
        startingFrom: new Date(
          query.from.getTime() -
            (await repository.findLongestDurationMs(readDatabase.db, actor.organizationId)),
        ).toISOString(),
        limit: query.limit + 1,
      };
      const rows = await repository.listExecutionsInWindow(
        readDatabase,
        actor.organizationId,
        filter,
      );

      // Occurrences beyond a task's horizon have no rows yet: expand those tasks (decision 0008).
      const lagging = await repository.listTasksLackingRows(readDatabase.db, actor.organizationId, {
        startingBefore: filter.to,
        materializedBefore: filter.to,
        visibleLocationIds: filter.visibleLocationIds,
        locationIds: filter.locationIds,
        scheduledTaskIds: filter.scheduledTaskIds,
        seriesIds: filter.seriesIds,
        publishedOnly: filter.publishedOnly,
      });
      const candidates: { task: TaskRow; occurrence: PlannedOccurrence }[] = [];
      for (const task of lagging) {
        for (const occurrence of occurrencesOfTask(task, query)) {
          if (occurrence.startAt < task.materializedUntil) continue;
          if (query.matchesUnwritten(task, occurrence)) candidates.push({ task, occurrence });
        }
      }
      const written = await repository.listExistingExecutionIds(
        db,
        actor.organizationId,
        candidates.map((candidate) => candidate.occurrence.id),
      );
      const merged = [
        ...rows.map((row) => ({ startAt: row.startAt, id: row.id, row, candidate: null })),
        ...candidates
          .filter((candidate) => !written.has(candidate.occurrence.id))
          .map((candidate) => ({
            startAt: candidate.occurrence.startAt,
            id: candidate.occurrence.id,
            row: null,
            candidate,
          })),
      ].sort(compareByStart);
      const page = merged.slice(0, query.limit);

      const unwritten = page.flatMap((item) => (item.candidate ? [item.candidate] : []));
      await materializeOccurrences(db, unwritten);
      const fresh = new Map(
        (
          await repository.listExecutions(
            db,
            actor.organizationId,
            unwritten.map((candidate) => candidate.occurrence.id),
          )
        ).map((row) => [row.id, row]),
      );
      const items = await present(
        actor.organizationId,
        page.map((item) => item.row ?? fresh.get(item.id)!),
        // A page that wrote rows reads them back where they were written.
        unwritten.length > 0 ? db : readDatabase.db,
      );
      const last = page.at(-1);
      return {
        items,
        nextCursor: merged.length > query.limit && last ? query.cursorAfter(last) : null,
      };
    },

    async getExecution(actor: Actor, executionId: string): Promise<TaskExecutionInfo> {
      const execution = await findVisibleExecution(actor, executionId);
      const [info] = await present(actor.organizationId, [execution]);
      return info!;
    },

    async editExecution(
      actor: Actor,
      executionId: string,
      scope: EditScope,
      body: UpdateTaskExecutionBody,
    ): Promise<TaskExecutionInfo> {
      const errors = validateFields(body);
      if (scope === 'THIS') {
        if (body.steps !== undefined)
          errors.push(
            bodyError('/steps', 'cannot change for one occurrence: use scope FOLLOWING or ALL'),
          );
        if (body.recurrence !== undefined)
          errors.push(bodyError('/recurrence', 'belongs to the task: use scope FOLLOWING or ALL'));
      }
      if (errors.length > 0) refuse(errors);
      const now = clock.now();
      const nowIso = now.toISOString();
      const changedBy = describeActor(actor);

      return db.transaction().execute(async (trx) => {
        const visible = await findVisibleExecution(actor, executionId, trx);
        const task = await findTaskOf(trx, visible);
        const execution = (await repository.findExecution(trx, actor.organizationId, visible.id))!;
        assertPlanned(execution, 'edited');
        const location = await findUsableLocation(actor, task.locationId, trx);
        const assignees =
          body.assigneeIds === undefined
            ? null
            : await checkAssignees(trx, actor.organizationId, location.id, body.assigneeIds);
        const resolved =
          body.steps === undefined ? null : await resolveSteps(actor, trx, location.id, body.steps);
        const referenceErrors = [...(assignees?.errors ?? []), ...(resolved?.errors ?? [])];
        if (referenceErrors.length > 0) refuse(referenceErrors);

        /** The window the body asks for, from a base window: moving only startAt keeps the duration. */
        const windowFrom = (base: { startAt: string; endAt: string }) => {
          const startAt = body.startAt ? new Date(body.startAt).toISOString() : base.startAt;
          const endAt = body.endAt
            ? new Date(body.endAt).toISOString()
            : new Date(
                Date.parse(startAt) + Date.parse(base.endAt) - Date.parse(base.startAt),
              ).toISOString();
          const windowErrors = validateWindow(startAt, endAt);
          if (windowErrors.length > 0) refuse(windowErrors);
          return { startAt, endAt };
        };
        const [currentPlan] = [
          ...(
            await findVersions<TaskPlan>(trx, 'scheduledTaskVersions', actor.organizationId, [
              execution.scheduledTaskHistoryId,
            ])
          ).values(),
        ];
        /** A plan with the body's plain fields applied. */
        const applyFields = (plan: TaskPlan): TaskPlan => ({
          ...plan,
          name: body.name?.trim() ?? plan.name,
          description: body.description !== undefined ? body.description : plan.description,
          priority: body.priority ?? plan.priority,
          orderStepsRequired: body.orderStepsRequired ?? plan.orderStepsRequired,
          strictTimeRequired: body.strictTimeRequired ?? plan.strictTimeRequired,
          deadlined: body.deadlined ?? plan.deadlined,
          published: body.published ?? plan.published,
          tags: body.tags ?? plan.tags,
          assigneeIds: body.assigneeIds ?? plan.assigneeIds,
          assigneeHistoryIds: assignees?.historyIds ?? plan.assigneeHistoryIds,
        });
        const taskFieldsOf = (plan: TaskPlan) => ({
          name: plan.name,
          description: plan.description,
          priority: plan.priority,
          orderStepsRequired: plan.orderStepsRequired ? (1 as const) : (0 as const),
          strictTimeRequired: plan.strictTimeRequired ? (1 as const) : (0 as const),
          deadlined: plan.deadlined ? (1 as const) : (0 as const),
          published: plan.published ? (1 as const) : (0 as const),
          tags: JSON.stringify(plan.tags),
          assigneeIds: JSON.stringify(plan.assigneeIds),
        });

        if (scope === 'THIS') {
          const window = windowFrom(execution);
          const plan: TaskPlan = { ...applyFields(currentPlan!), executionId: execution.id };
          const historyId = await recordTaskPlan(trx, task, plan, changedBy, nowIso);
          await repository.updateExecution(trx, actor.organizationId, execution.id, {
            ...rowPlanFields(plan, historyId),
            ...window,
            durationMs: Date.parse(window.endAt) - Date.parse(window.startAt),
            edited: 1,
            editedAt: nowIso,
            updatedAt: nowIso,
          });
          const edited = await repository.findExecution(trx, actor.organizationId, execution.id);
          await emitExecution(trx, 'task-execution.updated', edited!);
          return (await present(actor.organizationId, [edited!], trx))[0]!;
        }

        const current = await currentSteps(trx, task);
        const taskPlan = applyFields(
          taskPlanOf(task, {
            assigneeHistoryIds:
              (
                await findVersions<TaskPlan>(trx, 'scheduledTaskVersions', actor.organizationId, [
                  task.historyId,
                ])
              ).get(task.historyId)?.assigneeHistoryIds ?? {},
            locationHistoryId: location.historyId,
            steps: current.plans,
          }),
        );

        if (scope === 'FOLLOWING') {
          if (execution.startAt <= nowIso)
            throw executionNotEditable({
              detail:
                'The occurrence has begun: edit it with scope THIS, and the following ones from the next occurrence.',
            });
          const splitAt = execution.startAt;
          const window = windowFrom(execution);
          const recurrence =
            body.recurrence !== undefined
              ? body.recurrence
              : task.recurrenceRule === null
                ? null
                : {
                    rule: withCountReducedBy(
                      task.recurrenceRule,
                      execution.occurrenceIndex - task.indexOffset,
                    ),
                    exception: task.recurrenceException,
                  };
          await repository.updateTask(trx, actor.organizationId, task.id, {
            splitAt,
            updatedAt: nowIso,
            ...(task.materializedUntil >= splitAt ? { materializedUntil: FOREVER } : {}),
          });
          // The successor replaces every planned occurrence from here, edited ones included
          // (keeping those would plan two patrols on their days).
          await repository.updatePlannedExecutions(
            trx,
            actor.organizationId,
            task.id,
            { fromStart: splitAt, includeEdited: true },
            { state: 'CANCELED', updatedAt: nowIso },
          );
          const successor = await insertTask(
            trx,
            actor,
            {
              seriesId: task.seriesId,
              locationId: task.locationId,
              timeZone: location.timeZone,
              ...taskFieldsOf(taskPlan),
              ...scheduleFieldsOf({ ...window, recurrence }),
              splitAt: null,
              effectiveFrom: null,
              indexOffset: 0,
              onDemand: task.onDemand,
            },
            {
              steps: resolved?.steps ?? toPlannedSteps(current.steps, current.actions),
              previousSteps: current,
              assigneeHistoryIds: taskPlan.assigneeHistoryIds,
              locationHistoryId: location.historyId,
            },
          );
          const first = await firstExecutionFrom(trx, successor, new Date(successor.startAt));
          if (!first)
            refuse([bodyError('/recurrence', 'leaves no occurrence: nothing would be planned')]);
          await emitExecution(trx, 'task-execution.updated', first);
          return (await present(actor.organizationId, [first], trx))[0]!;
        }

        // ALL: a new version of the task for every occurrence that has not begun.
        let steps = current.plans;
        if (resolved) {
          const recorded = await recordSteps(trx, {
            organizationId: actor.organizationId,
            taskId: task.id,
            steps: resolved.steps,
            previous: current,
            keepIds: true,
            changedBy,
            now: nowIso,
          });
          await repository.deleteStepsOfTask(trx, actor.organizationId, task.id);
          await repository.insertSteps(trx, recorded.steps);
          await repository.insertActions(trx, recorded.actions);
          steps = recorded.plans;
        }
        const schedule = scheduleFieldsOf({
          ...windowFrom(task),
          recurrence:
            body.recurrence !== undefined
              ? body.recurrence
              : task.recurrenceRule === null
                ? null
                : { rule: task.recurrenceRule, exception: task.recurrenceException },
        });
        const scheduleChanged =
          schedule.startAt !== task.startAt ||
          schedule.endAt !== task.endAt ||
          schedule.recurrenceRule !== task.recurrenceRule ||
          schedule.recurrenceException !== task.recurrenceException;
        const revised: TaskRow = {
          ...task,
          ...taskFieldsOf(taskPlan),
          ...schedule,
          updatedAt: nowIso,
        };
        const plan = taskPlanOf(revised, {
          assigneeHistoryIds: taskPlan.assigneeHistoryIds,
          locationHistoryId: location.historyId,
          steps,
        });
        revised.historyId = await recordTaskPlan(trx, task, plan, changedBy, nowIso);
        const oneOff = task.recurrenceRule === null && schedule.recurrenceRule === null;
        if (!scheduleChanged || oneOff) {
          // The same occurrences: planned ones take the new plan (and a one-off its new window);
          // individually edited ones keep theirs.
          const notEdited = { fromStart: nowIso, includeEdited: false };
          await repository.updatePlannedExecutions(trx, actor.organizationId, task.id, notEdited, {
            ...rowPlanFields(plan, revised.historyId),
            ...(oneOff
              ? {
                  startAt: schedule.startAt,
                  endAt: schedule.endAt,
                  durationMs: Date.parse(schedule.endAt) - Date.parse(schedule.startAt),
                }
              : {}),
            updatedAt: nowIso,
          });
        } else {
          // A new schedule revision from now on: the planned occurrences it replaces, edited ones
          // included, are canceled (kept, so pollers see them go), and its own occurrences get
          // indexes no earlier row used.
          const replaced = { fromStart: nowIso, includeEdited: true };
          await repository.updatePlannedExecutions(trx, actor.organizationId, task.id, replaced, {
            state: 'CANCELED',
            updatedAt: nowIso,
          });
          revised.indexOffset =
            (await repository.findMaxOccurrenceIndex(trx, actor.organizationId, task.id)) + 1;
          revised.effectiveFrom = nowIso;
          revised.materializedUntil = nowIso;
        }
        await repository.updateTask(trx, actor.organizationId, task.id, {
          ...taskFieldsOf(taskPlan),
          ...schedule,
          historyId: revised.historyId,
          effectiveFrom: revised.effectiveFrom,
          indexOffset: revised.indexOffset,
          materializedUntil: revised.materializedUntil,
          updatedAt: nowIso,
        });
        const extended = await extendTask(trx, revised, horizonFrom(now), location.historyId);
        const edited = (await repository.findExecution(trx, actor.organizationId, execution.id))!;
        const answer =
          edited.state === 'CANCELED'
            ? ((await firstExecutionFrom(trx, extended, now)) ?? edited)
            : edited;
        await emitExecution(trx, 'task-execution.updated', answer);
        return (await present(actor.organizationId, [answer], trx))[0]!;
      });
    },

    async cancelExecution(
      actor: Actor,
      executionId: string,
      scope: EditScope,
    ): Promise<TaskExecutionInfo> {
      const nowIso = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const visible = await findVisibleExecution(actor, executionId, trx);
        const task = await findTaskOf(trx, visible);
        const execution = (await repository.findExecution(trx, actor.organizationId, visible.id))!;
        const canceled = { state: 'CANCELED' as const, updatedAt: nowIso };
        if (scope === 'THIS') {
          assertPlanned(execution, 'canceled');
          await repository.updateExecution(trx, actor.organizationId, execution.id, canceled);
        } else {
          if (scope === 'FOLLOWING') assertPlanned(execution, 'canceled');
          // FOLLOWING ends the task at this occurrence; ALL ends it now, canceling every planned
          // occurrence whose window has not ended. Performed ones are records and stay.
          const splitAt = scope === 'FOLLOWING' ? execution.startAt : nowIso;
          await repository.updatePlannedExecutions(
            trx,
            actor.organizationId,
            task.id,
            scope === 'FOLLOWING'
              ? { fromStart: splitAt, includeEdited: true }
              : { endingAfter: nowIso, includeEdited: true },
            canceled,
          );
          await repository.updateTask(trx, actor.organizationId, task.id, {
            splitAt: task.splitAt !== null && task.splitAt < splitAt ? task.splitAt : splitAt,
            materializedUntil: FOREVER,
            updatedAt: nowIso,
          });
        }
        const after = await repository.findExecution(trx, actor.organizationId, execution.id);
        await emitExecution(trx, 'task-execution.canceled', after!);
        return (await present(actor.organizationId, [after!], trx))[0]!;
      });
    },

    /**
     * A one-off task made by an on-demand check-in (DESIGN §5): one step at the point with the
     * given actions, assigned to the performer, in the caller's transaction. The caller has
     * checked that the point allows it; the id comes from the device's write id, so a retried
     * check-in makes one task. Returns its execution row.
     */
    async createOnDemandTask(
      trx: Kysely<Database>,
      actor: Actor & { kind: 'member' },
      {
        taskId,
        point,
        location,
        actions,
        startAt,
      }: {
        taskId: string;
        point: { id: string; name: string; historyId: number };
        location: { id: string; timeZone: string; historyId: number };
        actions: readonly NormalizedAction[];
        startAt: string;
      },
    ): Promise<ExecutionRow> {
      const memberHistory = await repository.listActiveMembers(trx, actor.organizationId, [
        actor.memberId,
      ]);
      const task = await insertTask(
        trx,
        actor,
        {
          seriesId: taskId,
          locationId: location.id,
          timeZone: location.timeZone,
          name: `On-demand check-in: ${point.name}`,
          description: null,
          startAt,
          endAt: new Date(Date.parse(startAt) + ON_DEMAND_WINDOW_MS).toISOString(),
          recurrenceRule: null,
          recurrenceException: null,
          priority: 'NORMAL',
          orderStepsRequired: 0,
          strictTimeRequired: 0,
          deadlined: 0,
          published: 1,
          tags: '[]',
          assigneeIds: JSON.stringify([actor.memberId]),
          splitAt: null,
          effectiveFrom: null,
          indexOffset: 0,
          onDemand: 1,
        },
        {
          steps: [
            {
              pointId: point.id,
              pointHistoryId: point.historyId,
              name: point.name,
              order: 0,
              checklistId: null,
              actions,
            },
          ],
          previousSteps: { steps: [], actions: [] },
          assigneeHistoryIds: { [actor.memberId]: memberHistory[0]?.historyId ?? 0 },
          locationHistoryId: location.historyId,
          taskId,
        },
      );
      const execution = await firstExecutionFrom(trx, task, new Date(task.startAt));
      return execution!;
    },

    /**
     * The worker's part (decision 0008): stamps executions whose window ended without
     * completion, and moves every task's horizon to HORIZON_MS ahead once it is within a day of
     * running out. Idempotent; returns what it did.
     */
    async maintainSchedules(): Promise<{ expired: number; extended: number }> {
      const now = clock.now();
      // Stamp expiry execution by execution, each with its webhook event, in small batches.
      let expired = 0;
      for (;;) {
        const due = await repository.listExpiring(db, now.toISOString(), 200);
        if (due.length === 0) break;
        await db.transaction().execute(async (trx) => {
          for (const row of due) {
            const stamped = { ...row, expiredAt: now.toISOString(), updatedAt: now.toISOString() };
            await repository.updateExecution(trx, row.organizationId, row.id, {
              expiredAt: stamped.expiredAt,
              updatedAt: stamped.updatedAt,
            });
            await emitExecution(trx, 'task-execution.expired', stamped);
          }
        });
        expired += due.length;
      }
      const due = new Date(now.getTime() + HORIZON_MS - DAY_MS).toISOString();
      let extended = 0;
      for (;;) {
        const tasks = await repository.listTasksToExtend(db, due, 100);
        if (tasks.length === 0) break;
        await db.transaction().execute(async (trx) => {
          const locationHistory = await locationHistoryIdsByOrganization(trx, tasks);
          for (const task of tasks)
            await extendTask(trx, task, horizonFrom(now), locationHistory.get(task.id) ?? 0);
        });
        extended += tasks.length;
      }
      return { expired, extended };
    },
  };

  /** Location history ids of tasks that may belong to several organizations. */
  async function locationHistoryIdsByOrganization(
    trx: Kysely<Database>,
    tasks: readonly TaskRow[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const organizationIds = new Set(tasks.map((task) => task.organizationId));
    for (const organizationId of organizationIds) {
      const group = tasks.filter((task) => task.organizationId === organizationId);
      for (const [taskId, historyId] of await locationHistoryIdsOf(trx, group))
        result.set(taskId, historyId);
    }
    return result;
  }
}
