import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDependencies, createLogger } from './dependencies.js';
import { openDatabase } from './database/connection.js';
import { migrateToLatest } from './database/migrator.js';
import { createServer } from './server.js';
import { readServerVersion } from './shared/version.js';

const usage = `Usage: openpatrol <command> [options]

Commands:
  serve      Migrate the database, then serve the API and the web apps
  migrate    Bring the database schema to the latest version, then exit
  help       Show this help

Options:
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
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
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
    case 'migrate':
      return migrate(config);
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
  try {
    const { applied } = await migrateToLatest(deps.database);
    if (applied.length > 0) logger.info({ applied }, `applied ${applied.length} migration(s)`);
  } catch (error) {
    logger.error({ err: error }, 'migration failed; not starting');
    await deps.close();
    return 1;
  }

  const app = await createServer(deps);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.error({ err: error }, 'could not start listening');
    await app.close();
    await deps.close();
    return 1;
  }
  logger.info(
    { publicUrl: config.publicUrl, database: config.database.dialect },
    'OpenPatrol is ready',
  );

  return new Promise<number>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      // A request that never ends must not keep the process alive forever.
      const forced = setTimeout(() => {
        logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      forced.unref();
      // Node closes idle keep-alive sockets once, when close() is called; a socket whose response
      // finishes afterwards would linger until its keep-alive timeout, so sweep until closed.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      void app
        .close()
        .finally(() => clearInterval(sweep))
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
