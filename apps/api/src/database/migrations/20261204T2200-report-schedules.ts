import type { Kysely } from 'kysely';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Scheduled reports: an executions report e-mailed daily or weekly to listed recipients, and the
// attachments e-mails now carry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_schedules')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    // DAILY or WEEKLY.
    .addColumn('frequency', 'text', (column) => column.notNull())
    // WEEKLY: 1 (Monday) to 7 (Sunday); null for DAILY.
    .addColumn('weekday', 'integer')
    // The local hour (0–23) of `time_zone` at which the report is sent.
    .addColumn('hour', 'integer', (column) => column.notNull())
    .addColumn('time_zone', 'text', (column) => column.notNull())
    // JSON array of location ids; null for every location the creator sees.
    .addColumn('location_ids', 'text')
    // csv, xlsx or pdf.
    .addColumn('format', 'text', (column) => column.notNull())
    // JSON array of e-mail addresses.
    .addColumn('recipients', 'text', (column) => column.notNull())
    // The report reads as this member (their role and locations when it is sent).
    .addColumn('member_id', 'text', (column) => column.notNull().references('members.id'))
    .addColumn('enabled', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('next_run_at', 'text', (column) => column.notNull())
    .addColumn('last_sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('report_schedules_pk', ['organization_id', 'id'])
    .execute();
  await db.schema
    .createIndex('report_schedules_due')
    .on('report_schedules')
    .columns(['enabled', 'next_run_at'])
    .execute();

  // One row per report sent for a period: a send job that runs twice e-mails once.
  await db.schema
    .createTable('report_deliveries')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('schedule_id', 'text', (column) => column.notNull())
    .addColumn('period_start', 'text', (column) => column.notNull())
    .addColumn('period_end', 'text', (column) => column.notNull())
    .addColumn('execution_count', 'integer', (column) => column.notNull())
    // JSON array of the e-mails' outbox ids, one per recipient.
    .addColumn('email_outbox_ids', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('report_deliveries_pk', [
      'organization_id',
      'schedule_id',
      'period_start',
    ])
    .execute();

  // JSON: [{ fileName, contentType, base64 }]; null for plain e-mails.
  await db.schema.alterTable('email_outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('attachments').execute();
  await db.schema.dropTable('report_deliveries').execute();
  await db.schema.dropTable('report_schedules').execute();
}
