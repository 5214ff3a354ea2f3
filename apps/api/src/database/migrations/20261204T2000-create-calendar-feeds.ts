import type { Kysely } from 'kysely';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// A member's private calendar feed (ICS): the URL's secret, stored as a hash only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('member_id', 'text', (column) => column.notNull().references('members.id'))
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('calendar_feeds_pk', ['organization_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
