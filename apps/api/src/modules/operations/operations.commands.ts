import type { Config } from '../../config.js';
import { migrateToLatest } from '../../database/migrator.js';
import { createDependencies, type Dependencies } from '../../dependencies.js';
import {
  backupSqlite,
  buildPgDumpCommand,
  findOnPath,
  restoreSqlite,
  runPgDump,
  type FileWritten,
} from './backups.js';
import { OperationFailed } from './operations.errors.js';
import { exportOrganization, importOrganization } from './organization-archive.js';

/**
 * The operator's commands (`openpatrol backup | restore | export-organization |
 * import-organization`): each prints what it did, or why it could not, and returns the exit code.
 */

export type OperationsCommand =
  'backup' | 'restore' | 'export-organization' | 'import-organization';

export interface OperationsOptions {
  readonly to?: string;
  readonly from?: string;
  readonly organization?: string;
  readonly force?: boolean;
}

interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const REQUIRED: Record<OperationsCommand, readonly (keyof OperationsOptions)[]> = {
  backup: ['to'],
  restore: ['from'],
  'export-organization': ['organization', 'to'],
  'import-organization': ['from'],
};

export async function runOperationsCommand(
  config: Config,
  command: OperationsCommand,
  options: OperationsOptions,
  env: NodeJS.ProcessEnv,
  output: Output = consoleOutput,
): Promise<number> {
  const missing = REQUIRED[command].filter((name) => !options[name]);
  if (missing.length > 0) {
    output.err(`${command} needs ${missing.map((name) => `--${name}`).join(', ')}.`);
    return 2;
  }
  try {
    switch (command) {
      case 'backup':
        return await backup(config, options.to!, options.force ?? false, env, output);
      case 'restore':
        return await restore(config, options.from!, options.force ?? false, output);
      case 'export-organization':
        return await withDependencies(config, async (deps) => {
          const { manifest, bytes } = await exportOrganization(archiveDependencies(deps), {
            organizationId: options.organization!,
            to: options.to!,
          });
          const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.count, 0);
          output.out(
            `Exported organization "${manifest.organization.name}" (${manifest.organization.id}): ${rows} rows, ${manifest.media.length} media objects, ${formatBytes(bytes)} to ${options.to}.`,
          );
          for (const key of manifest.missingMedia)
            output.err(
              `warning: media object ${key} was missing from storage and is not in the file`,
            );
          return 0;
        });
      case 'import-organization':
        return await withDependencies(config, async (deps) => {
          // A new installation has no schema yet; the file is compared with the current one.
          await migrateToLatest(deps.database);
          const imported = await importOrganization(archiveDependencies(deps), {
            from: options.from!,
          });
          const { organization } = imported.manifest;
          output.out(
            `Imported organization "${organization.name}" (${organization.id}): ${imported.rowCount} rows, ${imported.mediaCount} media objects; ${imported.reusedPeople} member account(s) matched people already here by e-mail.`,
          );
          return reportChains(
            await deps.performingService.verifyAllEvents({ organizationId: organization.id }),
            output,
          );
        });
    }
  } catch (error) {
    if (error instanceof OperationFailed) {
      output.err(error.message);
      return 1;
    }
    throw error;
  }
}

async function backup(
  config: Config,
  to: string,
  force: boolean,
  env: NodeJS.ProcessEnv,
  output: Output,
): Promise<number> {
  const { database } = config;
  if (database.dialect === 'sqlite') {
    printWritten(
      output,
      'Backed up',
      to,
      await backupSqlite({ filename: database.filename, to, force }),
    );
    return 0;
  }
  const command = buildPgDumpCommand(database.connectionString, database.schema, to);
  const executable = findOnPath('pg_dump', env.PATH);
  if (!executable) {
    output.err(
      [
        'OpenPatrol is on PostgreSQL: back it up with PostgreSQL’s own tools. pg_dump is not on PATH here;',
        'install the PostgreSQL client (the same major version as the server or newer) and run:',
        '',
        `  ${command.display}`,
        '',
        'with the password in PGPASSWORD or ~/.pgpass. Restore into an empty database with:',
        '',
        `  pg_restore --no-owner --dbname=<empty database URL> ${to}`,
        '',
        'For point-in-time recovery, archive the write-ahead log instead (docs/operations.md).',
      ].join('\n'),
    );
    return 1;
  }
  output.out(`Running ${command.display}`);
  printWritten(output, 'Backed up', to, await runPgDump(executable, command, { to, force, env }));
  return 0;
}

async function restore(
  config: Config,
  from: string,
  force: boolean,
  output: Output,
): Promise<number> {
  const { database } = config;
  if (database.dialect !== 'sqlite') {
    output.err(
      `restore handles SQLite backups. On PostgreSQL restore a pg_dump file with pg_restore into an empty database:\n\n  pg_restore --no-owner --dbname=<empty database URL> ${from}\n\n(docs/operations.md).`,
    );
    return 1;
  }
  const restored = await restoreSqlite({ from, filename: database.filename, force });
  printWritten(output, 'Restored', database.filename, restored);
  return withDependencies(config, async (deps) => {
    const { applied } = await migrateToLatest(deps.database);
    if (applied.length > 0)
      output.out(`Brought the schema up to date: applied ${applied.length} migration(s).`);
    return reportChains(await deps.performingService.verifyAllEvents(), output);
  });
}

function reportChains(
  result: Awaited<ReturnType<Dependencies['performingService']['verifyAllEvents']>>,
  output: Output,
): number {
  if (result.invalid.length === 0) {
    output.out(
      `Verified the event logs of ${result.executionCount} executions (${result.eventCount} events): every hash chain is intact.`,
    );
    return 0;
  }
  output.err(
    `${result.invalid.length} of ${result.executionCount} executions have an event log that does not verify:`,
  );
  for (const broken of result.invalid.slice(0, 20))
    output.err(
      `  - execution ${broken.taskExecutionId} (organization ${broken.organizationId}): first bad event ${broken.firstInvalidSequence}`,
    );
  return 1;
}

async function withDependencies(
  config: Config,
  run: (deps: Dependencies) => Promise<number>,
): Promise<number> {
  const deps = createDependencies({ ...config, logLevel: 'warn' });
  try {
    return await run(deps);
  } finally {
    await deps.close();
  }
}

function archiveDependencies(deps: Dependencies) {
  return {
    database: deps.database,
    storage: deps.mediaStorage,
    version: deps.version,
    now: () => deps.clock.now(),
  };
}

function printWritten(output: Output, verb: string, file: string, written: FileWritten) {
  output.out(
    `${verb} ${file}: ${formatBytes(written.bytes)} in ${(written.durationMs / 1000).toFixed(2)} s.`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
