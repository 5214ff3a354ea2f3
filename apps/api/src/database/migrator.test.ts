import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../test-support/test-database.js';
import { migrations } from './migrations/index.js';
import { migrateToLatest } from './migrator.js';

describe('migrateToLatest', () => {
  it('applies nothing the second time: the schema is already current', async () => {
    const database = await createTestDatabase(); // already migrated once
    try {
      assert.deepEqual(await migrateToLatest(database), { applied: [] });
      const tables = await database.db.introspection.getTables();
      assert.ok(tables.some((table) => table.name === 'organizations'));
    } finally {
      await database.destroy();
    }
  });

  it('registers migrations in the order of their timestamped names', () => {
    const names = Object.keys(migrations);
    assert.ok(names.length > 0);
    assert.deepEqual(names, [...names].sort());
    for (const name of names) assert.match(name, /^\d{8}T\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
