/**
 * Overload (issue 10): far more concurrent clients than one process can serve. The server must
 * shed what it cannot take with 503 (or 429) problems at once instead of queueing until clients
 * time out, keep serving near its capacity meanwhile, and serve normally again right after,
 * without a restart.
 *
 * Three phases against one `openpatrol serve`:
 * 1. capacity: 16 connections back to back for 5 s, the requests a second it can serve;
 * 2. polite flood: OVERLOAD_CONNECTIONS clients that each send the next request as soon as the
 *    last is answered, and wait Retry-After when shed — what the field app's write queue and the
 *    API client guide do. Nothing may time out or fail; served requests a second are compared
 *    with the capacity;
 * 3. impatient flood: the same number of connections ignoring Retry-After (autocannon), the
 *    worst a misbehaving integration does. Reported, and the server must recover after it.
 *
 *   npx tsx reliability/overload.ts    OVERLOAD_SECONDS=20 OVERLOAD_CONNECTIONS=2000
 *                                      OVERLOAD_POSTGRES_URL=postgres://… (default SQLite)
 *                                      OVERLOAD_IMPATIENT=false (leave phase 3 out)
 *                                      OVERLOAD_KEEP_ALIVE=false (a connection per request)
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { call, createToken, signUp } from './api.js';
import { createInstallation, percentile, startProcess } from './processes.js';

const CLIENT_TIMEOUT_MS = 10_000;

export interface FloodResult {
  readonly seconds: number;
  /** Answers by status. */
  readonly statuses: Record<string, number>;
  /** Requests not answered within 10 s, and failed connections: must stay 0 when polite. */
  readonly timeouts: number;
  readonly errors: number;
  /** Answers that were neither 2xx nor a shed 503/429: must stay 0. */
  readonly unexpected: number;
  /** Shed answers over all answers. */
  readonly shedShare: number;
  /** 2xx answers a second, and as a share of the capacity measured before. */
  readonly servedPerSecond: number;
  readonly servedToCapacity: number;
  /** Latency of the 2xx answers; autocannon reports all answers together. */
  readonly servedLatencyMs: { p50: number; p99: number };
  /** From the end of the flood until 20 requests in a row were answered 200. */
  readonly recoveryMs: number;
}

export interface OverloadResult {
  readonly database: string;
  readonly connections: number;
  readonly capacityPerSecond: number;
  readonly latencyMs: { beforeP50: number; afterP50: number };
  readonly polite: FloodResult;
  readonly impatient: FloodResult | null;
}

type Outcome = { status: number; retryAfterS: number; ms: number } | 'timeout' | 'error';

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const timer = setTimeout(() => {
      request.destroy();
      resolve('timeout');
    }, CLIENT_TIMEOUT_MS);
    const request = http.get(url, { agent, headers }, (response) => {
      response.resume();
      response.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          retryAfterS: Number(response.headers['retry-after'] ?? 1),
          ms: performance.now() - started,
        });
      });
    });
    request.on('error', () => {
      clearTimeout(timer);
      resolve('error');
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clients that honour Retry-After: shed, they wait; served, they ask again at once. */
async function politeFlood(
  url: string,
  headers: Record<string, string>,
  clients: number,
  seconds: number,
  { keepAlive, rampMs }: { keepAlive: boolean; rampMs: number },
) {
  // Each client keeps its connection while it waits, as a phone or an integration does.
  const agent = new http.Agent({ keepAlive, maxSockets: clients, maxFreeSockets: clients });
  const target = new URL(url);
  const deadline = performance.now() + seconds * 1000;
  const statuses: Record<string, number> = {};
  const served: number[] = [];
  let timeouts = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      // Spread first connections: a surge of them waits in the kernel's accept queue (see docs).
      if (rampMs > 0) await sleep(Math.random() * rampMs);
      while (performance.now() < deadline) {
        const outcome = await get(agent, target, headers);
        if (outcome === 'timeout') timeouts += 1;
        else if (outcome === 'error') errors += 1;
        else {
          statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
          if (outcome.status >= 200 && outcome.status < 300) served.push(outcome.ms);
          else if (outcome.status === 503 || outcome.status === 429)
            await sleep(outcome.retryAfterS * 1000);
          continue;
        }
        await sleep(1000);
      }
    }),
  );
  agent.destroy();
  return { statuses, served, timeouts, errors };
}

async function recovery(url: string, headers: Record<string, string>) {
  const ended = Date.now();
  // The first moment 20 requests in a row are served normally.
  let streak = 0;
  while (streak < 20 && Date.now() - ended < 60_000) {
    const answer = await fetch(url, { headers });
    await answer.arrayBuffer();
    streak = answer.status === 200 ? streak + 1 : 0;
  }
  return streak < 20 ? Number.POSITIVE_INFINITY : Date.now() - ended;
}

async function latencies(url: string, headers: Record<string, string>, count: number) {
  const values: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const answer = await fetch(url, { headers });
    await answer.arrayBuffer();
    values.push(performance.now() - started);
  }
  return values;
}

function summarize(
  seconds: number,
  capacityPerSecond: number,
  statuses: Record<string, number>,
  timeouts: number,
  errors: number,
  servedLatencyMs: { p50: number; p99: number },
  recoveryMs: number,
): FloodResult {
  const count = (predicate: (code: string) => boolean) =>
    Object.entries(statuses)
      .filter(([code]) => predicate(code))
      .reduce((sum, [, value]) => sum + value, 0);
  const answered = count(() => true);
  const shed = count((code) => code === '503' || code === '429');
  const servedCount = count((code) => code.startsWith('2'));
  const servedPerSecond = Math.round(servedCount / seconds);
  return {
    seconds,
    statuses,
    timeouts,
    errors,
    unexpected: answered - shed - servedCount,
    shedShare: answered === 0 ? 0 : Math.round((shed / answered) * 1000) / 1000,
    servedPerSecond,
    servedToCapacity: Math.round((servedPerSecond / capacityPerSecond) * 100) / 100,
    servedLatencyMs,
    recoveryMs,
  };
}

export async function overload(options: {
  seconds: number;
  connections: number;
  postgresUrl?: string;
  /** The impatient flood takes as long again; the CI run leaves it out. */
  impatient?: boolean;
  /** false: polite clients open a new connection for every request (default: kept alive). */
  keepAlive?: boolean;
  /** Polite clients connect at random within this many seconds (default 0: all at once). */
  rampSeconds?: number;
  env?: Record<string, string>;
}): Promise<OverloadResult> {
  const installation = await createInstallation(options.postgresUrl);
  // Limits per token are a different defence (rate limits); this run is about capacity.
  const server = await startProcess(installation, 'serve', {
    RATE_LIMIT_PER_TOKEN: '0',
    ...options.env,
  });
  try {
    const organization = await signUp(server.url, 'Overload Security');
    const token = await createToken(server.url, organization);
    const location = (
      await call(server.url, token, 'POST', '/api/locations', {
        name: 'Depot',
        timeZone: 'Europe/Kyiv',
      })
    ).json<{ id: string }>();
    const point = (
      await call(server.url, token, 'POST', '/api/points', {
        locationId: location.id,
        name: 'Gate',
      })
    ).json<{ id: string }>();
    for (let index = 0; index < 50; index++)
      await call(server.url, token, 'POST', '/api/task-executions', {
        assigneeIds: [],
        locationId: location.id,
        name: `Round ${index}`,
        description: null,
        recurrence: { rule: 'FREQ=HOURLY;INTERVAL=4', exception: null },
        startAt: '2026-12-01T00:00:00.000Z',
        endAt: '2026-12-01T01:00:00.000Z',
        priority: 'NORMAL',
        orderStepsRequired: false,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps: [{ pointId: point.id, name: 'Gate', order: 0 }],
      });
    const url =
      server.url +
      '/api/task-executions/info?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z&limit=100';
    const headers = token.headers as Record<string, string>;
    const before = await latencies(url, headers, 20);

    const capacity = await autocannon({ url, headers, connections: 16, duration: 5 });
    const capacityPerSecond = Math.max(1, Math.round(capacity['2xx'] / 5));

    const polite = await politeFlood(url, headers, options.connections, options.seconds, {
      keepAlive: options.keepAlive ?? true,
      rampMs: (options.rampSeconds ?? 0) * 1000,
    });
    const politeResult = summarize(
      options.seconds,
      capacityPerSecond,
      polite.statuses,
      polite.timeouts,
      polite.errors,
      {
        p50: Math.round(percentile(polite.served, 50)),
        p99: Math.round(percentile(polite.served, 99)),
      },
      await recovery(url, headers),
    );

    let impatientResult: FloodResult | null = null;
    if (options.impatient) {
      const flood = await autocannon({
        url,
        headers,
        connections: options.connections,
        duration: options.seconds,
        timeout: CLIENT_TIMEOUT_MS / 1000,
      });
      const statuses: Record<string, number> = {};
      for (const [code, { count }] of Object.entries(flood.statusCodeStats ?? {}))
        statuses[code] = count ?? 0;
      impatientResult = summarize(
        options.seconds,
        capacityPerSecond,
        statuses,
        flood.timeouts ?? 0,
        flood.errors - (flood.timeouts ?? 0),
        { p50: Math.round(flood.latency.p50), p99: Math.round(flood.latency.p99) },
        await recovery(url, headers),
      );
    }
    const after = await latencies(url, headers, 20);
    return {
      database: installation.describe,
      connections: options.connections,
      capacityPerSecond,
      latencyMs: {
        beforeP50: Math.round(percentile(before, 50)),
        afterP50: Math.round(percentile(after, 50)),
      },
      polite: politeResult,
      impatient: impatientResult,
    };
  } finally {
    await server.stop();
    await installation.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await overload({
    seconds: Number(process.env.OVERLOAD_SECONDS ?? 20),
    connections: Number(process.env.OVERLOAD_CONNECTIONS ?? 2000),
    postgresUrl: process.env.OVERLOAD_POSTGRES_URL,
    impatient: process.env.OVERLOAD_IMPATIENT !== 'false',
    keepAlive: process.env.OVERLOAD_KEEP_ALIVE !== 'false',
  });
  console.log(JSON.stringify(result, null, 2));
  const { polite } = result;
  process.exitCode =
    polite.timeouts + polite.errors + polite.unexpected === 0 &&
    Number.isFinite(polite.recoveryMs) &&
    (result.impatient === null || Number.isFinite(result.impatient.recoveryMs))
      ? 0
      : 1;
}
