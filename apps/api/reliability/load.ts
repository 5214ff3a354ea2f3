/**
 * Load (issue 10): API processes and one worker on PostgreSQL, field clients recording values
 * (each its own member and session, pausing between writes as a guard does) and integrators
 * polling `GET /task-executions/info`, for a while. Reports errors, latency percentiles per kind
 * of request, each API process's memory over time (with its trend), and, in a separate
 * closed-loop phase, how write throughput scales from one API process to two.
 *
 *   npx tsx reliability/load.ts    LOAD_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test)
 *                                  LOAD_SECONDS=300 LOAD_FIELD_CLIENTS=500 LOAD_INTEGRATORS=20
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startSmtpServer, waitForInvitationToken } from '../src/test-support/smtp-server.js';
import {
  addMember,
  call,
  createToken,
  planStartedRound,
  signUp,
  type Answer,
  type Caller,
} from './api.js';
import {
  createInstallation,
  percentile,
  slopePerMinute,
  startProcess,
  type RunningProcess,
} from './processes.js';

export interface LoadResult {
  readonly apiProcesses: number;
  readonly fieldClients: number;
  readonly integrators: number;
  readonly seconds: number;
  readonly requests: number;
  /** Any answer that is not 2xx by status, or a failed request ("failed <kind>"). */
  readonly errors: Record<string, number>;
  /** The same answers by status and problem detail. */
  readonly errorDetails: Record<string, number>;
  readonly latencyMs: Record<string, { p50: number; p95: number; p99: number; count: number }>;
  readonly memory: {
    process: string;
    startMiB: number;
    endMiB: number;
    maxMiB: number;
    trendMiBPerMinute: number;
    /** Heap kept after full garbage collections (`openpatrol_heap_live_bytes`): the leak test. */
    liveHeapStartMiB: number;
    liveHeapEndMiB: number;
    liveHeapTrendMiBPerMinute: number;
  }[];
  /** Closed loop, every field client writing as fast as answered: writes a second. */
  readonly throughput: { oneProcess: number; twoProcesses: number; ratio: number };
}

/** Values a field client records in one round before it starts the next. */
const ROUND_WRITES = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MiB = 1024 * 1024;

export async function load(options: {
  postgresUrl: string;
  seconds: number;
  fieldClients: number;
  integrators: number;
  throughputSeconds?: number;
  log?: (line: string) => void;
}): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const installation = await createInstallation(options.postgresUrl);
  const smtp = await startSmtpServer();
  const env = {
    SMTP_URL: smtp.url,
    WORKER_IN_PROCESS: 'false',
    // Setup accepts hundreds of invitations from this one address; people and tokens keep
    // their default limits (1,200 a minute), which this load stays under.
    RATE_LIMIT_PER_IP: '0',
    DATABASE_POOL_SIZE: '20',
  };
  await startProcess(installation, 'migrate', env);
  const apis: RunningProcess[] = [
    await startProcess(installation, 'serve', env),
    await startProcess(installation, 'serve', env),
  ];
  const worker = await startProcess(installation, 'worker', env);
  const urls = apis.map((api) => api.url);
  try {
    // --- Setup, through the first process
    const url = urls[0]!;
    const organization = await signUp(url, 'Load Test Security');
    const token = await createToken(url, organization, 'setup');
    const integratorTokens: Caller[] = [];
    for (let index = 0; index < options.integrators; index++)
      integratorTokens.push(await createToken(url, organization, `integrator ${index}`));
    const locationIds: string[] = [];
    const points = new Map<string, { id: string; qrCode: string }>();
    for (let index = 0; index < 10; index++) {
      const location = (
        await call(url, token, 'POST', '/api/locations', {
          name: `Site ${index}`,
          timeZone: 'Europe/Kyiv',
        })
      ).json<{ id: string }>();
      locationIds.push(location.id);
      points.set(
        location.id,
        (
          await call(url, token, 'POST', '/api/points', { locationId: location.id, name: 'Gate' })
        ).json(),
      );
    }
    const readInvitation = (email: string) => waitForInvitationToken(smtp.received, email, 30_000);
    const now = Date.now();
    interface FieldClient {
      caller: Caller & { memberId: string };
      locationId: string;
      executionId: string;
      actionId: string;
    }
    const clients: FieldClient[] = [];
    const setUpClient = async (index: number) => {
      const locationId = locationIds[index % locationIds.length]!;
      const member = await addMember(
        url,
        organization,
        token,
        'USER',
        [locationId],
        readInvitation,
      );
      clients.push({
        caller: member,
        locationId,
        ...(await planStartedRound(url, token, member, {
          locationId,
          point: points.get(locationId)!,
          name: `Round ${index}`,
          now,
        })),
      });
    };
    for (let start = 0; start < options.fieldClients; start += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, options.fieldClients - start) }, (_, offset) =>
          setUpClient(start + offset),
        ),
      );
      if ((start + 10) % 100 === 0) log(`  ${start + 10} field clients ready`);
    }
    log(`set up ${clients.length} field clients and ${integratorTokens.length} integrators`);

    // --- Measurement plumbing
    const latencies = new Map<string, number[]>();
    const errors: Record<string, number> = {};
    const errorDetails: Record<string, number> = {};
    let requests = 0;
    const timed = async (kind: string, send: () => Promise<Answer>): Promise<void> => {
      const started = performance.now();
      try {
        const answer = await send();
        requests++;
        if (answer.status >= 300) {
          // By status, and by the problem's detail, which says why (a shed request says which rule).
          errors[answer.status] = (errors[answer.status] ?? 0) + 1;
          const detail = `${answer.status} ${problemDetail(answer.body)}`;
          errorDetails[detail] = (errorDetails[detail] ?? 0) + 1;
        }
      } catch {
        // A failed connection, or a new round that could not be planned and started.
        errors[`failed ${kind}`] = (errors[`failed ${kind}`] ?? 0) + 1;
      }
      const list = latencies.get(kind) ?? [];
      list.push(performance.now() - started);
      latencies.set(kind, list);
    };
    let value = 0;
    const recordValue = (client: FieldClient, target: string) =>
      call(target, client.caller, 'POST', `/api/task-executions/${client.executionId}/events`, {
        id: randomUUID(),
        type: 'VALUE_RECORDED',
        actionId: client.actionId,
        numberValue: value++,
      });

    // --- Throughput: closed loop against one process, then two
    const throughputSeconds = options.throughputSeconds ?? 20;
    const closedLoop = async (targets: string[]) => {
      let writes = 0;
      const deadline = Date.now() + throughputSeconds * 1000;
      await Promise.all(
        clients.slice(0, 100).map(async (client, index) => {
          const target = targets[index % targets.length]!;
          while (Date.now() < deadline) {
            const answer = await recordValue(client, target).catch(() => null);
            if (answer?.status === 201) writes++;
          }
        }),
      );
      return writes / throughputSeconds;
    };
    const oneProcess = await closedLoop(urls.slice(0, 1));
    const twoProcesses = await closedLoop(urls);
    log(
      `throughput: ${oneProcess.toFixed(0)} writes/s on one process, ${twoProcesses.toFixed(0)} on two`,
    );

    // --- Soak: paced field clients and pollers on both processes
    const deadline = Date.now() + options.seconds * 1000;
    const samples = new Map<string, { atMs: number; bytes: number }[]>(
      apis.map((api) => [api.name, []]),
    );
    const liveHeap = new Map<string, { atMs: number; bytes: number }[]>(
      apis.map((api) => [api.name, []]),
    );
    const soakStarted = Date.now();
    const sampler = setInterval(() => {
      for (const api of apis) {
        const bytes = api.rssBytes();
        if (bytes !== null) samples.get(api.name)!.push({ atMs: Date.now() - soakStarted, bytes });
        void readLiveHeap(api.url).then((live) => {
          if (live !== null)
            liveHeap.get(api.name)!.push({ atMs: Date.now() - soakStarted, bytes: live });
        });
      }
    }, 2000);
    const field = clients.map(async (client, index) => {
      const target = urls[index % urls.length]!;
      await sleep(Math.random() * 2500);
      let writesInRound = 0;
      while (Date.now() < deadline) {
        // A guard finishes a round and starts the next: executions keep the size of a real round,
        // so the run is a steady state and memory can be judged (an ever-growing event log is not).
        if (++writesInRound > ROUND_WRITES) {
          writesInRound = 1;
          await timed('new round', async () => {
            const round = await planStartedRound(target, token, client.caller, {
              locationId: client.locationId,
              point: points.get(client.locationId)!,
              name: `Round ${index}`,
              now: Date.now(),
            });
            client.executionId = round.executionId;
            client.actionId = round.actionId;
            return { status: 201, body: '', headers: new Headers(), json: <T>() => round as T };
          });
        }
        await timed('field write', () => recordValue(client, target));
        await sleep(1500 + Math.random() * 2000);
      }
    });
    const from = new Date(now - 86_400_000).toISOString();
    const to = new Date(now + 86_400_000).toISOString();
    const pollers = integratorTokens.map(async (integrator, index) => {
      const target = urls[index % urls.length]!;
      let since = new Date(now - 86_400_000).toISOString();
      while (Date.now() < deadline) {
        const pollStarted = new Date().toISOString();
        // Each poll reads every page changed since the last one, as the integration guide says.
        let next: string | null =
          `/api/task-executions/info?from=${from}&to=${to}&updatedSince=${since}&limit=100`;
        while (next) {
          let link: string | null = null;
          await timed('integrator poll page', async () => {
            const answer = await call(target, integrator, 'GET', next!);
            link = /<([^>]+)>;\s*rel="next"/.exec(answer.headers.get('link') ?? '')?.[1] ?? null;
            return answer;
          });
          next = link ? new URL(link, target).pathname + new URL(link, target).search : null;
        }
        since = pollStarted;
        await sleep(1000);
      }
    });
    await Promise.all([...field, ...pollers]);
    clearInterval(sampler);

    return {
      apiProcesses: apis.length,
      fieldClients: clients.length,
      integrators: integratorTokens.length,
      seconds: options.seconds,
      requests,
      errors,
      errorDetails,
      latencyMs: Object.fromEntries(
        [...latencies].map(([kind, values]) => [
          kind,
          {
            p50: Math.round(percentile(values, 50)),
            p95: Math.round(percentile(values, 95)),
            p99: Math.round(percentile(values, 99)),
            count: values.length,
          },
        ]),
      ),
      memory: [...samples].map(([name, series]) => ({
        process: name,
        ...liveHeapSummary(liveHeap.get(name) ?? []),
        startMiB: Math.round((series[0]?.bytes ?? 0) / MiB),
        endMiB: Math.round((series.at(-1)?.bytes ?? 0) / MiB),
        maxMiB: Math.round(Math.max(...series.map((s) => s.bytes)) / MiB),
        // The first minute is warm-up (JIT, caches, pools filling); the trend is over the rest.
        trendMiBPerMinute:
          Math.round((slopePerMinute(series.filter((s) => s.atMs >= 60_000)) / MiB) * 10) / 10,
      })),
      throughput: {
        oneProcess: Math.round(oneProcess),
        twoProcesses: Math.round(twoProcesses),
        ratio: Math.round((twoProcesses / oneProcess) * 100) / 100,
      },
    };
  } finally {
    await Promise.all([...apis, worker].map((process) => process.stop()));
    await smtp.close();
    await installation.destroy();
  }
}

function problemDetail(body: string): string {
  try {
    const { detail } = JSON.parse(body) as { detail?: unknown };
    return typeof detail === 'string' ? detail : '';
  } catch {
    return body.slice(0, 80);
  }
}

/** The process's `openpatrol_heap_live_bytes`, or null before its first full collection. */
async function readLiveHeap(url: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = /^openpatrol_heap_live_bytes (\d+(?:\.\d+)?)$/m.exec(text)?.[1];
    // 0 until the process's first full collection.
    return value === undefined || Number(value) === 0 ? null : Number(value);
  } catch {
    return null;
  }
}

function liveHeapSummary(series: readonly { atMs: number; bytes: number }[]) {
  const settled = series.filter((s) => s.atMs >= 60_000);
  return {
    liveHeapStartMiB: Math.round(((settled[0] ?? series[0])?.bytes ?? 0) / MiB),
    liveHeapEndMiB: Math.round((series.at(-1)?.bytes ?? 0) / MiB),
    liveHeapTrendMiBPerMinute: Math.round((slopePerMinute(settled) / MiB) * 100) / 100,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await load({
    postgresUrl: process.env.LOAD_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    seconds: Number(process.env.LOAD_SECONDS ?? 300),
    fieldClients: Number(process.env.LOAD_FIELD_CLIENTS ?? 500),
    integrators: Number(process.env.LOAD_INTEGRATORS ?? 20),
    throughputSeconds: Number(process.env.LOAD_THROUGHPUT_SECONDS ?? 20),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = Object.keys(result.errors).length === 0 ? 0 : 1;
}
