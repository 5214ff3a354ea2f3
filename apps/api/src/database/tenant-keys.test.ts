import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.js';
import type { DatabaseHandle } from './database.js';

/**
 * Readiness for sharding by organization (Citus, docs/citus.md): every tenant table carries a
 * NOT NULL organization_id, and its primary key and every index lead with it, so a query scoped
 * to one organization reaches one shard and a unique constraint can be enforced per shard.
 * The test reads the migrated schema of the database it runs on (SQLite or PostgreSQL), so a new
 * table or index must either follow the rule or be added below with its reason.
 */

/** Tables without organization_id: shared by every organization. */
const GLOBAL_TABLES: Record<string, string> = {
  organizations: 'the tenants themselves; distributed by id, colocated with the tenant tables',
  people: 'one account per e-mail across organizations; a reference table',
  sign_in_failures: 'throttles sign-ins by e-mail and address before any organization is known',
};

/** Tables with an organization_id that are not tenant-owned: system rows, organization optional. */
const SYSTEM_TABLES: Record<string, string> = {
  jobs: 'the job queue: workers claim across organizations; organization_id is informational',
  email_outbox: 'mail to people, some of whom belong to no organization yet',
  sessions: 'a signed-in person before an organization is chosen',
  one_time_tokens: 'invitations and password resets, looked up by token before the tenant is known',
  idempotency_keys: 'keyed by the caller (member or token) and swept by expiry across tenants',
};

// The reasons the exceptions below share.
const KEYED_BY_ID =
  'primary key is a globally unique id; Citus needs (organization_id, id): see docs/citus.md, "Keys to change"';
const KEYED_BY_HISTORY_ID =
  'primary key is a global version counter; Citus needs (organization_id, history_id)';
const LOOKUP_BEFORE_TENANT =
  'found by a credential before the organization is known; Citus: a lookup table by hash';
const UNIQUE_WITHIN_PARENT =
  'unique within a parent row of one organization; Citus needs organization_id leading it';

/**
 * Primary keys and indexes of tenant tables that do not lead with organization_id, as
 * `table primary key (columns)` or `table unique|index (columns)`, each with its reason. Every
 * entry is a known debt that docs/citus.md lists; the test fails on any new one, and on an entry
 * that no longer exists (remove it when a migration fixes the key).
 */
const EXCEPTIONS: Record<string, string> = {
  'alert_rules primary key (id)': KEYED_BY_ID,
  'alerts primary key (id)': KEYED_BY_ID,
  'alerts unique (rule_id, subject_id)': UNIQUE_WITHIN_PARENT,
  'api_tokens primary key (id)': KEYED_BY_ID,
  'api_tokens unique (token_hash)': LOOKUP_BEFORE_TENANT,
  'calendar_feeds unique (token_hash)': LOOKUP_BEFORE_TENANT,
  'checklist_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'checklists primary key (id)': KEYED_BY_ID,
  'devices primary key (id)': KEYED_BY_ID,
  'devices unique (credential_hash)': LOOKUP_BEFORE_TENANT,
  'issue_comments primary key (id)': KEYED_BY_ID,
  'issues primary key (id)': KEYED_BY_ID,
  'location_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'locations primary key (id)': KEYED_BY_ID,
  'media primary key (id)': KEYED_BY_ID,
  'member_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'members primary key (id)': KEYED_BY_ID,
  'members index (person_id)':
    'a person’s memberships across organizations (sign-in, switching); Citus: query each shard or keep a lookup table',
  'point_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'points primary key (id)': KEYED_BY_ID,
  'points unique (qr_code)':
    'QR codes are unique across installations’ organizations so a scan names one point; Citus: organization_id first',
  'report_schedules index (enabled, next_run_at)':
    'the report-schedules job finds due schedules of every organization; Citus: a query per shard',
  'scheduled_action_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'scheduled_actions primary key (id)': KEYED_BY_ID,
  'scheduled_step_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'scheduled_steps primary key (id)': KEYED_BY_ID,
  'scheduled_task_versions primary key (history_id)': KEYED_BY_HISTORY_ID,
  'scheduled_tasks primary key (id)': KEYED_BY_ID,
  'task_execution_events unique (task_execution_id, sequence)': UNIQUE_WITHIN_PARENT,
  'task_executions index (end_at)':
    'the deadline job scans every organization for windows that ended; on Citus it runs on each shard',
  'task_executions primary key (id)': KEYED_BY_ID,
  'task_executions unique (scheduled_task_id, occurrence_index)': UNIQUE_WITHIN_PARENT,
  'webhook_deliveries primary key (id)': KEYED_BY_ID,
  'webhook_subscriptions primary key (id)': KEYED_BY_ID,
};

interface TableShape {
  readonly name: string;
  /** null when the table has no organization_id column; otherwise whether it is NOT NULL. */
  readonly organizationIdRequired: boolean | null;
  /** The primary key's columns, in order; empty for none. */
  readonly primaryKey: readonly string[];
  readonly indexes: readonly { readonly unique: boolean; readonly columns: readonly string[] }[];
}

/** The migrated schema's tables, without the migrator's own. */
async function readSchema(handle: DatabaseHandle): Promise<TableShape[]> {
  return handle.dialect === 'sqlite' ? readSqliteSchema(handle) : readPostgresSchema(handle);
}

async function readSqliteSchema({ db }: DatabaseHandle): Promise<TableShape[]> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db);
  const shapes: TableShape[] = [];
  for (const { name } of tables.rows) {
    const columns = await sql<{ name: string; notnull: number; pk: number }>`
      select name, "notnull", pk from pragma_table_info(${name})`.execute(db);
    const organizationId = columns.rows.find((column) => column.name === 'organization_id');
    const indexes = await sql<{ name: string; unique: number; origin: string }>`
      select name, "unique", origin from pragma_index_list(${name})`.execute(db);
    const shapedIndexes = [];
    for (const index of indexes.rows) {
      // The primary key's own index is reported as the primary key, not again as an index.
      if (index.origin === 'pk') continue;
      const indexColumns = await sql<{ name: string; seqno: number }>`
        select name, seqno from pragma_index_info(${index.name})`.execute(db);
      shapedIndexes.push({
        unique: index.unique === 1,
        columns: indexColumns.rows.sort((a, b) => a.seqno - b.seqno).map((column) => column.name),
      });
    }
    shapes.push({
      name,
      organizationIdRequired: organizationId ? organizationId.notnull === 1 : null,
      primaryKey: columns.rows
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      indexes: shapedIndexes,
    });
  }
  return shapes;
}

async function readPostgresSchema({ db }: DatabaseHandle): Promise<TableShape[]> {
  const tables = await sql<{ name: string; organizationIdRequired: boolean | null }>`
    select t.table_name as name,
           (select c.is_nullable = 'NO' from information_schema.columns c
             where c.table_schema = t.table_schema and c.table_name = t.table_name
               and c.column_name = 'organization_id') as organization_id_required
    from information_schema.tables t
    where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and t.table_name not like 'kysely_%'`.execute(db);
  const indexes = await sql<{
    tableName: string;
    isPrimary: boolean;
    isUnique: boolean;
    columns: string[];
  }>`
    select t.relname as table_name, ix.indisprimary as is_primary, ix.indisunique as is_unique,
           array(select a.attname from unnest(ix.indkey) with ordinality as k(attnum, position)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                 order by k.position)::text[] as columns
    from pg_index ix
    join pg_class t on t.oid = ix.indrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = current_schema()`.execute(db);
  return tables.rows.map((table) => {
    const own = indexes.rows.filter((index) => index.tableName === table.name);
    return {
      name: table.name,
      organizationIdRequired: table.organizationIdRequired,
      primaryKey: own.find((index) => index.isPrimary)?.columns ?? [],
      indexes: own
        .filter((index) => !index.isPrimary)
        .map((index) => ({ unique: index.isUnique, columns: index.columns })),
    };
  });
}

describe('tenant keys (sharding by organization)', () => {
  let database: DatabaseHandle;
  let schema: TableShape[];
  before(async () => {
    database = await createTestDatabase();
    schema = await readSchema(database);
  });
  after(() => database.destroy());

  it('classifies every table without a required organization_id as global or system', () => {
    const global = schema.filter((table) => table.organizationIdRequired === null);
    assert.deepEqual(global.map((table) => table.name).sort(), Object.keys(GLOBAL_TABLES).sort());
    const optional = schema.filter((table) => table.organizationIdRequired === false);
    for (const table of optional)
      assert.ok(
        table.name in SYSTEM_TABLES,
        `${table.name}.organization_id may be null: make it NOT NULL or list the table in SYSTEM_TABLES`,
      );
  });

  it('keys and indexes every tenant table by organization_id first, but for the listed exceptions', () => {
    const tenantTables = schema.filter(
      (table) => table.organizationIdRequired !== null && !(table.name in SYSTEM_TABLES),
    );
    assert.ok(tenantTables.length >= 25, `only ${tenantTables.length} tenant tables found`);
    const deviations: string[] = [];
    for (const table of tenantTables) {
      if (table.primaryKey[0] !== 'organization_id')
        deviations.push(`${table.name} primary key (${table.primaryKey.join(', ')})`);
      for (const index of table.indexes)
        if (index.columns[0] !== 'organization_id')
          deviations.push(
            `${table.name} ${index.unique ? 'unique' : 'index'} (${index.columns.join(', ')})`,
          );
    }
    const unexpected = deviations.filter((deviation) => !(deviation in EXCEPTIONS));
    const fixed = Object.keys(EXCEPTIONS).filter((exception) => !deviations.includes(exception));
    assert.deepEqual(
      { unexpected, fixed },
      { unexpected: [], fixed: [] },
      'unexpected: lead these with organization_id (or list them with a reason); fixed: remove them from EXCEPTIONS',
    );
  });

  it('finds an index that does not lead with organization_id (the check can fail)', async () => {
    await sql`create index tenant_keys_probe on locations (name)`.execute(database.db);
    try {
      const locations = (await readSchema(database)).find((table) => table.name === 'locations');
      assert.deepEqual(
        locations?.indexes.filter((index) => index.columns[0] !== 'organization_id'),
        [{ unique: false, columns: ['name'] }],
      );
    } finally {
      await sql`drop index tenant_keys_probe`.execute(database.db);
    }
  });
});
