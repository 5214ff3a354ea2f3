import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig } from '../config.js';
import { signUpOrganization } from '../test-support/factories.js';
import { createTestServer } from '../test-support/test-server.js';
import type { Problem } from './problem.schemas.js';

describe('request size limits', () => {
  it('gives routes anyone may call a smaller body limit than signed-in routes', async () => {
    const server = await createTestServer({ env: { PUBLIC_BODY_LIMIT_BYTES: '2048' } });
    try {
      const owner = await signUpOrganization(server);
      const signIn = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'owner@acme-security.example', password: 'x'.repeat(3000) },
      });
      assert.equal(signIn.statusCode, 413);
      assert.match(signIn.json<Problem>().detail, /limit of 2048 bytes/);

      const location = await server.app.inject({
        method: 'POST',
        url: '/api/locations',
        headers: owner.headers,
        payload: { name: 'Depot', description: 'd'.repeat(3000) },
      });
      assert.equal(location.statusCode, 201, location.body);
    } finally {
      await server.close();
    }
  });
});

describe('request time limits', () => {
  it('answers 408 and closes a connection that does not finish its request in time', async () => {
    const server = await createTestServer({ env: { REQUEST_TIMEOUT_MS: '500' } });
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = server.app.server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      const started = performance.now();
      const answer = await new Promise<string>((resolve, reject) => {
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
        // Headers that never end: the slow-client attack this limit is for.
        socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
      });
      const elapsed = performance.now() - started;
      assert.match(answer, /^HTTP\/1\.1 408/);
      assert.ok(elapsed < 5000, `the connection stayed open ${Math.round(elapsed)} ms`);
    } finally {
      await server.close();
    }
  });

  it('answers a read that takes too long with 503, but lets a slow write finish', async () => {
    const server = await createTestServer({
      env: { HANDLER_TIMEOUT_MS: '200' },
      extendApp: (app) => {
        app.get('/api/test/slow-read', { config: { access: 'public' } }, async () => {
          await sleep(1000);
          return { done: true };
        });
        app.post('/api/test/slow-write', { config: { access: 'public' } }, async () => {
          await sleep(400);
          return { done: true };
        });
      },
    });
    try {
      const read = await server.app.inject({ url: '/api/test/slow-read' });
      assert.equal(read.statusCode, 503);
      assert.equal(read.json<Problem>().type, 'urn:openpatrol:problem:request-timed-out');
      assert.ok(Number(read.headers['retry-after']) > 0);
      const write = await server.app.inject({ method: 'POST', url: '/api/test/slow-write' });
      assert.equal(write.statusCode, 200);
    } finally {
      await server.close();
    }
  });
});

describe('security settings', () => {
  it('lists every wrong setting at once', () => {
    assert.throws(
      () =>
        loadConfig({
          CORS_ALLOWED_ORIGINS: 'https://crm.example.com/app,ftp://x.example',
          TRUST_PROXY: 'the load balancer',
          REDIS_URL: 'localhost:6379',
          RATE_LIMIT_PER_TOKEN: '-1',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const problems = error.problems.join('\n');
        assert.match(problems, /REDIS_URL/);
        assert.match(problems, /RATE_LIMIT_PER_TOKEN/);
        return true;
      },
    );
    assert.throws(
      () => loadConfig({ CORS_ALLOWED_ORIGINS: 'https://crm.example.com/app,ftp://x.example' }),
      /CORS_ALLOWED_ORIGINS must list origins like https:\/\/crm\.example\.com; not https:\/\/crm\.example\.com\/app[\s\S]*not ftp:\/\/x\.example/,
    );
    assert.throws(() => loadConfig({ TRUST_PROXY: 'the load balancer' }), /TRUST_PROXY/);
  });

  it('reads origins as browsers send them and defaults to safe limits', () => {
    const config = loadConfig({
      CORS_ALLOWED_ORIGINS: 'https://CRM.example.com/, http://localhost:5173',
    });
    assert.deepEqual(config.security.corsAllowedOrigins, [
      'https://crm.example.com',
      'http://localhost:5173',
    ]);
    const defaults = loadConfig({}).security;
    assert.deepEqual(defaults.corsAllowedOrigins, []);
    assert.equal(defaults.trustProxy, false);
    assert.equal(defaults.rateLimits.redisUrl, undefined);
    assert.ok(defaults.rateLimits.perToken > 0 && defaults.rateLimits.perIp > 0);
  });

  it('takes the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    for (const [trustProxy, expected] of [
      ['', '127.0.0.1'],
      ['1', '203.0.113.9'],
      ['127.0.0.1', '203.0.113.9'],
    ] as const) {
      const server = await createTestServer({
        env: { TRUST_PROXY: trustProxy, RATE_LIMIT_PER_IP: '1' },
      });
      try {
        const ask = () =>
          server.app.inject({
            url: '/api/openapi.json',
            headers: { 'x-forwarded-for': '203.0.113.9' },
          });
        await ask();
        const refused = await ask();
        assert.equal(refused.statusCode, 429);
        assert.match(
          refused.json<Problem>().detail,
          new RegExp(`Address ${expected.replaceAll('.', '\\.')} `),
        );
      } finally {
        await server.close();
      }
    }
  });
});
