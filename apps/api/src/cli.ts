import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDependencies, createLogger, type Dependencies } from './dependencies.js';
import { openDatabase } from './database/connection.js';
import { migrateToLatest } from './database/migrator.js';
import {
  HOUSEKEEPING_JOB,
  housekeepingJob,
  scheduleHousekeeping,
} from './modules/jobs/housekeeping.jobs.js';
import { checkWorkerHeartbeat, createWorker, type Worker } from './modules/jobs/worker.js';
import { createMetricsServer } from './modules/metrics/metrics-server.js';
import { createDeliverWebhookJob } from './modules/webhooks/webhook-delivery.js';
import { createNotifyAlertJob } from './modules/alerts/alert-notifications.js';
import { NOTIFY_ALERT_JOB } from './modules/alerts/alerts.service.js';
import { DELIVER_WEBHOOK_JOB } from './modules/webhooks/webhooks.service.js';
import {
  TASK_SCHEDULES_JOB,
  createTaskSchedulesJob,
  scheduleTaskSchedules,
} from './modules/task-executions/task-executions.jobs.js';
import {
  REPORT_SCHEDULES_JOB,
  SEND_SCHEDULED_REPORT_JOB,
  createReportSchedulesJob,
  createSendScheduledReportJob,
  scheduleReportSchedules,
} from './modules/reports/report-schedules.jobs.js';
import { runOperationsCommand } from './modules/operations/operations.commands.js';
import { createServer } from './server.js';
import { AppError } from './shared/app-error.js';
import { readServerVersion } from './shared/version.js';

/** Connections the kernel holds for the server to accept (capped by net.core.somaxconn). */
const LISTEN_BACKLOG = 4096;

const usage = `Usage: openpatrol <command> [options]

Commands:
  serve                 Migrate the database, then serve the API and the web apps, and run
                          background jobs too unless WORKER_IN_PROCESS=false
  worker                Migrate the database, then run background jobs (any number of
                          worker processes may share one PostgreSQL database)
  migrate               Bring the database schema to the latest version, then exit
  create-organization   Create an organization and its Owner
                          --name N --owner-email E --owner-password P
                          [--owner-name "First Last"] [--time-zone Europe/Kyiv]
  create-api-token      Create an External API token and print it
                          --organization ID|NAME --name N [--expires-at 2027-01-01T00:00:00Z]
  backup                Back up the whole installation: --to FILE [--force]
                          SQLite: an online backup, consistent while the server writes;
                          PostgreSQL: runs pg_dump -Fc when it is on PATH, else prints how
  restore               Replace the SQLite database with a backup (server stopped):
                          --from FILE [--force], then verifies every execution's event log
  export-organization   Write one organization, with its media, to a file for another
                          installation: --organization ID --to FILE.json.gz
  import-organization   Add an exported organization to this installation: --from FILE
  help                  Show this help

Options:
  --json           Print the result as JSON (create-organization, create-api-token)
  -h, --help       Show this help
  -v, --version    Show the version

Configuration comes from the environment (PORT, HOST, DATABASE_URL, DATA_DIR, LOG_LEVEL,
PUBLIC_URL, …); see docs/configuration.md.`;

/** Runs one CLI invocation and returns the process exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        name: { type: 'string' },
        'owner-email': { type: 'string' },
        'owner-password': { type: 'string' },
        'owner-name': { type: 'string' },
        'time-zone': { type: 'string' },
        organization: { type: 'string' },
        'expires-at': { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.version) {
    process.stdout.write(`${readServerVersion()}\n`);
    return 0;
  }
  if (parsed.values.help || command === undefined || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  if (rest.length > 0) {
    process.stderr.write(`Unexpected argument "${rest[0]}".\n\n${usage}\n`);
    return 2;
  }

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }

  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker':
      return work(config);
    case 'migrate':
      return migrate(config);
    case 'create-organization':
    case 'create-api-token':
      return runAdministrativeCommand(config, command, parsed.values);
    case 'backup':
    case 'restore':
    case 'export-organization':
    case 'import-organization':
      return runOperationsCommand(config, command, parsed.values, env);
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 2;
  }
}

async function migrate(config: Config): Promise<number> {
  const logger = createLogger(config);
  const database = openDatabase(config.database);
  try {
    const { applied } = await migrateToLatest(database);
    logger.info(
      { applied },
      applied.length > 0 ? `applied ${applied.length} migration(s)` : 'database schema is current',
    );
    return 0;
  } catch (error) {
    logger.error({ err: error }, 'migration failed');
    return 1;
  } finally {
    await database.destroy();
  }
}

async function serve(config: Config): Promise<number> {
  const deps = createDependencies(config);
  const { logger } = deps;
  if (!(await migrateOrClose(deps))) return 1;

  const app = await createServer(deps);
  let worker: Worker | undefined;
  try {
    // Node's default backlog (511) drops connections beyond it while the loop is busy, and the
    // clients wait out SYN retries (1, 3, 7 s): a longer queue lets load shedding answer them.
    await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
    if (config.workerInProcess) worker = await startWorker(deps);
  } catch (error) {
    logger.error({ err: error }, 'could not start');
    await app.close();
    await deps.close();
    return 1;
  }
  logger.info(
    {
      publicUrl: config.publicUrl,
      database: config.database.dialect,
      workerInProcess: config.workerInProcess,
    },
    'OpenPatrol is ready',
  );

  return untilShutdown(config, deps, 'finishing in-flight requests and jobs', async () => {
    // Node closes idle keep-alive sockets once, when close() is called; a socket whose response
    // finishes afterwards would linger until its keep-alive timeout, so sweep until closed.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    await Promise.all([app.close().finally(() => clearInterval(sweep)), worker?.stop()]);
  });
}

/** The worker entry point: background jobs only, no HTTP. Scale by running more of these. */
async function work(config: Config): Promise<number> {
  const deps = createDependencies(config);
  const { logger } = deps;
  if (!(await migrateOrClose(deps))) return 1;

  let worker: Worker;
  try {
    worker = await startWorker(deps);
  } catch (error) {
    logger.error({ err: error }, 'could not start the worker');
    await deps.close();
    return 1;
  }
  // A worker has no API server: with METRICS_PORT it serves /metrics and the health probes.
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : createMetricsServer({
          logger: deps.logger,
          metrics: deps.metrics,
          healthService: deps.healthService,
        });
  try {
    await metricsServer?.listen({ port: config.metricsPort, host: config.host });
  } catch (error) {
    logger.error({ err: error }, 'could not serve metrics');
    await worker.stop();
    await deps.close();
    return 1;
  }
  logger.info({ database: config.database.dialect }, 'OpenPatrol worker is ready');
  return untilShutdown(config, deps, 'finishing the job in hand', () =>
    Promise.all([worker.stop(), metricsServer?.close()]),
  );
}

async function migrateOrClose(deps: Dependencies): Promise<boolean> {
  try {
    const { applied } = await migrateToLatest(deps.database);
    if (applied.length > 0) deps.logger.info({ applied }, `applied ${applied.length} migration(s)`);
    return true;
  } catch (error) {
    deps.logger.error({ err: error }, 'migration failed; not starting');
    await deps.close();
    return false;
  }
}

/** The background worker with every module's job handlers; makes sure recurring jobs are scheduled. */
async function startWorker(deps: Dependencies): Promise<Worker> {
  const worker = createWorker({
    database: deps.database,
    clock: deps.clock,
    logger: deps.logger,
    handlers: {
      [HOUSEKEEPING_JOB]: housekeepingJob,
      [TASK_SCHEDULES_JOB]: createTaskSchedulesJob(
        deps.taskExecutionsService,
        deps.performingService,
      ),
      [NOTIFY_ALERT_JOB]: createNotifyAlertJob({
        mailer: deps.mailer,
        domainEvents: deps.domainEvents,
        publicUrl: deps.config.publicUrl,
      }),
      [DELIVER_WEBHOOK_JOB]: createDeliverWebhookJob({
        mailer: deps.mailer,
        allowPrivateNetworks: deps.config.webhooksAllowPrivateNetworks,
        userAgent: `OpenPatrol-Webhooks/${deps.version}`,
        onAttempt: (outcome) => deps.metrics.countWebhookDelivery(outcome),
      }),
      [REPORT_SCHEDULES_JOB]: createReportSchedulesJob(deps.reportSchedulesService),
      [SEND_SCHEDULED_REPORT_JOB]: createSendScheduledReportJob(deps.reportSchedulesService),
    },
    pollIntervalMs: 1000,
    onJobFinished: (attempt) => deps.metrics.observeJob(attempt),
  });
  deps.healthService.addReadinessCheck('worker', () => checkWorkerHeartbeat(worker, deps.clock));
  await scheduleHousekeeping(deps.database.db, deps.clock.now());
  await scheduleTaskSchedules(deps.database.db, deps.clock.now());
  await scheduleReportSchedules(deps.database.db, deps.clock.now());
  worker.start();
  return worker;
}

/**
 * Waits for SIGTERM or SIGINT, then runs `stop` and releases the dependencies; resolves with the
 * exit code. After SHUTDOWN_TIMEOUT_MS the process exits 1 regardless.
 */
function untilShutdown(
  config: Config,
  deps: Dependencies,
  finishing: string,
  stop: () => Promise<unknown>,
): Promise<number> {
  const { logger } = deps;
  return new Promise<number>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, `shutting down: ${finishing}`);
      // A request or job that never ends must not keep the process alive forever.
      const forced = setTimeout(() => {
        logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      forced.unref();
      void stop()
        .then(() => deps.close())
        .then(() => {
          clearTimeout(forced);
          logger.info('shutdown complete');
          resolve(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        });
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
}

type CommandOptions = Partial<
  Record<
    | 'json'
    | 'name'
    | 'owner-email'
    | 'owner-password'
    | 'owner-name'
    | 'time-zone'
    | 'organization'
    | 'expires-at',
    string | boolean
  >
>;

/** Commands for headless installs and automation: they run the same services as the API. */
async function runAdministrativeCommand(
  config: Config,
  command: 'create-organization' | 'create-api-token',
  options: CommandOptions,
): Promise<number> {
  const text = (name: keyof CommandOptions) =>
    typeof options[name] === 'string' ? options[name] : undefined;
  const required =
    command === 'create-organization'
      ? (['name', 'owner-email', 'owner-password'] as const)
      : (['organization', 'name'] as const);
  const missing = required.filter((name) => !text(name));
  if (missing.length > 0) {
    process.stderr.write(
      `${command} needs ${missing.map((name) => `--${name}`).join(', ')}.\n\n${usage}\n`,
    );
    return 2;
  }

  const deps = createDependencies({ ...config, logLevel: 'warn' });
  const print = (json: unknown, human: string) =>
    process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : `${human}\n`);
  try {
    await migrateToLatest(deps.database);
    if (command === 'create-organization') {
      const [firstName = 'Owner', ...rest] = (text('owner-name') ?? '')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      const created = await deps.organizationsService.createOrganization({
        name: text('name')!,
        timeZone: text('time-zone') ?? 'UTC',
        owner: {
          email: text('owner-email')!,
          password: text('owner-password')!,
          firstName,
          lastName: rest.join(' ') || '-',
        },
      });
      print(
        {
          organization: created.organization,
          owner: {
            memberId: created.ownerMemberId,
            email: text('owner-email')!.trim().toLowerCase(),
          },
        },
        `Created organization "${created.organization.name}" (${created.organization.id}); its Owner signs in as ${text('owner-email')}.`,
      );
    } else {
      const matches = await deps.organizationsService.findOrganization(text('organization')!);
      if (matches.length !== 1) {
        process.stderr.write(
          matches.length === 0
            ? `No organization has the id or name "${text('organization')}".\n`
            : `Several organizations are named "${text('organization')}": give the id.\n`,
        );
        return 1;
      }
      const created = await deps.apiTokensService.createApiToken(matches[0]!.id, {
        name: text('name')!,
        expiresAt: text('expires-at') ?? null,
        createdBy: null,
      });
      print({ ...created, organizationId: matches[0]!.id }, created.token);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const fields = (error.errors ?? [])
        .map((field) => `\n  - ${field.pointer}: ${field.detail}`)
        .join('');
      process.stderr.write(`${error.title}: ${error.detail}${fields}\n`);
      return 1;
    }
    throw error;
  } finally {
    await deps.close();
  }
}
