import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  Database,
  DatabaseHandle,
  ExecutionState,
  TaskExecutionEventsTable,
  TaskExecutionsTable,
} from '../../database/database.js';
import { jsonArrayContainsAny } from '../../database/dialect.js';

/** Queries for scheduled tasks, their steps and actions, and their executions. No rules here. */

export type TaskRow = Selectable<Database['scheduledTasks']>;
export type ExecutionRow = Selectable<TaskExecutionsTable>;
export type EventRow = Selectable<TaskExecutionEventsTable>;
export type StepRow = Database['scheduledSteps'];
export type ActionRow = Database['scheduledActions'];
export type NewTaskRow = Insertable<Database['scheduledTasks']>;
export type NewExecutionRow = Insertable<TaskExecutionsTable>;

/** Active members among `memberIds`, with the role that decides where they may be assigned. */
export function listActiveMembers(
  db: Kysely<Database>,
  organizationId: string,
  memberIds: readonly string[],
) {
  return db
    .selectFrom('members')
    .select(['id', 'role', 'historyId'])
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...memberIds])
    .where('archived', '=', 0)
    .execute();
}

/** Which of `memberIds` are assigned to the location. */
export function listMemberIdsAssignedToLocation(
  db: Kysely<Database>,
  organizationId: string,
  locationId: string,
  memberIds: readonly string[],
) {
  return db
    .selectFrom('memberLocations')
    .select('memberId')
    .where('organizationId', '=', organizationId)
    .where('locationId', '=', locationId)
    .where('memberId', 'in', [...memberIds])
    .execute();
}

export function listActivePoints(
  db: Kysely<Database>,
  organizationId: string,
  pointIds: readonly string[],
) {
  return db
    .selectFrom('points')
    .select(['id', 'locationId', 'historyId'])
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...pointIds])
    .where('archived', '=', 0)
    .execute();
}

/** The steps of the tasks, in plan order (id breaks ties so the order is stable). */
export function listStepsOfTasks(
  db: Kysely<Database>,
  organizationId: string,
  taskIds: readonly string[],
) {
  return db
    .selectFrom('scheduledSteps')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('scheduledTaskId', 'in', [...taskIds])
    .orderBy('stepOrder')
    .orderBy('id')
    .execute();
}

/** The actions of the tasks' steps, in plan order (id breaks ties so the order is stable). */
export function listActionsOfTasks(
  db: Kysely<Database>,
  organizationId: string,
  taskIds: readonly string[],
) {
  return db
    .selectFrom('scheduledActions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('scheduledTaskId', 'in', [...taskIds])
    .orderBy('actionOrder')
    .orderBy('id')
    .execute();
}

export async function insertTask(db: Kysely<Database>, task: NewTaskRow) {
  await db.insertInto('scheduledTasks').values(task).execute();
}

export async function updateTask(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  changes: Updateable<Database['scheduledTasks']>,
) {
  await db
    .updateTable('scheduledTasks')
    .set(changes)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function insertSteps(db: Kysely<Database>, steps: readonly StepRow[]) {
  // An INSERT with no rows is invalid SQL.
  if (steps.length > 0)
    await db
      .insertInto('scheduledSteps')
      .values([...steps])
      .execute();
}

export async function insertActions(db: Kysely<Database>, actions: readonly ActionRow[]) {
  if (actions.length > 0)
    await db
      .insertInto('scheduledActions')
      .values([...actions])
      .execute();
}

/** Removes a task's current steps and actions (their versions stay: executions point to them). */
export async function deleteStepsOfTask(
  db: Kysely<Database>,
  organizationId: string,
  taskId: string,
) {
  await db
    .deleteFrom('scheduledActions')
    .where('organizationId', '=', organizationId)
    .where('scheduledTaskId', '=', taskId)
    .execute();
  await db
    .deleteFrom('scheduledSteps')
    .where('organizationId', '=', organizationId)
    .where('scheduledTaskId', '=', taskId)
    .execute();
}

/**
 * The task, locked against concurrent edits until the transaction ends on PostgreSQL; SQLite
 * serializes writing transactions already.
 */
export function findTaskForUpdate(
  { db, dialect }: { db: Kysely<Database>; dialect: DatabaseHandle['dialect'] },
  organizationId: string,
  id: string,
) {
  return db
    .selectFrom('scheduledTasks')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
}

export interface TaskFilter {
  /** Only tasks that may have an occurrence starting before this. */
  readonly startingBefore: string;
  /** Only tasks whose rows stop before this (see materializedUntil). */
  readonly materializedBefore: string;
  readonly visibleLocationIds: readonly string[] | null;
  readonly locationIds: readonly string[] | null;
  readonly scheduledTaskIds: readonly string[] | null;
  readonly seriesIds: readonly string[] | null;
  readonly publishedOnly: boolean;
}

/**
 * Tasks whose occurrences in a window may lack rows: no occurrence starts before the task's own
 * start, and every occurrence before materializedUntil has a row. A null filter does not narrow;
 * an empty array matches nothing.
 */
export function listTasksLackingRows(
  db: Kysely<Database>,
  organizationId: string,
  filter: TaskFilter,
) {
  return db
    .selectFrom('scheduledTasks')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('startAt', '<', filter.startingBefore)
    .where('materializedUntil', '<', filter.materializedBefore)
    .$if(filter.visibleLocationIds !== null, (query) =>
      query.where('locationId', 'in', [...filter.visibleLocationIds!]),
    )
    .$if(filter.locationIds !== null, (query) =>
      query.where('locationId', 'in', [...filter.locationIds!]),
    )
    .$if(filter.scheduledTaskIds !== null, (query) =>
      query.where('id', 'in', [...filter.scheduledTaskIds!]),
    )
    .$if(filter.seriesIds !== null, (query) =>
      query.where('seriesId', 'in', [...filter.seriesIds!]),
    )
    .$if(filter.publishedOnly, (query) => query.where('published', '=', 1))
    .execute();
}

/** Tasks of every organization whose rows end before `before`, oldest horizon first (the job). */
export function listTasksToExtend(db: Kysely<Database>, before: string, limit: number) {
  return db
    .selectFrom('scheduledTasks')
    .selectAll()
    .where('materializedUntil', '<', before)
    .orderBy('materializedUntil')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Inserts execution rows, leaving any that already exist untouched: an occurrence is materialized
 * once, and two concurrent reads of the same window must not fail or overwrite (decision 0008).
 */
export async function insertExecutionsIgnoringDuplicates(
  db: Kysely<Database>,
  executions: readonly NewExecutionRow[],
) {
  // Bounded batches: SQLite allows 32,766 bound values per statement.
  for (let start = 0; start < executions.length; start += 500)
    await db
      .insertInto('taskExecutions')
      .values(executions.slice(start, start + 500))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
}

export function listExecutions(
  db: Kysely<Database>,
  organizationId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Which of `ids` have rows. */
export async function listExistingExecutionIds(
  db: Kysely<Database>,
  organizationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('taskExecutions')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) existing.add(row.id);
  }
  return existing;
}

export function findExecution(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every filter of `GET /task-executions/info` that rows answer; null does not narrow. */
export interface ExecutionFilter {
  readonly from: string;
  readonly to: string;
  /** Rows starting before this cannot overlap the window (task windows are bounded). */
  readonly startingFrom: string;
  readonly visibleLocationIds: readonly string[] | null;
  readonly publishedOnly: boolean;
  readonly ids: readonly string[] | null;
  readonly locationIds: readonly string[] | null;
  readonly assigneeIds: readonly string[] | null;
  readonly performerIds: readonly string[] | null;
  readonly scheduledTaskIds: readonly string[] | null;
  readonly seriesIds: readonly string[] | null;
  readonly states: readonly ExecutionState[];
  readonly statuses: readonly ('OK' | 'WARNING' | 'ERROR')[] | null;
  readonly tags: readonly string[] | null;
  readonly priorities: readonly string[] | null;
  readonly published: boolean | null;
  readonly expired: boolean | null;
  readonly now: string;
  readonly updatedSince: string | null;
  /** The keyset cursor: rows after this (startAt, id). */
  readonly after: { readonly startAt: string; readonly id: string } | null;
  readonly limit: number;
}

/** States in which a passed window counts as expired (DESIGN §5). */
export const EXPIRABLE_STATES: readonly ExecutionState[] = ['PLANNED', 'IN_PROGRESS', 'INCOMPLETE'];

/** Rows overlapping [from, to) and matching the filter, by (startAt, id), at most `limit`. */
export function listExecutionsInWindow(
  { db, dialect }: { db: Kysely<Database>; dialect: DatabaseHandle['dialect'] },
  organizationId: string,
  filter: ExecutionFilter,
) {
  const among = <T>(values: readonly T[] | null) => values !== null;
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('startAt', '>=', filter.startingFrom)
    .where('startAt', '<', filter.to)
    .where((eb) =>
      eb.or([
        eb('endAt', '>', filter.from),
        // An instantaneous task belongs to the window it falls in.
        eb.and([eb('endAt', '=', eb.ref('startAt')), eb('startAt', '>=', filter.from)]),
      ]),
    )
    .where('state', 'in', [...filter.states])
    .$if(filter.after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('startAt', '>', filter.after!.startAt),
          eb.and([eb('startAt', '=', filter.after!.startAt), eb('id', '>', filter.after!.id)]),
        ]),
      ),
    )
    .$if(filter.visibleLocationIds !== null, (query) =>
      query.where('locationId', 'in', [...filter.visibleLocationIds!]),
    )
    .$if(filter.publishedOnly, (query) => query.where('published', '=', 1))
    .$if(among(filter.ids), (query) => query.where('id', 'in', [...filter.ids!]))
    .$if(among(filter.locationIds), (query) =>
      query.where('locationId', 'in', [...filter.locationIds!]),
    )
    .$if(among(filter.performerIds), (query) =>
      query.where('performerId', 'in', [...filter.performerIds!]),
    )
    .$if(among(filter.scheduledTaskIds), (query) =>
      query.where('scheduledTaskId', 'in', [...filter.scheduledTaskIds!]),
    )
    .$if(among(filter.seriesIds), (query) => query.where('seriesId', 'in', [...filter.seriesIds!]))
    .$if(among(filter.statuses), (query) => query.where('status', 'in', [...filter.statuses!]))
    .$if(among(filter.priorities), (query) =>
      query.where('priority', 'in', [...(filter.priorities as TaskExecutionsTable['priority'][])]),
    )
    .$if(among(filter.assigneeIds), (query) =>
      query.where(jsonArrayContainsAny(dialect, 'assigneeIds', filter.assigneeIds!)),
    )
    .$if(among(filter.tags), (query) =>
      query.where(jsonArrayContainsAny(dialect, 'tags', filter.tags!)),
    )
    .$if(filter.published !== null, (query) =>
      query.where('published', '=', filter.published ? 1 : 0),
    )
    .$if(filter.expired !== null, (query) =>
      query.where((eb) => {
        const expired = eb.and([
          eb('endAt', '<', filter.now),
          eb('state', 'in', [...EXPIRABLE_STATES]),
        ]);
        return filter.expired ? expired : eb.not(expired);
      }),
    )
    .$if(filter.updatedSince !== null, (query) =>
      query.where('updatedAt', '>', filter.updatedSince!),
    )
    .orderBy('startAt')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
}

export async function updateExecution(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  changes: Updateable<TaskExecutionsTable>,
) {
  await db
    .updateTable('taskExecutions')
    .set(changes)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/**
 * Changes a task's planned rows starting at or after `fromStart` (and, with `endingAfter`, every
 * planned row whose window has not ended), optionally only those not edited on their own.
 * Returns how many changed.
 */
export async function updatePlannedExecutions(
  db: Kysely<Database>,
  organizationId: string,
  taskId: string,
  selection: { fromStart?: string; endingAfter?: string; includeEdited: boolean },
  changes: Updateable<TaskExecutionsTable>,
): Promise<number> {
  const result = await db
    .updateTable('taskExecutions')
    .set(changes)
    .where('organizationId', '=', organizationId)
    .where('scheduledTaskId', '=', taskId)
    .where('state', '=', 'PLANNED')
    .$if(selection.fromStart !== undefined, (query) =>
      query.where('startAt', '>=', selection.fromStart!),
    )
    .$if(selection.endingAfter !== undefined, (query) =>
      query.where('endAt', '>', selection.endingAfter!),
    )
    .$if(!selection.includeEdited, (query) => query.where('edited', '=', 0))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The highest occurrence index any row of the task has used (-1 when none). */
export async function findMaxOccurrenceIndex(
  db: Kysely<Database>,
  organizationId: string,
  taskId: string,
): Promise<number> {
  const row = await db
    .selectFrom('taskExecutions')
    .select((eb) => eb.fn.max('occurrenceIndex').as('maxIndex'))
    .where('organizationId', '=', organizationId)
    .where('scheduledTaskId', '=', taskId)
    .executeTakeFirst();
  return row?.maxIndex ?? -1;
}

/** Rows of every organization whose window ended without completion and not yet stamped. */
export function listExpiring(db: Kysely<Database>, now: string, limit: number) {
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('expiredAt', 'is', null)
    .where('endAt', '<', now)
    .where('state', 'in', [...EXPIRABLE_STATES])
    .orderBy('endAt')
    .limit(limit)
    .execute();
}

/** The execution, locked until the transaction ends on PostgreSQL (SQLite serializes writers). */
export function findExecutionForUpdate(
  dialect: DatabaseHandle['dialect'],
  db: Kysely<Database>,
  organizationId: string,
  id: string,
) {
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
}

export function findEvent(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('taskExecutionEvents')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertEvent(
  db: Kysely<Database>,
  event: Insertable<TaskExecutionEventsTable>,
) {
  await db.insertInto('taskExecutionEvents').values(event).execute();
}

/** One page of an organization's executions in id order, with what their logs must end in. */
export function listExecutionLogEnds(
  db: Kysely<Database>,
  organizationId: string,
  afterId: string | null,
  limit: number,
) {
  return db
    .selectFrom('taskExecutions')
    .select(['organizationId', 'id', 'eventCount', 'lastHash'])
    .where('organizationId', '=', organizationId)
    .$if(afterId !== null, (query) => query.where('id', '>', afterId!))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Every event of the given executions, by execution and in sequence order. */
export function listEventsOfExecutions(
  db: Kysely<Database>,
  organizationId: string,
  executionIds: readonly string[],
) {
  return db
    .selectFrom('taskExecutionEvents')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('taskExecutionId', 'in', executionIds)
    .orderBy('taskExecutionId')
    .orderBy('sequence')
    .execute();
}

/** Every event of an execution, in sequence order. */
export function listAllEvents(db: Kysely<Database>, organizationId: string, executionId: string) {
  return db
    .selectFrom('taskExecutionEvents')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('taskExecutionId', '=', executionId)
    .orderBy('sequence')
    .execute();
}

/** Executions of every organization still in progress after a deadlined window (the job). */
export function listInProgressDeadlinedBefore(db: Kysely<Database>, now: string, limit: number) {
  return (
    db
      .selectFrom('taskExecutions')
      .select(['organizationId', 'id'])
      // A literal, so both databases can use the partial index on in-progress executions.
      .where('state', '=', sql.lit('IN_PROGRESS'))
      .where('endAt', '<', now)
      .where('deadlined', '=', 1)
      .orderBy('endAt')
      .limit(limit)
      .execute()
  );
}

/** CHECKED_IN events with where they happened, by (occurredAt, id) (GET /check-ins). */
export function listCheckIns(
  db: Kysely<Database>,
  organizationId: string,
  filter: {
    from: string;
    to: string;
    visibleLocationIds: readonly string[] | null;
    locationIds: readonly string[] | null;
    pointIds: readonly string[] | null;
    memberIds: readonly string[] | null;
    onDemand: boolean | null;
    after: { occurredAt: string; id: string } | null;
    limit: number;
  },
) {
  return db
    .selectFrom('taskExecutionEvents as event')
    .innerJoin('taskExecutions as execution', (join) =>
      join
        .onRef('execution.id', '=', 'event.taskExecutionId')
        .onRef('execution.organizationId', '=', 'event.organizationId'),
    )
    .innerJoin('scheduledTasks as task', (join) =>
      join
        .onRef('task.id', '=', 'execution.scheduledTaskId')
        .onRef('task.organizationId', '=', 'execution.organizationId'),
    )
    .select([
      'event.id',
      'event.taskExecutionId',
      'event.pointId',
      'event.actorMemberId',
      'event.payload',
      'event.occurredAt',
      'event.receivedAt',
      'execution.locationId',
      'task.onDemand',
    ])
    .where('event.organizationId', '=', organizationId)
    .where('event.type', '=', 'CHECKED_IN')
    .where('event.occurredAt', '>=', filter.from)
    .where('event.occurredAt', '<', filter.to)
    .$if(filter.after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('event.occurredAt', '>', filter.after!.occurredAt),
          eb.and([
            eb('event.occurredAt', '=', filter.after!.occurredAt),
            eb('event.id', '>', filter.after!.id),
          ]),
        ]),
      ),
    )
    .$if(filter.visibleLocationIds !== null, (query) =>
      query.where('execution.locationId', 'in', [...filter.visibleLocationIds!, '']),
    )
    .$if(filter.locationIds !== null, (query) =>
      query.where('execution.locationId', 'in', [...filter.locationIds!, '']),
    )
    .$if(filter.pointIds !== null, (query) =>
      query.where('event.pointId', 'in', [...filter.pointIds!, '']),
    )
    .$if(filter.memberIds !== null, (query) =>
      query.where('event.actorMemberId', 'in', [...filter.memberIds!, '']),
    )
    .$if(filter.onDemand !== null, (query) =>
      query.where('task.onDemand', '=', filter.onDemand ? 1 : 0),
    )
    .orderBy('event.occurredAt')
    .orderBy('event.id')
    .limit(filter.limit)
    .execute();
}

/** The longest execution window of the organization, in milliseconds (an index seek). */
export async function findLongestDurationMs(
  db: Kysely<Database>,
  organizationId: string,
): Promise<number> {
  const row = await db
    .selectFrom('taskExecutions')
    .select((eb) => eb.fn.max('durationMs').as('longest'))
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  return Number(row?.longest ?? 0);
}
