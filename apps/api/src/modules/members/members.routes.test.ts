import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  addLocation,
  createApiToken,
  createUser,
  DEFAULT_PASSWORD,
  readInvitationToken,
  signIn,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { User } from './members.schemas.js';

describe('users API', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let north: string;
  let south: string;

  before(async () => {
    server = await createTestServer();
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    north = await addLocation(server, owner.organizationId, 'North gate');
    south = await addLocation(server, owner.organizationId, 'South yard');
  });
  after(() => server.close());

  const request = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    credentials: Credentials,
    payload?: object,
  ) =>
    server.app.inject({
      method,
      url,
      headers: credentials.headers,
      ...(payload ? { payload } : {}),
    });

  describe('createUser', () => {
    it('creates a user through the External API and e-mails an invitation', async () => {
      const response = await request('POST', '/api/users', token, {
        firstName: 'Mykola',
        lastName: 'Guard',
        email: 'Mykola@Example.com',
        phone: '+380 44 123 4567',
        role: 'USER',
        locationIds: [north],
      });
      assert.equal(response.statusCode, 201, response.body);
      const user = response.json<User>();
      assert.deepEqual(
        {
          email: user.email,
          role: user.role,
          locationIds: user.locationIds,
          archived: user.archived,
          hasAccount: user.hasAccount,
        },
        {
          email: 'mykola@example.com',
          role: 'USER',
          locationIds: [north],
          archived: false,
          hasAccount: false,
        },
      );
      assert.ok(Number.isInteger(user.historyId));
      const invitation = await server.deps.database.db
        .selectFrom('emailOutbox')
        .selectAll()
        .where('toAddress', '=', 'mykola@example.com')
        .executeTakeFirstOrThrow();
      assert.match(invitation.subject, /Acme Security/);
      assert.match(invitation.textBody, /\/invitations\/accept\?token=/);
    });

    it('lets the invited person choose a password and sign in', async () => {
      await createUser(server, owner, {
        role: 'MANAGER',
        email: 'maria@example.com',
        locationIds: [south],
      });
      const accepted = await server.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: {
          token: await readInvitationToken(server, 'maria@example.com'),
          password: DEFAULT_PASSWORD,
        },
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const session = await signIn(server, 'maria@example.com');
      const me = await request('GET', '/api/session', session);
      assert.equal(me.json<{ memberships: { role: string }[] }>().memberships[0]?.role, 'MANAGER');
    });

    it('needs an e-mail address for every role but GUARD', async () => {
      const response = await request('POST', '/api/users', owner, {
        firstName: 'No',
        lastName: 'Mail',
        role: 'USER',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json<Problem>().errors, [
        { in: 'body', pointer: '/email', detail: 'is required for the role USER' },
      ]);
    });

    it('needs a member number and PIN for a guard, and never returns the PIN', async () => {
      const missing = await request('POST', '/api/users', owner, {
        firstName: 'Gu',
        lastName: 'Ard',
        role: 'GUARD',
      });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing.json<Problem>().errors?.map((error) => error.pointer),
        ['/memberNumber', '/pin'],
      );
      const guard = await createUser(server, owner, {
        role: 'GUARD',
        email: null,
        memberNumber: 'G-017',
        pin: '4821',
      });
      assert.equal(guard.memberNumber, 'G-017');
      assert.ok(!JSON.stringify(guard).includes('4821'));
    });

    it('refuses an e-mail address another member has, with 409', async () => {
      await createUser(server, owner, { role: 'USER', email: 'twin@example.com' });
      const response = await request('POST', '/api/users', owner, {
        firstName: 'T',
        lastName: 'Win',
        role: 'USER',
        email: 'twin@example.com',
      });
      assert.equal(response.statusCode, 409);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:member-conflict');
    });

    it('refuses an unknown role and an OWNER role, naming the field', async () => {
      for (const role of ['CAPTAIN', 'OWNER']) {
        const response = await request('POST', '/api/users', owner, {
          firstName: 'R',
          lastName: 'Ole',
          role,
          email: `${role}@example.com`,
        });
        assert.equal(response.statusCode, 400, role);
        assert.deepEqual(
          response.json<Problem>().errors?.map((error) => error.pointer),
          ['/role'],
          role,
        );
      }
    });

    it('refuses a location of another organization, naming which one', async () => {
      const other = await signUpOrganization(server, 'Other Org');
      const foreign = await addLocation(server, other.organizationId, 'Their gate');
      const response = await request('POST', '/api/users', owner, {
        firstName: 'L',
        lastName: 'Oc',
        role: 'USER',
        email: 'loc@example.com',
        locationIds: [north, foreign],
      });
      assert.equal(response.statusCode, 400);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:unknown-location');
      assert.deepEqual(problem.errors, [
        { in: 'body', pointer: '/locationIds/1', detail: 'is not a location of this organization' },
      ]);
    });
  });

  describe('updateUser', () => {
    it('records every change as a new version', async () => {
      const user = await createUser(server, owner, {
        role: 'USER',
        email: 'versions@example.com',
        locationIds: [north],
      });
      const changed = await request('PATCH', `/api/users/${user.id}`, owner, {
        lastName: 'Renamed',
        locationIds: [north, south],
      });
      assert.equal(changed.statusCode, 200);
      assert.ok(changed.json<User>().historyId > user.historyId);
      const history = await request('GET', `/api/users/${user.id}/history`, owner);
      const versions =
        history.json<
          { historyId: number; lastName: string; locationIds: string[]; changedBy: string }[]
        >();
      assert.deepEqual(
        versions.map((version) => version.lastName),
        ['Tester', 'Renamed'],
      );
      assert.deepEqual(versions[1]?.locationIds.sort(), [north, south].sort());
      assert.equal(versions[1]?.changedBy, owner.ownerMemberId);
    });

    it('refuses an empty change', async () => {
      const response = await request('PATCH', `/api/users/${owner.ownerMemberId}`, owner, {});
      assert.equal(response.statusCode, 400);
    });
  });

  describe('archiveUser', () => {
    it('ends the member’s sessions and keeps them from signing in until restored', async () => {
      const member = await signInMember(server, owner, 'USER', { email: 'leaving@example.com' });
      assert.equal((await request('GET', '/api/session', member)).statusCode, 200);
      const archived = await request('POST', `/api/users/${member.user.id}/archive`, owner);
      assert.equal(archived.statusCode, 200);
      assert.equal(archived.json<User>().archived, true);
      assert.equal((await request('GET', '/api/users', member)).statusCode, 401);
      await assert.rejects(() => signIn(server, 'leaving@example.com'));
      assert.equal(
        (await request('POST', `/api/users/${member.user.id}/restore`, owner)).statusCode,
        200,
      );
      await signIn(server, 'leaving@example.com');
    });

    it('refuses to archive the only Owner', async () => {
      const response = await request('POST', `/api/users/${owner.ownerMemberId}/archive`, owner);
      assert.equal(response.statusCode, 409);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:owner-required');
    });
  });

  describe('listUsers', () => {
    it('shows a Manager only the users who share one of their locations', async () => {
      const manager = await signInMember(server, owner, 'MANAGER', { locationIds: [north] });
      const colleague = await createUser(server, owner, {
        role: 'USER',
        email: 'north@example.com',
        locationIds: [north],
      });
      const stranger = await createUser(server, owner, {
        role: 'USER',
        email: 'south@example.com',
        locationIds: [south],
      });
      const visible = (await request('GET', '/api/users?limit=1000', manager))
        .json<User[]>()
        .map((user) => user.id);
      assert.ok(visible.includes(colleague.id));
      assert.ok(!visible.includes(stranger.id));
      assert.equal((await request('GET', `/api/users/${stranger.id}`, manager)).statusCode, 404);
    });

    it('pages with a Link header', async () => {
      const first = await request('GET', '/api/users?limit=2', owner);
      assert.equal(first.json<User[]>().length, 2);
      const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
      assert.ok(next);
      const second = await request('GET', next, owner);
      const ids = new Set(
        [...first.json<User[]>(), ...second.json<User[]>()].map((user) => user.id),
      );
      assert.equal(ids.size, first.json<User[]>().length + second.json<User[]>().length);
    });
  });

  describe('transferOwnership', () => {
    it('hands the Owner role to an Admin with an account, and the previous Owner becomes an Admin', async () => {
      const organization = await signUpOrganization(server, 'Handover Org');
      const admin = await signInMember(server, organization, 'ADMIN');
      const transferred = await request(
        'POST',
        `/api/users/${admin.user.id}/transfer-ownership`,
        organization,
      );
      assert.equal(transferred.statusCode, 200, transferred.body);
      assert.equal(transferred.json<User>().role, 'OWNER');
      const previous = await request('GET', `/api/users/${organization.ownerMemberId}`, admin);
      assert.equal(previous.json<User>().role, 'ADMIN');
      // Rights follow at once, without signing in again.
      assert.equal((await request('GET', '/api/api-tokens', organization)).statusCode, 403);
      assert.equal((await request('GET', '/api/api-tokens', admin)).statusCode, 200);
    });

    it('refuses a member who has not accepted the invitation yet', async () => {
      const organization = await signUpOrganization(server, 'Early Handover Org');
      const invited = await createUser(server, organization, {
        role: 'ADMIN',
        email: 'not-yet@example.com',
      });
      const response = await request(
        'POST',
        `/api/users/${invited.id}/transfer-ownership`,
        organization,
      );
      assert.equal(response.statusCode, 409);
      assert.equal(
        response.json<Problem>().type,
        'urn:openpatrol:problem:ownership-transfer-not-possible',
      );
    });
  });

  describe('leaveOrganization', () => {
    it('archives the leaving member and ends their session', async () => {
      const member = await signInMember(server, owner, 'USER');
      const left = await request('POST', '/api/session/leave-organization', member);
      assert.equal(left.statusCode, 204);
      assert.equal((await request('GET', '/api/users', member)).statusCode, 401);
      assert.equal(
        (await request('GET', `/api/users/${member.user.id}`, owner)).json<User>().archived,
        true,
      );
    });

    it('keeps the only Owner from leaving, and a token from trying', async () => {
      const organization = await signUpOrganization(server, 'Sole Owner Org');
      const refused = await request('POST', '/api/session/leave-organization', organization);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json<Problem>().type, 'urn:openpatrol:problem:owner-required');
      assert.equal(
        (await request('POST', '/api/session/leave-organization', token)).statusCode,
        403,
      );
    });
  });
});
