import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Problem } from '../../shared/problem.schemas.js';
import { isTestingPostgres } from '../../test-support/test-database.js';
import { createTestServer } from '../../test-support/test-server.js';

const OVERLOADED = 'urn:openpatrol:problem:overloaded';

/** Blocks the event loop, as serving a request on SQLite does. */
function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

interface Answered {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly body: string;
}

function get(agent: http.Agent, url: string): Promise<Answered> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            body,
          }),
        );
      })
      .on('error', reject);
  });
}

/**
 * A server with a route that blocks the loop for `?ms=`, and `connections` kept-alive
 * connections already open to it, so requests sent together reach it in one turn of its loop.
 */
async function busyServer(env: Record<string, string>, connections: number) {
  const server = await createTestServer({
    env: { RATE_LIMIT_PER_IP: '0', ...env },
    extendApp: (app) =>
      app.get<{ Querystring: { ms?: string } }>(
        '/api/test/busy',
        { config: { access: 'public' } },
        async (request) => {
          busy(Number(request.query.ms ?? 0));
          return { done: true };
        },
      ),
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  // Opened one at a time: the server accepts one connection a turn.
  await Promise.all(Array.from({ length: connections }, () => get(agent, `${base}/api/test/busy`)));
  return {
    base,
    get: (path: string) => get(agent, base + path),
    close: async () => {
      agent.destroy();
      await server.close();
    },
  };
}

/**
 * A server whose one in-flight slot is taken by a request held open until `release()`, with one
 * kept-alive connection for `get`: every other request is shed until then.
 */
async function fullServer(env: Record<string, string>) {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let entered = 0;
  const server = await createTestServer({
    env: { MAX_IN_FLIGHT_REQUESTS: '1', RATE_LIMIT_PER_IP: '0', ...env },
    extendApp: (app) =>
      app.get('/api/test/gate', { config: { access: 'public' } }, async () => {
        entered += 1;
        await gate;
        return { done: true };
      }),
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const occupying = fetch(`${base}/api/test/gate`);
  while (entered < 1) await sleep(10);
  return {
    get: (path: string) => get(agent, base + path),
    /** Lets the held request finish, so the slot is free again. */
    release: async () => {
      open();
      assert.equal((await occupying).status, 200);
    },
    close: async () => {
      open();
      await occupying.catch(() => undefined);
      agent.destroy();
      await server.close();
    },
  };
}

describe('load shedding', () => {
  it('answers 503 at once beyond the in-flight cap, and recovers when requests finish', async () => {
    let entered = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await createTestServer({
      env: { MAX_IN_FLIGHT_REQUESTS: '2', RATE_LIMIT_PER_IP: '0' },
      extendApp: (app) =>
        app.get('/api/test/slow', { config: { access: 'public' } }, async () => {
          entered += 1;
          await gate;
          return { done: true };
        }),
    });
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
      const slow = [fetch(`${base}/api/test/slow`), fetch(`${base}/api/test/slow`)];
      while (entered < 2) await sleep(10);

      const started = performance.now();
      const shed = await fetch(`${base}/api/test/slow`);
      const elapsed = performance.now() - started;
      assert.equal(shed.status, 503);
      assert.match(shed.headers.get('retry-after') ?? '', /^[123]$/);
      assert.equal(((await shed.json()) as Problem).type, OVERLOADED);
      assert.ok(elapsed < 1000, `shedding took ${Math.round(elapsed)} ms`);
      // Probes still see the process while it sheds.
      assert.equal((await fetch(`${base}/api/health`)).status, 200);

      release();
      for (const response of await Promise.all(slow)) {
        assert.equal(response.status, 200);
        await response.arrayBuffer();
      }
      const recovered = await fetch(`${base}/api/test/slow`);
      assert.equal(recovered.status, 200);
      assert.deepEqual(await recovered.json(), { done: true });
    } finally {
      release();
      await server.close();
    }
  });

  it('sheds while the event loop stays saturated, and serves again once it is not', async () => {
    const server = await createTestServer({
      env: { MAX_EVENT_LOOP_DELAY_MS: '50', RATE_LIMIT_PER_IP: '0' },
    });
    try {
      const openapi = () => server.app.inject({ url: '/api/openapi.json' });
      // Saturate: 150 ms of synchronous work per tick, as a flood of requests would cause.
      let shed: Problem | undefined;
      const deadline = performance.now() + 5000;
      while (!shed && performance.now() < deadline) {
        const busyUntil = performance.now() + 150;
        while (performance.now() < busyUntil);
        await yieldToLoop();
        const response = await openapi();
        if (response.statusCode === 503) shed = response.json<Problem>();
        else assert.equal(response.statusCode, 200);
      }
      assert.equal(shed?.type, OVERLOADED, 'no request was shed while the loop was saturated');

      let status = 503;
      const recoveryDeadline = performance.now() + 5000;
      while (status === 503 && performance.now() < recoveryDeadline) {
        await sleep(100);
        status = (await openapi()).statusCode;
      }
      assert.equal(status, 200, 'the server did not recover after the loop calmed down');
    } finally {
      await server.close();
    }
  });

  it('sheds the rest of a backlog once turns have served it for four times MAX_QUEUE_DELAY_MS', async () => {
    const server = await busyServer({ MAX_QUEUE_DELAY_MS: '100' }, 100);
    try {
      // 100 requests of 10 ms each reach the server together: served in one turn, the last would
      // wait a second. Past 100 ms the turn has read a backlog (32), and once the delay has
      // lasted 400 ms it answers the rest at once.
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => server.get('/api/test/busy?ms=10')),
      );
      const served = answers.filter((answer) => answer.status === 200).length;
      const shed = answers.filter((answer) => answer.status === 503);
      assert.equal(served + shed.length, 100);
      assert.ok(served >= 30, `only ${served} of the backlog were served before shedding`);
      assert.ok(shed.length >= 30, `only ${shed.length} of 100 were shed`);
      const problem = JSON.parse(shed[0]!.body) as Problem;
      assert.equal(problem.type, OVERLOADED);
      assert.match(problem.detail ?? '', /backlog/);
      // The next turn starts afresh.
      assert.equal((await server.get('/api/test/busy?ms=20')).status, 200);
    } finally {
      await server.close();
    }
  });

  it('serves requests beside one slow request: a long turn alone is not a backlog', async () => {
    const server = await busyServer({ MAX_QUEUE_DELAY_MS: '100' }, 12);
    try {
      // Two browsers' pages loading beside a report: 12 requests in one turn that runs 400 ms.
      const answers = await Promise.all([
        server.get('/api/test/busy?ms=400'),
        ...Array.from({ length: 11 }, () => server.get('/api/test/busy?ms=1')),
      ]);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        Array.from({ length: 12 }, () => 200),
      );
    } finally {
      await server.close();
    }
  });

  it('keeps turns short while new connections wait to be accepted', async () => {
    const server = await busyServer({ MAX_QUEUE_DELAY_MS: '250' }, 40);
    const fresh = new http.Agent({ keepAlive: false });
    try {
      // 40 kept-alive clients ask again as soon as they are answered, 10 ms of work each, while
      // 60 new connections arrive together. Node accepts one connection a turn: turns serving
      // all 40 would leave the newcomers waiting unseen for seconds.
      let arriving = true;
      const keptAlive: Answered[] = [];
      const busyClients = Array.from({ length: 40 }, async () => {
        while (arriving) keptAlive.push(await server.get('/api/test/busy?ms=10'));
      });
      await sleep(50);
      const newcomers = await Promise.all(
        Array.from({ length: 60 }, () => get(fresh, `${server.base}/api/test/busy?ms=10`)),
      ).finally(() => {
        arriving = false;
      });
      await Promise.all(busyClients);

      const statuses = [...keptAlive, ...newcomers].map((answer) => answer.status);
      assert.deepEqual(
        statuses.filter((status) => status !== 200 && status !== 503),
        [],
        'answers other than served or shed',
      );
      assert.ok(
        newcomers.some((answer) => answer.status === 200),
        'no newcomer was served',
      );
      const shed = [...keptAlive, ...newcomers].filter((answer) => answer.status === 503);
      assert.ok(
        shed.some((answer) => /New connections are waiting/.test(answer.body)),
        `nothing was shed for the connections waiting (${shed.length} shed otherwise)`,
      );
    } finally {
      fresh.destroy();
      await server.close();
    }
  });

  it('holds a connection that asks again before its Retry-After, then judges it afresh', async () => {
    const server = await fullServer({});
    try {
      const shed = await server.get('/api/openapi.json');
      assert.equal(shed.status, 503);
      const retryAfterMs = Number(shed.retryAfter) * 1000;
      await server.release();

      // The same connection at once, ignoring Retry-After: held until it is due, then served.
      const started = performance.now();
      const again = await server.get('/api/openapi.json');
      const waited = performance.now() - started;
      assert.equal(again.status, 200);
      assert.ok(
        waited >= retryAfterMs - 100,
        `asked again at once and answered after ${Math.round(waited)} ms, Retry-After was ${retryAfterMs} ms`,
      );
      // Having waited, the connection is no longer held.
      const next = performance.now();
      assert.equal((await server.get('/api/openapi.json')).status, 200);
      assert.ok(performance.now() - next < retryAfterMs - 100, 'a polite request was held');
    } finally {
      await server.close();
    }
  });

  it('holds no connection behind a proxy, where the next request may be another client’s', async () => {
    const server = await fullServer({ TRUST_PROXY: '1' });
    try {
      assert.equal((await server.get('/api/openapi.json')).status, 503);
      // Still full: answered 503 again at once, not held for the Retry-After.
      const started = performance.now();
      assert.equal((await server.get('/api/openapi.json')).status, 503);
      assert.ok(performance.now() - started < 900, 'a request through the proxy was held');
    } finally {
      await server.close();
    }
  });

  // SQLite has no pool to wait for: a backlog there is a long turn (above).
  if (isTestingPostgres())
    it('sheds while every borrowing of a PostgreSQL connection waits longer than MAX_DATABASE_WAIT_MS', async () => {
      const server = await createTestServer({
        env: { MAX_DATABASE_WAIT_MS: '50', RATE_LIMIT_PER_IP: '0' },
        extendApp: (app, deps) =>
          app.get('/api/test/query', { config: { access: 'public' } }, async () => {
            await sql`select pg_sleep(0.05)`.execute(deps.database.db);
            return { done: true };
          }),
      });
      try {
        await server.app.listen({ port: 0, host: '127.0.0.1' });
        const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
        const openapi = () => fetch(`${base}/api/openapi.json`);
        assert.equal((await openapi()).status, 200);
        // 200 queries of 50 ms on the test pool's 4 connections: a queue of 2.5 s, where shedding
        // waits for a second of it.
        let queued = true;
        const queries = Promise.all(
          Array.from({ length: 200 }, async () => (await fetch(`${base}/api/test/query`)).status),
        ).finally(() => {
          queued = false;
        });
        let shed: Problem | undefined;
        while (queued && !shed) {
          await sleep(20);
          const response = await openapi();
          if (response.status === 503) shed = (await response.json()) as Problem;
          else await response.arrayBuffer();
        }
        assert.equal(shed?.type, OVERLOADED, 'nothing was shed while the pool had a queue');
        assert.match(shed.detail ?? '', /waiting for the database/);
        const statuses = await queries;
        assert.ok(statuses.includes(200), 'no query was served');
        await sleep(500);
        assert.equal((await openapi()).status, 200);
      } finally {
        await server.close();
      }
    });
});
