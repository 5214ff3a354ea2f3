import type { Kysely } from 'kysely';
import type { Database, TaskExecutionsTable } from '../../database/database.js';

/** Queries for scheduled tasks, their steps and actions, and their executions. No rules here. */

export type TaskRow = Database['scheduledTasks'];
export type StepRow = Database['scheduledSteps'];
export type ActionRow = Database['scheduledActions'];

/** Active members among `memberIds`, with the role that decides where they may be assigned. */
export function listActiveMembers(
  db: Kysely<Database>,
  organizationId: string,
  memberIds: readonly string[],
) {
  return db
    .selectFrom('members')
    .select(['id', 'role'])
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

/** Members' current history ids: what a seen state names. */
export function listMemberHistoryIds(
  db: Kysely<Database>,
  organizationId: string,
  memberIds: readonly string[],
) {
  return db
    .selectFrom('members')
    .select(['id', 'historyId'])
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...memberIds])
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

export function listLocationHistoryIds(
  db: Kysely<Database>,
  organizationId: string,
  locationIds: readonly string[],
) {
  return db
    .selectFrom('locations')
    .select(['id', 'historyId'])
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...locationIds])
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

export async function insertTask(db: Kysely<Database>, task: TaskRow) {
  await db.insertInto('scheduledTasks').values(task).execute();
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

export function findTask(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('scheduledTasks')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Tasks that may have an occurrence before `before`: no occurrence starts before the task's own
 * start, so this is the only bound the database can apply; the window's other end is checked by
 * expanding the recurrence. A null filter does not narrow; an empty array matches nothing.
 */
export function listTasksStartingBefore(
  db: Kysely<Database>,
  organizationId: string,
  filter: {
    before: string;
    visibleLocationIds: readonly string[] | null;
    locationIds: readonly string[] | null;
    publishedOnly: boolean;
  },
) {
  let query = db
    .selectFrom('scheduledTasks')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('startAt', '<', filter.before);
  if (filter.visibleLocationIds !== null)
    query = query.where('locationId', 'in', [...filter.visibleLocationIds]);
  if (filter.locationIds !== null) query = query.where('locationId', 'in', [...filter.locationIds]);
  if (filter.publishedOnly) query = query.where('published', '=', 1);
  return query.execute();
}

/**
 * Inserts execution rows, leaving any that already exist untouched: an occurrence is materialized
 * once, and two concurrent reads of the same window must not fail or overwrite (decision 0008).
 */
export async function insertExecutionsIgnoringDuplicates(
  db: Kysely<Database>,
  executions: readonly Omit<TaskExecutionsTable, 'state'>[],
) {
  await db
    .insertInto('taskExecutions')
    .values([...executions])
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

export function listExecutions(
  db: Kysely<Database>,
  organizationId: string,
  ids: readonly string[],
) {
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}

export function findExecution(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('taskExecutions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
