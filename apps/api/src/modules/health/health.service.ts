import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../database/database.js';
import { listPendingMigrations } from '../../database/migrator.js';
import type { Clock } from '../../shared/clock.js';
import type { Health, Liveness, Readiness, ReadinessCheckResult } from './health.schemas.js';

/** A health check must answer even when the database hangs, so the query gets a deadline. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * Load balancers, orchestrators and uptime monitors may each poll every instance several times a
 * second; within this window they share one database query instead of adding load to a busy
 * database. `checkedAt` in the response says when the check ran.
 */
const DATABASE_CHECK_REUSE_MS = 1_000;

/**
 * One dependency a process needs before it can take traffic. Resolves with null when it is fine,
 * with the reason when not; throwing counts as failing with the error's message.
 */
export type ReadinessCheck = () => Promise<string | null>;

export interface HealthService {
  checkHealth(): Promise<Health>;
  /** The process answers; checks nothing else, so an orchestrator restarts only a stuck process. */
  checkLiveness(): Liveness;
  /** Whether this process should receive traffic: every check, each with its own deadline. */
  checkReadiness(): Promise<Readiness>;
  /**
   * Adds a check to readiness, for dependencies that exist only in some processes (the
   * in-process worker, a Redis store); checks run in the order added, after the built-in ones.
   */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
}

export function createHealthService({
  database,
  readDatabase = database,
  clock,
  logger,
  version,
}: {
  database: DatabaseHandle;
  /** A read replica, checked by readiness when it is not `database`. */
  readDatabase?: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  version: string;
}): HealthService {
  const startedAt = clock.now().getTime();

  async function checkDatabase(): Promise<Health['database']> {
    const dialect = database.dialect === 'postgres' ? 'POSTGRES' : 'SQLITE';
    const begun = performance.now();
    try {
      await withDeadline(sql`select 1`.execute(database.db), DATABASE_CHECK_TIMEOUT_MS);
      return {
        status: 'OK',
        dialect,
        latencyInMillis: Math.round((performance.now() - begun) * 100) / 100,
      };
    } catch (error) {
      // The reason goes to the log, not to the public health response.
      logger.warn({ err: error }, 'database health check failed');
      return { status: 'UNAVAILABLE', dialect, latencyInMillis: null };
    }
  }

  let lastCheck: { at: number; result: Promise<Health['database']> } | undefined;

  async function checkHealth(): Promise<Health> {
    const now = clock.now();
    // A failed check is never reused: recovery shows on the next request.
    if (
      !lastCheck ||
      now.getTime() - lastCheck.at >= DATABASE_CHECK_REUSE_MS ||
      (await lastCheck.result).status !== 'OK'
    ) {
      lastCheck = { at: now.getTime(), result: checkDatabase() };
    }
    const database = await lastCheck.result;
    return {
      status: database.status,
      version,
      uptimeInMillis: Math.max(0, now.getTime() - startedAt),
      checkedAt: new Date(lastCheck.at).toISOString(),
      database,
    };
  }

  // Applied migrations are never unapplied, so once current the schema needs no second look.
  let isSchemaCurrent = false;
  const readinessChecks: { name: string; check: ReadinessCheck }[] = [
    {
      name: 'database',
      check: async () =>
        (await checkHealth()).database.status === 'OK'
          ? null
          : `the ${database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database did not answer`,
    },
    {
      name: 'migrations',
      check: async () => {
        if (isSchemaCurrent) return null;
        const pending = await listPendingMigrations(database);
        isSchemaCurrent = pending.length === 0;
        return isSchemaCurrent
          ? null
          : `${pending.length} migration(s) not applied yet: ${pending.join(', ')}`;
      },
    },
  ];
  if (readDatabase !== database)
    readinessChecks.push({
      name: 'read-database',
      check: async () => {
        await sql`select 1`.execute(readDatabase.db);
        return null;
      },
    });

  async function runCheck(name: string, check: ReadinessCheck): Promise<ReadinessCheckResult> {
    try {
      const failure = await withDeadline(check(), DATABASE_CHECK_TIMEOUT_MS);
      return { name, status: failure === null ? 'OK' : 'FAILED', detail: failure };
    } catch (error) {
      // The error may name hosts or credentials: it goes to the log, the response says where.
      logger.warn({ err: error, check: name }, 'readiness check failed');
      const detail =
        error instanceof DeadlineError ? error.message : 'failed; the reason is in the server log';
      return { name, status: 'FAILED', detail };
    }
  }

  return {
    checkHealth,

    checkLiveness() {
      return {
        status: 'OK',
        version,
        uptimeInMillis: Math.max(0, clock.now().getTime() - startedAt),
      };
    },

    async checkReadiness() {
      const checkedAt = clock.now().toISOString();
      const checks = await Promise.all(
        readinessChecks.map(({ name, check }) => runCheck(name, check)),
      );
      return {
        status: checks.every((check) => check.status === 'OK') ? 'READY' : 'NOT_READY',
        checkedAt,
        checks,
      };
    },

    addReadinessCheck(name, check) {
      readinessChecks.push({ name, check });
    },
  };
}

function withDeadline<T>(work: Promise<T>, millis: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${millis} ms`)), millis);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

class DeadlineError extends Error {}
