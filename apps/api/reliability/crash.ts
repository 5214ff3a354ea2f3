/**
 * Crashes under write-heavy load (issue 10). Field members record values and an integrator
 * creates tasks with Idempotency-Keys, retrying each write until it is acknowledged — as the
 * field app and a careful integration do — while the API and worker processes are killed with
 * SIGKILL again and again and restarted. Afterwards:
 *
 * - every acknowledged field write is in its execution's event log exactly once, and nothing is
 *   there that was not sent;
 * - every acknowledged creation exists exactly once;
 * - every execution's hash chain verifies;
 * - the webhook outbox drains: every delivery recorded is delivered to the receiver.
 *
 * On SQLite the default single process (`serve` runs the worker); on PostgreSQL one `serve`
 * with WORKER_IN_PROCESS=false and one `worker`.
 *
 *   npx tsx reliability/crash.ts     CRASH_SECONDS=60, CRASH_POSTGRES_URL for PostgreSQL
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/database/connection.js';
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
import { createInstallation, startProcess, type RunningProcess } from './processes.js';

export interface CrashResult {
  readonly database: string;
  readonly seconds: number;
  readonly kills: number;
  readonly acknowledgedWrites: number;
  readonly acknowledgedCreations: number;
  /** Creations whose key stayed in progress after a kill: each must exist at most once. */
  readonly abandonedCreations: number;
  readonly retriedRequests: number;
  /** Each list must be empty. */
  readonly missing: string[];
  readonly duplicated: string[];
  readonly unexpected: string[];
  readonly brokenChains: string[];
  readonly undeliveredWebhooks: number;
  readonly webhookDeliveries: number;
  /** Deliveries the receiver saw more than once (allowed: at-least-once, same webhook-id). */
  readonly redeliveries: number;
  readonly drainSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A local receiver that answers 204 and remembers every webhook-id it was sent. */
async function startReceiver(): Promise<{
  url: string;
  seen: Map<string, number>;
  server: Server;
}> {
  const seen = new Map<string, number>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['webhook-id'] ?? '');
      seen.set(id, (seen.get(id) ?? 0) + 1);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, seen, server };
}

export async function crash(options: {
  seconds: number;
  postgresUrl?: string;
  fieldClients?: number;
  log?: (line: string) => void;
}): Promise<CrashResult> {
  const log = options.log ?? (() => {});
  const installation = await createInstallation(options.postgresUrl);
  const smtp = await startSmtpServer();
  const receiver = await startReceiver();
  const env = { SMTP_URL: smtp.url, WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' };
  const split = options.postgresUrl !== undefined;
  const processes: { api: RunningProcess | null; worker: RunningProcess | null } = {
    api: null,
    worker: null,
  };
  // Clients talk to whichever API process is up: one fixed port, taken over by each restart.
  const { findFreePort } = await import('../src/test-support/free-port.js');
  const port = String(await findFreePort());
  const startApi = async () => {
    processes.api = await startProcess(installation, 'serve', {
      ...env,
      PORT: port,
      ...(split ? { WORKER_IN_PROCESS: 'false' } : {}),
    });
  };
  const startWorker = async () => {
    if (split) processes.worker = await startProcess(installation, 'worker', env);
  };
  await startProcess(installation, 'migrate', env);
  await startApi();
  await startWorker();
  const url = `http://127.0.0.1:${port}`;
  const database = openDatabase(loadConfig(installation.env).database);
  const started = Date.now();
  try {
    // --- Setup
    const organization = await signUp(url, 'Crash Test Security');
    const token = await createToken(url, organization);
    const location = (
      await call(url, token, 'POST', '/api/locations', { name: 'Depot', timeZone: 'Europe/Kyiv' })
    ).json<{ id: string }>();
    const point = (
      await call(url, token, 'POST', '/api/points', { locationId: location.id, name: 'Gate' })
    ).json<{ id: string; qrCode: string }>();
    const webhook = await call(url, token, 'POST', '/api/webhooks', {
      url: receiver.url,
      eventTypes: ['task-execution.created', 'task-execution.updated', 'task-execution.started'],
    });
    if (webhook.status !== 201) throw new Error(`webhook: ${webhook.status} ${webhook.body}`);
    const readInvitation = (email: string) => waitForInvitationToken(smtp.received, email);
    const now = Date.now();
    const clients: { caller: Caller; executionId: string; actionId: string }[] = [];
    for (let index = 0; index < (options.fieldClients ?? 8); index++) {
      const member = await addMember(
        url,
        organization,
        token,
        'USER',
        [location.id],
        readInvitation,
      );
      clients.push({
        caller: member,
        ...(await planStartedRound(url, token, member, {
          locationId: location.id,
          point,
          name: `Round ${index}`,
          now,
        })),
      });
    }
    log(
      `set up ${clients.length} field clients on ${installation.describe}; crashing for ${options.seconds} s`,
    );

    // --- Load with retries until acknowledged
    let stopping = false;
    let retried = 0;
    /** Write ids acknowledged (201 applied or 200 replayed), per execution. */
    const acknowledged = new Map<string, string[]>();
    const sent = new Map<string, Set<string>>();
    const creations = new Map<string, string>();
    /** Sends one request until the server answers it (any status below 500 but 429). */
    const abandoned: string[] = [];
    const untilAnswered = async (send: () => Promise<Answer>): Promise<Answer> => {
      const giveUpInProgressAt = Date.now() + 20_000;
      for (;;) {
        try {
          const answer = await send();
          const inProgress =
            answer.status === 409 && answer.body.includes('idempotency-key-in-progress');
          if (inProgress && Date.now() < giveUpInProgressAt) {
            retried++;
            await sleep(500);
            continue;
          }
          if (answer.status < 500 && answer.status !== 429) return answer;
        } catch {
          // The process is down or was killed mid-request: the write may or may not have landed.
        }
        retried++;
        await sleep(150);
      }
    };
    const fieldLoop = async (client: (typeof clients)[number]) => {
      let value = 0;
      acknowledged.set(client.executionId, []);
      sent.set(client.executionId, new Set());
      while (!stopping) {
        const write = {
          id: randomUUID(),
          type: 'VALUE_RECORDED',
          actionId: client.actionId,
          numberValue: value++,
        };
        sent.get(client.executionId)!.add(write.id);
        const answer = await untilAnswered(() =>
          call(
            url,
            client.caller,
            'POST',
            `/api/task-executions/${client.executionId}/events`,
            write,
          ),
        );
        if (answer.status === 201 || answer.status === 200)
          acknowledged.get(client.executionId)!.push(write.id);
        else throw new Error(`write refused: ${answer.status}`);
      }
    };
    const integratorLoop = async () => {
      let index = 0;
      while (!stopping) {
        const key = `crash-${index++}-${randomUUID()}`;
        const answer = await untilAnswered(() =>
          call(
            url,
            token,
            'POST',
            '/api/task-executions',
            {
              assigneeIds: [],
              locationId: location.id,
              name: key,
              description: null,
              recurrence: null,
              startAt: new Date(now + 86_400_000).toISOString(),
              endAt: new Date(now + 90_000_000).toISOString(),
              priority: 'NORMAL',
              orderStepsRequired: false,
              strictTimeRequired: false,
              deadlined: false,
              tags: ['crash'],
              steps: [{ pointId: point.id, name: 'Gate', order: 0 }],
            },
            { 'idempotency-key': key },
          ),
        );
        if (answer.status === 201 || answer.status === 200)
          creations.set(key, answer.json<{ id: string }>().id);
        // A key whose first request died with the process stays "in progress" (409) until the
        // server deems it abandoned (5 minutes); a client that cannot wait that long moves on.
        // Whether or not that creation happened, it must not have happened twice (checked below).
        else if (answer.status === 409 && answer.body.includes('idempotency-key-in-progress'))
          abandoned.push(key);
        else throw new Error(`creation refused: ${answer.status} ${answer.body}`);
      }
    };
    let kills = 0;
    const chaos = async () => {
      const deadline = Date.now() + options.seconds * 1000;
      while (Date.now() < deadline) {
        await sleep(1500 + Math.random() * 2000);
        // Mostly the API; on PostgreSQL the worker too, sometimes both at once.
        const roll = Math.random();
        if (!split || roll < 0.6) {
          await processes.api?.kill9();
          kills++;
          await startApi();
        }
        if (split && roll >= 0.4) {
          await processes.worker?.kill9();
          kills++;
          await startWorker();
        }
      }
      stopping = true;
    };
    const loops = [...clients.map(fieldLoop), integratorLoop()];
    await chaos();
    await Promise.all(loops);
    log(`load done: ${kills} kills; verifying`);

    // --- Verification
    const missing: string[] = [];
    const duplicated: string[] = [];
    const unexpected: string[] = [];
    const brokenChains: string[] = [];
    for (const client of clients) {
      const events = (
        await call(url, token, 'GET', `/api/task-executions/${client.executionId}/events`)
      ).json<{ id: string; type: string }[]>();
      const counts = new Map<string, number>();
      for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
      for (const id of acknowledged.get(client.executionId) ?? [])
        if (!counts.has(id)) missing.push(`${client.executionId}/${id}`);
      for (const [id, count] of counts) {
        if (count > 1) duplicated.push(`${client.executionId}/${id}`);
        const event = events.find((candidate) => candidate.id === id)!;
        if (event.type === 'VALUE_RECORDED' && !sent.get(client.executionId)!.has(id))
          unexpected.push(`${client.executionId}/${id}`);
      }
      const integrity = (
        await call(url, token, 'GET', `/api/task-executions/${client.executionId}/integrity`)
      ).json<{ valid: boolean }>();
      if (!integrity.valid) brokenChains.push(client.executionId);
    }
    // Every creation the integrator was told about, found by its name (the key), once.
    const byName = new Map<string, string[]>();
    let next: string | null =
      `/api/task-executions/info?from=${new Date(now).toISOString()}` +
      `&to=${new Date(now + 2 * 86_400_000).toISOString()}&tags=crash&limit=500`;
    while (next) {
      const page = await call(url, token, 'GET', next);
      for (const item of page.json<{ id: string; name: string }[]>())
        byName.set(item.name, [...(byName.get(item.name) ?? []), item.id]);
      next = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1] ?? null;
      if (next?.startsWith('http')) next = new URL(next).pathname + new URL(next).search;
    }
    for (const key of abandoned)
      if ((byName.get(key) ?? []).length > 1) duplicated.push(`abandoned creation ${key}`);
    for (const [key, id] of creations) {
      const ids = byName.get(key) ?? [];
      if (ids.length === 0) missing.push(`creation ${key}`);
      if (ids.length > 1) duplicated.push(`creation ${key}`);
      if (ids.length === 1 && ids[0] !== id) unexpected.push(`creation ${key} answered ${id}`);
    }

    // The outbox drains once the processes stay up.
    const drainStarted = Date.now();
    let pending = Infinity;
    // A killed worker's claims lapse within a minute (DEFAULT_LOCK_FOR_MS); then they run.
    while (Date.now() - drainStarted < 3 * 60_000) {
      const row = await database.db
        .selectFrom('webhookDeliveries')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('status', '!=', 'DELIVERED')
        .executeTakeFirstOrThrow();
      pending = Number(row.count);
      if (pending === 0) break;
      await sleep(500);
    }
    const deliveries = await database.db
      .selectFrom('webhookDeliveries')
      .select('eventId')
      .execute();
    const notReceived = deliveries.filter(
      (delivery) => !receiver.seen.has(delivery.eventId),
    ).length;
    return {
      database: installation.describe,
      seconds: Math.round((Date.now() - started) / 1000),
      kills,
      acknowledgedWrites: [...acknowledged.values()].reduce((sum, ids) => sum + ids.length, 0),
      acknowledgedCreations: creations.size,
      abandonedCreations: abandoned.length,
      retriedRequests: retried,
      missing,
      duplicated,
      unexpected,
      brokenChains,
      undeliveredWebhooks: pending + notReceived,
      webhookDeliveries: deliveries.length,
      redeliveries: [...receiver.seen.values()].reduce((sum, count) => sum + count - 1, 0),
      drainSeconds: Math.round((Date.now() - drainStarted) / 1000),
    };
  } finally {
    await processes.api?.stop();
    await processes.worker?.stop();
    await database.destroy();
    await smtp.close();
    receiver.server.close();
    await installation.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await crash({
    seconds: Number(process.env.CRASH_SECONDS ?? 60),
    postgresUrl: process.env.CRASH_POSTGRES_URL,
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result, null, 2));
  const failed =
    result.missing.length +
    result.duplicated.length +
    result.unexpected.length +
    result.brokenChains.length +
    result.undeliveredWebhooks;
  process.exitCode = failed === 0 ? 0 : 1;
}
