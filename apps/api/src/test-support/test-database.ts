import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../database/connection.js';
import type { DatabaseHandle, DialectName } from '../database/database.js';
import { migrateToLatest } from '../database/migrator.js';

/**
 * A fresh, migrated database for one test file. SQLite in memory by default; with
 * TEST_DATABASE_URL=postgres://… a new PostgreSQL schema that is dropped again on destroy, so
 * test files can run in parallel against one server without seeing each other's rows.
 */
export async function createTestDatabase(
  /** Another dialect than the run's, for tests that move data between the two. */
  dialect: DialectName = isTestingPostgres() ? 'postgres' : 'sqlite',
): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dialect: 'sqlite', filename: ':memory:' });
    await migrateToLatest(handle);
    return handle;
  }

  if (!url) throw new Error('a PostgreSQL test database needs TEST_DATABASE_URL');
  const schema = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(url, `create schema ${schema}`);
  const handle = openDatabase({ dialect: 'postgres', connectionString: url, schema, poolSize: 4 });
  await migrateToLatest(handle);
  return {
    ...handle,
    destroy: async () => {
      await handle.destroy();
      await runAdminStatement(url, `drop schema ${schema} cascade`);
    },
  };
}

/**
 * Environment variables naming a fresh, empty database, for tests that run the CLI as its own
 * process: a SQLite file in a temporary folder, or a new PostgreSQL schema.
 */
export async function createTestDatabaseEnvironment(): Promise<{
  env: Record<string, string>;
  destroy(): Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-test-'));
    return {
      env: { DATABASE_URL: `sqlite:${path.join(folder, 'openpatrol.db')}`, DATA_DIR: folder },
      destroy: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const schema = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(url, `create schema ${schema}`);
  return {
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    destroy: () => runAdminStatement(url, `drop schema ${schema} cascade`),
  };
}

export function isTestingPostgres(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

async function runAdminStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
