import type { Kysely } from 'kysely';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// The audit log of admin actions (docs/security.md): append-only, one row per successful write.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    // UUIDv7: time-ordered, so keyset paging by id lists newest first without a second key.
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'text', (column) => column.notNull())
    // MEMBER or TOKEN
    .addColumn('actor_type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text', (column) => column.notNull())
    // The member's or token's name when it acted; names change, the log must not.
    .addColumn('actor_name', 'text')
    .addColumn('operation_id', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('status_code', 'integer', (column) => column.notNull())
    .addColumn('resource_type', 'text', (column) => column.notNull())
    .addColumn('resource_id', 'text')
    // JSON: the request's fields with secrets replaced and long values shortened.
    .addColumn('summary', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('request_id', 'text', (column) => column.notNull())
    // Organization first (docs/citus.md); also the newest-first listing's index.
    .addPrimaryKeyConstraint('audit_log_pk', ['organization_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_by_actor')
    .on('audit_log')
    .columns(['organization_id', 'actor_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_by_resource')
    .on('audit_log')
    .columns(['organization_id', 'resource_type', 'resource_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
