import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { recordVersion } from '../../database/versions.js';
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
import { executionIdOf } from './execution-ids.js';
import { expandOccurrences, parseRecurrence, RecurrenceError } from './recurrence.js';
import {
  invalidTaskExecution,
  invalidTaskExecutionQuery,
  taskExecutionNotFound,
} from './task-executions.errors.js';
import { toTaskExecutionInfo, type ExecutionRow } from './task-executions.presenter.js';
import * as repository from './task-executions.repository.js';
import type { ActionRow, StepRow, TaskRow } from './task-executions.repository.js';
import type { CreateTaskExecutionBody, TaskExecutionInfo } from './task-executions.schemas.js';

export type TaskExecutionsService = ReturnType<typeof createTaskExecutionsService>;

/** The longest window one `info` query may expand (DESIGN §3 and decision 0008). */
export const MAX_WINDOW_MS = 31 * 86_400_000;

/** How far ahead of startAt the first occurrence is looked for when exceptions remove index 0. */
const FIRST_OCCURRENCE_SEARCH_MS = 366 * 86_400_000;

const PERFORMERS = new Set(['USER', 'GUARD']);

/** Performers never see unpublished tasks; supervisors and tokens do. */
function seesUnpublished(actor: Actor): boolean {
  return actor.kind === 'token' || !PERFORMERS.has(actor.role);
}

function parseStoredRecurrence(task: TaskRow) {
  return task.recurrenceRule === null
    ? null
    : parseRecurrence({ rule: task.recurrenceRule, exception: task.recurrenceException });
}

function scheduleOf(task: TaskRow) {
  return {
    startAt: new Date(task.startAt),
    endAt: new Date(task.endAt),
    timeZone: task.timeZone,
    recurrence: parseStoredRecurrence(task),
  };
}

interface Candidate {
  readonly task: TaskRow;
  readonly id: string;
  readonly index: number;
  readonly startAt: string;
  readonly endAt: string;
}

function compareCandidates(a: { startAt: string; id: string }, b: { startAt: string; id: string }) {
  if (a.startAt !== b.startAt) return a.startAt < b.startAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The keyset cursor: the last item's (startAt, id), opaque to clients. */
function encodeCursor(item: { startAt: string; id: string }): string {
  return Buffer.from(`${item.startAt}|${item.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { startAt: string; id: string } {
  const [startAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!startAt || !id || Number.isNaN(Date.parse(startAt)))
    throw invalidTaskExecutionQuery({
      detail: 'The cursor is not one this API gave; start again without it.',
      errors: [{ in: 'query', pointer: '/cursor', detail: 'is not a cursor of this list' }],
    });
  return { startAt, id };
}

function parseInstant(value: string, pointer: string, errors: FieldError[]): Date | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    errors.push({ in: 'query', pointer, detail: 'is not an ISO-8601 instant' });
    return null;
  }
  return date;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createTaskExecutionsService({
  database,
  clock,
  locationsService,
  checklistsService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  locationsService: Pick<LocationsService, 'findVisibleLocation'>;
  checklistsService: Pick<ChecklistsService, 'copyChecklistActions'>;
}) {
  const { db } = database;

  /** The body rules a schema cannot state, as field errors. */
  function validateBody(body: CreateTaskExecutionBody): FieldError[] {
    const errors: FieldError[] = [];
    const startMs = Date.parse(body.startAt);
    const endMs = Date.parse(body.endAt);
    if (Number.isNaN(startMs))
      errors.push({ in: 'body', pointer: '/startAt', detail: 'is not an ISO-8601 instant' });
    if (Number.isNaN(endMs))
      errors.push({ in: 'body', pointer: '/endAt', detail: 'is not an ISO-8601 instant' });
    else if (!Number.isNaN(startMs) && endMs <= startMs)
      errors.push({ in: 'body', pointer: '/endAt', detail: 'must be after startAt' });
    const orders = new Map<number, number>();
    body.steps.forEach((step, index) => {
      const earlier = orders.get(step.order);
      if (earlier !== undefined)
        errors.push({
          in: 'body',
          pointer: `/steps/${index}/order`,
          detail: `repeats the order of /steps/${earlier}; orders must be unique`,
        });
      else orders.set(step.order, index);
      if (step.actions)
        errors.push(...validateActionDefinitions(step.actions, `/steps/${index}/actions`));
    });
    if (body.recurrence) {
      try {
        parseRecurrence(body.recurrence);
      } catch (error) {
        if (!(error instanceof RecurrenceError)) throw error;
        errors.push(
          ...error.issues.map((issue) => ({
            in: 'body' as const,
            pointer: issue.pointer,
            detail: issue.detail,
          })),
        );
      }
    }
    return errors;
  }

  function refuse(errors: FieldError[]): never {
    throw invalidTaskExecution({
      detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
      errors,
    });
  }

  async function assertAssignees(
    trx: Kysely<Database>,
    organizationId: string,
    locationId: string,
    assigneeIds: readonly string[],
  ): Promise<FieldError[]> {
    if (assigneeIds.length === 0) return [];
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
    const eligible = new Set(
      members
        .filter(
          (member) => member.role === 'OWNER' || member.role === 'ADMIN' || assigned.has(member.id),
        )
        .map((member) => member.id),
    );
    return assigneeIds.flatMap((id, index) =>
      eligible.has(id)
        ? []
        : [
            {
              in: 'body' as const,
              pointer: `/assigneeIds/${index}`,
              detail: 'is not an active member assigned to this location',
            },
          ],
    );
  }

  async function findPoints(
    trx: Kysely<Database>,
    organizationId: string,
    pointIds: readonly string[],
  ) {
    if (pointIds.length === 0) return new Map<string, { locationId: string; historyId: number }>();
    const rows = await repository.listActivePoints(trx, organizationId, [...new Set(pointIds)]);
    return new Map(rows.map((row) => [row.id, row]));
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
          {
            in: 'body',
            pointer: `/steps/${index}/checklistId`,
            detail: 'is not an active checklist of this organization',
          },
        ]);
      throw error;
    }
  }

  /** Members' current history ids: what a seen state names. */
  async function memberHistoryIds(organizationId: string, memberIds: readonly string[]) {
    if (memberIds.length === 0) return new Map<string, number>();
    const rows = await repository.listMemberHistoryIds(db, organizationId, [...new Set(memberIds)]);
    return new Map(rows.map((row) => [row.id, row.historyId]));
  }

  async function loadPlans(organizationId: string, taskIds: readonly string[]) {
    const ids = [...new Set(taskIds)];
    const steps = new Map<string, StepRow[]>();
    const actions = new Map<string, ActionRow[]>();
    if (ids.length === 0) return { steps, actions };
    const stepRows = await repository.listStepsOfTasks(db, organizationId, ids);
    for (const row of stepRows)
      steps.set(row.scheduledTaskId, [...(steps.get(row.scheduledTaskId) ?? []), row]);
    const actionRows = await repository.listActionsOfTasks(db, organizationId, ids);
    for (const row of actionRows)
      actions.set(row.scheduledStepId, [...(actions.get(row.scheduledStepId) ?? []), row]);
    return { steps, actions };
  }

  /** Writes the rows of occurrences the API is about to return, once (decision 0008). */
  async function materialize(organizationId: string, candidates: readonly Candidate[]) {
    if (candidates.length === 0) return new Map<string, ExecutionRow>();
    const locationIds = [...new Set(candidates.map((candidate) => candidate.task.locationId))];
    const locations = await repository.listLocationHistoryIds(db, organizationId, locationIds);
    const locationHistory = new Map(locations.map((row) => [row.id, row.historyId]));
    const now = clock.now().toISOString();
    await repository.insertExecutionsIgnoringDuplicates(
      db,
      candidates.map((candidate) => ({
        organizationId,
        id: candidate.id,
        scheduledTaskId: candidate.task.id,
        occurrenceIndex: candidate.index,
        seriesId: candidate.task.seriesId,
        startAt: candidate.startAt,
        endAt: candidate.endAt,
        scheduledTaskHistoryId: candidate.task.historyId,
        locationHistoryId: locationHistory.get(candidate.task.locationId) ?? 0,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const rows = await repository.listExecutions(
      db,
      organizationId,
      candidates.map((candidate) => candidate.id),
    );
    return new Map(rows.map((row) => [row.id, row as ExecutionRow]));
  }

  /** Executions as TaskExecutionInfo, in the order given. */
  async function present(
    organizationId: string,
    items: readonly { execution: ExecutionRow; task: TaskRow }[],
  ): Promise<TaskExecutionInfo[]> {
    const { steps, actions } = await loadPlans(
      organizationId,
      items.map((item) => item.task.id),
    );
    const assignees = await memberHistoryIds(
      organizationId,
      items.flatMap((item) => JSON.parse(item.task.assigneeIds) as string[]),
    );
    const nowIso = clock.now().toISOString();
    return items.map(({ execution, task }) =>
      toTaskExecutionInfo({ execution, task, steps, actions, assignees, nowIso }),
    );
  }

  function firstOccurrence(task: TaskRow): Candidate {
    const schedule = scheduleOf(task);
    const [first] = expandOccurrences(schedule, {
      from: schedule.startAt,
      to: new Date(schedule.startAt.getTime() + FIRST_OCCURRENCE_SEARCH_MS),
    });
    const occurrence = first ?? { index: 0, startAt: schedule.startAt, endAt: schedule.endAt };
    return {
      task,
      id: executionIdOf(task.id, occurrence.index),
      index: occurrence.index,
      startAt: occurrence.startAt.toISOString(),
      endAt: occurrence.endAt.toISOString(),
    };
  }

  return {
    async createTask(actor: Actor, body: CreateTaskExecutionBody): Promise<TaskExecutionInfo> {
      const errors = validateBody(body);
      if (errors.length > 0) refuse(errors);
      const now = clock.now().toISOString();
      const changedBy = describeActor(actor);

      const task = await db.transaction().execute(async (trx) => {
        const location = await locationsService.findVisibleLocation(actor, body.locationId, trx);
        if (location.archived)
          throw locationArchived({
            detail: `The location "${location.name}" is archived: restore it first.`,
            errors: [{ in: 'body', pointer: '/locationId', detail: 'is archived' }],
          });
        const points = await findPoints(
          trx,
          actor.organizationId,
          body.steps.map((step) => step.pointId),
        );
        const referenceErrors: FieldError[] = [
          ...(await assertAssignees(trx, actor.organizationId, location.id, body.assigneeIds)),
          ...body.steps.flatMap((step, index) =>
            points.get(step.pointId)?.locationId === location.id
              ? []
              : [
                  {
                    in: 'body' as const,
                    pointer: `/steps/${index}/pointId`,
                    detail: 'is not an active point of this location',
                  },
                ],
          ),
        ];
        if (referenceErrors.length > 0) refuse(referenceErrors);

        const taskId = randomUUID();
        const stepSnapshots: { scheduledStepHistoryId: number; actionHistoryIds: number[] }[] = [];
        const stepRows: StepRow[] = [];
        const actionRows: ActionRow[] = [];
        for (const [index, step] of body.steps.entries()) {
          let actions = normalizeActionDefinitions(step.actions ?? []);
          if (step.checklistId) {
            const nextOrder = actions.reduce((max, action) => Math.max(max, action.order + 1), 0);
            const copied = await copyChecklist(actor, trx, step.checklistId, index);
            actions = [
              ...actions,
              ...copied.map((action, offset) => ({ ...action, order: nextOrder + offset })),
            ];
          }
          const stepId = randomUUID();
          const actionHistoryIds: number[] = [];
          for (const action of actions) {
            const actionId = randomUUID();
            const row: ActionRow = {
              organizationId: actor.organizationId,
              id: actionId,
              seriesId: randomUUID(),
              scheduledTaskId: taskId,
              scheduledStepId: stepId,
              actionOrder: action.order,
              definition: JSON.stringify(action),
              historyId: 0,
              createdAt: now,
              updatedAt: now,
            };
            row.historyId = await recordVersion(
              trx,
              'scheduledActionVersions',
              row,
              { ...row, definition: action },
              changedBy,
              now,
            );
            actionHistoryIds.push(row.historyId);
            actionRows.push(row);
          }
          const stepRow: StepRow = {
            organizationId: actor.organizationId,
            id: stepId,
            seriesId: randomUUID(),
            scheduledTaskId: taskId,
            pointId: step.pointId,
            pointHistoryId: points.get(step.pointId)!.historyId,
            name: step.name.trim(),
            stepOrder: step.order,
            checklistId: step.checklistId ?? null,
            historyId: 0,
            createdAt: now,
            updatedAt: now,
          };
          stepRow.historyId = await recordVersion(
            trx,
            'scheduledStepVersions',
            stepRow,
            { ...stepRow, actionHistoryIds },
            changedBy,
            now,
          );
          stepSnapshots.push({ scheduledStepHistoryId: stepRow.historyId, actionHistoryIds });
          stepRows.push(stepRow);
        }

        const taskRow: TaskRow = {
          organizationId: actor.organizationId,
          id: taskId,
          seriesId: randomUUID(),
          locationId: location.id,
          timeZone: location.timeZone,
          name: body.name.trim(),
          description: body.description,
          recurrenceRule: body.recurrence?.rule.trim() ?? null,
          recurrenceException: body.recurrence ? body.recurrence.exception : null,
          startAt: new Date(body.startAt).toISOString(),
          endAt: new Date(body.endAt).toISOString(),
          priority: body.priority,
          orderStepsRequired: body.orderStepsRequired ? 1 : 0,
          strictTimeRequired: body.strictTimeRequired ? 1 : 0,
          deadlined: body.deadlined ? 1 : 0,
          published: body.published === false ? 0 : 1,
          tags: JSON.stringify(body.tags),
          assigneeIds: JSON.stringify(body.assigneeIds),
          splitAt: null,
          historyId: 0,
          createdAt: now,
          updatedAt: now,
        };
        taskRow.historyId = await recordVersion(
          trx,
          'scheduledTaskVersions',
          taskRow,
          {
            ...taskRow,
            tags: body.tags,
            assigneeIds: body.assigneeIds,
            locationHistoryId: location.historyId,
            steps: stepSnapshots,
          },
          changedBy,
          now,
        );
        await repository.insertTask(trx, taskRow);
        await repository.insertSteps(trx, stepRows);
        await repository.insertActions(trx, actionRows);
        return taskRow;
      });

      const first = firstOccurrence(task);
      const rows = await materialize(actor.organizationId, [first]);
      const [info] = await present(actor.organizationId, [
        { execution: rows.get(first.id)!, task },
      ]);
      return info!;
    },

    async listInfo(
      actor: Actor,
      query: {
        from: string;
        to: string;
        locationIds: string | null;
        limit: number;
        cursor: string | null;
      },
    ): Promise<{ items: TaskExecutionInfo[]; nextCursor: string | null }> {
      const errors: FieldError[] = [];
      const from = parseInstant(query.from, '/from', errors);
      const to = parseInstant(query.to, '/to', errors);
      if (from && to && to.getTime() <= from.getTime())
        errors.push({ in: 'query', pointer: '/to', detail: 'must be after from' });
      else if (from && to && to.getTime() - from.getTime() > MAX_WINDOW_MS)
        errors.push({ in: 'query', pointer: '/to', detail: 'must be at most 31 days after from' });
      const locationFilter =
        query.locationIds === null
          ? null
          : query.locationIds
              .split(',')
              .map((id) => id.trim())
              .filter((id) => id !== '');
      if (locationFilter?.some((id) => !UUID_PATTERN.test(id)))
        errors.push({
          in: 'query',
          pointer: '/locationIds',
          detail: 'must be location ids separated by commas',
        });
      if (errors.length > 0 || !from || !to)
        throw invalidTaskExecutionQuery({
          detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
          errors,
        });
      const after = query.cursor === null ? null : decodeCursor(query.cursor);

      if (actor.locationIds !== null && actor.locationIds.length === 0)
        return { items: [], nextCursor: null };
      if (locationFilter !== null && locationFilter.length === 0)
        return { items: [], nextCursor: null };
      const taskRows = await repository.listTasksStartingBefore(db, actor.organizationId, {
        before: to.toISOString(),
        visibleLocationIds: actor.locationIds,
        locationIds: locationFilter,
        publishedOnly: !seesUnpublished(actor),
      });

      const candidates: Candidate[] = [];
      for (const task of taskRows) {
        const splitAt = task.splitAt;
        for (const occurrence of expandOccurrences(scheduleOf(task), { from, to })) {
          const startAt = occurrence.startAt.toISOString();
          if (splitAt !== null && startAt >= splitAt) continue;
          const candidate = {
            task,
            id: executionIdOf(task.id, occurrence.index),
            index: occurrence.index,
            startAt,
            endAt: occurrence.endAt.toISOString(),
          };
          if (after === null || compareCandidates(candidate, after) > 0) candidates.push(candidate);
        }
      }
      candidates.sort(compareCandidates);
      const page = candidates.slice(0, query.limit);
      const rows = await materialize(actor.organizationId, page);
      const items = await present(
        actor.organizationId,
        page.map((candidate) => ({ execution: rows.get(candidate.id)!, task: candidate.task })),
      );
      const last = page.at(-1);
      return {
        items,
        nextCursor: candidates.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    async getExecution(actor: Actor, executionId: string): Promise<TaskExecutionInfo> {
      const notFound = () =>
        taskExecutionNotFound({ detail: `There is no task execution ${executionId}.` });
      const execution = await repository.findExecution(db, actor.organizationId, executionId);
      if (!execution) throw notFound();
      const task = await repository.findTask(db, actor.organizationId, execution.scheduledTaskId);
      if (
        !task ||
        (actor.locationIds !== null && !actor.locationIds.includes(task.locationId)) ||
        (task.published === 0 && !seesUnpublished(actor))
      )
        throw notFound();
      const [info] = await present(actor.organizationId, [{ execution, task }]);
      return info!;
    },
  };
}
