import { setTimeout as delay } from 'node:timers/promises';
import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import type { Database, DatabaseHandle } from './database.js';
import { migrations } from './migrations/index.js';

export interface MigrationReport {
  /** Names of the migrations this run applied, in order; empty when the schema was current. */
  readonly applied: readonly string[];
}

/** How long a process waits for another one's migrations before giving up. */
const SQLITE_MIGRATION_WAIT_MS = 10 * 60_000;
const SQLITE_LOCK_POLL_MS = 50;

/**
 * Brings the schema to the latest version. Safe to run from several processes at once: each
 * migration runs exactly once, and a process that finds another one migrating waits for it and
 * then sees the schema current.
 *
 * - PostgreSQL: Kysely's migrator takes a session-level `pg_advisory_lock` and runs the pending
 *   migrations in one transaction while holding it.
 * - SQLite: Kysely takes no lock there (it assumes one connection per database, which is not
 *   true of several processes sharing a file), so we hold SQLite's write lock ourselves with
 *   `BEGIN IMMEDIATE` for the whole run; the DDL then also commits or rolls back as a whole.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  if (handle.dialect === 'postgres') return runMigrator(handle.db, handle.schema);
  return handle.db.connection().execute(async (connection) => {
    await beginImmediate(connection);
    try {
      const report = await runMigrator(connection, undefined);
      await sql`commit`.execute(connection);
      return report;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/**
 * Takes SQLite's write lock. busy_timeout is switched off meanwhile and the wait done here
 * instead: better-sqlite3 is synchronous, so its own busy wait would block the event loop, and a
 * second connection in the same process could then never finish.
 */
async function beginImmediate(connection: Kysely<Database>): Promise<void> {
  const giveUpAt = Date.now() + SQLITE_MIGRATION_WAIT_MS;
  const [{ timeout }] = (await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection))
    .rows as [{ timeout: number }];
  await sql`pragma busy_timeout = 0`.execute(connection);
  try {
    for (;;) {
      try {
        await sql`begin immediate`.execute(connection);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > giveUpAt)
          throw error;
        await delay(SQLITE_LOCK_POLL_MS);
      }
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${Number(timeout)}`).execute(connection);
  }
}

async function runMigrator(
  db: Kysely<Database>,
  schema: string | undefined,
): Promise<MigrationReport> {
  const { error, results = [] } = await createMigrator(db, schema).migrateToLatest();
  const failed = results.find((result: MigrationResult) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed ? ` "${failed.migrationName}"` : '';
    throw new Error(
      `Migration${name} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return {
    applied: results
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  };
}

/**
 * Names of the migrations this server knows that the database has not applied, in order; read
 * only, for readiness checks (a process must not serve a schema older than its code).
 */
export async function listPendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const known = await createMigrator(handle.db, handle.schema).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map(({ name }) => name);
}

function createMigrator(db: Kysely<Database>, schema: string | undefined): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}
