import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseLocation } from '../config.js';
import type { Database, DatabaseHandle } from './database.js';
import { registerSqliteFunctions } from './dialect.js';

export interface OpenDatabaseOptions {
  /**
   * For a read replica (DATABASE_READ_URL): every transaction is read-only, so a write routed
   * here by mistake fails at once instead of succeeding on a primary the URL may also name.
   */
  readonly readOnly?: boolean;
}

export function openDatabase(
  location: DatabaseLocation,
  options: OpenDatabaseOptions = {},
): DatabaseHandle {
  return location.dialect === 'sqlite'
    ? openSqlite(location.filename, options)
    : openPostgres(location, options);
}

function openSqlite(filename: string, { readOnly = false }: OpenDatabaseOptions): DatabaseHandle {
  if (filename !== ':memory:' && !readOnly) mkdirSync(path.dirname(filename), { recursive: true });
  const connection = new SqliteDatabase(filename, { readonly: readOnly });
  // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes in WAL mode.
  if (filename !== ':memory:' && !readOnly) connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  // In WAL mode with NORMAL sync the only fsyncs are at checkpoints; checkpointing every 40 MB
  // instead of every 4 MB of WAL made task creation 25 % faster (docs/performance.md), at the
  // cost of a larger -wal file. Durability is the same: a commit survives a process crash.
  connection.pragma('wal_autocheckpoint = 10000');
  // A busy organization's index pages outgrow the default 2 MB page cache: keep more in memory
  // and read the rest through a memory map instead of a system call per page.
  connection.pragma('cache_size = -65536');
  connection.pragma('mmap_size = 268435456');
  connection.pragma('foreign_keys = ON');
  // Another process (the CLI, a worker) may hold the write lock briefly; wait instead of failing.
  connection.pragma('busy_timeout = 5000');
  registerSqliteFunctions(connection);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: 'sqlite', schema: undefined, destroy: () => db.destroy() };
}

/** How many prepared statements a SQLite connection keeps; our queries have a few hundred shapes. */
const CACHED_STATEMENTS = 1000;

/**
 * The connection as Kysely sees it, reusing prepared statements: Kysely prepares each query
 * anew, and preparing cost 13 % of the CPU of creating a task (profiled). A statement is reused
 * only after the previous use returned, which holds because Kysely runs one query at a time on
 * the connection and we never stream.
 */
function withStatementCache(connection: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = connection.prepare(sql);
        if (statements.size >= CACHED_STATEMENTS) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** PostgreSQL returns int8 and numeric as strings by default; our counts and ids fit in a double. */
const numericTypeIds = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const postgresTypes = {
  getTypeParser: (oid: number, format: 'text' | 'binary' = 'text') =>
    numericTypeIds.has(oid)
      ? Number
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown),
};

function openPostgres(
  location: Extract<DatabaseLocation, { dialect: 'postgres' }>,
  { readOnly = false }: OpenDatabaseOptions,
): DatabaseHandle {
  const settings = [
    ...(location.schema ? [`-c search_path=${location.schema}`] : []),
    ...(readOnly ? ['-c default_transaction_read_only=on'] : []),
  ];
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: location.poolSize,
    types: postgresTypes,
    ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
    // Tells the read pool's sessions apart in pg_stat_activity (an application_name in the URL wins).
    ...(readOnly ? { application_name: 'openpatrol-read' } : {}),
  });
  const waitListeners = new Set<(waitedMs: number) => void>();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      // Every query and transaction borrows a connection here: the time it waits is the queue
      // in front of the database, which load shedding watches (modules/rate-limits).
      pool: {
        async connect() {
          const started = performance.now();
          const client = await pool.connect();
          const waitedMs = performance.now() - started;
          for (const listener of waitListeners) listener(waitedMs);
          return client;
        },
        end: () => pool.end(),
      },
    }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'postgres',
    schema: location.schema,
    onConnectionWait: (listener) => {
      waitListeners.add(listener);
      return () => waitListeners.delete(listener);
    },
    poolStatus: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    destroy: () => db.destroy(),
  };
}
