import { isIP } from 'node:net';
import { Type, type Static } from 'typebox';

/**
 * The settings of the hardening layer (docs/security.md), kept beside config.ts so the
 * environment schema only spreads them in. Every limit can be turned off with 0 where that makes
 * sense, so an operator who puts OpenPatrol behind a gateway that already enforces it is not
 * limited twice.
 */
export const SecuritySettingsSchema = Type.Object({
  TRUST_PROXY: Type.String({
    default: '',
    description:
      'Which proxies may set X-Forwarded-For: empty (none: the socket address is the client), true (any), a hop count, or comma-separated addresses/CIDRs. Per-IP rate limits and the audit log use the resulting address.',
  }),
  CORS_ALLOWED_ORIGINS: Type.String({
    default: '',
    description:
      'Comma-separated origins (https://crm.example.com) whose pages may call the External API with a Bearer token; empty: none.',
  }),
  PUBLIC_BODY_LIMIT_BYTES: Type.Integer({
    minimum: 1024,
    default: 65_536,
    description:
      'Largest accepted body on routes anyone may call (sign-in, sign-up, password resets, guard sign-in).',
  }),
  REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    default: 120_000,
    description:
      'Time a client has to send a whole request (headers and body) before the server answers 408; 0 for none.',
  }),
  CONNECTION_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    default: 300_000,
    description: 'A connection silent for this long is closed; 0 for never.',
  }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({
    minimum: 1,
    default: 72_000,
    description: 'How long an idle keep-alive connection stays open between requests.',
  }),
  HANDLER_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    default: 60_000,
    description:
      'A read (GET) not answered within this time gets 503; writes are not cut short. 0 for none.',
  }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({
    minimum: 1000,
    default: 60_000,
    description: 'The window the RATE_LIMIT_PER_* counts apply to.',
  }),
  RATE_LIMIT_PER_TOKEN: Type.Integer({
    minimum: 0,
    default: 1200,
    description: 'Requests per window for each API token; 0 for no limit.',
  }),
  RATE_LIMIT_PER_PERSON: Type.Integer({
    minimum: 0,
    default: 1200,
    description: 'Requests per window for each signed-in person or guard; 0 for no limit.',
  }),
  RATE_LIMIT_PER_IP: Type.Integer({
    minimum: 0,
    default: 300,
    description: 'Requests per window from each IP address without credentials; 0 for no limit.',
  }),
  REDIS_URL: Type.Optional(
    Type.String({
      pattern: '^rediss?://',
      description:
        'redis://host:6379 to share rate-limit counts between API processes; in-process counts otherwise.',
    }),
  ),
  MAX_IN_FLIGHT_REQUESTS: Type.Integer({
    minimum: 0,
    default: 512,
    description:
      'Requests handled at once per process; beyond it the server answers 503 at once. 0 for no cap.',
  }),
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({
    minimum: 0,
    default: 1000,
    description:
      'When the event loop lags more than this, new requests get 503 until it recovers; 0 to never shed on lag.',
  }),
  MAX_QUEUE_DELAY_MS: Type.Integer({
    minimum: 0,
    default: 250,
    description:
      'Requests read after the event loop has worked through a backlog this long without a pause get 503; 0 to never shed on queue delay.',
  }),
  MAX_DATABASE_WAIT_MS: Type.Integer({
    minimum: 0,
    default: 1000,
    description:
      'PostgreSQL: while even the shortest wait for a pool connection stays above this, new requests get 503; 0 to never shed on it.',
  }),
});

/** Fastify's trustProxy: a hop count becomes a function, which its types accept. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

export interface RateLimitSettings {
  readonly windowMs: number;
  /** Requests per window; 0 means unlimited. */
  readonly perToken: number;
  readonly perPerson: number;
  readonly perIp: number;
  readonly redisUrl: string | undefined;
}

export interface SecurityConfig {
  readonly trustProxy: TrustProxy;
  /** Origins exactly as browsers send them in `Origin` (scheme://host[:port], lower case). */
  readonly corsAllowedOrigins: readonly string[];
  readonly publicBodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly handlerTimeoutMs: number;
  readonly rateLimits: RateLimitSettings;
  readonly maxInFlightRequests: number;
  readonly maxEventLoopDelayMs: number;
  readonly maxQueueDelayMs: number;
  readonly maxDatabaseWaitMs: number;
}

export function resolveSecurityConfig(
  settings: Static<typeof SecuritySettingsSchema>,
  problems: string[],
): SecurityConfig {
  return {
    trustProxy: resolveTrustProxy(settings.TRUST_PROXY, problems),
    corsAllowedOrigins: resolveOrigins(settings.CORS_ALLOWED_ORIGINS, problems),
    publicBodyLimitBytes: settings.PUBLIC_BODY_LIMIT_BYTES,
    requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: settings.CONNECTION_TIMEOUT_MS,
    keepAliveTimeoutMs: settings.KEEP_ALIVE_TIMEOUT_MS,
    handlerTimeoutMs: settings.HANDLER_TIMEOUT_MS,
    rateLimits: {
      windowMs: settings.RATE_LIMIT_WINDOW_MS,
      perToken: settings.RATE_LIMIT_PER_TOKEN,
      perPerson: settings.RATE_LIMIT_PER_PERSON,
      perIp: settings.RATE_LIMIT_PER_IP,
      redisUrl: settings.REDIS_URL,
    },
    maxInFlightRequests: settings.MAX_IN_FLIGHT_REQUESTS,
    maxEventLoopDelayMs: settings.MAX_EVENT_LOOP_DELAY_MS,
    maxQueueDelayMs: settings.MAX_QUEUE_DELAY_MS,
    maxDatabaseWaitMs: settings.MAX_DATABASE_WAIT_MS,
  };
}

function resolveTrustProxy(value: string, problems: string[]): TrustProxy {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return (_address, hop) => hop < hops;
  }
  const entries = trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => isIP(entry.split('/')[0] ?? '') === 0);
  if (wrong.length > 0)
    problems.push(
      `TRUST_PROXY must be true, a hop count, or IP addresses/CIDRs separated by commas; not ${wrong.join(', ')}`,
    );
  return entries;
}

function resolveOrigins(value: string, problems: string[]): string[] {
  const origins: string[] = [];
  for (const entry of value.split(',').map((item) => item.trim())) {
    if (entry === '') continue;
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      // An origin has no path, query or credentials; accepting "https://a.example/x" would hide a
      // typo, since browsers never send a path in Origin.
      const isHttp = url.protocol === 'https:' || url.protocol === 'http:';
      if (isHttp && entry.toLowerCase().replace(/\/$/, '') === url.origin) origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined)
      problems.push(
        `CORS_ALLOWED_ORIGINS must list origins like https://crm.example.com; not ${entry}`,
      );
    else origins.push(origin);
  }
  return [...new Set(origins)];
}
