/**
 * Overload (issue 10): far more concurrent requests than one process can serve. The server must
 * shed what it cannot take with 503 (or 429) problems at once instead of queueing until clients
 * time out, keep answering the rest, and serve normally again right after, without a restart.
 *
 *   npx tsx reliability/overload.ts    OVERLOAD_SECONDS=20 OVERLOAD_CONNECTIONS=2000
 */
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { call, createToken, signUp } from './api.js';
import { createInstallation, percentile, startProcess } from './processes.js';

export interface OverloadResult {
  readonly connections: number;
  readonly seconds: number;
  /** Answers by status during the overload. */
  readonly statuses: Record<string, number>;
  /** Connection errors and client timeouts (10 s) during the overload: must stay 0. */
  readonly errors: number;
  readonly timeouts: number;
  /** Answers that were neither 2xx nor a shed 503/429: must stay 0. */
  readonly unexpected: number;
  readonly shedShare: number;
  readonly latencyMs: { beforeP50: number; duringP99: number; afterP50: number };
  /** From the end of the overload until 20 requests in a row were answered 200. */
  readonly recoveryMs: number;
}

async function latencies(
  url: string,
  path: string,
  headers: Record<string, string>,
  count: number,
) {
  const values: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const answer = await fetch(url + path, { headers });
    await answer.arrayBuffer();
    values.push(performance.now() - started);
  }
  return values;
}

export async function overload(options: {
  seconds: number;
  connections: number;
  postgresUrl?: string;
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
    const path =
      '/api/task-executions/info?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z&limit=100';
    const headers = token.headers as Record<string, string>;
    const before = await latencies(server.url, path, headers, 20);

    const result = await autocannon({
      url: server.url + path,
      headers,
      connections: options.connections,
      duration: options.seconds,
      timeout: 10,
    });
    const ended = Date.now();
    // Recovery: the first moment 20 requests in a row are served normally.
    let streak = 0;
    while (streak < 20 && Date.now() - ended < 60_000) {
      const answer = await fetch(server.url + path, { headers });
      await answer.arrayBuffer();
      streak = answer.status === 200 ? streak + 1 : 0;
    }
    const recoveryMs = Date.now() - ended;
    const after = await latencies(server.url, path, headers, 20);

    const statuses: Record<string, number> = {};
    for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
      statuses[code] = count ?? 0;
    const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
    const shed = (statuses['503'] ?? 0) + (statuses['429'] ?? 0);
    const unexpected = Object.entries(statuses)
      .filter(([code]) => !code.startsWith('2') && code !== '503' && code !== '429')
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      connections: options.connections,
      seconds: options.seconds,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts ?? 0,
      unexpected,
      shedShare: answered === 0 ? 0 : Math.round((shed / answered) * 1000) / 1000,
      latencyMs: {
        beforeP50: Math.round(percentile(before, 50)),
        duringP99: Math.round(result.latency.p99),
        afterP50: Math.round(percentile(after, 50)),
      },
      recoveryMs,
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
  });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.errors + result.timeouts + result.unexpected === 0 ? 0 : 1;
}
