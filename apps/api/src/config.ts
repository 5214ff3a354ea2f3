import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { DEFAULT_MEDIA_TYPES, RECOGNISED_MEDIA_TYPES } from './modules/media/media-types.js';
import { describeSchemaErrors } from './shared/validation.js';
import {
  SecuritySettingsSchema,
  resolveSecurityConfig,
  type SecurityConfig,
} from './shared/security-settings.js';

/**
 * Every setting OpenPatrol reads from the environment. Defaults make `npm start` work with no
 * configuration: SQLite under ./data, port 8080.
 */
export const EnvironmentSchema = Type.Object({
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 8080,
    description: 'TCP port to listen on.',
  }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0', description: 'Interface to listen on.' }),
  DATABASE_URL: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'postgres://… for PostgreSQL, sqlite:<path> for a SQLite file. Default: SQLite in DATA_DIR.',
    }),
  ),
  DATABASE_SCHEMA: Type.Optional(
    Type.String({
      pattern: '^[a-z_][a-z0-9_]{0,62}$',
      description: 'PostgreSQL schema to use instead of public.',
    }),
  ),
  DATABASE_POOL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 500,
    default: 10,
    description: 'PostgreSQL connections per process.',
  }),
  DATA_DIR: Type.String({
    minLength: 1,
    default: './data',
    description: 'Directory for the SQLite database and media.',
  }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({ description: 'The URL people and integrators use to reach this server.' }),
  ),
  BODY_LIMIT_BYTES: Type.Integer({
    minimum: 1024,
    default: 1_048_576,
    description: 'Largest accepted JSON body.',
  }),
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://',
      description:
        'smtp://user:password@host:587 to send e-mail; without it e-mails stay in the outbox table and the log.',
    }),
  ),
  MAIL_FROM: Type.String({
    minLength: 3,
    default: 'OpenPatrol <no-reply@localhost>',
    description: 'Sender of e-mails.',
  }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    default: 10_000,
    description:
      'How long in-flight requests may take to finish after SIGTERM before the process exits.',
  }),
  WORKER_IN_PROCESS: Type.Boolean({
    default: true,
    description:
      'Whether `serve` also runs the background job worker; false when separate `openpatrol worker` processes run the jobs.',
  }),
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: Type.Boolean({
    default: false,
    description:
      'Let webhooks go to private, loopback and link-local addresses (refused by default: a webhook URL must not reach into the server’s own network).',
  }),
  MEDIA_MAX_BYTES: Type.Integer({
    minimum: 1,
    maximum: 1_073_741_824,
    default: 15_728_640,
    description: 'Largest accepted photo or video upload (15 MiB by default).',
  }),
  MEDIA_TYPES: Type.String({
    minLength: 1,
    default: DEFAULT_MEDIA_TYPES.join(','),
    description: `Comma-separated media types accepted for upload, among ${RECOGNISED_MEDIA_TYPES.join(', ')}.`,
  }),
  ...SecuritySettingsSchema.properties,
});

export type DatabaseLocation =
  | { readonly dialect: 'sqlite'; readonly filename: string }
  | {
      readonly dialect: 'postgres';
      readonly connectionString: string;
      readonly schema: string | undefined;
      readonly poolSize: number;
    };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseLocation;
  readonly dataDir: string;
  readonly logLevel: Static<typeof EnvironmentSchema>['LOG_LEVEL'];
  readonly publicUrl: string;
  readonly bodyLimitBytes: number;
  readonly shutdownTimeoutMs: number;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** `serve` runs the background worker too (the single-command default). */
  readonly workerInProcess: boolean;
  /** Largest accepted media upload, in bytes. */
  readonly webhooksAllowPrivateNetworks: boolean;
  readonly mediaMaxBytes: number;
  /** Media types accepted for upload, lower-case, each one OpenPatrol recognises from the bytes. */
  readonly mediaTypes: readonly string[];
  /** Headers, CORS, size and time limits, rate limits and load shedding (docs/security.md). */
  readonly security: SecurityConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const checkEnvironment = Compile(EnvironmentSchema);
const settingNames = new Set(Object.keys(EnvironmentSchema.properties));

/**
 * Reads and validates the configuration, reporting every problem at once so an operator fixes
 * them in one go. Relative paths resolve against `cwd`.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Config {
  // Empty variables count as unset: `PORT= npm start` should mean "default", not "invalid".
  const provided = Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) => settingNames.has(name) && value !== undefined && value !== '',
    ),
  );
  const settings = Value.Default(EnvironmentSchema, Value.Convert(EnvironmentSchema, provided));

  const problems = describeSchemaErrors([...checkEnvironment.Errors(settings)]).map(
    (error) => `${error.pointer.slice(1)} ${error.detail}`,
  );
  if (problems.length > 0) throw new ConfigError(problems);
  const valid = settings as Static<typeof EnvironmentSchema>;

  const dataDir = path.resolve(cwd, valid.DATA_DIR);
  const database = resolveDatabase(valid, dataDir, cwd, problems);
  const publicUrl = resolvePublicUrl(valid, problems);
  const mediaTypes = resolveMediaTypes(valid, problems);
  const security = resolveSecurityConfig(valid, problems);
  if (problems.length > 0 || !database || !publicUrl) throw new ConfigError(problems);

  return {
    port: valid.PORT,
    host: valid.HOST,
    database,
    dataDir,
    logLevel: valid.LOG_LEVEL,
    publicUrl,
    bodyLimitBytes: valid.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: valid.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: valid.SMTP_URL,
    mailFrom: valid.MAIL_FROM,
    workerInProcess: valid.WORKER_IN_PROCESS,
    webhooksAllowPrivateNetworks: valid.WEBHOOKS_ALLOW_PRIVATE_NETWORKS,
    mediaMaxBytes: valid.MEDIA_MAX_BYTES,
    mediaTypes,
    security,
  };
}

function resolveDatabase(
  settings: Static<typeof EnvironmentSchema>,
  dataDir: string,
  cwd: string,
  problems: string[],
): DatabaseLocation | undefined {
  const url = settings.DATABASE_URL;
  if (url === undefined)
    return { dialect: 'sqlite', filename: path.join(dataDir, 'openpatrol.db') };
  if (/^postgres(ql)?:\/\//.test(url)) {
    return {
      dialect: 'postgres',
      connectionString: url,
      schema: settings.DATABASE_SCHEMA,
      poolSize: settings.DATABASE_POOL_SIZE,
    };
  }
  if (settings.DATABASE_SCHEMA !== undefined)
    problems.push('DATABASE_SCHEMA applies only to a PostgreSQL DATABASE_URL');
  const sqlitePath = /^sqlite:(.+)$/.exec(url)?.[1];
  if (sqlitePath === ':memory:') return { dialect: 'sqlite', filename: ':memory:' };
  if (sqlitePath !== undefined)
    return {
      dialect: 'sqlite',
      filename: path.resolve(cwd, sqlitePath.replace(/^\/\/(?=\/)/, '')),
    };
  problems.push('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  return undefined;
}

function resolvePublicUrl(
  settings: Static<typeof EnvironmentSchema>,
  problems: string[],
): string | undefined {
  const publicUrl = settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`;
  try {
    const parsed = new URL(publicUrl);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
    return publicUrl.replace(/\/+$/, '');
  } catch {
    problems.push('PUBLIC_URL must be an absolute http:// or https:// URL');
    return undefined;
  }
}

/** Only types the upload can verify from the bytes may be listed (see media-types.ts). */
function resolveMediaTypes(
  settings: Static<typeof EnvironmentSchema>,
  problems: string[],
): string[] {
  const types = settings.MEDIA_TYPES.split(',')
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== '');
  const unknown = types.filter(
    (type) => !(RECOGNISED_MEDIA_TYPES as readonly string[]).includes(type),
  );
  if (unknown.length > 0)
    problems.push(
      `MEDIA_TYPES lists ${unknown.join(', ')}, which OpenPatrol cannot recognise; choose among ${RECOGNISED_MEDIA_TYPES.join(', ')}`,
    );
  if (types.length === 0) problems.push('MEDIA_TYPES must list at least one media type');
  return [...new Set(types)];
}
