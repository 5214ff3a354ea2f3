import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createFixedClock } from '../../shared/clock.js';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  createUser,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { SessionView } from '../auth/auth.schemas.js';
import type { User } from '../members/members.schemas.js';
import type { Device } from './devices.schemas.js';

type RegisteredDevice = Device & { registrationCode: string };

const GUARD_PIN = '4821';

describe('shared devices and guard sign-in', () => {
  const clock = createFixedClock(new Date('2026-12-04T08:00:00.000Z'));
  let server: TestServer;
  let acme: SignedUpOrganization;
  let guard: User;
  let secondGuard: User;

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    acme = await signUpOrganization(server, 'Acme Security');
    guard = await addGuard(acme, 'G-100', 'Hanna');
    secondGuard = await addGuard(acme, 'G-200', 'Petro');
  });
  after(() => server.close());

  function addGuard(owner: Credentials, memberNumber: string, firstName: string) {
    return createUser(server, owner, { role: 'GUARD', firstName, memberNumber, pin: GUARD_PIN });
  }

  /** The `name=value` pair of a cookie the response set, ready for a Cookie header. */
  function cookieFrom(response: LightMyRequestResponse, name: string): string {
    const header = response.headers['set-cookie'];
    const cookies = Array.isArray(header) ? header : header ? [header] : [];
    const cookie = cookies.find((candidate) => candidate.startsWith(`${name}=`));
    if (!cookie) throw new Error(`the response set no ${name} cookie: ${String(header)}`);
    return cookie.split(';')[0]!;
  }

  async function registerDevice(credentials: Credentials, name = 'Front desk phone') {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: credentials.headers,
      payload: { name },
    });
    assert.equal(response.statusCode, 201, response.body);
    return { response, device: response.json<RegisteredDevice>() };
  }

  function authorize(code: string) {
    return server.app.inject({
      method: 'POST',
      url: '/api/devices/authorize',
      payload: { code },
    });
  }

  /** A device registered by the Owner and authorized with its code: its cookie. */
  async function authorizedDevice(name?: string) {
    const { device } = await registerDevice(acme, name);
    const response = await authorize(device.registrationCode);
    assert.equal(response.statusCode, 200, response.body);
    return { device, deviceCookie: cookieFrom(response, 'openpatrol_device') };
  }

  function guardSignIn(cookie: string, memberNumber: string, pin = GUARD_PIN) {
    return server.app.inject({
      method: 'POST',
      url: '/api/devices/guard-sign-in',
      headers: { cookie },
      payload: { memberNumber, pin },
    });
  }

  function getSession(sessionCookie: string) {
    return server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: sessionCookie },
    });
  }

  describe('registerDevice', () => {
    it('gives an Owner a one-time code of unambiguous characters, stored only as a hash', async () => {
      const { response, device } = await registerDevice(acme);
      assert.match(device.registrationCode, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      assert.equal(device.status, 'PENDING');
      assert.equal(device.registrationExpiresAt, '2026-12-05T08:00:00.000Z');
      assert.equal(response.headers['cache-control'], 'no-store');
      const row = await server.deps.database.db
        .selectFrom('devices')
        .select('registrationCodeHash')
        .where('id', '=', device.id)
        .executeTakeFirstOrThrow();
      assert.match(row.registrationCodeHash ?? '', /^[0-9a-f]{64}$/);
    });

    it('lets an API token register and list devices', async () => {
      const token = await createApiToken(server, acme);
      const { device } = await registerDevice(token, 'Warehouse tablet');
      const listed = await server.app.inject({
        method: 'GET',
        url: '/api/devices',
        headers: token.headers,
      });
      assert.equal(listed.statusCode, 200);
      const devices = listed.json<Device[]>();
      assert.ok(devices.some((candidate) => candidate.id === device.id));
      assert.ok(devices.every((candidate) => !('registrationCode' in candidate)));
    });

    it('is refused to Managers and Users with 403', async () => {
      for (const role of ['MANAGER', 'USER'] as const) {
        const member = await signInMember(server, acme, role);
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/devices',
          headers: member.headers,
          payload: { name: 'My own phone' },
        });
        assert.equal(response.statusCode, 403, role);
        assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:forbidden');
      }
    });
  });

  describe('authorizeDevice', () => {
    it('authorizes the device with a long-lived httpOnly cookie, however the code is typed', async () => {
      const { device } = await registerDevice(acme);
      const typed = `${device.registrationCode.slice(0, 4)}-${device.registrationCode.slice(4)}`;
      const response = await authorize(` ${typed.toLowerCase()} `);
      assert.equal(response.statusCode, 200, response.body);
      const authorized = response.json<Device>();
      assert.equal(authorized.status, 'AUTHORIZED');
      assert.equal(authorized.authorizedAt, clock.now().toISOString());
      assert.equal(authorized.registrationExpiresAt, null);
      const setCookie = String(response.headers['set-cookie']);
      assert.match(setCookie, /^openpatrol_device=[A-Za-z0-9_-]{43};/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      assert.match(setCookie, /Path=\/api\/devices/);
    });

    it('accepts a registration code only once', async () => {
      const { device } = await registerDevice(acme);
      assert.equal((await authorize(device.registrationCode)).statusCode, 200);
      const second = await authorize(device.registrationCode);
      assert.equal(second.statusCode, 400);
      assert.equal(
        second.json<Problem>().type,
        'urn:openpatrol:problem:registration-code-not-valid',
      );
      assert.equal(second.headers['set-cookie'], undefined);
    });

    it('refuses a code after 24 hours', async () => {
      const { device } = await registerDevice(acme);
      clock.advance(24 * 60 * 60 * 1000);
      try {
        assert.equal((await authorize(device.registrationCode)).statusCode, 400);
      } finally {
        clock.advance(-24 * 60 * 60 * 1000);
      }
    });
  });

  describe('signInGuard', () => {
    it('signs a guard in with member number and PIN, and the session works', async () => {
      const { deviceCookie } = await authorizedDevice();
      const response = await guardSignIn(deviceCookie, 'G-100');
      assert.equal(response.statusCode, 200, response.body);
      const session = response.json<SessionView>();
      assert.equal(session.person, null);
      assert.equal(session.organizationId, acme.organizationId);
      assert.equal(session.memberId, guard.id);
      const sessionCookie = cookieFrom(response, 'openpatrol_session');
      assert.match(String(response.headers['set-cookie']), /openpatrol_session=.*HttpOnly/);

      const current = await getSession(sessionCookie);
      assert.equal(current.statusCode, 200);
      assert.equal(current.json<SessionView>().memberId, guard.id);
    });

    it('refuses a wrong PIN with 401', async () => {
      const { deviceCookie } = await authorizedDevice();
      const response = await guardSignIn(deviceCookie, 'G-100', '0000');
      assert.equal(response.statusCode, 401);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:invalid-credentials');
      assert.equal(response.headers['set-cookie'], undefined);
    });

    it('refuses the member number of another role like an unknown one', async () => {
      await createUser(server, acme, {
        role: 'USER',
        email: 'numbered.user@example.com',
        memberNumber: 'U-300',
        pin: GUARD_PIN,
      });
      const { deviceCookie } = await authorizedDevice();
      const otherRole = await guardSignIn(deviceCookie, 'U-300');
      const unknown = await guardSignIn(deviceCookie, 'NOBODY-1');
      assert.equal(otherRole.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(otherRole.json<Problem>().detail, unknown.json<Problem>().detail);
    });

    it('refuses an archived guard', async () => {
      const archived = await addGuard(acme, 'G-400', 'Olha');
      const archiving = await server.app.inject({
        method: 'POST',
        url: `/api/users/${archived.id}/archive`,
        headers: acme.headers,
      });
      assert.equal(archiving.statusCode, 200, archiving.body);
      const { deviceCookie } = await authorizedDevice();
      assert.equal((await guardSignIn(deviceCookie, 'G-400')).statusCode, 401);
    });

    it('refuses a guard on a device nobody authorized', async () => {
      const withoutCookie = await guardSignIn('', 'G-100');
      const forgedCookie = await guardSignIn('openpatrol_device=forged-credential', 'G-100');
      for (const response of [withoutCookie, forgedCookie]) {
        assert.equal(response.statusCode, 403);
        assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:device-not-authorized');
      }
    });

    it('hands the device to the next guard: the previous guard’s session ends', async () => {
      const { deviceCookie } = await authorizedDevice();
      const first = await guardSignIn(deviceCookie, 'G-100');
      const firstSession = cookieFrom(first, 'openpatrol_session');
      const second = await guardSignIn(`${deviceCookie}; ${firstSession}`, 'G-200');
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json<SessionView>().memberId, secondGuard.id);

      assert.equal((await getSession(firstSession)).statusCode, 401);
      const current = await getSession(cookieFrom(second, 'openpatrol_session'));
      assert.equal(current.json<SessionView>().memberId, secondGuard.id);
    });

    it('pauses a guard on the device after five wrong PINs, even for the right PIN', async () => {
      await addGuard(acme, 'G-500', 'Yurii');
      const { deviceCookie } = await authorizedDevice();
      for (let attempt = 0; attempt < 5; attempt++) {
        assert.equal((await guardSignIn(deviceCookie, 'G-500', `99${attempt}9`)).statusCode, 401);
      }
      const paused = await guardSignIn(deviceCookie, 'G-500');
      assert.equal(paused.statusCode, 429);
      assert.ok(Number(paused.headers['retry-after']) > 0);
    });
  });

  describe('revokeDevice', () => {
    it('signs out the device’s guard at once and lets nobody sign in on it again', async () => {
      const { device, deviceCookie } = await authorizedDevice();
      const signedIn = await guardSignIn(deviceCookie, 'G-100');
      const sessionCookie = cookieFrom(signedIn, 'openpatrol_session');
      assert.equal((await getSession(sessionCookie)).statusCode, 200);

      const revoked = await server.app.inject({
        method: 'POST',
        url: `/api/devices/${device.id}/revoke`,
        headers: acme.headers,
      });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal(revoked.json<Device>().status, 'REVOKED');

      assert.equal((await getSession(sessionCookie)).statusCode, 401);
      assert.equal((await guardSignIn(deviceCookie, 'G-100')).statusCode, 403);
      const remaining = await server.deps.database.db
        .selectFrom('sessions')
        .select('tokenHash')
        .where('deviceId', '=', device.id)
        .execute();
      assert.deepEqual(remaining, []);
    });

    it('answers 404 to the Owner of another organization', async () => {
      const { device } = await authorizedDevice();
      const rival = await signUpOrganization(server, 'Rival Patrol');
      const response = await server.app.inject({
        method: 'POST',
        url: `/api/devices/${device.id}/revoke`,
        headers: rival.headers,
      });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:device-not-found');

      const theirs = await server.app.inject({
        method: 'GET',
        url: '/api/devices',
        headers: rival.headers,
      });
      assert.deepEqual(theirs.json<Device[]>(), []);
    });
  });
});
