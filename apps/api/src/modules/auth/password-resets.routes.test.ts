import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFixedClock } from '../../shared/clock.js';
import type { Problem } from '../../shared/problem.schemas.js';
import { DEFAULT_PASSWORD, signIn, signUpOrganization } from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

const NEW_PASSWORD = 'purple elephants dance at noon';
const ONE_HOUR_MS = 60 * 60 * 1000;

describe('password reset API', () => {
  const clock = createFixedClock(new Date('2026-03-02T08:00:00.000Z'));
  let server: TestServer;

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
  });
  after(() => server.close());

  function requestReset(email: string) {
    return server.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email } });
  }

  function resetPassword(token: string, newPassword = NEW_PASSWORD) {
    return server.app.inject({
      method: 'POST',
      url: '/api/password-resets/confirm',
      payload: { token, newPassword },
    });
  }

  function signInWith(email: string, password: string) {
    return server.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  }

  /** Every reset link e-mailed to the address so far, oldest first. */
  async function readResetLinks(email: string): Promise<string[]> {
    const messages = await server.deps.database.db
      .selectFrom('emailOutbox')
      .select('textBody')
      .where('toAddress', '=', email)
      .orderBy('createdAt')
      .execute();
    return messages.flatMap(({ textBody }) => {
      const link = /\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(textBody)?.[0];
      return link ? [link] : [];
    });
  }

  /** Asks for a reset link for the address and returns the token of the one e-mail it sent. */
  async function requestResetToken(email: string): Promise<string> {
    const before = await readResetLinks(email);
    const response = await requestReset(email);
    assert.equal(response.statusCode, 202, response.body);
    const sent = (await readResetLinks(email)).filter((link) => !before.includes(link));
    assert.equal(sent.length, 1, 'exactly one reset e-mail was sent');
    return new URL(sent[0]!).searchParams.get('token')!;
  }

  describe('requestPasswordReset', () => {
    it('answers an address without an account exactly like one with, and e-mails nobody', async () => {
      const acme = await signUpOrganization(server, 'Enumeration Check');
      const known = await requestReset(`  ${acme.email.toUpperCase()} `.trim());
      const unknown = await requestReset('nobody@enumeration-check.example');

      assert.equal(known.statusCode, 202);
      assert.equal(unknown.statusCode, 202);
      assert.equal(known.body, '');
      assert.equal(unknown.body, known.body);
      assert.equal(unknown.headers['content-type'], known.headers['content-type']);
      assert.equal((await readResetLinks(acme.email)).length, 1);
      assert.deepEqual(await readResetLinks('nobody@enumeration-check.example'), []);
    });

    it('e-mails a link to the public URL that carries only a random token', async () => {
      const acme = await signUpOrganization(server, 'Link Shape');
      await requestResetToken(acme.email);
      const [link] = await readResetLinks(acme.email);
      assert.match(
        link!,
        new RegExp(`^${server.deps.config.publicUrl}/reset-password\\?token=[A-Za-z0-9_-]{43}$`),
      );
    });

    it('sends at most three links to one address an hour; the fourth request sends nothing', async () => {
      const acme = await signUpOrganization(server, 'Flood Check');
      for (let attempt = 1; attempt <= 3; attempt += 1) await requestResetToken(acme.email);

      const fourth = await requestReset(acme.email);
      assert.equal(fourth.statusCode, 202);
      assert.equal((await readResetLinks(acme.email)).length, 3);

      clock.advance(ONE_HOUR_MS);
      await requestResetToken(acme.email);
    });
  });

  describe('resetPassword', () => {
    it('sets the new password, retires the old one and ends every session of the person', async () => {
      const acme = await signUpOrganization(server, 'Happy Path');
      const laptop = await signIn(server, acme.email);
      const token = await requestResetToken(acme.email);

      const response = await resetPassword(token);
      assert.equal(response.statusCode, 204, response.body);

      assert.equal((await signInWith(acme.email, DEFAULT_PASSWORD)).statusCode, 401);
      assert.equal((await signInWith(acme.email, NEW_PASSWORD)).statusCode, 200);
      for (const session of [acme, laptop]) {
        const check = await server.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: session.headers,
        });
        assert.equal(check.statusCode, 401, 'the session signed in before the reset has ended');
      }
    });

    it('accepts a link only once', async () => {
      const acme = await signUpOrganization(server, 'Single Use');
      const token = await requestResetToken(acme.email);
      assert.equal((await resetPassword(token)).statusCode, 204);

      const again = await resetPassword(token, 'another long passphrase');
      assert.equal(again.statusCode, 400);
      assert.equal(again.json<Problem>().type, 'urn:openpatrol:problem:reset-link-not-valid');
      assert.equal((await signInWith(acme.email, NEW_PASSWORD)).statusCode, 200);
    });

    it('retires the older links of the person once one of them is used', async () => {
      const acme = await signUpOrganization(server, 'Older Links');
      const older = await requestResetToken(acme.email);
      const newer = await requestResetToken(acme.email);
      assert.equal((await resetPassword(newer)).statusCode, 204);

      const response = await resetPassword(older, 'another long passphrase');
      assert.equal(response.statusCode, 400);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:reset-link-not-valid');
    });

    it('refuses a link older than an hour', async () => {
      const acme = await signUpOrganization(server, 'Expired Link');
      const token = await requestResetToken(acme.email);
      clock.advance(ONE_HOUR_MS);

      const response = await resetPassword(token);
      assert.equal(response.statusCode, 400);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:reset-link-not-valid');
      assert.match(problem.detail, /ask for a new one/);
      assert.equal((await signInWith(acme.email, DEFAULT_PASSWORD)).statusCode, 200);
    });

    it('refuses an unknown link', async () => {
      const response = await resetPassword('x'.repeat(43));
      assert.equal(response.statusCode, 400);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:reset-link-not-valid');
    });

    it('refuses a weak new password naming the rule, and leaves the link usable', async () => {
      const acme = await signUpOrganization(server, 'Weak Choice');
      const token = await requestResetToken(acme.email);

      const response = await resetPassword(token, 'short');
      assert.equal(response.statusCode, 400);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:weak-password');
      assert.deepEqual(problem.errors, [
        { in: 'body', pointer: '/newPassword', detail: 'must be at least 10 characters long' },
      ]);
      assert.equal((await resetPassword(token)).statusCode, 204);
    });

    it('lifts the sign-in pause of the account', async () => {
      const acme = await signUpOrganization(server, 'Paused Account');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        assert.equal((await signInWith(acme.email, 'wrong password here')).statusCode, 401);
      }
      assert.equal((await signInWith(acme.email, DEFAULT_PASSWORD)).statusCode, 429);

      assert.equal((await resetPassword(await requestResetToken(acme.email))).statusCode, 204);
      assert.equal((await signInWith(acme.email, NEW_PASSWORD)).statusCode, 200);
    });
  });
});
