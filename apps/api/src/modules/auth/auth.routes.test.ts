import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  DEFAULT_PASSWORD,
  signIn,
  signUpOrganization,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { SessionView } from './auth.schemas.js';

describe('session API', () => {
  let server: TestServer;
  let acme: SignedUpOrganization;

  before(async () => {
    server = await createTestServer();
    acme = await signUpOrganization(server, 'Acme Security');
  });
  after(() => server.close());

  describe('signUp', () => {
    it('creates the organization and its Owner, and signs in with a secure cookie', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/session/sign-up',
        payload: {
          organizationName: 'Nightwatch',
          owner: {
            firstName: 'Ivan',
            lastName: 'Franko',
            email: 'Ivan@Nightwatch.example',
            password: DEFAULT_PASSWORD,
          },
        },
      });
      assert.equal(response.statusCode, 201, response.body);
      const cookie = String(response.headers['set-cookie']);
      assert.match(cookie, /^openpatrol_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      const session = response.json<SessionView>();
      assert.equal(session.person?.email, 'ivan@nightwatch.example');
      assert.deepEqual(
        session.memberships.map((m) => [m.organizationName, m.role]),
        [['Nightwatch', 'OWNER']],
      );
    });

    it('refuses an e-mail address that has an account with 409', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/session/sign-up',
        payload: {
          organizationName: 'Copycat',
          owner: { firstName: 'A', lastName: 'B', email: acme.email, password: DEFAULT_PASSWORD },
        },
      });
      assert.equal(response.statusCode, 409);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:email-taken');
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        ['/owner/email'],
      );
    });

    it('refuses a weak password with a 400 that states the rule', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/session/sign-up',
        payload: {
          organizationName: 'Weak',
          owner: { firstName: 'A', lastName: 'B', email: 'weak@example.com', password: 'short' },
        },
      });
      assert.equal(response.statusCode, 400);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:weak-password');
      assert.deepEqual(problem.errors, [
        { in: 'body', pointer: '/owner/password', detail: 'must be at least 10 characters long' },
      ]);
    });
  });

  describe('signIn', () => {
    it('signs in with the right password', async () => {
      const credentials = await signIn(server, acme.email);
      const session = await server.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: credentials.headers,
      });
      assert.equal(session.statusCode, 200);
      assert.equal(session.json<SessionView>().organizationId, acme.organizationId);
    });

    it('answers a wrong password and an unknown address alike', async () => {
      const wrongPassword = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: acme.email, password: 'not the password' },
      });
      const unknown = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'nobody@example.com', password: 'not the password' },
      });
      assert.equal(wrongPassword.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrongPassword.json<Problem>().detail, unknown.json<Problem>().detail);
    });

    it('pauses an account after five failures, even for the right password', async () => {
      const victim = await signUpOrganization(server, 'Throttled Org');
      for (let attempt = 0; attempt < 5; attempt++) {
        const failed = await server.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: victim.email, password: `guess number ${attempt}` },
        });
        assert.equal(failed.statusCode, 401);
      }
      const paused = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: victim.email, password: DEFAULT_PASSWORD },
      });
      assert.equal(paused.statusCode, 429);
      assert.equal(paused.json<Problem>().type, 'urn:openpatrol:problem:too-many-sign-in-attempts');
      assert.ok(Number(paused.headers['retry-after']) > 0);
    });
  });

  describe('cookie-authenticated writes', () => {
    it('are refused without the session’s CSRF token', async () => {
      const { headers } = await signIn(server, acme.email);
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/api-tokens',
        headers: { cookie: headers.cookie! },
        payload: { name: 'forged' },
      });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:csrf-token-invalid');
    });
  });

  describe('signOut', () => {
    it('ends the session: the cookie no longer works', async () => {
      const { headers } = await signIn(server, acme.email);
      assert.equal(
        (await server.app.inject({ method: 'DELETE', url: '/api/session', headers })).statusCode,
        204,
      );
      const after = await server.app.inject({ method: 'GET', url: '/api/session', headers });
      assert.equal(after.statusCode, 401);
    });
  });

  describe('switchOrganization', () => {
    it('moves into another organization of the same person, and refuses a foreign one with 404', async () => {
      const { headers } = await signIn(server, acme.email);
      const other = await signUpOrganization(server, 'Other Org');
      const refused = await server.app.inject({
        method: 'PUT',
        url: '/api/session/organization',
        headers,
        payload: { organizationId: other.organizationId },
      });
      assert.equal(refused.statusCode, 404);
      const same = await server.app.inject({
        method: 'PUT',
        url: '/api/session/organization',
        headers,
        payload: { organizationId: acme.organizationId },
      });
      assert.equal(same.statusCode, 200);
    });
  });

  describe('changePassword', () => {
    it('needs the current password, then signs out the other sessions', async () => {
      const person = await signUpOrganization(server, 'Password Org');
      const other = await signIn(server, person.email);
      const wrong = await server.app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers: person.headers,
        payload: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' },
      });
      assert.equal(wrong.statusCode, 401);
      const changed = await server.app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers: person.headers,
        payload: { currentPassword: DEFAULT_PASSWORD, newPassword: 'a brand new passphrase' },
      });
      assert.equal(changed.statusCode, 204);
      assert.equal(
        (await server.app.inject({ method: 'GET', url: '/api/session', headers: other.headers }))
          .statusCode,
        401,
      );
      assert.equal(
        (await server.app.inject({ method: 'GET', url: '/api/session', headers: person.headers }))
          .statusCode,
        200,
      );
      await signIn(server, person.email, 'a brand new passphrase');
    });
  });
});
