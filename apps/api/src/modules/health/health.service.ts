import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Health } from './health.schemas.js';

/** A health check must answer even when the database hangs, so the query gets a deadline. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * Load balancers, orchestrators and uptime monitors may each poll every instance several times a
 * second; within this window they share one database query instead of adding load to a busy
 * database. `checkedAt` in the response says when the check ran.
 */
const DATABASE_CHECK_REUSE_MS = 1_000;

export interface HealthService {
  checkHealth(): Promise<Health>;
}

export function createHealthService({
  database,
  clock,
  logger,
  version,
}: {
  database: DatabaseHandle;
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

  return {
    async checkHealth() {
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
    },
  };
}

function withDeadline<T>(work: Promise<T>, millis: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${millis} ms`)), millis);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
