import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
//
// Sharding readiness (docs/citus.md, decision 0012): Citus needs the distribution column,
// organization_id, in every primary key, unique constraint and foreign key of a distributed
// table. On PostgreSQL this migration
// 1. keys every tenant table by (organization_id, id) or (organization_id, history_id), and adds
//    a plain index on the id for the few lookups that carry no organization (job payloads);
// 2. leads the constraints that are unique within a parent row with organization_id;
// 3. turns every foreign key between tenant tables into (organization_id, x) → (organization_id, id).
// Names stay as they were. Ids remain globally unique, so no query changes. SQLite, the
// single-node default that is never sharded, keeps its keys (decision 0012).

const KEYED_BY_ID = [
  'alert_rules',
  'alerts',
  'api_tokens',
  'checklists',
  'devices',
  'issue_comments',
  'issues',
  'locations',
  'media',
  'members',
  'points',
  'scheduled_actions',
  'scheduled_steps',
  'scheduled_tasks',
  'task_executions',
  'webhook_deliveries',
  'webhook_subscriptions',
];
const KEYED_BY_HISTORY_ID = [
  'checklist_versions',
  'location_versions',
  'member_versions',
  'point_versions',
  'scheduled_action_versions',
  'scheduled_step_versions',
  'scheduled_task_versions',
];
/** Unique constraints within one parent row, by name, with their columns after organization_id. */
const UNIQUE_WITHIN_PARENT: readonly [table: string, name: string, columns: string[]][] = [
  ['alerts', 'alerts_once_per_rule_and_subject', ['rule_id', 'subject_id']],
  ['task_execution_events', 'task_execution_events_in_order', ['task_execution_id', 'sequence']],
  ['task_executions', 'task_executions_occurrence_once', ['scheduled_task_id', 'occurrence_index']],
];

const rekeyed = () => [
  ...KEYED_BY_ID.map((table) => ({ table, key: 'id' })),
  ...KEYED_BY_HISTORY_ID.map((table) => ({ table, key: 'history_id' })),
];

interface ForeignKey {
  readonly name: string;
  readonly child: string;
  readonly parent: string;
  readonly columns: string[];
  readonly parentColumns: string[];
}

/** Foreign keys of this schema that reference the re-keyed tables. */
async function foreignKeysToRekeyedTables(db: Kysely<unknown>): Promise<ForeignKey[]> {
  const tables = rekeyed().map(({ table }) => table);
  // Aliases are single words: the application's camel-case plugin may rename result columns.
  const { rows } = await sql<{
    name: string;
    child: string;
    parent: string;
    cols: string[];
    pcols: string[];
  }>`
    select c.conname::text as name, child.relname::text as child, parent.relname::text as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, position)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
            order by k.position) as cols,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, position)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
            order by k.position) as pcols
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = current_schema() and parent.relname = any(${tables})
    order by c.conname`.execute(db);
  return rows.map((row) => ({
    name: row.name,
    child: row.child,
    parent: row.parent,
    columns: row.cols,
    parentColumns: row.pcols,
  }));
}

async function primaryKeyName(db: Kysely<unknown>, table: string): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select c.conname::text as name from pg_constraint c
    join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'p' and n.nspname = current_schema() and t.relname = ${table}`.execute(db);
  const name = rows[0]?.name;
  if (name === undefined) throw new Error(`${table} has no primary key`);
  return name;
}

const list = (columns: readonly string[]) => sql.join(columns.map((column) => sql.ref(column)));

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  const foreignKeys = await foreignKeysToRekeyedTables(db);
  for (const key of foreignKeys)
    await sql`alter table ${sql.table(key.child)} drop constraint ${sql.ref(key.name)}`.execute(db);

  for (const { table, key } of rekeyed()) {
    const name = await primaryKeyName(db, table);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)},
      add constraint ${sql.ref(name)} primary key (organization_id, ${sql.ref(key)})`.execute(db);
    await sql`create index ${sql.ref(`${table}_by_${key}`)} on ${sql.table(table)} (${sql.ref(key)})`.execute(
      db,
    );
  }

  for (const [table, name, columns] of UNIQUE_WITHIN_PARENT)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)},
      add constraint ${sql.ref(name)} unique (organization_id, ${list(columns)})`.execute(db);

  for (const key of foreignKeys)
    await sql`alter table ${sql.table(key.child)} add constraint ${sql.ref(key.name)}
      foreign key (organization_id, ${list(key.columns)})
      references ${sql.table(key.parent)} (organization_id, ${list(key.parentColumns)})`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  const foreignKeys = await foreignKeysToRekeyedTables(db);
  for (const key of foreignKeys)
    await sql`alter table ${sql.table(key.child)} drop constraint ${sql.ref(key.name)}`.execute(db);

  for (const [table, name, columns] of UNIQUE_WITHIN_PARENT)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)},
      add constraint ${sql.ref(name)} unique (${list(columns)})`.execute(db);

  for (const { table, key } of rekeyed()) {
    const name = await primaryKeyName(db, table);
    await sql`drop index ${sql.ref(`${table}_by_${key}`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)},
      add constraint ${sql.ref(name)} primary key (${sql.ref(key)})`.execute(db);
  }

  for (const key of foreignKeys) {
    // Back to the single column: the composite key's organization_id comes first.
    const columns = key.columns.filter((column) => column !== 'organization_id');
    const parentColumns = key.parentColumns.filter((column) => column !== 'organization_id');
    await sql`alter table ${sql.table(key.child)} add constraint ${sql.ref(key.name)}
      foreign key (${list(columns)}) references ${sql.table(key.parent)} (${list(parentColumns)})`.execute(
      db,
    );
  }
}
