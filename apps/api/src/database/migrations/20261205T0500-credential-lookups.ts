import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
//
// Secrets that arrive alone (API tokens, device credentials, calendar feed URLs) are found before
// their organization is known. credential_lookups maps each secret's hash to its organization, so
// the row is then read within it: on Citus a reference table, and the tenant tables' constraints
// can lead with organization_id (docs/citus.md, step 4). It has no foreign key to organizations:
// Citus allows none from a reference table to a distributed one.
//
// On PostgreSQL the unique constraints on the hashes become unique within the organization; a
// hash stays unique across the installation through the lookup's primary key. Points' QR codes
// (random, only ever compared with the point being checked in at) become unique within the
// organization too. SQLite, never sharded, keeps its constraints (decision 0012).

const CREDENTIALS = [
  ['api_tokens', 'token_hash'],
  ['calendar_feeds', 'token_hash'],
  ['devices', 'credential_hash'],
] as const;
const UNIQUE_WITHIN_ORGANIZATION = [...CREDENTIALS, ['points', 'qr_code']] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credential_lookups')
    .addColumn('hash', 'text', (column) => column.primaryKey())
    .addColumn('organization_id', 'text', (column) => column.notNull())
    .execute();
  for (const [table, column] of CREDENTIALS)
    await sql`
      insert into credential_lookups (hash, organization_id)
      select ${sql.ref(column)}, organization_id from ${sql.table(table)}
      where ${sql.ref(column)} is not null
    `.execute(db);
  if (!isPostgres(db)) return;
  for (const [table, column] of UNIQUE_WITHIN_ORGANIZATION) {
    const name = sql.ref(`${table}_${column}_key`);
    await sql`alter table ${sql.table(table)} drop constraint ${name}`.execute(db);
    await sql`
      alter table ${sql.table(table)} add constraint ${name} unique (organization_id, ${sql.ref(column)})
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db))
    for (const [table, column] of UNIQUE_WITHIN_ORGANIZATION) {
      const name = sql.ref(`${table}_${column}_key`);
      await sql`alter table ${sql.table(table)} drop constraint ${name}`.execute(db);
      await sql`alter table ${sql.table(table)} add constraint ${name} unique (${sql.ref(column)})`.execute(
        db,
      );
    }
  await db.schema.dropTable('credential_lookups').execute();
}
