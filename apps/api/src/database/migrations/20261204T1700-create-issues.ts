import type { Kysely } from 'kysely';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Issues: incidents and defects reported from the field, with their comments. An issue has a
// per-organization number people say aloud ("#42"); a field device's client_id makes an offline
// retry create it once. Coordinates are double precision like points': PostgreSQL's `real` is a
// 4-byte float, about a metre off at these magnitudes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('issues')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('number', 'integer', (column) => column.notNull())
    .addColumn('location_id', 'text', (column) => column.notNull().references('locations.id'))
    .addColumn('point_id', 'text', (column) => column.references('points.id'))
    // No foreign key: an occurrence may be reported on before its execution row exists.
    .addColumn('task_execution_id', 'text')
    // INTRUSION, DAMAGE, FIRE, SAFETY, MAINTENANCE, CLEANING, MEDICAL, OTHER.
    .addColumn('category', 'text', (column) => column.notNull())
    // LOW, MEDIUM, HIGH, CRITICAL.
    .addColumn('severity', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    // OPEN, ACKNOWLEDGED, RESOLVED.
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('OPEN'))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('accuracy_in_meters', 'double precision')
    // JSON array of media ids.
    .addColumn('media_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    // Exactly one of these names the reporter.
    .addColumn('reported_by_member_id', 'text')
    .addColumn('reported_by_token_id', 'text')
    .addColumn('client_id', 'text')
    // Device time of the incident; created_at is when the server received the report.
    .addColumn('occurred_at', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // Member id or `token:<id>`, as in version histories.
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema
    .createIndex('issues_number_once_per_organization')
    .on('issues')
    .columns(['organization_id', 'number'])
    .unique()
    .execute();
  // Both databases treat NULLs as distinct in a unique index: issues without a client id never collide.
  await db.schema
    .createIndex('issues_client_id_once_per_organization')
    .on('issues')
    .columns(['organization_id', 'client_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('issues_by_status')
    .on('issues')
    .columns(['organization_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('issues_by_location')
    .on('issues')
    .columns(['organization_id', 'location_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('issue_comments')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('issue_id', 'text', (column) => column.notNull().references('issues.id'))
    .addColumn('author_member_id', 'text')
    .addColumn('author_token_id', 'text')
    // Null for a status change made without a remark.
    .addColumn('body', 'text')
    // The new status when the comment accompanied a change of it.
    .addColumn('status_change', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('issue_comments_by_issue')
    .on('issue_comments')
    .columns(['organization_id', 'issue_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('issue_comments').execute();
  await db.schema.dropTable('issues').execute();
}
