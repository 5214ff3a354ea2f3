import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../database/database.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import { INSTALLATION_TABLES, TENANT_TABLES } from './tenant-tables.js';

/** Every foreign key of the schema: table → the tables it refers to. */
async function foreignKeys(database: DatabaseHandle): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  const add = (table: string, referenced: string) =>
    found.set(table, (found.get(table) ?? new Set()).add(referenced));
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{ table: string; referenced: string }>`
      select source.relname as "table", target.relname as referenced
      from pg_constraint constraint_
      join pg_class source on source.oid = constraint_.conrelid
      join pg_class target on target.oid = constraint_.confrelid
      join pg_namespace namespace on namespace.oid = source.relnamespace
      where constraint_.contype = 'f' and namespace.nspname = current_schema()`.execute(
      database.db,
    );
    for (const row of rows) add(row.table, row.referenced);
  } else {
    for (const table of await database.db.introspection.getTables()) {
      const { rows } = await sql<{ table: string }>`
        select "table" from pragma_foreign_key_list(${table.name})`.execute(database.db);
      for (const row of rows) add(table.name, row.table);
    }
  }
  return found;
}

describe('the tables an organization export copies', () => {
  let database: DatabaseHandle;
  let tables: Awaited<ReturnType<DatabaseHandle['db']['introspection']['getTables']>>;
  before(async () => {
    database = await createTestDatabase();
    tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
  });
  after(() => database.destroy());

  it('lists every table of the schema, as the organization’s or as the installation’s', () => {
    const declared = new Set([
      ...TENANT_TABLES.map((table) => table.name),
      ...Object.keys(INSTALLATION_TABLES),
    ]);
    const undeclared = tables.map((table) => table.name).filter((name) => !declared.has(name));
    assert.deepEqual(
      undeclared,
      [],
      'a migration added tables that tenant-tables.ts does not list: add each to TENANT_TABLES (in foreign-key order) or, with the reason, to INSTALLATION_TABLES',
    );
    const existing = new Set(tables.map((table) => table.name));
    assert.deepEqual(
      [...declared].filter((name) => !existing.has(name)),
      [],
      'tenant-tables.ts lists tables the schema no longer has',
    );
  });

  it('orders the tables so that every row’s foreign keys point at rows inserted before it', async () => {
    const position = new Map(TENANT_TABLES.map((table, index) => [table.name, index]));
    const keys = await foreignKeys(database);
    assert.ok(keys.size > 10, 'the schema’s foreign keys were read');
    const misplaced: string[] = [];
    for (const [table, referenced] of keys) {
      if (!position.has(table)) continue;
      for (const target of referenced)
        if (target !== table && !(position.get(target)! < position.get(table)!))
          misplaced.push(`${table} → ${target}`);
    }
    assert.deepEqual(misplaced, []);
  });

  it('finds each tenant table’s rows by organization, with its key and history-id columns declared', () => {
    for (const table of TENANT_TABLES) {
      const columns = tables
        .find((candidate) => candidate.name === table.name)!
        .columns.map((column) => column.name);
      if ((table.scope ?? 'organization-id') === 'organization-id')
        assert.ok(columns.includes('organization_id'), `${table.name} has organization_id`);
      for (const column of table.key)
        assert.ok(columns.includes(column), `${table.name} has its key column ${column}`);
      // A history id not declared would travel un-renumbered into an installation in use.
      assert.deepEqual(
        columns.filter((column) => column.endsWith('history_id')).sort(),
        Object.keys(table.historyIds ?? {}).sort(),
        `${table.name} declares its history-id columns`,
      );
    }
  });
});
