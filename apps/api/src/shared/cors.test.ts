import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createApiToken,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../test-support/factories.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import type { Problem } from './problem.schemas.js';

const CRM = 'https://crm.example.com';
const ELSEWHERE = 'https://evil.example.net';

describe('CORS for the External API', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;

  before(async () => {
    server = await createTestServer({
      env: { CORS_ALLOWED_ORIGINS: `${CRM}, https://erp.example.com` },
    });
    owner = await signUpOrganization(server);
    token = await createApiToken(server, owner);
  });
  after(() => server.close());

  const preflight = (origin: string, url = '/api/task-executions/info') =>
    server.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers a listed origin’s preflight with the methods and headers it may use', async () => {
    const response = await preflight(CRM);
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['access-control-allow-origin'], CRM);
    assert.match(String(response.headers['access-control-allow-methods']), /POST/);
    assert.match(String(response.headers['access-control-allow-headers']), /Authorization/);
    assert.match(String(response.headers['access-control-allow-headers']), /Idempotency-Key/);
    assert.equal(response.headers['access-control-allow-credentials'], undefined);
    assert.match(String(response.headers.vary), /Origin/);
  });

  it('gives any other origin no CORS headers, so its page cannot read the answer', async () => {
    const response = await preflight(ELSEWHERE);
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['access-control-allow-origin'], undefined);
    assert.equal(response.headers['access-control-allow-methods'], undefined);
    const read = await server.app.inject({
      url: '/api/locations',
      headers: { ...token.headers, origin: ELSEWHERE },
    });
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['access-control-allow-origin'], undefined);
  });

  it('lets a listed origin read token requests and their paging and rate-limit headers', async () => {
    const response = await server.app.inject({
      url: '/api/locations',
      headers: { ...token.headers, origin: CRM },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], CRM);
    assert.equal(response.headers['access-control-allow-credentials'], undefined);
    const exposed = String(response.headers['access-control-expose-headers']);
    for (const header of ['Link', 'RateLimit-Remaining', 'Retry-After', 'X-Request-Id'])
      assert.ok(exposed.includes(header), `${header} is not exposed`);
  });

  it('never allows credentials, and refuses a cross-origin write made with the session cookie', async () => {
    const write = await server.app.inject({
      method: 'POST',
      url: '/api/locations',
      headers: { ...owner.headers, origin: CRM },
      payload: { name: 'Forged' },
    });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json<Problem>().type, 'urn:openpatrol:problem:cross-origin-request-refused');
    const locations = await server.app.inject({ url: '/api/locations', headers: owner.headers });
    assert.ok(!locations.body.includes('Forged'));

    const read = await server.app.inject({
      url: '/api/locations',
      headers: { ...owner.headers, origin: CRM },
    });
    assert.equal(read.headers['access-control-allow-credentials'], undefined);
  });

  it('treats the server’s own pages as same-origin', async () => {
    const write = await server.app.inject({
      method: 'POST',
      url: '/api/locations',
      headers: { ...owner.headers, origin: 'http://localhost:80', host: 'localhost:80' },
      payload: { name: 'From the admin app' },
    });
    assert.equal(write.statusCode, 201, write.body);
    assert.equal(write.headers['access-control-allow-origin'], undefined);
  });
});

describe('CORS without allowed origins (the default)', () => {
  it('allows no origin at all', async () => {
    const server = await createTestServer();
    try {
      const response = await server.app.inject({
        method: 'OPTIONS',
        url: '/api/health',
        headers: { origin: CRM, 'access-control-request-method': 'GET' },
      });
      assert.equal(response.statusCode, 204);
      assert.equal(response.headers['access-control-allow-origin'], undefined);
      const read = await server.app.inject({ url: '/api/health', headers: { origin: CRM } });
      assert.equal(read.headers['access-control-allow-origin'], undefined);
    } finally {
      await server.close();
    }
  });
});
