/**
 * Bad input at scale (issue 10): every operation of the OpenAPI document, called for a while with
 * random, boundary and hostile values — wrong types, huge strings, unicode, injection strings,
 * missing and extra fields, other tenants' ids — by another organization's Owner, its API token
 * and nobody. Fails on any 5xx, on any answer that carries the first organization's data, and on
 * any change to that organization's resources.
 *
 *   npx tsx reliability/fuzz.ts            FUZZ_SECONDS=600 by default; FUZZ_POSTGRES_URL to run
 *                                          on PostgreSQL instead of SQLite
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makePng } from '../src/test-support/media-uploads.js';
import { call, createToken, signUp, type Answer, type Caller } from './api.js';
import { createInstallation, startProcess } from './processes.js';

// ---------------------------------------------------------------------------------------------
// The OpenAPI document

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly schema: Schema;
}

interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: Schema | null;
  readonly multipart: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const document = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../packages/api-client/openapi.json', import.meta.url)),
    'utf8',
  ),
) as OpenApiDocument;

function resolve(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`unresolved ${current.$ref}`);
    current = target;
  }
  return current;
}

export function listOperations(): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const multipart = content['multipart/form-data']?.schema;
      return {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path: `/api${path}`,
        parameters: operation.parameters ?? [],
        body: json ?? multipart ?? null,
        multipart: multipart !== undefined,
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Values

/** A small, seedable generator, so a failing run can be repeated with FUZZ_SEED. */
export function createRandom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    chance: (p: number) => next() < p,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!,
  };
}
type Random = ReturnType<typeof createRandom>;

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR '1'='1' --",
  '"; DROP TABLE locations; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=y',
  '\u0000',
  '\uD800',
  '🛡️🚓‍🔥👩🏽‍✈️',
  'مرحبا بالعالم',
  'Z̸̢͉̈́a̴̡̛l̶̛g̸o̷',
  '=HYPERLINK("http://evil.example")',
  'null',
  'undefined',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30T25:61:00Z',
  'FREQ=SECONDLY;INTERVAL=0;COUNT=999999999',
  'RRULE:FREQ=DAILY;UNTIL=99999999T999999Z',
  '00000000-0000-0000-0000-000000000000',
  'http://169.254.169.254/latest/meta-data/',
  'file:///etc/passwd',
];
const HOSTILE_NUMBERS = [0, -1, 1, -0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE];

/**
 * Realistic and nasty values for fields known by name, so requests reach the code behind
 * validation: rules that expand to huge or empty series, odd zones, codes.
 */
const NAMED_VALUES: Record<string, readonly unknown[]> = {
  rule: [
    'FREQ=DAILY',
    'FREQ=SECONDLY',
    'FREQ=MINUTELY;INTERVAL=5;BYMONTH=2',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=DAILY;COUNT=1000000',
    'FREQ=HOURLY;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55',
    'FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=-1',
    'FREQ=WEEKLY;UNTIL=99991231T235959Z;BYDAY=MO,TU,WE,TH,FR,SA,SU',
    'FREQ=DAILY;UNTIL=19700101T000000Z',
  ],
  timeZone: [
    'Europe/Kyiv',
    'Pacific/Apia',
    'Australia/Lord_Howe',
    'Etc/GMT+12',
    'UTC',
    'Mars/Base',
  ],
  exception: ['20261207T180000Z', '20261207T180000Z,20261208T180000Z', null],
  code: ['ABCDEFGH', 'x', 'opq_'.repeat(20)],
};

/** Values that break a schema on purpose: another type, or a hostile value of the same type. */
function hostileValue(random: Random): unknown {
  switch (random.int(8)) {
    case 0:
      return random.pick(HOSTILE_STRINGS);
    case 1:
      return random.pick(HOSTILE_NUMBERS);
    case 2:
      return 'x'.repeat(random.pick([256, 4097, 70_000]));
    case 3:
      return random.chance(0.5) ? null : true;
    case 4:
      return Array.from({ length: random.pick([0, 1, 1001]) }, () => random.pick(HOSTILE_STRINGS));
    case 5:
      return { $gt: '', __proto__: { admin: true }, constructor: { prototype: { x: 1 } } };
    case 6:
      return random.pick(['true', 'false', '[]', '{}', '0x10']);
    default:
      return random.pick(HOSTILE_STRINGS) + random.pick(HOSTILE_STRINGS);
  }
}

interface IdPool {
  /** The organization under attack: its ids, used where an id is expected. */
  readonly foreign: readonly string[];
  /** The attacker's own ids, so requests also reach the code behind the lookups. */
  readonly own: readonly string[];
}

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A value that satisfies the schema most of the time, so requests get past validation. */
function validValue(schema: Schema, random: Random, ids: IdPool, name: string, depth = 0): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return random.pick(s.enum);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return validValue(random.pick(variants), random, ids, name, depth);
  if (s.allOf) return validValue(s.allOf[0]!, random, ids, name, depth);
  const type = Array.isArray(s.type) ? random.pick(s.type) : s.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return random.chance(0.5);
    case 'integer':
    case 'number': {
      const low = s.minimum ?? -1000;
      const high = s.maximum ?? 1000;
      const value = random.pick([low, high, low + (high - low) * random.next()]);
      return type === 'integer' ? Math.round(value) : value;
    }
    case 'array': {
      const length = Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, random.int(4)));
      return Array.from({ length }, () => validValue(s.items ?? {}, random, ids, name, depth + 1));
    }
    case 'object': {
      if (depth > 5) return {};
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(s.properties ?? {}))
        if ((s.required ?? []).includes(key) || random.chance(0.5))
          value[key] = validValue(property, random, ids, key, depth + 1);
      return value;
    }
    default:
      break;
  }
  const named = NAMED_VALUES[name];
  if (named && random.chance(0.8)) return random.pick(named);
  if (s.format === 'uuid' || /Ids?$/.test(name))
    return random.pick([
      ...(ids.foreign.length > 0 ? [random.pick(ids.foreign)] : []),
      ...(ids.own.length > 0 ? [random.pick(ids.own)] : []),
      uuid(random),
    ]);
  if (s.format === 'date-time')
    return new Date(Date.UTC(2026, 11, 1) + random.int(60) * 86_400_000).toISOString();
  if (s.format === 'email') return `fuzz-${random.int(1e9)}@example.com`;
  if (s.format === 'uri')
    return random.pick(['https://hooks.example.com/x', 'http://127.0.0.1:1/']);
  const length = Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 24, 1 + random.int(24)));
  return 'fuzz '.repeat(Math.ceil(length / 5)).slice(0, length);
}

/** A valid value with, most of the time, one part replaced by a hostile one. */
function mutate(value: unknown, random: Random, depth = 0): unknown {
  if (depth > 0 && random.chance(0.35)) return hostileValue(random);
  if (Array.isArray(value) && value.length > 0) {
    const copy: unknown[] = [...(value as unknown[])];
    const index = random.int(copy.length);
    copy[index] = mutate(copy[index], random, depth + 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const roll = random.int(4);
    if (roll === 0 && keys.length > 0) delete copy[random.pick(keys)];
    else if (roll === 1)
      copy[random.pick(['extra', '__proto__', 'organizationId', 'role'])] = hostileValue(random);
    else if (keys.length > 0) {
      const key = random.pick(keys);
      copy[key] = mutate(copy[key], random, depth + 1);
    }
    return copy;
  }
  return hostileValue(random);
}

// ---------------------------------------------------------------------------------------------
// The run

export interface FuzzResult {
  readonly requests: number;
  readonly operations: number;
  readonly byStatus: Record<string, number>;
  /** Requests sent again once because a kept-alive connection was closed under them. */
  readonly connectionResets: number;
  /** Any 5xx, leak or change found: empty on success. */
  readonly findings: string[];
  readonly seconds: number;
}

const MARKER = 'ACMESECRET';

/** The text with lone surrogates replaced, so it can be put in a URL (String#toWellFormed). */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Every UUID in a text. */
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export async function fuzz(options: {
  seconds: number;
  seed?: number;
  postgresUrl?: string;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<FuzzResult> {
  const log = options.log ?? (() => {});
  const random = createRandom(options.seed ?? Date.now());
  const installation = await createInstallation(options.postgresUrl);
  // Rate limits would answer most hostile requests with 429 before they reach a handler; they
  // have their own tests (modules/rate-limits), so this run turns them off to reach further.
  const server = await startProcess(installation, 'serve', {
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'false',
    RATE_LIMIT_PER_TOKEN: '0',
    RATE_LIMIT_PER_PERSON: '0',
    RATE_LIMIT_PER_IP: '0',
  });
  const findings: string[] = [];
  const found = (finding: string) => {
    findings.push(finding);
    log(`  FINDING ${finding}`);
  };
  const byStatus: Record<string, number> = {};
  let requests = 0;
  let connectionResets = 0;
  const started = Date.now();
  try {
    const url = server.url;
    // The victim: one of everything, named with a marker no other answer may contain.
    const acme = await signUp(url, `${MARKER} Acme`);
    const acmeToken = await createToken(url, acme, `${MARKER} token`);
    const revealed: string[] = [];
    const setup = async (method: string, path: string, body?: unknown) => {
      const answer = await call(url, acmeToken, method, path, body);
      if (answer.status >= 300)
        throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
      revealed.push(answer.body);
      return answer.json<Record<string, unknown> & { id: string }>();
    };
    const location = await setup('POST', '/api/locations', {
      name: `${MARKER} depot`,
      timeZone: 'Europe/Kyiv',
    });
    const point = await setup('POST', '/api/points', {
      locationId: location.id,
      name: `${MARKER} gate`,
    });
    await setup('POST', '/api/checklists', {
      name: `${MARKER} checklist`,
      actions: [{ name: `${MARKER} lock`, type: 'BOOLEAN', order: 0, required: true }],
    });
    const execution = await setup('POST', '/api/task-executions', {
      assigneeIds: [],
      locationId: location.id,
      name: `${MARKER} round`,
      description: `${MARKER} description`,
      recurrence: { rule: 'FREQ=DAILY;COUNT=5', exception: null },
      startAt: '2026-12-07T18:00:00.000Z',
      endAt: '2026-12-07T21:00:00.000Z',
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [MARKER],
      steps: [{ pointId: point.id, name: `${MARKER} step`, order: 0 }],
    });
    const issue = await setup('POST', '/api/issues', {
      locationId: location.id,
      category: 'DAMAGE',
      severity: 'HIGH',
      title: `${MARKER} broken fence`,
    });
    await setup('POST', '/api/alert-rules', {
      name: `${MARKER} panic`,
      trigger: 'PANIC',
      escalation: [{ afterMinutes: 0, memberIds: [acme.ownerMemberId] }],
    });
    const form = new FormData();
    form.set(
      'file',
      new Blob([new Uint8Array(makePng(8, 8))], { type: 'image/png' }),
      `${MARKER}.png`,
    );
    const media = await call(url, acmeToken, 'POST', '/api/media', form);
    revealed.push(media.body);
    // Probes: ids the attackers are given to try. Secrets: every other id of the victim (its
    // organization, members, token, media, plan history…), which no answer may ever contain.
    const foreign = [location.id, point.id, execution.id, issue.id];
    const secrets = new Set(
      (revealed.join('\n').match(UUIDS) ?? []).filter((id) => !foreign.includes(id)),
    );
    /** What the victim's resources look like before the attack; compared afterwards. */
    const snapshotPaths = [
      `/api/locations/${location.id}`,
      `/api/points/${point.id}`,
      `/api/task-executions/info?from=2026-12-01T00:00:00.000Z&to=2026-12-31T00:00:00.000Z&includeCanceled=true`,
      `/api/issues/${issue.id}`,
      '/api/checklists',
      '/api/alert-rules',
      '/api/users',
      '/api/webhooks',
    ];
    const snapshot = async () =>
      Promise.all(
        snapshotPaths.map(async (path) => (await call(url, acmeToken, 'GET', path)).body),
      );
    const before = await snapshot();

    // The attackers: another organization's Owner and token, and nobody at all.
    const rival = await signUp(url, 'Rival');
    const rivalToken = await createToken(url, rival, 'rival');
    const rivalLocation = (
      await call(url, rivalToken, 'POST', '/api/locations', { name: 'Rival site' })
    ).json<{ id: string }>();
    const own = [rivalLocation.id];
    const callers: (Caller | null)[] = [rival.owner, rivalToken, null];
    // Calls that would end the attackers' own credentials; their effect on others is covered by
    // the security suite (src/security/access.test.ts).
    const skipped = new Set([
      'signOut',
      'leaveOrganization',
      'revokeApiToken',
      'switchOrganization',
    ]);
    const operations = listOperations().filter((operation) => !skipped.has(operation.operationId));
    log(
      `fuzzing ${operations.length} operations for ${options.seconds} s on ${installation.describe}`,
    );

    const deadline = started + options.seconds * 1000;
    const one = async () => {
      const operation = random.pick(operations);
      const caller = random.pick(callers);
      const ids: IdPool = { foreign, own };
      let path = operation.path;
      const query = new URLSearchParams();
      for (const parameter of operation.parameters) {
        const schema = resolve(parameter.schema);
        let value: unknown =
          parameter.in === 'path' && random.chance(0.7)
            ? random.pick([...foreign, ...own])
            : validValue(schema, random, ids, parameter.name);
        if (random.chance(0.3)) value = hostileValue(random);
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (parameter.in === 'path')
          path = path.replace(`{${parameter.name}}`, encodeURIComponent(wellFormed(text ?? '')));
        else if (parameter.in === 'query' && (parameter.required || random.chance(0.6)))
          query.set(parameter.name, text ?? '');
      }
      if (random.chance(0.1))
        query.set(
          random.pick(['extra', 'organizationId', '__proto__']),
          random.pick(HOSTILE_STRINGS),
        );
      const search = query.toString();
      let body: unknown;
      let headers: Record<string, string> = {};
      if (operation.multipart) {
        const upload = new FormData();
        upload.set(
          'file',
          new Blob(
            [random.chance(0.5) ? new Uint8Array(makePng(4, 4)) : random.pick(HOSTILE_STRINGS)],
            {
              type: random.pick([
                'image/png',
                'image/jpeg',
                'text/html',
                'application/x-msdownload',
              ]),
            },
          ),
          random.pick(['a.png', '../../evil.png', '\u0000.png', 'x'.repeat(300)]),
        );
        if (random.chance(0.5)) upload.set('capture', random.pick(['CAMERA', 'GALLERY', 'x']));
        body = upload;
      } else if (operation.body) {
        const valid = validValue(operation.body, random, ids, 'body');
        body = random.chance(0.75) ? mutate(valid, random) : valid;
        if (random.chance(0.05)) {
          body = random.pick(['{"a":', '[]', 'null', '"str"', '{"a":1,"a":2}', '\u0000']);
          headers = { 'content-type': 'application/json' };
        }
      }
      if (random.chance(0.05))
        headers['idempotency-key'] = random.pick([`fuzz-${random.int(50)}`, 'x'.repeat(300), '']);
      let answer: Answer;
      const send = () =>
        call(url, caller, operation.method, path + (search ? `?${search}` : ''), body, headers);
      try {
        try {
          answer = await send();
        } catch (error) {
          // A kept-alive connection the server closed as this request left never reached a
          // handler; HTTP clients send such a request again. Seen as "other side closed", as a
          // reset when the request was written after the server's kernel dropped the connection,
          // or as a broken pipe while an upload's body was still being written (each about once
          // in 300,000 to 800,000 requests).
          const code = (error as { cause?: { code?: string } }).cause?.code;
          if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET' && code !== 'EPIPE') throw error;
          connectionResets++;
          answer = await send();
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        found(
          `${operation.operationId}: the connection failed (${String(error)}: ${cause?.code ?? ''} ${cause?.message ?? ''}) for ${operation.method} ${path.slice(0, 200)}`,
        );
        return;
      }
      requests++;
      byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
      const sent = `${path}?${search} ${JSON.stringify(body ?? '')}`;
      if (answer.status >= 500)
        found(
          `${operation.operationId} as ${caller?.name ?? 'anonymous'}: ${answer.status} for ${sent.slice(0, 500)} → ${answer.body.slice(0, 300)}`,
        );
      if (answer.body.includes(MARKER))
        found(
          `${operation.operationId} as ${caller?.name ?? 'anonymous'}: the victim's data in ${answer.body.slice(0, 300)}`,
        );
      // Probe ids may come back (an idempotency key reused by the same caller quotes its first
      // request): the caller knew them. A secret never may.
      const leaked = (answer.body.match(UUIDS) ?? []).filter((id) => secrets.has(id));
      if (leaked.length > 0)
        found(
          `${operation.operationId} as ${caller?.name ?? 'anonymous'}: the victim's ids ${leaked.join(', ')} in ${answer.body.slice(0, 300)}`,
        );
    };
    const workers = Array.from({ length: options.concurrency ?? 4 }, async () => {
      while (Date.now() < deadline && findings.length < 50) await one();
    });
    let lastReport = Date.now();
    const progress = setInterval(() => {
      if (Date.now() - lastReport >= 30_000) {
        lastReport = Date.now();
        log(`  ${requests} requests, ${findings.length} findings`);
      }
    }, 5_000);
    await Promise.all(workers);
    clearInterval(progress);

    const after = await snapshot();
    snapshotPaths.forEach((path, index) => {
      if (before[index] !== after[index]) found(`the victim's ${path} changed during the run`);
    });
    return {
      requests,
      operations: operations.length,
      byStatus,
      connectionResets,
      findings,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await server.stop();
    await installation.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await fuzz({
    seconds: Number(process.env.FUZZ_SECONDS ?? 600),
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
    postgresUrl: process.env.FUZZ_POSTGRES_URL,
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.findings.length === 0 ? 0 : 1;
}
