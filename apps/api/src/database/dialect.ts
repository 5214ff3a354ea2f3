/**
 * The few places where SQLite and PostgreSQL differ, in one file. Everything else is one query
 * code path. Each function says why it has to branch.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type Expression,
  type Kysely,
  type SqlBool,
} from 'kysely';
import type { DatabaseHandle, DialectName, JobsTable } from './database.js';

/** SQLite's built-in lower() folds ASCII only; names here are often Cyrillic, Greek or accented. */
export function registerSqliteFunctions(connection: BetterSqlite3.Database): void {
  connection.function('unicode_lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLocaleLowerCase('und') : value,
  );
}

/**
 * `column` contains `text`, ignoring case in any script. PostgreSQL has ILIKE; SQLite's LIKE
 * ignores ASCII case only, so both sides go through the Unicode-aware function registered above.
 */
export function containsIgnoringCase(
  dialect: DialectName,
  column: string,
  text: string,
): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => '\\' + character)}%`;
  return dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`unicode_lower(${sql.ref(column)}) like unicode_lower(${pattern}) escape '\\'`;
}

/**
 * `column` (a JSON array of strings kept as text) holds at least one of `values`. Neither
 * database can index this portably; callers narrow by indexed columns first. SQLite walks the
 * array with json_each; PostgreSQL reads it as jsonb and asks `?|`.
 */
export function jsonArrayContainsAny(
  dialect: DialectName,
  column: string,
  values: readonly string[],
): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1 = 0`;
  return dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)}::jsonb ?| ${sql.val([...values])}::text[]`
    : sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value in (${sql.join(values.map((value) => sql.val(value)))}))`;
}

/** The drivers report constraint violations with different codes (SQLITE_CONSTRAINT_* vs SQLSTATE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Migrations see only a Kysely instance; its adapter tells which database they are shaping. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An auto-incrementing integer primary key (history ids). SQLite spells it AUTOINCREMENT,
 * PostgreSQL an identity column; "by default" so exports can be re-imported with their ids.
 */
export function autoIncrementingKey(db: Kysely<unknown>) {
  return isPostgres(db)
    ? (column: ColumnDefinitionBuilder) => column.generatedByDefaultAsIdentity().primaryKey()
    : (column: ColumnDefinitionBuilder) => column.autoIncrement().primaryKey();
}

export interface ClaimJobsOptions {
  readonly workerId: string;
  readonly now: Date;
  /** How long the claim holds; after that another worker may take the job again. */
  readonly lockForMs: number;
  readonly limit: number;
  /** Only these job types; all types when absent. */
  readonly types?: readonly string[];
}

/**
 * Claims up to `limit` ready jobs (pending, due, not locked or lock expired) for one worker, oldest
 * `run_at` first, counting the attempt. One `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *`
 * on both databases; only the row locking differs:
 * - PostgreSQL runs claimers concurrently, so the inner select takes `FOR UPDATE SKIP LOCKED`:
 *   rows another claimer is updating are skipped instead of waited for or claimed twice.
 * - SQLite serializes writers (a write statement holds the database's write lock from its first
 *   read to its commit), so the single UPDATE is already an exclusive write transaction and needs
 *   no row lock; SQLite has no `FOR UPDATE` at all.
 */
export async function claimJobs(
  handle: DatabaseHandle,
  { workerId, now, lockForMs, limit, types }: ClaimJobsOptions,
): Promise<JobsTable[]> {
  if (limit < 1 || types?.length === 0) return [];
  const at = now.toISOString();
  const rows = await handle.db
    .updateTable('jobs')
    .set({
      lockedBy: workerId,
      lockedUntil: new Date(now.getTime() + lockForMs).toISOString(),
      attempts: sql<number>`${sql.ref('attempts')} + 1`,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('completedAt', 'is', null)
        .where('failedAt', 'is', null)
        .where('runAt', '<=', at)
        .where((ready) =>
          ready.or([ready('lockedUntil', 'is', null), ready('lockedUntil', '<', at)]),
        )
        .$if(types !== undefined, (query) => query.where('type', 'in', types!))
        .orderBy('runAt')
        .orderBy('id')
        .limit(limit)
        .$if(handle.dialect === 'postgres', (query) => query.forUpdate().skipLocked()),
    )
    .returningAll()
    .execute();
  // RETURNING follows no ORDER BY; hand the jobs out in the order they became due.
  return rows.sort((a, b) => compareText(a.runAt, b.runAt) || compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
