import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { createDependencies } from '../../dependencies.js';
import { createServer } from '../../server.js';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import {
  buildTestConfig,
  createTestServer,
  type TestServer,
} from '../../test-support/test-server.js';
import {
  createMemoryRateLimitStore,
  createRedisRateLimitStore,
  type RateLimitStore,
} from './rate-limit-store.js';

/** Redis runs locally on these machines and in CI (.ci/run). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE_LIMITED = 'urn:openpatrol:problem:rate-limited';

/** Each test keeps its counts apart from other files and machines sharing the Redis server. */
function redisStore(): RateLimitStore {
  return createRedisRateLimitStore({
    url: REDIS_URL,
    keyPrefix: `openpatrol-test:${randomUUID()}:`,
  });
}

describe('rate limits in the process', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let first: Credentials;
  let second: Credentials;

  before(async () => {
    server = await createTestServer({
      env: {
        RATE_LIMIT_PER_TOKEN: '3',
        RATE_LIMIT_PER_PERSON: '6',
        RATE_LIMIT_PER_IP: '4',
        // Long enough that no window ends while the tests run, on any machine.
        RATE_LIMIT_WINDOW_MS: '60000',
      },
    });
    owner = await signUpOrganization(server); // the address's first request
    first = await createApiToken(server, owner, 'First'); // the owner's first two
    second = await createApiToken(server, owner, 'Second');
  });
  after(() => server.close());

  const listLocations = (credentials: Credentials) =>
    server.app.inject({ method: 'GET', url: '/api/locations', headers: credentials.headers });

  it('counts each API token down in RateLimit headers, then answers 429 with Retry-After', async () => {
    for (const remaining of ['2', '1', '0']) {
      const response = await listLocations(first);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['ratelimit-limit'], '3');
      assert.equal(response.headers['ratelimit-remaining'], remaining);
      assert.equal(response.headers['ratelimit-policy'], '3;w=60');
    }
    const refused = await listLocations(first);
    assert.equal(refused.statusCode, 429);
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    const problem = refused.json<Problem>();
    assert.equal(problem.type, RATE_LIMITED);
    assert.match(problem.detail, /This API token made more than 3 requests in 60 s/);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(refused.headers['ratelimit-remaining'], '0');
  });

  it('keeps every token’s count apart', async () => {
    const response = await listLocations(second);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['ratelimit-remaining'], '2');
  });

  it('counts a signed-in person, not their address', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 6; request += 1)
      statuses.push((await listLocations(owner)).statusCode);
    // Two of the six were spent creating the tokens.
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    const refused = await listLocations(owner);
    assert.match(refused.json<Problem>().detail, /You made more than 6 requests/);
  });

  it('counts callers without credentials by address, and never health checks', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 4; request += 1)
      statuses.push((await server.app.inject({ url: '/api/openapi.json' })).statusCode);
    // The sign-up was the address's first request.
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await server.app.inject({ url: '/api/openapi.json' });
    assert.match(refused.json<Problem>().detail, /Address 127\.0\.0\.1 made more than 4/);
    for (let request = 0; request < 10; request += 1) {
      const health = await server.app.inject({ url: '/api/health' });
      assert.equal(health.statusCode, 200);
      assert.equal(health.headers['ratelimit-limit'], undefined);
    }
  });
});

describe('the in-process store', () => {
  it('lets a caller in again once the window has ended', async () => {
    const server = await createTestServer({
      env: { RATE_LIMIT_PER_IP: '1', RATE_LIMIT_WINDOW_MS: '2000' },
    });
    try {
      const ask = () => server.app.inject({ url: '/api/openapi.json' });
      assert.equal((await ask()).statusCode, 200);
      const refused = await ask();
      assert.equal(refused.statusCode, 429);
      await sleep(Number(refused.headers['retry-after']) * 1000 + 100);
      const again = await ask();
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers['ratelimit-remaining'], '0');
    } finally {
      await server.close();
    }
  });

  it('starts a new window once the previous one has ended', async () => {
    let now = 1_000_000;
    const store = createMemoryRateLimitStore({ now: () => now });
    assert.deepEqual(await store.hit('k', 60_000), { count: 1, resetInMs: 60_000 });
    now += 59_999;
    assert.deepEqual(await store.hit('k', 60_000), { count: 2, resetInMs: 1 });
    now += 1;
    assert.deepEqual(await store.hit('k', 60_000), { count: 1, resetInMs: 60_000 });
    await store.close();
  });
});

describe('rate limits shared through Redis', () => {
  it('counts in one window per key, expiring with it', async () => {
    const store = redisStore();
    await store.ready();
    const firstHit = await store.hit('token:a', 1000);
    const secondHit = await store.hit('token:a', 1000);
    assert.equal(firstHit.count, 1);
    assert.equal(secondHit.count, 2);
    assert.ok(secondHit.resetInMs > 0 && secondHit.resetInMs <= 1000);
    assert.equal((await store.hit('token:b', 1000)).count, 1);
    await sleep(secondHit.resetInMs + 50);
    assert.equal((await store.hit('token:a', 1000)).count, 1);
    await store.close();
  });

  it('makes two server instances count one token’s requests together', async () => {
    const env = { RATE_LIMIT_PER_TOKEN: '4', RATE_LIMIT_WINDOW_MS: '60000' };
    const sharedPrefix = `openpatrol-test:${randomUUID()}:`;
    const primary = await createTestServer({
      env,
      overrides: {
        rateLimitStore: createRedisRateLimitStore({ url: REDIS_URL, keyPrefix: sharedPrefix }),
      },
    });
    // The second instance shares the first one's database, as API processes behind a load
    // balancer share PostgreSQL, and has its own connection to the same Redis keys.
    const secondaryDeps = createDependencies(buildTestConfig(env), {
      logger: pino({ level: 'silent' }),
      database: primary.deps.database,
      webApps: [],
      rateLimitStore: createRedisRateLimitStore({ url: REDIS_URL, keyPrefix: sharedPrefix }),
    });
    const secondary = await createServer(secondaryDeps);
    try {
      const urls: string[] = [];
      for (const app of [primary.app, secondary]) {
        await app.listen({ port: 0, host: '127.0.0.1' });
        urls.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      }
      const owner = await signUpOrganization(primary);
      const token = await createApiToken(primary, owner);

      const answers: { status: number; remaining: string | null }[] = [];
      for (let request = 0; request < 6; request += 1) {
        const response = await fetch(`${urls[request % 2]}/api/locations`, {
          headers: token.headers,
        });
        answers.push({
          status: response.status,
          remaining: response.headers.get('ratelimit-remaining'),
        });
        await response.arrayBuffer();
      }
      assert.deepEqual(answers, [
        { status: 200, remaining: '3' },
        { status: 200, remaining: '2' },
        { status: 200, remaining: '1' },
        { status: 200, remaining: '0' },
        { status: 429, remaining: '0' },
        { status: 429, remaining: '0' },
      ]);
    } finally {
      await secondary.close();
      await secondaryDeps.rateLimitStore.close();
      await primary.close();
    }
  });

  it('lets requests through, uncounted, while Redis cannot be reached', async () => {
    const server = await createTestServer({
      env: { RATE_LIMIT_PER_IP: '1' },
      overrides: {
        // Nothing listens on port 1: every command fails at once.
        rateLimitStore: createRedisRateLimitStore({ url: 'redis://127.0.0.1:1' }),
      },
    });
    try {
      for (let request = 0; request < 3; request += 1) {
        const response = await server.app.inject({ url: '/api/openapi.json' });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['ratelimit-limit'], undefined);
      }
    } finally {
      await server.close();
    }
  });
});
