import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import { hashSecret } from '../../shared/secrets.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createFixedClock } from '../../shared/clock.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { ApiToken } from './api-tokens.schemas.js';

describe('External API tokens', () => {
  const clock = createFixedClock(new Date('2026-12-04T10:00:00.000Z'));
  let server: TestServer;
  let owner: SignedUpOrganization;

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
  });
  after(() => server.close());

  it('shows the full token once, prefixed opk_, and afterwards only its prefix', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: owner.headers,
      payload: { name: 'CRM integration' },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.headers['cache-control'], 'no-store');
    const body = created.json<ApiToken & { token: string }>();
    assert.match(body.token, /^opk_[A-Za-z0-9_-]{43}$/);
    assert.equal(body.prefix, body.token.slice(0, 12));
    assert.equal(body.status, 'ACTIVE');
    assert.equal(body.createdByName, 'Olena Owner');

    const listed = await server.app.inject({
      method: 'GET',
      url: '/api/api-tokens',
      headers: owner.headers,
    });
    assert.equal(listed.statusCode, 200);
    assert.ok(!listed.body.includes(body.token), 'the list never repeats the secret');
    assert.ok(
      listed
        .json<ApiToken[]>()
        .some((token) => token.id === body.id && token.prefix === body.prefix),
    );
  });

  it('stores only a hash of the token', async () => {
    const { token, id } = await createApiToken(server, owner, 'Hash check');
    const row = await server.deps.database.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.tokenHash, hashSecret(token));
    assert.ok(
      !Object.values(row).some(
        (value) => typeof value === 'string' && value.includes(token.slice(12)),
      ),
    );
  });

  it('authenticates API requests as the organization, recording when it was last used', async () => {
    const { headers, id } = await createApiToken(server, owner, 'Reader');
    const response = await server.app.inject({ method: 'GET', url: '/api/users', headers });
    assert.equal(response.statusCode, 200);
    assert.ok(response.json<{ id: string }[]>().some((user) => user.id === owner.ownerMemberId));
    const listed = (
      await server.app.inject({ method: 'GET', url: '/api/api-tokens', headers: owner.headers })
    ).json<ApiToken[]>();
    assert.equal(listed.find((token) => token.id === id)?.lastUsedAt, clock.now().toISOString());
  });

  it('stops working on the very next request once revoked', async () => {
    const { headers, id } = await createApiToken(server, owner, 'Soon revoked');
    assert.equal(
      (await server.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode,
      200,
    );
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/api-tokens/${id}/revoke`,
      headers: owner.headers,
    });
    assert.equal(revoked.statusCode, 200);
    assert.equal(revoked.json<ApiToken>().status, 'REVOKED');
    const refused = await server.app.inject({ method: 'GET', url: '/api/users', headers });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json<Problem>().type, 'urn:openpatrol:problem:invalid-credentials');
  });

  it('stops working when it expires', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: owner.headers,
      payload: { name: 'Short-lived', expiresAt: '2026-12-04T11:00:00.000Z' },
    });
    const { token } = created.json<{ token: string }>();
    const headers = { authorization: `Bearer ${token}` };
    assert.equal(
      (await server.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode,
      200,
    );
    clock.advance(60 * 60 * 1000);
    assert.equal(
      (await server.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode,
      401,
    );
    clock.set(new Date('2026-12-04T10:00:00.000Z'));
  });

  it('refuses an expiry in the past, naming the field', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: owner.headers,
      payload: { name: 'Backdated', expiresAt: '2020-01-01T00:00:00.000Z' },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response.json<Problem>().errors?.map((error) => error.pointer),
      ['/expiresAt'],
    );
  });

  it('answers an unknown token and a malformed header with 401 problems', async () => {
    const unknown = await server.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: 'Bearer opk_thisisnotarealtokenatallreally' },
    });
    assert.equal(unknown.statusCode, 401);
    for (const authorization of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer a b c',
      'opk_abcdefghijklmnopqrstuvwxyz',
    ]) {
      const malformed = await server.app.inject({
        method: 'GET',
        url: '/api/users',
        headers: { authorization },
      });
      assert.equal(malformed.statusCode, 401, authorization);
      assert.equal(
        malformed.json<Problem>().type,
        'urn:openpatrol:problem:malformed-authorization',
        authorization,
      );
    }
  });

  it('cannot be created, listed or revoked by an Admin, nor by a token', async () => {
    const admin = await signInMember(server, owner, 'ADMIN');
    const token = await createApiToken(server, owner, 'Not for minting');
    for (const headers of [admin.headers, token.headers]) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/api-tokens',
        headers,
        payload: { name: 'Sneaky' },
      });
      assert.equal(created.statusCode, 403);
      assert.equal(
        (await server.app.inject({ method: 'GET', url: '/api/api-tokens', headers })).statusCode,
        403,
      );
      assert.equal(
        (
          await server.app.inject({
            method: 'POST',
            url: `/api/api-tokens/${token.id}/revoke`,
            headers,
          })
        ).statusCode,
        403,
      );
    }
  });
});
