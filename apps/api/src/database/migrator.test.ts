import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createTestDatabase,
  createTestDatabaseEnvironment,
} from '../test-support/test-database.js';
import { loadConfig } from '../config.js';
import { openDatabase } from './connection.js';
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

describe('migrateToLatest from several processes at once', () => {
  it('applies each migration exactly once when two migrators start together on one database', async () => {
    // Two handles are two connection pools (or two SQLite connections to one file): as far as
    // the database can tell, two processes starting at the same moment.
    const environment = await createTestDatabaseEnvironment();
    const location = loadConfig(environment.env).database;
    const first = openDatabase(location);
    const second = openDatabase(location);
    try {
      const reports = await Promise.all([migrateToLatest(first), migrateToLatest(second)]);
      const applied = reports.flatMap((report) => report.applied);
      assert.deepEqual([...applied].sort(), Object.keys(migrations));
      // One ran them all while holding the lock; the other waited and found nothing to do.
      assert.ok(reports.some((report) => report.applied.length === 0));
      const tables = await second.db.introspection.getTables();
      assert.ok(tables.some((table) => table.name === 'task_executions'));
    } finally {
      await first.destroy();
      await second.destroy();
      await environment.destroy();
    }
  });
});
