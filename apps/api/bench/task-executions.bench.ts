/**
 * Issue 5's acceptance: GET /api/task-executions/info and POST /api/task-executions on SQLite,
 * next to a bare Fastify server that serves OpenPatrol's own captured responses from memory with
 * the same schemas (bench/bare-task-executions-server.ts), measured in the same run so the ratio
 * means something on a noisy machine. Each server runs in its own process; autocannon runs in
 * this one.
 *
 * Setup: an organization and an API token through the CLI (sharing the SQLite file with the
 * running server), then through the External API 4 locations, 3 points each and BENCH_TASKS
 * recurring tasks (60 % daily, 25 % Mon/Wed/Fri, 15 % every 4 hours; 3 steps of 4 actions).
 *
 *   npm run bench                      (BENCH_SECONDS=10 BENCH_ROUNDS=2 BENCH_CONNECTIONS=50
 *                                       BENCH_TASKS=2000 by default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type {
  CreateTaskExecutionBody,
  TaskExecutionInfo,
} from '../src/modules/task-executions/task-executions.schemas.js';
import { findFreePort } from '../src/test-support/free-port.js';
import type { CapturedResponses } from './bare-task-executions-server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const taskCount = Number(process.env.BENCH_TASKS ?? 2000);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

const LOCATION_COUNT = 4;
const POINTS_PER_LOCATION = 3;
const SETUP_CONCURRENCY = 8;
const PAGE_SIZE = 100;
const WARM_UP_SECONDS = 2;
/** Tasks created by the POST measurement start this far ahead: outside every measured window. */
const POST_TASKS_START_IN_DAYS = 60;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Processes

interface Server {
  readonly url: string;
  readonly process: ChildProcess;
}

async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<Server> {
  const port = await findFreePort();
  const child = spawn(process.execPath, args, {
    cwd: packageDirectory,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    // At LOG_LEVEL=warn the server's log is only its problems: show them with ours.
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    const ready = await fetch(url + readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not answer within 30 s`);
}

/** SIGTERM, then waits for the exit, so the next server never overlaps this one. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

const dataDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-bench-tasks-'));
const openPatrolEnv = {
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DATA_DIR: path.join(dataDirectory, 'data'),
  // One token drives the whole run: the benchmark measures throughput, not the token's rate limit.
  RATE_LIMIT_PER_TOKEN: '0',
};
const capturedFile = path.join(dataDirectory, 'captured.json');

/** Runs `openpatrol <args> --json` on the benchmark's data directory and parses its output. */
async function runCli<T>(args: string[]): Promise<T> {
  const child = spawn(process.execPath, ['bin/openpatrol.js', ...args, '--json'], {
    cwd: packageDirectory,
    env: { PATH: process.env.PATH ?? '', ...openPatrolEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`openpatrol ${args[0]} exited with ${code}: ${output}`);
  return JSON.parse(output) as T;
}

const startOpenPatrol = () =>
  startProcess(['bin/openpatrol.js', 'serve'], openPatrolEnv, '/api/health');

// ---------------------------------------------------------------------------------------------
// Setup through the External API

let token = '';
const authorization = () => ({ authorization: `Bearer ${token}` });

/** One API call whose status must be `expected`; anything else stops the benchmark. */
async function call<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  url: string,
  expected: number,
  body?: unknown,
): Promise<{ body: T; link: string | null }> {
  const response = await fetch(baseUrl + url, {
    method,
    headers: {
      ...authorization(),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${method} ${url}: expected ${expected}, got ${response.status}: ${text}`);
  return { body: JSON.parse(text) as T, link: response.headers.get('link') };
}

/** Runs `run(0 … count-1)` with at most `concurrency` calls in flight. */
async function inParallel(
  count: number,
  concurrency: number,
  run: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await run(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();
const now = Date.now();
const todayStart = now - (now % DAY_MS);
const weekStart = todayStart - ((new Date(todayStart).getUTCDay() + 6) % 7) * DAY_MS; // Monday
/** Series begin before this week's Monday, so today and this week are well inside them. */
const seriesStart = weekStart - 2 * DAY_MS;

function actionsOfStep(): NonNullable<CreateTaskExecutionBody['steps'][number]['actions']> {
  return [
    { name: 'Door locked', type: 'BOOLEAN', order: 0, required: true, alertLevel: 'WARNING' },
    {
      name: 'Temperature',
      type: 'NUMBER',
      order: 1,
      required: true,
      minValue: 11.1,
      maxValue: 12.1,
    },
    { name: 'Remarks', type: 'TEXT', order: 2, required: false, maxLength: 500 },
    {
      name: 'Check the seals',
      type: 'INSTRUCTION',
      order: 3,
      required: false,
      description: 'Every seal on the cabinet.',
    },
  ];
}

function taskBody(
  locationId: string,
  pointIds: readonly string[],
  name: string,
  schedule: { startAt: number; rule: string | null },
): CreateTaskExecutionBody {
  return {
    assigneeIds: [],
    locationId,
    name,
    description: null,
    recurrence: schedule.rule === null ? null : { rule: schedule.rule, exception: null },
    startAt: iso(schedule.startAt),
    endAt: iso(schedule.startAt + 45 * MINUTE_MS),
    priority: 'NORMAL',
    orderStepsRequired: true,
    strictTimeRequired: false,
    deadlined: false,
    tags: ['bench'],
    steps: pointIds.map((pointId, order) => ({
      pointId,
      name: `Step ${order + 1}`,
      order,
      actions: actionsOfStep(),
    })),
  };
}

/** Task `index` of the mix: of every 20, 12 daily, 5 on Mon/Wed/Fri, 3 every 4 hours. */
function ruleOf(index: number): string {
  const slot = index % 20;
  if (slot < 12) return 'FREQ=DAILY';
  if (slot < 17) return 'FREQ=WEEKLY;BYDAY=MO,WE,FR';
  return 'FREQ=HOURLY;INTERVAL=4';
}

function infoPath(query: Record<string, string>): string {
  return `/api/task-executions/info?${new URLSearchParams(query).toString()}`;
}

/** The URL in `Link: <…>; rel="next"`. */
function nextPagePath(link: string | null): string {
  const match = link && /<([^>]+)>;\s*rel="next"/.exec(link);
  if (!match?.[1]) throw new Error(`expected a next page, got Link: ${link}`);
  return match[1];
}

interface Setup {
  readonly dayPath: string;
  readonly weekPage3Path: string;
  readonly locationDayPath: string;
  readonly postBody: CreateTaskExecutionBody;
  readonly captured: CapturedResponses;
  readonly timings: string[];
}

async function setUp(): Promise<Setup> {
  const timings: string[] = [];
  let lap = performance.now();
  const time = (what: string) => {
    const elapsed = (performance.now() - lap) / 1000;
    timings.push(`${what}: ${elapsed.toFixed(1)} s`);
    lap = performance.now();
    return elapsed;
  };

  const { organization } = await runCli<{ organization: { id: string } }>([
    'create-organization',
    '--name',
    'Bench Security',
    '--owner-email',
    'owner@bench.test',
    '--owner-password',
    'lantern-harbour-quiet-42',
    '--time-zone',
    'Europe/Kyiv',
  ]);
  const server = await startOpenPatrol();
  try {
    // While `serve` runs: the CLI and the server share the SQLite file (WAL, busy_timeout).
    ({ token } = await runCli<{ token: string }>([
      'create-api-token',
      '--organization',
      organization.id,
      '--name',
      'bench',
    ]));
    time('CLI, server start');

    const post = <T>(url: string, body: unknown) =>
      call<T>(server.url, 'POST', url, 201, body).then((response) => response.body);
    const locations: { id: string; pointIds: string[] }[] = [];
    for (let n = 1; n <= LOCATION_COUNT; n++) {
      const location = await post<{ id: string }>('/api/locations', {
        name: `Site ${n}`,
        timeZone: 'Europe/Kyiv',
      });
      const pointIds: string[] = [];
      for (let p = 1; p <= POINTS_PER_LOCATION; p++)
        pointIds.push(
          (
            await post<{ id: string }>('/api/points', {
              locationId: location.id,
              name: `Gate ${p}`,
            })
          ).id,
        );
      locations.push({ id: location.id, pointIds });
    }
    time(`${LOCATION_COUNT} locations, ${LOCATION_COUNT * POINTS_PER_LOCATION} points`);

    await inParallel(taskCount, SETUP_CONCURRENCY, (index) => {
      const location = locations[index % LOCATION_COUNT]!;
      // 37 is prime to the 1440 minutes of a day: start times spread over the whole day.
      const startAt = seriesStart + ((index * 37) % 1440) * MINUTE_MS;
      return post(
        '/api/task-executions',
        taskBody(location.id, location.pointIds, `Round ${index + 1}`, {
          startAt,
          rule: ruleOf(index),
        }),
      );
    });
    const taskSeconds = time(`${taskCount} tasks`);
    timings[timings.length - 1] += ` (${Math.round(taskCount / taskSeconds)} creates/s)`;

    const get = (url: string) => call<TaskExecutionInfo[]>(server.url, 'GET', url, 200);
    const limit = String(PAGE_SIZE);
    const dayQuery = { from: iso(todayStart), to: iso(todayStart + DAY_MS), limit };
    const dayPath = infoPath(dayQuery);
    const weekPath = infoPath({ from: iso(weekStart), to: iso(weekStart + 7 * DAY_MS), limit });
    const locationDayPath = infoPath({ ...dayQuery, locationIds: locations[0]!.id });
    const weekPage2Path = nextPagePath((await get(weekPath)).link);
    const weekPage3Path = nextPagePath((await get(weekPage2Path)).link);
    const pages: Record<string, CapturedResponses['pages'][string]> = {};
    for (const url of [dayPath, weekPage3Path, locationDayPath]) pages[url] = await get(url);

    const postLocation = locations[0]!;
    const postBody = taskBody(postLocation.id, postLocation.pointIds, 'One-off inspection', {
      startAt: todayStart + POST_TASKS_START_IN_DAYS * DAY_MS + 9 * 60 * MINUTE_MS,
      rule: null,
    });
    const created = await post<TaskExecutionInfo>('/api/task-executions', postBody);
    time('captured responses');
    return {
      dayPath,
      weekPage3Path,
      locationDayPath,
      postBody,
      captured: { pages, created },
      timings,
    };
  } finally {
    await stopProcess(server.process);
  }
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Target {
  readonly name: string;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
  readonly goal?: { readonly text: string; readonly isMet: (result: Summary) => boolean };
}

interface Sample {
  readonly requestsPerSecond: number;
  readonly meanLatencyMs: number;
  readonly p99LatencyMs: number;
}

interface Summary {
  readonly bare: Sample;
  readonly openPatrol: Sample;
  /** OpenPatrol's time per request over the bare server's: bare req/s ÷ OpenPatrol req/s. */
  readonly ratio: number;
}

async function measure(serverUrl: string, target: Target, label: string): Promise<Sample> {
  const options = {
    url: serverUrl + target.path,
    method: target.method,
    connections,
    // With 50 connections a slow route keeps some requests waiting for seconds; none should fail.
    timeout: 60,
    headers: {
      ...authorization(),
      ...(target.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(target.body === undefined ? {} : { body: target.body }),
  };
  await autocannon({ ...options, duration: WARM_UP_SECONDS }); // JIT, SQLite page cache
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || result.requests.total === 0)
    throw new Error(
      `${label} ${target.name}: ${result.requests.total} requests, ${result.non2xx} non-2xx, ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return {
    requestsPerSecond: result.requests.average,
    meanLatencyMs: result.latency.mean,
    p99LatencyMs: result.latency.p99,
  };
}

const describeSample = (sample: Sample) =>
  `${Math.round(sample.requestsPerSecond)} req/s (latency mean ${Math.round(sample.meanLatencyMs)} ms, ` +
  `p99 ${Math.round(sample.p99LatencyMs)} ms)`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const setupStarted = performance.now();
let setup: Setup;
try {
  setup = await setUp();
} catch (error) {
  rmSync(dataDirectory, { recursive: true, force: true });
  throw error;
}
const setupSeconds = (performance.now() - setupStarted) / 1000;
writeFileSync(capturedFile, JSON.stringify(setup.captured));

const kilobytes = (url: string) =>
  (Buffer.byteLength(JSON.stringify(setup.captured.pages[url]?.body)) / 1024).toFixed(0);
const itemsOf = (url: string) => setup.captured.pages[url]?.body.length ?? 0;
const targets: Target[] = [
  {
    name: `GET info, one day, page of ${PAGE_SIZE}`,
    path: setup.dayPath,
    method: 'GET',
    goal: { text: '≤ 3× bare', isMet: (summary) => summary.ratio <= 3 },
  },
  { name: `GET info, one week, page 3 of ${PAGE_SIZE}`, path: setup.weekPage3Path, method: 'GET' },
  {
    name: `GET info, one location, one day, page of ${PAGE_SIZE}`,
    path: setup.locationDayPath,
    method: 'GET',
  },
  // Last in each round: the tasks it creates must not be there when a GET is measured (and
  // they start in POST_TASKS_START_IN_DAYS days, outside every measured window anyway).
  {
    name: 'POST /api/task-executions (one-off, 3 steps × 4 actions)',
    path: '/api/task-executions',
    method: 'POST',
    body: JSON.stringify(setup.postBody),
    goal: {
      text: '≥ 500 creates/s',
      isMet: (summary) => summary.openPatrol.requestsPerSecond >= 500,
    },
  },
];

const samples = new Map(
  targets.map((target) => [target, { bare: [] as Sample[], openPatrol: [] as Sample[] }]),
);
try {
  // Interleaved: within each round every target is measured on OpenPatrol, then on the bare
  // server, so a slow minute on a shared machine hits both alike. Both servers are started fresh
  // each round and stay up (idle) while the other one is measured. OpenPatrol goes first because
  // its in-process worker runs the task-schedules job right after start-up: the warm-up absorbs
  // that run instead of the bare server's measurement.
  for (let round = 1; round <= rounds; round++) {
    const openPatrol = await startOpenPatrol();
    const bare = await startProcess(
      ['--import', 'tsx', 'bench/bare-task-executions-server.ts'],
      { CAPTURED_RESPONSES: capturedFile },
      setup.dayPath,
    ).catch(async (error: unknown) => {
      await stopProcess(openPatrol.process);
      throw error;
    });
    try {
      for (const target of targets) {
        const openPatrolSample = await measure(openPatrol.url, target, 'OpenPatrol');
        const bareSample = await measure(bare.url, target, 'bare');
        samples.get(target)?.bare.push(bareSample);
        samples.get(target)?.openPatrol.push(openPatrolSample);
        console.error(
          `round ${round}: ${target.name}: OpenPatrol ${describeSample(openPatrolSample)}, ` +
            `bare ${describeSample(bareSample)}`,
        );
      }
      // The POSTs must have left the measured windows alone: the day page lists the same executions.
      const { body: dayPage } = await call<TaskExecutionInfo[]>(
        openPatrol.url,
        'GET',
        setup.dayPath,
        200,
      );
      const capturedIds = setup.captured.pages[setup.dayPath]?.body.map((item) => item.id);
      if (JSON.stringify(dayPage.map((item) => item.id)) !== JSON.stringify(capturedIds))
        throw new Error(
          'the day page changed during the benchmark: the GET figures are not comparable',
        );
    } finally {
      await Promise.all([stopProcess(bare.process), stopProcess(openPatrol.process)]);
    }
  }
} finally {
  rmSync(dataDirectory, { recursive: true, force: true });
}

const medianSample = (taken: Sample[]): Sample => ({
  requestsPerSecond: median(taken.map((sample) => sample.requestsPerSecond)),
  meanLatencyMs: median(taken.map((sample) => sample.meanLatencyMs)),
  p99LatencyMs: median(taken.map((sample) => sample.p99LatencyMs)),
});
const summarize = (target: Target): Summary => {
  const taken = samples.get(target)!;
  const bare = medianSample(taken.bare);
  const openPatrol = medianSample(taken.openPatrol);
  return { bare, openPatrol, ratio: bare.requestsPerSecond / openPatrol.requestsPerSecond };
};

console.log(
  `\n${taskCount} recurring tasks at ${LOCATION_COUNT} locations (SQLite), setup ${setupSeconds.toFixed(1)} s ` +
    `(${setup.timings.join('; ')})`,
);
console.log(
  `Pages: one day ${itemsOf(setup.dayPath)} executions (${kilobytes(setup.dayPath)} kB), ` +
    `week page 3 ${itemsOf(setup.weekPage3Path)} (${kilobytes(setup.weekPage3Path)} kB), ` +
    `one location ${itemsOf(setup.locationDayPath)} (${kilobytes(setup.locationDayPath)} kB).`,
);
console.log(
  `POST ran after the GETs in each round, on the same server and data; its tasks start in ` +
    `${POST_TASKS_START_IN_DAYS} days, outside every measured window.`,
);
console.log(
  `${connections} connections, ${seconds} s per run after a ${WARM_UP_SECONDS} s warm-up, ` +
    `median of ${rounds} interleaved rounds\n`,
);
console.log(
  '| endpoint | bare Fastify req/s | bare mean latency (ms) | OpenPatrol req/s | OpenPatrol mean latency (ms) | time per request vs bare | goal |',
);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const target of targets) {
  const summary = summarize(target);
  const goal = target.goal
    ? `${target.goal.text}: ${target.goal.isMet(summary) ? 'PASS' : 'MISS'}`
    : '';
  console.log(
    `| ${target.name} | ${Math.round(summary.bare.requestsPerSecond)} | ` +
      `${summary.bare.meanLatencyMs.toFixed(1)} | ${Math.round(summary.openPatrol.requestsPerSecond)} | ` +
      `${summary.openPatrol.meanLatencyMs.toFixed(1)} | ${summary.ratio.toFixed(2)}× | ${goal} |`,
  );
}
console.log(
  "\nLatency is autocannon's, over completed requests: those still waiting when a run ends are " +
    'not counted, so for slow routes the mean is below connections ÷ requests/s (p99 per run ' +
    'above, on stderr). The ratio compares requests/s.',
);
