import { pino } from 'pino';
import { loadConfig, type Config } from '../config.js';
import {
  createDependencies,
  type Dependencies,
  type DependencyOverrides,
} from '../dependencies.js';
import { createServer, type FastifyTypeBox } from '../server.js';
import { createTestDatabase } from './test-database.js';

export interface TestServer {
  readonly app: FastifyTypeBox;
  readonly deps: Dependencies;
  close(): Promise<void>;
}

export function buildTestConfig(env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: 'sqlite::memory:', ...env });
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
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const deps = createDependencies(buildTestConfig(options.env), {
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
    },
  };
}
