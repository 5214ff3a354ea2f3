import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { migrations } from '../../database/migrations/index.js';
import { OperationFailed } from './operations.errors.js';

/**
 * Whole-installation backups. SQLite: SQLite's online backup API, which copies a consistent
 * snapshot while the server keeps writing (WAL readers never block the writer). PostgreSQL:
 * pg_dump, which does the same from one transaction; this module only builds its command line.
 * Every file is written beside its final name and renamed when complete, so a crash or a full
 * disk never leaves a half-written file under the name a restore would pick up.
 */

export interface FileWritten {
  readonly bytes: number;
  readonly durationMs: number;
}

/** A page count above any database's, so the backup copies everything in one step. */
const ALL_PAGES = 0x7fffffff;

export async function backupSqlite(options: {
  readonly filename: string;
  readonly to: string;
  readonly force: boolean;
}): Promise<FileWritten> {
  const started = performance.now();
  if (!existsSync(options.filename))
    throw new OperationFailed(`There is no database at ${options.filename} to back up.`);
  refuseExisting(options.to, options.force);
  const temporary = temporaryBeside(options.to);
  const source = new SqliteDatabase(options.filename, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // One step: copying in small steps restarts whenever the server commits in between, which a
    // busy server does all the time. A single step reads one snapshot and blocks nobody.
    await source.backup(temporary, { progress: () => ALL_PAGES });
    const bytes = await syncFile(temporary);
    await rename(temporary, options.to);
    return { bytes, durationMs: performance.now() - started };
  } catch (error) {
    await rm(temporary, { force: true });
    if ((error as Error).message.includes('directory does not exist'))
      throw new OperationFailed(`The folder of ${options.to} does not exist.`);
    throw error;
  } finally {
    source.close();
  }
}

export interface PgDumpCommand {
  /** pg_dump's arguments; the password is not among them. */
  readonly args: readonly string[];
  /** The password, for the child's environment only (PGPASSWORD), never printed. */
  readonly password: string | undefined;
  /** The command as a person would type it, without the password. */
  readonly display: string;
}

/** pg_dump in its custom format (compressed, selective pg_restore) for DATABASE_URL. */
export function buildPgDumpCommand(
  connectionString: string,
  schema: string | undefined,
  to: string,
): PgDumpCommand {
  const url = new URL(connectionString);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  const args = [
    '--format=custom',
    `--dbname=${url.toString()}`,
    ...(schema ? [`--schema=${schema}`] : []),
    `--file=${to}`,
  ];
  const quote = (value: string) =>
    /^[\w./:=@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
  return { args, password, display: ['pg_dump', ...args].map(quote).join(' ') };
}

export function findOnPath(command: string, pathVariable: string | undefined): string | undefined {
  for (const folder of (pathVariable ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** Runs pg_dump into a temporary file, renamed to `to` once pg_dump succeeded. */
export async function runPgDump(
  executable: string,
  command: PgDumpCommand,
  options: { readonly to: string; readonly force: boolean; readonly env: NodeJS.ProcessEnv },
): Promise<FileWritten> {
  const started = performance.now();
  refuseExisting(options.to, options.force);
  const temporary = temporaryBeside(options.to);
  const args = command.args.map((arg) =>
    arg === `--file=${options.to}` ? `--file=${temporary}` : arg,
  );
  const child = spawn(executable, args, {
    env: { ...options.env, ...(command.password ? { PGPASSWORD: command.password } : {}) },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    await rm(temporary, { force: true });
    throw new OperationFailed(`pg_dump failed (exit code ${code}): ${stderr.trim()}`);
  }
  const bytes = await syncFile(temporary);
  await rename(temporary, options.to);
  return { bytes, durationMs: performance.now() - started };
}

export interface RestoreResult extends FileWritten {
  /** Migrations the backup had applied. */
  readonly schemaMigration: string;
}

/**
 * Replaces the SQLite database with a backup after checking the backup is a sound OpenPatrol
 * database. The server must be stopped: a running one keeps the old file open.
 */
export async function restoreSqlite(options: {
  readonly from: string;
  readonly filename: string;
  readonly force: boolean;
}): Promise<RestoreResult> {
  const started = performance.now();
  if (options.filename === ':memory:')
    throw new OperationFailed(
      'DATABASE_URL names an in-memory database: there is no file to restore to.',
    );
  if (!existsSync(options.from)) throw new OperationFailed(`There is no file at ${options.from}.`);
  if (existsSync(options.filename) && !options.force)
    throw new OperationFailed(
      `A database already exists at ${options.filename}. Stop the server, then run restore again with --force to replace it.`,
    );
  // Checked and renamed as a copy: the backup itself stays untouched, and the database appears
  // under its name only once it is known to be good.
  await mkdir(path.dirname(path.resolve(options.filename)), { recursive: true });
  const temporary = temporaryBeside(options.filename);
  try {
    await copyFile(options.from, temporary);
    const schemaMigration = checkOpenPatrolDatabase(temporary, options.from);
    const bytes = await syncFile(temporary);
    // A write-ahead log left by the replaced database would be replayed into the restored one.
    await rm(`${options.filename}-wal`, { force: true });
    await rm(`${options.filename}-shm`, { force: true });
    await rename(temporary, options.filename);
    return { bytes, durationMs: performance.now() - started, schemaMigration };
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** SQLite's integrity check, and a migration table this version of OpenPatrol can continue from. */
function checkOpenPatrolDatabase(filename: string, shownAs: string): string {
  let database: SqliteDatabase.Database | undefined;
  try {
    database = new SqliteDatabase(filename, { fileMustExist: true });
    const problems = (database.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new OperationFailed(
        `${shownAs} fails SQLite's integrity check:\n  - ${problems.slice(0, 10).join('\n  - ')}`,
      );
    const hasMigrations = database
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (!hasMigrations)
      throw new OperationFailed(
        `${shownAs} is a SQLite database but not an OpenPatrol one (it has no migration table).`,
      );
    const applied = (
      database.prepare('select name from kysely_migration order by name').all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0)
      throw new OperationFailed(
        `${shownAs} was made by a newer OpenPatrol (it has migration ${unknown[0]}, which this version does not know). Restore it with that version or a later one.`,
      );
    return applied.at(-1) ?? '';
  } catch (error) {
    if (error instanceof OperationFailed) throw error;
    throw new OperationFailed(
      `${shownAs} is not a readable SQLite database: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    database?.close();
  }
}

function refuseExisting(file: string, force: boolean) {
  if (existsSync(file) && !force)
    throw new OperationFailed(`${file} already exists. Choose another name or pass --force.`);
}

function temporaryBeside(file: string) {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomUUID()}.tmp`);
}

/** Flushes a file to disk before it is renamed into place; returns its size. */
async function syncFile(file: string): Promise<number> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
