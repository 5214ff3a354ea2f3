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
import type { DialectName } from './database.js';

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
