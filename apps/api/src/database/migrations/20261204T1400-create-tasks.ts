import type { Kysely } from 'kysely';
import { autoIncrementingKey } from '../dialect.js';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Tasks, their steps and actions, and materialized executions (docs/decisions/0008). A task is
// the plan (one row per scheduledTaskId, a series shares series_id); steps and actions have their
// own ids, series ids and histories; an execution row is an occurrence, written the first time the
// API returns it, keyed by a deterministic id so every process agrees on it.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, key] of [
    ['scheduled_task_versions', 'scheduled_task_id'],
    ['scheduled_step_versions', 'scheduled_step_id'],
    ['scheduled_action_versions', 'scheduled_action_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('history_id', 'integer', autoIncrementingKey(db))
      .addColumn('organization_id', 'text', (column) => column.notNull())
      .addColumn(key, 'text', (column) => column.notNull())
      .addColumn('snapshot', 'text', (column) => column.notNull())
      .addColumn('changed_by', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex(`${table}_by_record`)
      .on(table)
      .columns(['organization_id', key, 'history_id'])
      .execute();
  }

  await db.schema
    .createTable('scheduled_tasks')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('series_id', 'text', (column) => column.notNull())
    .addColumn('location_id', 'text', (column) => column.notNull().references('locations.id'))
    // The location's IANA zone at this version: recurrence follows its wall clock.
    .addColumn('time_zone', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    // The RRULE value without "RRULE:"; null for a single occurrence.
    .addColumn('recurrence_rule', 'text')
    .addColumn('recurrence_exception', 'text')
    .addColumn('start_at', 'text', (column) => column.notNull())
    .addColumn('end_at', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('order_steps_required', 'integer', (column) => column.notNull())
    .addColumn('strict_time_required', 'integer', (column) => column.notNull())
    .addColumn('deadlined', 'integer', (column) => column.notNull())
    .addColumn('published', 'integer', (column) => column.notNull().defaultTo(1))
    // JSON arrays.
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('assignee_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    // Set by a FOLLOWING edit: occurrences starting at or after it belong to the successor.
    .addColumn('split_at', 'text')
    .addColumn('history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('scheduled_tasks_by_location')
    .on('scheduled_tasks')
    .columns(['organization_id', 'location_id', 'start_at'])
    .execute();
  await db.schema
    .createIndex('scheduled_tasks_by_series')
    .on('scheduled_tasks')
    .columns(['organization_id', 'series_id'])
    .execute();

  await db.schema
    .createTable('scheduled_steps')
    .addColumn('organization_id', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('series_id', 'text', (column) => column.notNull())
    .addColumn('scheduled_task_id', 'text', (column) =>
      column.notNull().references('scheduled_tasks.id'),
    )
    .addColumn('point_id', 'text', (column) => column.notNull().references('points.id'))
    // The point's version the step was planned with.
    .addColumn('point_history_id', 'integer', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('step_order', 'integer', (column) => column.notNull())
    // The checklist template the actions were copied from, if any (a copy: later edits do not apply).
    .addColumn('checklist_id', 'text')
    .addColumn('history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('scheduled_steps_by_task')
    .on('scheduled_steps')
    .columns(['organization_id', 'scheduled_task_id', 'step_order'])
    .execute();

  await db.schema
    .createTable('scheduled_actions')
    .addColumn('organization_id', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('series_id', 'text', (column) => column.notNull())
    .addColumn('scheduled_task_id', 'text', (column) =>
      column.notNull().references('scheduled_tasks.id'),
    )
    .addColumn('scheduled_step_id', 'text', (column) =>
      column.notNull().references('scheduled_steps.id'),
    )
    .addColumn('action_order', 'integer', (column) => column.notNull())
    // JSON: the normalized action definition.
    .addColumn('definition', 'text', (column) => column.notNull())
    .addColumn('history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('scheduled_actions_by_task')
    .on('scheduled_actions')
    .columns(['organization_id', 'scheduled_task_id', 'scheduled_step_id', 'action_order'])
    .execute();

  await db.schema
    .createTable('task_executions')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    // UUIDv5 of `${scheduled_task_id}/${occurrence_index}`: the same in every process.
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('scheduled_task_id', 'text', (column) =>
      column.notNull().references('scheduled_tasks.id'),
    )
    .addColumn('occurrence_index', 'integer', (column) => column.notNull())
    .addColumn('series_id', 'text', (column) => column.notNull())
    .addColumn('start_at', 'text', (column) => column.notNull())
    .addColumn('end_at', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull().defaultTo('PLANNED'))
    .addColumn('scheduled_task_history_id', 'integer', (column) => column.notNull())
    .addColumn('location_history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('task_executions_occurrence_once', [
      'scheduled_task_id',
      'occurrence_index',
    ])
    .execute();
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'task_executions',
    'scheduled_actions',
    'scheduled_steps',
    'scheduled_tasks',
    'scheduled_action_versions',
    'scheduled_step_versions',
    'scheduled_task_versions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
