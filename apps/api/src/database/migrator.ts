import { Migrator, type MigrationResult } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { migrations } from './migrations/index.js';

export interface MigrationReport {
  /** Names of the migrations this run applied, in order; empty when the schema was current. */
  readonly applied: readonly string[];
}

/**
 * Brings the schema to the latest version. Safe to run from several processes at once: Kysely
 * holds a lock table while it migrates, so each migration runs exactly once.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  const { error, results = [] } = await createMigrator(handle).migrateToLatest();
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
  const known = await createMigrator(handle).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map(({ name }) => name);
}

function createMigrator({ db, schema }: DatabaseHandle): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}
