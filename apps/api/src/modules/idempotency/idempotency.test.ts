import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  createUser,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Location } from '../locations/locations.schemas.js';
import type { User } from '../members/members.schemas.js';
import { purgeExpiredIdempotencyKeys } from './idempotency.repository.js';

describe('Idempotency-Key', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials & { id: string };
  /** Fails with 500 on its first call and succeeds afterwards, like a brief outage. */
  let flakyCalls = 0;

  before(async () => {
    server = await createTestServer({
      extendApp: (app) => {
        app.post(
          '/api/test/flaky-write',
          { config: { access: { roles: ['OWNER'], token: true } } },
          async (_request, reply) => {
            flakyCalls += 1;
            if (flakyCalls === 1) throw new Error('the database went away');
            return reply.code(201).send({ call: flakyCalls });
          },
        );
      },
    });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
  });
  after(() => server.close());

  const post = (url: string, credentials: Credentials, payload: object, key?: string) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { ...credentials.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload,
    });

  const countUsers = async (lastName: string) => {
    const rows = await server.deps.database.db
      .selectFrom('members')
      .select('id')
      .where('organizationId', '=', owner.organizationId)
      .where('lastName', '=', lastName)
      .execute();
    return rows.length;
  };

  const countLocations = async (name: string) => {
    const rows = await server.deps.database.db
      .selectFrom('locations')
      .select('id')
      .where('organizationId', '=', owner.organizationId)
      .where('name', '=', name)
      .execute();
    return rows.length;
  };

  const keyRow = (key: string) =>
    server.deps.database.db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();

  describe('replaying a write', () => {
    it('answers a retried create with the first response and creates nothing new', async () => {
      const body = {
        firstName: 'Mykola',
        lastName: 'Retried',
        role: 'GUARD',
        memberNumber: 'G-1',
        pin: '4821',
      };
      const first = await post('/api/users', token, body, 'create-mykola');
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.headers['idempotent-replayed'], undefined);

      const retry = await post('/api/users', token, body, 'create-mykola');
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.match(String(retry.headers['content-type']), /^application\/json/);
      assert.equal(retry.json<User>().id, first.json<User>().id);
      assert.equal(retry.body, first.body);
      assert.equal(await countUsers('Retried'), 1);
    });

    it('treats a body with its fields in another order as the same request', async () => {
      const first = await post(
        '/api/locations',
        token,
        { name: 'Reordered gate', address: 'Khreshchatyk 1' },
        'reordered',
      );
      assert.equal(first.statusCode, 201, first.body);
      const retry = await post(
        '/api/locations',
        token,
        { address: 'Khreshchatyk 1', name: 'Reordered gate' },
        'reordered',
      );
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(retry.json<Location>().id, first.json<Location>().id);
      assert.equal(await countLocations('Reordered gate'), 1);
    });

    it('replays a refused first request too, even after the reason for the refusal is gone', async () => {
      const twin = await createUser(server, owner, { role: 'USER', email: 'twin@example.com' });
      const body = { firstName: 'T', lastName: 'Win', role: 'USER', email: 'twin@example.com' };
      const refused = await post('/api/users', token, body, 'second-twin');
      assert.equal(refused.statusCode, 409, refused.body);

      const renamed = await server.app.inject({
        method: 'PATCH',
        url: `/api/users/${twin.id}`,
        headers: token.headers,
        payload: { email: 'first-twin@example.com' },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);

      const retry = await post('/api/users', token, body, 'second-twin');
      assert.equal(retry.statusCode, 409);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.match(String(retry.headers['content-type']), /^application\/problem\+json/);
      assert.equal(retry.json<Problem>().type, 'urn:openpatrol:problem:member-conflict');
      assert.equal(await countUsers('Win'), 0);
    });

    it('releases the key after a server failure, so the retry runs again', async () => {
      const failed = await post('/api/test/flaky-write', token, {}, 'flaky');
      assert.equal(failed.statusCode, 500);
      assert.equal(await keyRow('flaky'), undefined);

      const retry = await post('/api/test/flaky-write', token, {}, 'flaky');
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(retry.headers['idempotent-replayed'], undefined);
      const replay = await post('/api/test/flaky-write', token, {}, 'flaky');
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.deepEqual(replay.json(), { call: 2 });
      assert.equal(flakyCalls, 2);
    });

    it('lets two simultaneous first requests with one key create one user', async () => {
      const body = {
        firstName: 'Olha',
        lastName: 'Simultaneous',
        role: 'USER',
        email: 'olha@example.com',
      };
      const responses = await Promise.all([
        post('/api/users', token, body, 'simultaneous'),
        post('/api/users', token, body, 'simultaneous'),
      ]);
      assert.ok(
        responses.some(
          (response) => response.statusCode === 201 && !response.headers['idempotent-replayed'],
        ),
        responses.map((response) => response.body).join('\n'),
      );
      for (const response of responses) assert.ok([201, 409].includes(response.statusCode));
      assert.equal(await countUsers('Simultaneous'), 1);
    });
  });

  describe('refusing a key', () => {
    it('refuses the same key with a different body with 422', async () => {
      const first = await post('/api/locations', token, { name: 'North gate' }, 'reused-key');
      assert.equal(first.statusCode, 201, first.body);
      const other = await post('/api/locations', token, { name: 'South yard' }, 'reused-key');
      assert.equal(other.statusCode, 422, other.body);
      const problem = other.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:idempotency-key-reused');
      assert.equal(problem.title, 'This Idempotency-Key was used for a different request');
      assert.equal(await countLocations('South yard'), 0);
    });

    it('refuses the same key on another route with 422', async () => {
      const created = await post('/api/locations', token, { name: 'East gate' }, 'route-key');
      const renamed = await server.app.inject({
        method: 'PATCH',
        url: `/api/locations/${created.json<Location>().id}`,
        headers: { ...token.headers, 'idempotency-key': 'route-key' },
        payload: { name: 'East gate' },
      });
      assert.equal(renamed.statusCode, 422, renamed.body);
    });

    it('answers a key whose first request is still running with 409 and Retry-After', async () => {
      const body = { name: 'West gate' };
      await post('/api/locations', token, body, 'still-running');
      // As if the first request had only just taken the key.
      await server.deps.database.db
        .updateTable('idempotencyKeys')
        .set({
          statusCode: null,
          responseBody: null,
          responseContentType: null,
          createdAt: new Date().toISOString(),
        })
        .where('key', '=', 'still-running')
        .execute();

      const retry = await post('/api/locations', token, body, 'still-running');
      assert.equal(retry.statusCode, 409, retry.body);
      assert.equal(retry.headers['retry-after'], '1');
      assert.equal(
        retry.json<Problem>().type,
        'urn:openpatrol:problem:idempotency-key-in-progress',
      );
      assert.equal(await countLocations('West gate'), 1);
    });

    it('refuses a malformed key with 400 naming the header', async () => {
      for (const key of ['k'.repeat(201), 'ключ']) {
        const response = await post('/api/locations', token, { name: 'Bad key' }, key);
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(response.json<Problem>().errors, [
          {
            in: 'header',
            pointer: '/idempotency-key',
            detail: 'must be 1 to 200 printable ASCII characters',
          },
        ]);
      }
      assert.equal(await countLocations('Bad key'), 0);
    });
  });

  describe('scope', () => {
    it('lets different callers use the same key independently', async () => {
      const body = { name: 'Shared key depot' };
      const byToken = await post('/api/locations', token, body, 'shared-key');
      const byOwner = await post('/api/locations', owner, body, 'shared-key');
      assert.equal(byToken.statusCode, 201, byToken.body);
      assert.equal(byOwner.statusCode, 201, byOwner.body);
      assert.equal(byOwner.headers['idempotent-replayed'], undefined);
      assert.notEqual(byOwner.json<Location>().id, byToken.json<Location>().id);
      assert.equal(await countLocations('Shared key depot'), 2);
    });

    it('leaves a write without the header as it was: every request creates', async () => {
      const before = await server.deps.database.db
        .selectFrom('idempotencyKeys')
        .select('key')
        .execute();
      const first = await post('/api/locations', token, { name: 'Keyless kiosk' });
      const second = await post('/api/locations', token, { name: 'Keyless kiosk' });
      assert.equal(first.statusCode, 201);
      assert.equal(second.statusCode, 201);
      assert.equal(second.headers['idempotent-replayed'], undefined);
      assert.equal(await countLocations('Keyless kiosk'), 2);
      const afterwards = await server.deps.database.db
        .selectFrom('idempotencyKeys')
        .select('key')
        .execute();
      assert.equal(afterwards.length, before.length);
    });

    it('ignores the header when creating an API token, so its secret is never stored', async () => {
      const first = await post('/api/api-tokens', owner, { name: 'Twin token' }, 'token-key');
      const second = await post('/api/api-tokens', owner, { name: 'Twin token' }, 'token-key');
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(second.statusCode, 201, second.body);
      assert.notEqual(
        first.json<{ token: string }>().token,
        second.json<{ token: string }>().token,
      );
      assert.equal(await keyRow('token-key'), undefined);
    });

    it('documents the header on the writes that honour it, and only there', async () => {
      const document = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      }>();
      const documentsKey = (path: string, method: string) =>
        (document.paths[path]?.[method]?.parameters ?? []).some(
          (parameter) => parameter.name === 'Idempotency-Key' && parameter.in === 'header',
        );
      assert.equal(documentsKey('/users', 'post'), true);
      assert.equal(documentsKey('/locations/{id}', 'patch'), true);
      assert.equal(documentsKey('/users', 'get'), false);
      assert.equal(documentsKey('/api-tokens', 'post'), false);
      assert.equal(documentsKey('/session', 'post'), false);
    });

    it('ignores the header on public routes', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'idempotency-key': 'k'.repeat(300) },
        payload: { email: owner.email, password: owner.password },
      });
      assert.equal(response.statusCode, 200, response.body);
    });
  });

  describe('expiry', () => {
    it('forgets an expired key: the same request runs again', async () => {
      const body = { name: 'Yesterday’s depot' };
      const first = await post('/api/locations', token, body, 'yesterday');
      await server.deps.database.db
        .updateTable('idempotencyKeys')
        .set({ expiresAt: new Date(Date.now() - 60 * 60 * 1000).toISOString() })
        .where('key', '=', 'yesterday')
        .execute();
      const again = await post('/api/locations', token, body, 'yesterday');
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.headers['idempotent-replayed'], undefined);
      assert.notEqual(again.json<Location>().id, first.json<Location>().id);
      assert.equal(await countLocations('Yesterday’s depot'), 2);
    });

    it('releases a key whose first request never finished after five minutes', async () => {
      const body = { name: 'Crashed depot' };
      const first = await post('/api/locations', token, body, 'crashed');
      await server.deps.database.db
        .updateTable('idempotencyKeys')
        .set({
          statusCode: null,
          responseBody: null,
          responseContentType: null,
          createdAt: new Date(Date.now() - 10 * 60 * 1000).toISOString(),
        })
        .where('key', '=', 'crashed')
        .execute();
      const again = await post('/api/locations', token, body, 'crashed');
      assert.equal(again.statusCode, 201, again.body);
      assert.notEqual(again.json<Location>().id, first.json<Location>().id);
    });

    it('purges expired keys and keeps the others', async () => {
      await post('/api/locations', token, { name: 'Purge one' }, 'purge-old');
      await post('/api/locations', token, { name: 'Purge two' }, 'purge-new');
      const now = new Date();
      await server.deps.database.db
        .updateTable('idempotencyKeys')
        .set({ expiresAt: new Date(now.getTime() - 1).toISOString() })
        .where('key', '=', 'purge-old')
        .execute();
      const purged = await purgeExpiredIdempotencyKeys(server.deps.database.db, now);
      assert.ok(purged >= 1);
      assert.equal(await keyRow('purge-old'), undefined);
      assert.ok(await keyRow('purge-new'));
    });
  });
});
