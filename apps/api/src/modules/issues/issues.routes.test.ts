import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createFixedClock } from '../../shared/clock.js';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  addLocation,
  createApiToken,
  createUser,
  sessionHeaders,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Issue, IssueComment, IssueDetails } from './issues.schemas.js';

const START = new Date('2026-12-04T18:00:00.000Z');

describe('issues API', () => {
  const clock = createFixedClock(START);
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials & { id: string };
  let gateHouse: string;
  let warehouse: string;
  let gate: string;
  let dock: string;
  let manager: Credentials & { user: { id: string } };
  let user: Credentials & { user: { id: string } };
  let guard: Credentials & { memberId: string };
  let rival: SignedUpOrganization;
  let rivalLocation: string;

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    gateHouse = await addLocation(server, owner.organizationId, 'Gate house');
    warehouse = await addLocation(server, owner.organizationId, 'Warehouse');
    gate = await createPoint(gateHouse, 'North gate');
    dock = await createPoint(warehouse, 'Loading dock');
    manager = await signInMember(server, owner, 'MANAGER', { locationIds: [gateHouse] });
    user = await signInMember(server, owner, 'USER', { locationIds: [gateHouse] });
    const guardMember = await createUser(server, owner, {
      role: 'GUARD',
      email: null,
      memberNumber: 'G-7',
      pin: '4321',
      locationIds: [gateHouse],
    });
    const session = await server.deps.authService.startSession(
      server.deps.database.db,
      { personId: null, organizationId: owner.organizationId, memberId: guardMember.id },
      { ip: '127.0.0.1', userAgent: 'gate phone' },
    );
    guard = {
      memberId: guardMember.id,
      headers: sessionHeaders(`openpatrol_session=${session.token}`, session.csrfToken),
    };
    rival = await signUpOrganization(server, 'Rival Patrols');
    rivalLocation = await addLocation(server, rival.organizationId, 'Rival HQ');
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

  async function createPoint(locationId: string, name: string) {
    const response = await request('POST', '/api/points', owner, { locationId, name });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  }

  async function addMedia(organizationId: string) {
    const id = randomUUID();
    await server.deps.database.db
      .insertInto('media')
      .values({
        organizationId,
        id,
        uploadedByMemberId: null,
        uploadedByTokenId: null,
        clientId: null,
        contentType: 'image/jpeg',
        sizeInBytes: 1024,
        sha256: '0'.repeat(64),
        capture: 'CAMERA',
        width: 640,
        height: 480,
        storageKey: `test/${id}`,
        thumbnailKey: null,
        originalName: null,
        createdAt: START.toISOString(),
      })
      .execute();
    return id;
  }

  async function reportIssue(credentials: Credentials, body: object = {}): Promise<Issue> {
    const response = await request('POST', '/api/issues', credentials, {
      locationId: gateHouse,
      category: 'DAMAGE',
      severity: 'MEDIUM',
      title: 'Broken fence',
      ...body,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Issue>();
  }

  const pointers = (response: { json<T>(): T }) =>
    response.json<Problem>().errors?.map((error) => error.pointer);

  describe('createIssue', () => {
    it('records a report with every field, OPEN, under the reporting user', async () => {
      const photo = await addMedia(owner.organizationId);
      const execution = randomUUID();
      const clientId = randomUUID();
      const response = await request('POST', '/api/issues', user, {
        locationId: gateHouse,
        pointId: gate,
        taskExecutionId: execution,
        category: 'INTRUSION',
        severity: 'HIGH',
        title: '  Cut in the fence  ',
        description: 'A hole about a metre wide next to the north gate.',
        position: { latitude: 50.4501, longitude: 30.5234, accuracyInMeters: 8.5 },
        mediaIds: [photo],
        occurredAt: '2026-12-04T19:45:00+02:00',
        clientId,
      });
      assert.equal(response.statusCode, 201, response.body);
      const issue = response.json<Issue>();
      assert.ok(Number.isInteger(issue.number) && issue.number >= 1);
      assert.deepEqual(
        { ...issue, id: undefined, number: undefined },
        {
          id: undefined,
          number: undefined,
          locationId: gateHouse,
          pointId: gate,
          taskExecutionId: execution,
          category: 'INTRUSION',
          severity: 'HIGH',
          title: 'Cut in the fence',
          description: 'A hole about a metre wide next to the north gate.',
          status: 'OPEN',
          position: { latitude: 50.4501, longitude: 30.5234, accuracyInMeters: 8.5 },
          mediaIds: [photo],
          reportedByMemberId: user.user.id,
          reportedByTokenId: null,
          clientId,
          occurredAt: '2026-12-04T17:45:00.000Z',
          createdAt: START.toISOString(),
          updatedAt: START.toISOString(),
          acknowledgedAt: null,
          acknowledgedBy: null,
          resolvedAt: null,
          resolvedBy: null,
        },
      );
      const read = await request('GET', `/api/issues/${issue.id}`, user);
      assert.equal(read.statusCode, 200);
      assert.deepEqual(read.json<IssueDetails>(), { ...issue, comments: [] });
    });

    it('fills the defaults: occurred now, no point, no position, no media, null not missing', async () => {
      const issue = await reportIssue(owner);
      assert.equal(issue.occurredAt, clock.now().toISOString());
      assert.equal(issue.pointId, null);
      assert.equal(issue.position, null);
      assert.deepEqual(issue.mediaIds, []);
      assert.equal(issue.description, null);
      assert.equal(issue.clientId, null);
      const withoutAccuracy = await reportIssue(owner, {
        position: { latitude: 1.5, longitude: 2.5 },
      });
      assert.deepEqual(withoutAccuracy.position, {
        latitude: 1.5,
        longitude: 2.5,
        accuracyInMeters: null,
      });
    });

    it('numbers issues #1, #2, #3 in each organization separately', async () => {
      const first = await signUpOrganization(server, 'Numbered One');
      const second = await signUpOrganization(server, 'Numbered Two');
      const firstSite = await addLocation(server, first.organizationId, 'Site');
      const secondSite = await addLocation(server, second.organizationId, 'Site');
      const numbers: number[] = [];
      for (let index = 0; index < 3; index++)
        numbers.push((await reportIssue(first, { locationId: firstSite })).number);
      const other = await reportIssue(second, { locationId: secondSite });
      assert.deepEqual(numbers, [1, 2, 3]);
      assert.equal(other.number, 1);
    });

    it('gives concurrent reports distinct numbers', async () => {
      const busy = await signUpOrganization(server, 'Busy Night');
      const site = await addLocation(server, busy.organizationId, 'Site');
      const issues = await Promise.all(
        Array.from({ length: 5 }, () => reportIssue(busy, { locationId: site })),
      );
      assert.deepEqual(
        issues.map((issue) => issue.number).sort((a, b) => a - b),
        [1, 2, 3, 4, 5],
      );
    });

    it('refuses a point of another location, naming /pointId', async () => {
      const response = await request('POST', '/api/issues', owner, {
        locationId: gateHouse,
        pointId: dock,
        category: 'DAMAGE',
        severity: 'LOW',
        title: 'Wrong place',
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:invalid-issue');
      assert.deepEqual(pointers(response), ['/pointId']);
      const unknown = await request('POST', '/api/issues', owner, {
        locationId: gateHouse,
        pointId: randomUUID(),
        category: 'DAMAGE',
        severity: 'LOW',
        title: 'No such point',
      });
      assert.deepEqual(pointers(unknown), ['/pointId']);
    });

    it('refuses media that are not the organization’s, naming each by its index', async () => {
      const ours = await addMedia(owner.organizationId);
      const theirs = await addMedia(rival.organizationId);
      const response = await request('POST', '/api/issues', owner, {
        locationId: gateHouse,
        category: 'DAMAGE',
        severity: 'LOW',
        title: 'Photos',
        mediaIds: [randomUUID(), ours, theirs],
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(pointers(response), ['/mediaIds/0', '/mediaIds/2']);
    });

    it('answers 404 naming /locationId for a location the caller does not see', async () => {
      for (const [credentials, locationId] of [
        [user, warehouse],
        [manager, warehouse],
        [owner, rivalLocation],
        [token, rivalLocation],
      ] as const) {
        const response = await request('POST', '/api/issues', credentials, {
          locationId,
          category: 'FIRE',
          severity: 'CRITICAL',
          title: 'Smoke',
        });
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:location-not-found');
        assert.deepEqual(pointers(response), ['/locationId']);
      }
    });

    it('creates a report retried with the same clientId once, answering 200 with the first', async () => {
      const clientId = randomUUID();
      const body = {
        locationId: gateHouse,
        category: 'SAFETY',
        severity: 'HIGH',
        title: 'Loose cable',
        clientId,
      };
      const first = await request('POST', '/api/issues', guard, body);
      assert.equal(first.statusCode, 201, first.body);
      clock.advance(60_000);
      const retry = await request('POST', '/api/issues', guard, body);
      assert.equal(retry.statusCode, 200, retry.body);
      assert.deepEqual(retry.json(), first.json());
      const rows = await server.deps.database.db
        .selectFrom('issues')
        .select('id')
        .where('clientId', '=', clientId)
        .execute();
      assert.equal(rows.length, 1);
    });

    it('creates a report sent twice at once with one clientId once', async () => {
      const body = {
        locationId: gateHouse,
        category: 'SAFETY',
        severity: 'LOW',
        title: 'Wet floor',
        clientId: randomUUID(),
      };
      const responses = await Promise.all([
        request('POST', '/api/issues', user, body),
        request('POST', '/api/issues', user, body),
      ]);
      assert.deepEqual(responses.map((response) => response.statusCode).sort(), [200, 201]);
      assert.equal(responses[0].json<Issue>().id, responses[1].json<Issue>().id);
    });

    it('refuses another reporter’s clientId with a 409 naming /clientId', async () => {
      const clientId = randomUUID();
      await reportIssue(user, { clientId });
      const response = await request('POST', '/api/issues', guard, {
        locationId: gateHouse,
        category: 'OTHER',
        severity: 'LOW',
        title: 'Same id',
        clientId,
      });
      assert.equal(response.statusCode, 409, response.body);
      assert.deepEqual(pointers(response), ['/clientId']);
    });

    it('lets an API token report an issue, recorded under the token', async () => {
      const issue = await reportIssue(token, { locationId: warehouse, pointId: dock });
      assert.equal(issue.reportedByTokenId, token.id);
      assert.equal(issue.reportedByMemberId, null);
    });

    it('refuses unknown fields, unknown categories and a blank title', async () => {
      const unknownField = await request('POST', '/api/issues', owner, {
        locationId: gateHouse,
        category: 'DAMAGE',
        severity: 'LOW',
        title: 'Extra',
        colour: 'red',
      });
      assert.equal(unknownField.statusCode, 400);
      assert.deepEqual(pointers(unknownField), ['/colour']);
      const badCategory = await request('POST', '/api/issues', owner, {
        locationId: gateHouse,
        category: 'GHOSTS',
        severity: 'LOW',
        title: 'Boo',
      });
      assert.equal(badCategory.statusCode, 400);
      assert.deepEqual(pointers(badCategory), ['/category']);
      const blank = await request('POST', '/api/issues', owner, {
        locationId: gateHouse,
        category: 'DAMAGE',
        severity: 'LOW',
        title: '   ',
      });
      assert.equal(blank.statusCode, 400);
      assert.deepEqual(pointers(blank), ['/title']);
    });
  });

  describe('updateIssue', () => {
    const patch = (issue: Issue, credentials: Credentials, body: object) =>
      request('PATCH', `/api/issues/${issue.id}`, credentials, body);

    it('acknowledges then resolves, stamping who and when, with a comment for each change', async () => {
      const issue = await reportIssue(user);
      clock.advance(60_000);
      const acknowledged = await patch(issue, manager, { status: 'ACKNOWLEDGED' });
      assert.equal(acknowledged.statusCode, 200, acknowledged.body);
      const acknowledgedAt = clock.now().toISOString();
      clock.advance(60_000);
      const resolved = await patch(issue, token, {
        status: 'RESOLVED',
        comment: 'Fence repaired by the contractor.',
      });
      assert.equal(resolved.statusCode, 200, resolved.body);
      const details = resolved.json<IssueDetails>();
      assert.equal(details.status, 'RESOLVED');
      assert.equal(details.acknowledgedAt, acknowledgedAt);
      assert.equal(details.acknowledgedBy, manager.user.id);
      assert.equal(details.resolvedAt, clock.now().toISOString());
      assert.equal(details.resolvedBy, `token:${token.id}`);
      assert.equal(details.updatedAt, clock.now().toISOString());
      assert.deepEqual(
        details.comments.map((comment) => [
          comment.statusChange,
          comment.body,
          comment.authorMemberId,
          comment.authorTokenId,
        ]),
        [
          ['ACKNOWLEDGED', null, manager.user.id, null],
          ['RESOLVED', 'Fence repaired by the contractor.', null, token.id],
        ],
      );
    });

    it('resolves an open issue at once', async () => {
      const issue = await reportIssue(user);
      const response = await patch(issue, owner, { status: 'RESOLVED' });
      assert.equal(response.statusCode, 200, response.body);
      const details = response.json<IssueDetails>();
      assert.equal(details.status, 'RESOLVED');
      assert.equal(details.acknowledgedAt, null);
      assert.equal(details.resolvedBy, owner.ownerMemberId);
    });

    it('refuses moves the workflow does not allow with a 409 naming /status', async () => {
      const issue = await reportIssue(user);
      await patch(issue, owner, { status: 'ACKNOWLEDGED' });
      const back = await patch(issue, owner, { status: 'OPEN', comment: 'Not yet' });
      assert.equal(back.statusCode, 409, back.body);
      const problem = back.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:issue-status-change-not-allowed');
      assert.deepEqual(pointers(back), ['/status']);
      await patch(issue, owner, { status: 'RESOLVED' });
      const unresolve = await patch(issue, owner, { status: 'ACKNOWLEDGED' });
      assert.equal(unresolve.statusCode, 409);
      assert.deepEqual(pointers(unresolve), ['/status']);
      const unchanged = await request('GET', `/api/issues/${issue.id}`, owner);
      assert.equal(unchanged.json<IssueDetails>().status, 'RESOLVED');
      assert.equal(unchanged.json<IssueDetails>().comments.length, 2);
    });

    it('reopens a resolved issue only with a comment saying why', async () => {
      const issue = await reportIssue(user);
      await patch(issue, owner, { status: 'ACKNOWLEDGED' });
      await patch(issue, owner, { status: 'RESOLVED' });
      const silent = await patch(issue, owner, { status: 'OPEN' });
      assert.equal(silent.statusCode, 400, silent.body);
      assert.deepEqual(pointers(silent), ['/comment']);
      const reopened = await patch(issue, manager, {
        status: 'OPEN',
        comment: 'The hole is back.',
      });
      assert.equal(reopened.statusCode, 200, reopened.body);
      const details = reopened.json<IssueDetails>();
      assert.equal(details.status, 'OPEN');
      assert.equal(details.acknowledgedAt, null);
      assert.equal(details.resolvedAt, null);
      assert.deepEqual(details.comments.at(-1)?.statusChange, 'OPEN');
      assert.deepEqual(details.comments.at(-1)?.body, 'The hole is back.');
    });

    it('changes nothing when the current status is sent again', async () => {
      const issue = await reportIssue(user);
      clock.advance(1000);
      const response = await patch(issue, owner, { status: 'OPEN' });
      assert.equal(response.statusCode, 200, response.body);
      const details = response.json<IssueDetails>();
      assert.equal(details.updatedAt, issue.updatedAt);
      assert.deepEqual(details.comments, []);
    });

    it('changes severity and category, and adds a plain comment', async () => {
      const issue = await reportIssue(user);
      const response = await patch(issue, manager, {
        severity: 'CRITICAL',
        category: 'FIRE',
        comment: 'Scorch marks: treat as a fire.',
      });
      assert.equal(response.statusCode, 200, response.body);
      const details = response.json<IssueDetails>();
      assert.equal(details.severity, 'CRITICAL');
      assert.equal(details.category, 'FIRE');
      assert.equal(details.status, 'OPEN');
      assert.deepEqual(
        details.comments.map((comment) => [comment.body, comment.statusChange]),
        [['Scorch marks: treat as a fire.', null]],
      );
      const empty = await patch(issue, manager, {});
      assert.equal(empty.statusCode, 400);
    });

    it('is for supervisors: users and guards are refused, a manager elsewhere gets 404', async () => {
      const issue = await reportIssue(user);
      assert.equal((await patch(issue, user, { status: 'RESOLVED' })).statusCode, 403);
      assert.equal((await patch(issue, guard, { status: 'RESOLVED' })).statusCode, 403);
      const atWarehouse = await reportIssue(owner, { locationId: warehouse });
      const elsewhere = await patch(atWarehouse, manager, { status: 'ACKNOWLEDGED' });
      assert.equal(elsewhere.statusCode, 404, elsewhere.body);
      assert.equal(elsewhere.json<Problem>().type, 'urn:openpatrol:problem:issue-not-found');
    });
  });

  describe('comments', () => {
    it('lists comments oldest first, even when written within one millisecond', async () => {
      const issue = await reportIssue(user);
      const bodies = ['First look', 'Second look', 'Third look'];
      for (const body of bodies) {
        const response = await request('POST', `/api/issues/${issue.id}/comments`, manager, {
          body,
        });
        assert.equal(response.statusCode, 201, response.body);
        const comment = response.json<IssueComment>();
        assert.equal(comment.authorMemberId, manager.user.id);
        assert.equal(comment.statusChange, null);
      }
      await request('PATCH', `/api/issues/${issue.id}`, owner, { status: 'ACKNOWLEDGED' });
      const details = (await request('GET', `/api/issues/${issue.id}`, user)).json<IssueDetails>();
      assert.deepEqual(
        details.comments.map((comment) => comment.body ?? comment.statusChange),
        [...bodies, 'ACKNOWLEDGED'],
      );
      const times = details.comments.map((comment) => comment.createdAt);
      assert.deepEqual(times, [...times].sort());
      assert.equal(new Set(times).size, times.length);
    });

    it('moves the issue’s updatedAt, so pollers see new comments', async () => {
      const issue = await reportIssue(user);
      clock.advance(5000);
      await request('POST', `/api/issues/${issue.id}/comments`, user, { body: 'Still there' });
      const details = (await request('GET', `/api/issues/${issue.id}`, user)).json<IssueDetails>();
      assert.equal(details.updatedAt, clock.now().toISOString());
    });

    it('lets a performer comment on their own issue, not on another’s', async () => {
      const own = await reportIssue(guard);
      const others = await reportIssue(user);
      const mine = await request('POST', `/api/issues/${own.id}/comments`, guard, {
        body: 'Photo added later',
      });
      assert.equal(mine.statusCode, 201, mine.body);
      const theirs = await request('POST', `/api/issues/${others.id}/comments`, guard, {
        body: 'Nosy',
      });
      assert.equal(theirs.statusCode, 404);
    });

    it('refuses a blank comment, naming /body', async () => {
      const issue = await reportIssue(user);
      const response = await request('POST', `/api/issues/${issue.id}/comments`, user, {
        body: '  ',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(pointers(response), ['/body']);
    });
  });

  describe('another organization', () => {
    it('gets 404 for an issue on every route', async () => {
      const issue = await reportIssue(user);
      const rivalToken = await createApiToken(server, rival, 'Rival token');
      for (const credentials of [rival, rivalToken]) {
        const responses = [
          await request('GET', `/api/issues/${issue.id}`, credentials),
          await request('PATCH', `/api/issues/${issue.id}`, credentials, { status: 'RESOLVED' }),
          await request('POST', `/api/issues/${issue.id}/comments`, credentials, { body: 'Hi' }),
        ];
        assert.deepEqual(
          responses.map((response) => response.statusCode),
          [404, 404, 404],
        );
      }
      const list = await request('GET', '/api/issues', rival);
      assert.ok(!list.body.includes(issue.id));
    });
  });
});
