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
  DATABASE_READ_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description:
        'postgres://… of a read replica: list endpoints read from it, writes and reads right after a write stay on DATABASE_URL. PostgreSQL only.',
    }),
  ),
  DATABASE_READ_POOL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 500,
    default: 10,
    description: 'Read-replica connections per process (with DATABASE_READ_URL).',
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
  MEDIA_STORAGE: Type.Enum(['disk', 's3'], {
    default: 'disk',
    description:
      'Where media bytes live: `disk` (DATA_DIR/media) or `s3` (an S3-compatible bucket, the S3_* settings).',
  }),
  S3_ENDPOINT: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description:
        'Base URL of the S3-compatible service, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000.',
    }),
  ),
  S3_BUCKET: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
      description: 'Bucket holding the media; it must exist.',
    }),
  ),
  S3_REGION: Type.String({
    minLength: 1,
    default: 'us-east-1',
    description: 'Region used in request signatures.',
  }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1, description: 'Access key id.' })),
  S3_SECRET_ACCESS_KEY: Type.Optional(
    Type.String({ minLength: 1, description: 'Secret access key.' }),
  ),
  S3_FORCE_PATH_STYLE: Type.Boolean({
    default: false,
    description:
      'Address the bucket as <endpoint>/<bucket>/<key> (MinIO, most self-hosted services) instead of <bucket>.<endpoint>/<key>.',
  }),
  METRICS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description:
        '`openpatrol worker` only: serve /metrics and the health probes on this port (a worker has no other HTTP server).',
    }),
  ),
  MEDIA_TYPES: Type.String({
    minLength: 1,
    default: DEFAULT_MEDIA_TYPES.join(','),
    description: `Comma-separated media types accepted for upload, among ${RECOGNISED_MEDIA_TYPES.join(', ')}.`,
  }),
  MAP_TILE_URL: Type.String({
    minLength: 1,
    default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    description:
      'Map tiles behind check-in positions in the admin app: a URL template with {z}, {x} and {y} (and optionally {s}), or "none" for markers on a blank map (offline sites, tests).',
  }),
  MAP_TILE_ATTRIBUTION: Type.String({
    default: '© OpenStreetMap contributors',
    description: 'The credit the tile provider asks to be shown on the map.',
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
  /** A read replica for list endpoints (DATABASE_READ_URL); undefined reads from `database`. */
  readonly readDatabase: Extract<DatabaseLocation, { dialect: 'postgres' }> | undefined;
  readonly mediaStorage: MediaStorageLocation;
  /** Where `openpatrol worker` serves /metrics and health probes; undefined for none. */
  readonly metricsPort: number | undefined;
  /** Map tiles for the web apps; a null url means markers on a blank map. */
  readonly mapTiles: { readonly url: string | null; readonly attribution: string };
  /** Headers, CORS, size and time limits, rate limits and load shedding (docs/security.md). */
  readonly security: SecurityConfig;
}

export type MediaStorageLocation =
  | { readonly driver: 'disk'; readonly directory: string }
  | {
      readonly driver: 's3';
      readonly endpoint: string;
      readonly bucket: string;
      readonly region: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
      readonly forcePathStyle: boolean;
    };

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
  const mapTileUrl = valid.MAP_TILE_URL === 'none' ? null : valid.MAP_TILE_URL;
  if (mapTileUrl !== null && !/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(mapTileUrl))
    problems.push('MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y} in it, or none');
  const readDatabase = resolveReadDatabase(valid, database, problems);
  const mediaStorage = resolveMediaStorage(valid, dataDir, problems);
  if (problems.length > 0 || !database || !publicUrl || !mediaStorage)
    throw new ConfigError(problems);

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
    mapTiles: { url: mapTileUrl, attribution: valid.MAP_TILE_ATTRIBUTION },
    readDatabase,
    mediaStorage,
    metricsPort: valid.METRICS_PORT,
  };
}

/** A replica of the same database: same dialect and schema, read-only connections. */
function resolveReadDatabase(
  settings: Static<typeof EnvironmentSchema>,
  database: DatabaseLocation | undefined,
  problems: string[],
): Config['readDatabase'] {
  const url = settings.DATABASE_READ_URL;
  if (url === undefined || database === undefined) return undefined;
  if (database.dialect !== 'postgres') {
    problems.push('DATABASE_READ_URL applies only when DATABASE_URL is a PostgreSQL URL');
    return undefined;
  }
  return {
    dialect: 'postgres',
    connectionString: url,
    schema: database.schema,
    poolSize: settings.DATABASE_READ_POOL_SIZE,
  };
}

function resolveMediaStorage(
  settings: Static<typeof EnvironmentSchema>,
  dataDir: string,
  problems: string[],
): MediaStorageLocation | undefined {
  if (settings.MEDIA_STORAGE === 'disk')
    return { driver: 'disk', directory: path.join(dataDir, 'media') };
  const required = {
    S3_ENDPOINT: settings.S3_ENDPOINT,
    S3_BUCKET: settings.S3_BUCKET,
    S3_ACCESS_KEY_ID: settings.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: settings.S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(required).filter(([, value]) => value === undefined);
  for (const [name] of missing) problems.push(`${name} is required when MEDIA_STORAGE is s3`);
  if (missing.length > 0) return undefined;
  return {
    driver: 's3',
    endpoint: required.S3_ENDPOINT!.replace(/\/+$/, ''),
    bucket: required.S3_BUCKET!,
    region: settings.S3_REGION,
    accessKeyId: required.S3_ACCESS_KEY_ID!,
    secretAccessKey: required.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
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
