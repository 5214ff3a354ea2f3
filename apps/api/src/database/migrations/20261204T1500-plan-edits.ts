import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Edits, cancellation and a materialization horizon for tasks (docs/decisions/0008).
//
// A task's schedule can be revised by an ALL edit: occurrences of the new revision start at
// `effective_from` and their indexes continue after every index used before (`index_offset`), so
// no execution id is ever reused for another occurrence. `materialized_until`: every occurrence
// starting before it has its execution row ('' when none is materialized yet).
//
// Executions carry the plan fields lists filter on, because an occurrence edited on its own
// (scope THIS) can differ from its task; the rest of its plan is the task version it points to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scheduled_tasks').addColumn('effective_from', 'text').execute();
  await db.schema
    .alterTable('scheduled_tasks')
    .addColumn('index_offset', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('scheduled_tasks')
    .addColumn('materialized_until', 'text', (column) => column.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('scheduled_tasks_by_horizon')
    .on('scheduled_tasks')
    .columns(['organization_id', 'materialized_until'])
    .execute();

  const executionColumns: [string, 'text' | 'integer' | 'bigint', string | number | null][] = [
    ['location_id', 'text', ''],
    ['published', 'integer', 1],
    ['priority', 'text', 'NORMAL'],
    // JSON arrays, as on the task.
    ['tags', 'text', '[]'],
    ['assignee_ids', 'text', '[]'],
    ['edited', 'integer', 0],
    // end_at − start_at: the longest one bounds how far back a window's overlapping rows start.
    // bigint: 31 days in milliseconds overflows PostgreSQL's integer.
    ['duration_ms', 'bigint', 0],
  ];
  for (const [name, type, fallback] of executionColumns)
    await db.schema
      .alterTable('task_executions')
      .addColumn(name, type, (column) => column.notNull().defaultTo(fallback))
      .execute();
  for (const name of ['performer_id', 'status', 'edited_at', 'expired_at'])
    await db.schema.alterTable('task_executions').addColumn(name, 'text').execute();

  // Rows written before this migration take their task's values.
  await sql`
    update task_executions set
      location_id = (select t.location_id from scheduled_tasks t where t.id = task_executions.scheduled_task_id),
      published = (select t.published from scheduled_tasks t where t.id = task_executions.scheduled_task_id),
      priority = (select t.priority from scheduled_tasks t where t.id = task_executions.scheduled_task_id),
      tags = (select t.tags from scheduled_tasks t where t.id = task_executions.scheduled_task_id),
      assignee_ids = (select t.assignee_ids from scheduled_tasks t where t.id = task_executions.scheduled_task_id)
  `.execute(db);

  await (
    isPostgres(db)
      ? sql`update task_executions set duration_ms = (extract(epoch from (end_at::timestamptz - start_at::timestamptz)) * 1000)::bigint`
      : sql`update task_executions set duration_ms = cast(round((julianday(end_at) - julianday(start_at)) * 86400000) as integer)`
  ).execute(db);

  // Lists page by (start_at, id), from the longest window before `from` on; updatedSince is a
  // filter within that window, so its own index only cost every write a page.
  await db.schema.dropIndex('task_executions_by_time').execute();
  await db.schema.dropIndex('task_executions_by_update').execute();
  await db.schema
    .createIndex('task_executions_by_start')
    .on('task_executions')
    .columns(['organization_id', 'start_at', 'id'])
    .execute();
  await db.schema
    .createIndex('task_executions_by_task')
    .on('task_executions')
    .columns(['organization_id', 'scheduled_task_id', 'start_at'])
    .execute();
  await db.schema
    .createIndex('task_executions_by_duration')
    .on('task_executions')
    .columns(['organization_id', 'duration_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'task_executions_by_duration',
    'task_executions_by_task',
    'task_executions_by_start',
    'scheduled_tasks_by_horizon',
  ])
    await db.schema.dropIndex(index).execute();
  await db.schema
    .createIndex('task_executions_by_time')
    .on('task_executions')
    .columns(['organization_id', 'start_at'])
    .execute();
  await db.schema
    .createIndex('task_executions_by_update')
    .on('task_executions')
    .columns(['organization_id', 'updated_at'])
    .execute();
  for (const name of [
    'location_id',
    'published',
    'priority',
    'tags',
    'assignee_ids',
    'edited',
    'duration_ms',
    'performer_id',
    'status',
    'edited_at',
    'expired_at',
  ])
    await db.schema.alterTable('task_executions').dropColumn(name).execute();
  for (const name of ['effective_from', 'index_offset', 'materialized_until'])
    await db.schema.alterTable('scheduled_tasks').dropColumn(name).execute();
}
