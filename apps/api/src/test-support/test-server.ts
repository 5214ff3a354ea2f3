import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, type Config } from '../config.js';
import {
  createDependencies,
  type Dependencies,
  type DependencyOverrides,
} from '../dependencies.js';
import type { DialectName } from '../database/database.js';
import { createServer, type FastifyTypeBox } from '../server.js';
import { createTestDatabase } from './test-database.js';

export interface TestServer {
  readonly app: FastifyTypeBox;
  readonly deps: Dependencies;
  close(): Promise<void>;
}

export function buildTestConfig(env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'sqlite::memory:',
    // `inject` serves requests without turning the event loop, so a test's run of injected
    // requests would look like a backlog read in one long turn; the shedding tests set it.
    MAX_QUEUE_DELAY_MS: '0',
    // Tests share one PostgreSQL among parallel files on a pool of 4: waits there are the
    // machine's, not an overload; the shedding test sets it.
    MAX_DATABASE_WAIT_MS: '0',
    ...env,
  });
}

/**
 * A server on a fresh test database, not listening: tests call it through `app.inject`, or
 * `app.listen({ port: 0 })` when they need real HTTP.
 */
export async function createTestServer(
  options: {
    env?: NodeJS.ProcessEnv;
    overrides?: DependencyOverrides;
    extendApp?: (app: FastifyTypeBox, deps: Dependencies) => void;
    /** Another database than the run's (tests that move data between SQLite and PostgreSQL). */
    dialect?: DialectName;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(options.dialect);
  // Uploaded media land in DATA_DIR: each server gets its own folder, made by the first upload
  // and removed on close.
  const dataDir =
    options.env?.DATA_DIR === undefined
      ? path.join(tmpdir(), `openpatrol-data-${randomUUID()}`)
      : undefined;
  const env = dataDir === undefined ? options.env : { ...options.env, DATA_DIR: dataDir };
  const deps = createDependencies(buildTestConfig(env), {
    logger: pino({ level: 'silent' }),
    database,
    webApps: [],
    ...options.overrides,
  });
  const app = await createServer(deps);
  options.extendApp?.(app, deps);
  await app.ready();
  return {
    app,
    deps,
    close: async () => {
      await app.close();
      await deps.close();
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
