import type { Kysely } from 'kysely';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Alerts: rules that turn events into alerts, and the alerts, escalated until acknowledged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_rules')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    // EXECUTION_EXPIRED, LATE_START, COMPLETED_WITH_ERRORS, ISSUE_SEVERITY, PANIC
    .addColumn('trigger', 'text', (column) => column.notNull())
    // LATE_START: minutes; ISSUE_SEVERITY: the lowest severity; null otherwise.
    .addColumn('threshold', 'text')
    // JSON array of location ids; null for all.
    .addColumn('location_ids', 'text')
    // JSON: [{ afterMinutes, memberIds }], the first step at once.
    .addColumn('escalation', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('alert_rules_by_trigger')
    .on('alert_rules')
    .columns(['organization_id', 'trigger', 'enabled'])
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('rule_id', 'text', (column) => column.notNull().references('alert_rules.id'))
    .addColumn('trigger', 'text', (column) => column.notNull())
    .addColumn('location_id', 'text')
    // What raised it: an execution, an issue, a member (panic).
    .addColumn('subject_type', 'text', (column) => column.notNull())
    .addColumn('subject_id', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('detail', 'text')
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('OPEN'))
    // The escalation step reached (0: the first recipients).
    .addColumn('level', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addUniqueConstraint('alerts_once_per_rule_and_subject', ['rule_id', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('alerts_by_status')
    .on('alerts')
    .columns(['organization_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
  await db.schema.dropTable('alert_rules').execute();
}
