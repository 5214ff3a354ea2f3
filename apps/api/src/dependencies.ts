import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase } from './database/connection.js';
import type { DatabaseHandle } from './database/database.js';
import { createHealthService, type HealthService } from './modules/health/health.service.js';
import { createMetrics, type Metrics } from './modules/metrics/metrics.js';
import type { WebApp } from './modules/web-apps/web-apps.routes.js';
import { createSystemClock, type Clock } from './shared/clock.js';
import { readServerVersion } from './shared/version.js';

export interface Dependencies {
  readonly config: Config;
  readonly version: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly metrics: Metrics;
  readonly webApps: readonly WebApp[];
  readonly healthService: HealthService;
  /** Releases what the dependencies hold (database connections); call after the server closed. */
  close(): Promise<void>;
}

export interface DependencyOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly database?: DatabaseHandle;
  readonly webApps?: readonly WebApp[];
}

/** The composition root: every service is built here, once, from the configuration. */
export function createDependencies(
  config: Config,
  overrides: DependencyOverrides = {},
): Dependencies {
  const logger = overrides.logger ?? createLogger(config);
  const clock = overrides.clock ?? createSystemClock();
  const database = overrides.database ?? openDatabase(config.database);
  const version = readServerVersion();

  return {
    config,
    version,
    logger,
    clock,
    database,
    metrics: createMetrics(),
    webApps: overrides.webApps ?? builtWebApps(),
    healthService: createHealthService({ database, clock, logger, version }),
    close: () => database.destroy(),
  };
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Credentials never reach the log, whichever way a request carried them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}

/** The apps' Vite builds, found beside this package in the repository (src/ and dist/ alike). */
function builtWebApps(): WebApp[] {
  return [
    {
      prefix: '/field/',
      directory: fileURLToPath(new URL('../../field/dist/', import.meta.url)),
      title: 'OpenPatrol Field',
    },
    {
      prefix: '/',
      directory: fileURLToPath(new URL('../../admin/dist/', import.meta.url)),
      title: 'OpenPatrol Admin',
    },
  ];
}
