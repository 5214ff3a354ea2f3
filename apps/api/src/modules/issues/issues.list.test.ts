import assert from 'node:assert/strict';
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
import type { Issue, IssueDetails } from './issues.schemas.js';

const START = new Date('2026-12-04T18:00:00.000Z');
const minutes = (count: number) => new Date(START.getTime() + count * 60_000).toISOString();

/**
 * Who sees which issues, the list's filters and its paging. Each issue is reported one minute
 * after the previous one, so "received" times are known exactly.
 */
describe('listing issues', () => {
  const clock = createFixedClock(START);
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let gateHouse: string;
  let warehouse: string;
  let manager: Credentials;
  let user: Credentials & { user: { id: string } };
  let otherUser: Credentials;
  let guard: Credentials;
  let rival: SignedUpOrganization;
  /** By title: G1…G3 at the gate house, W1…W2 at the warehouse. */
  const issues = new Map<string, Issue>();

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    gateHouse = await addLocation(server, owner.organizationId, 'Gate house');
    warehouse = await addLocation(server, owner.organizationId, 'Warehouse');
    manager = await signInMember(server, owner, 'MANAGER', { locationIds: [gateHouse] });
    user = await signInMember(server, owner, 'USER', { locationIds: [gateHouse, warehouse] });
    otherUser = await signInMember(server, owner, 'USER', { locationIds: [gateHouse] });
    const guardMember = await createUser(server, owner, {
      role: 'GUARD',
      email: null,
      memberNumber: 'G-1',
      pin: '1234',
      locationIds: [gateHouse],
    });
    const session = await server.deps.authService.startSession(
      server.deps.database.db,
      { personId: null, organizationId: owner.organizationId, memberId: guardMember.id },
      { ip: '127.0.0.1', userAgent: 'gate phone' },
    );
    guard = { headers: sessionHeaders(`openpatrol_session=${session.token}`, session.csrfToken) };
    rival = await signUpOrganization(server, 'Rival Patrols');
    const rivalSite = await addLocation(server, rival.organizationId, 'Rival HQ');

    const reports: [string, Credentials, string, string, string][] = [
      ['G1', user, gateHouse, 'INTRUSION', 'LOW'],
      ['G2', otherUser, gateHouse, 'DAMAGE', 'MEDIUM'],
      ['W1', user, warehouse, 'FIRE', 'CRITICAL'],
      ['G3', guard, gateHouse, 'CLEANING', 'HIGH'],
      ['W2', token, warehouse, 'DAMAGE', 'HIGH'],
    ];
    for (const [title, credentials, locationId, category, severity] of reports) {
      clock.advance(60_000);
      issues.set(title, await report(credentials, { locationId, category, severity, title }));
    }
    clock.advance(60_000);
    await report(rival, {
      locationId: rivalSite,
      category: 'DAMAGE',
      severity: 'LOW',
      title: 'R1',
    });
    clock.advance(60_000);
  });
  after(() => server.close());

  async function report(credentials: Credentials, body: object): Promise<Issue> {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/issues',
      headers: credentials.headers,
      payload: body,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Issue>();
  }

  const get = (url: string, credentials: Credentials = owner) =>
    server.app.inject({ method: 'GET', url, headers: credentials.headers });

  async function titles(query: string, credentials: Credentials = owner) {
    const response = await get(`/api/issues${query}`, credentials);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Issue[]>().map((issue) => issue.title);
  }

  describe('who sees what', () => {
    it('shows owners and tokens every issue of the organization, newest first', async () => {
      assert.deepEqual(await titles(''), ['W2', 'G3', 'W1', 'G2', 'G1']);
      assert.deepEqual(await titles('', token), ['W2', 'G3', 'W1', 'G2', 'G1']);
    });

    it('shows a manager every issue at their locations, and no other', async () => {
      assert.deepEqual(await titles('', manager), ['G3', 'G2', 'G1']);
      const elsewhere = await get(`/api/issues/${issues.get('W1')!.id}`, manager);
      assert.equal(elsewhere.statusCode, 404);
      const here = await get(`/api/issues/${issues.get('G2')!.id}`, manager);
      assert.equal(here.statusCode, 200);
    });

    it('shows users and guards only the issues they reported', async () => {
      assert.deepEqual(await titles('', user), ['W1', 'G1']);
      assert.deepEqual(await titles('', otherUser), ['G2']);
      assert.deepEqual(await titles('', guard), ['G3']);
      const others = await get(`/api/issues/${issues.get('G2')!.id}`, user);
      assert.equal(others.statusCode, 404);
      assert.equal(others.json<Problem>().type, 'urn:openpatrol:problem:issue-not-found');
      const own = await get(`/api/issues/${issues.get('G3')!.id}`, guard);
      assert.equal(own.json<IssueDetails>().title, 'G3');
    });

    it('shows another organization none of them', async () => {
      assert.deepEqual(await titles('', rival), ['R1']);
    });
  });

  describe('filters', () => {
    it('filters by statuses', async () => {
      const patch = (title: string, status: string) =>
        server.app.inject({
          method: 'PATCH',
          url: `/api/issues/${issues.get(title)!.id}`,
          headers: owner.headers,
          payload: { status },
        });
      assert.equal((await patch('G1', 'ACKNOWLEDGED')).statusCode, 200);
      assert.equal((await patch('W1', 'RESOLVED')).statusCode, 200);
      assert.deepEqual(await titles('?status=OPEN'), ['W2', 'G3', 'G2']);
      assert.deepEqual(await titles('?status=ACKNOWLEDGED,RESOLVED'), ['W1', 'G1']);
    });

    it('filters by severities, and by a least severity', async () => {
      assert.deepEqual(await titles('?severity=LOW,CRITICAL'), ['W1', 'G1']);
      assert.deepEqual(await titles('?severityAtLeast=HIGH'), ['W2', 'G3', 'W1']);
      assert.deepEqual(await titles('?severityAtLeast=HIGH&severity=LOW,HIGH'), ['W2', 'G3']);
    });

    it('filters by categories and locations', async () => {
      assert.deepEqual(await titles('?category=DAMAGE'), ['W2', 'G2']);
      assert.deepEqual(await titles('?category=FIRE,CLEANING'), ['G3', 'W1']);
      assert.deepEqual(await titles(`?locationIds=${warehouse}`), ['W2', 'W1']);
      assert.deepEqual(await titles(`?locationIds=${gateHouse},${warehouse}&category=DAMAGE`), [
        'W2',
        'G2',
      ]);
      // A location the caller does not see filters to nothing rather than revealing anything.
      assert.deepEqual(await titles(`?locationIds=${warehouse}`, manager), []);
    });

    it('searches titles and descriptions in any case, and finds an issue by its number', async () => {
      assert.deepEqual(await titles('?search=g'), ['G3', 'G2', 'G1']);
      assert.deepEqual(await titles('?search=w1'), ['W1']);
      // W1 was the organization's third report: "#3" finds it, a bare "3" also finds G3's title.
      assert.deepEqual(await titles('?search=%233'), ['W1']);
      assert.deepEqual(await titles('?search=3'), ['G3', 'W1']);
      assert.deepEqual(await titles('?search=g&locationIds=' + warehouse), []);
      // A manager's search stays within their locations.
      assert.deepEqual(await titles('?search=%233', manager), []);
    });

    it('filters by when the server received the report, from inclusive to exclusive', async () => {
      assert.deepEqual(await titles(`?from=${minutes(2)}&to=${minutes(4)}`), ['W1', 'G2']);
      assert.deepEqual(await titles(`?from=${minutes(4)}`), ['W2', 'G3']);
      assert.deepEqual(await titles(`?to=${minutes(2)}`), ['G1']);
    });

    it('lists what changed since a poll, comments included', async () => {
      const poll = clock.now().toISOString();
      assert.deepEqual(await titles(`?updatedSince=${poll}`), []);
      clock.advance(1000);
      const comment = await server.app.inject({
        method: 'POST',
        url: `/api/issues/${issues.get('G2')!.id}/comments`,
        headers: manager.headers,
        payload: { body: 'On my way' },
      });
      assert.equal(comment.statusCode, 201, comment.body);
      assert.deepEqual(await titles(`?updatedSince=${poll}`), ['G2']);
    });

    it('refuses unknown values, naming each parameter', async () => {
      const response = await get(
        `/api/issues?status=OPEN,CLOSED&category=GHOSTS&locationIds=nope&from=${minutes(5)}&to=${minutes(1)}`,
      );
      assert.equal(response.statusCode, 400, response.body);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:invalid-issue-query');
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        ['/to', '/status', '/category', '/locationIds'],
      );
      const badCursor = await get('/api/issues?cursor=garbage');
      assert.equal(badCursor.statusCode, 400);
      assert.deepEqual(
        badCursor.json<Problem>().errors?.map((error) => error.pointer),
        ['/cursor'],
      );
      const badSeverity = await get('/api/issues?severityAtLeast=EXTREME');
      assert.equal(badSeverity.statusCode, 400);
    });
  });

  describe('paging', () => {
    it('pages newest first through the Link header, keeping the filters, without repeats', async () => {
      const seen: string[] = [];
      let url: string | null = '/api/issues?limit=2&category=DAMAGE,FIRE,INTRUSION,CLEANING';
      let pages = 0;
      while (url) {
        const response = await get(url);
        assert.equal(response.statusCode, 200, response.body);
        seen.push(...response.json<Issue[]>().map((issue) => issue.title));
        const link = response.headers.link as string | undefined;
        url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
        if (url) assert.match(url, /category=DAMAGE%2CFIRE%2CINTRUSION%2CCLEANING/);
        pages++;
      }
      assert.deepEqual(seen, ['W2', 'G3', 'W1', 'G2', 'G1']);
      assert.equal(pages, 3);
    });

    it('orders issues received in the same millisecond by id, still without repeats', async () => {
      const busy = await signUpOrganization(server, 'Same Instant');
      const site = await addLocation(server, busy.organizationId, 'Site');
      for (const title of ['A', 'B', 'C'])
        await report(busy, { locationId: site, category: 'OTHER', severity: 'LOW', title });
      const all = (await get('/api/issues', busy)).json<Issue[]>();
      const seen: string[] = [];
      let url: string | null = '/api/issues?limit=1';
      while (url) {
        const response = await get(url, busy);
        seen.push(...response.json<Issue[]>().map((issue) => issue.id));
        const link = response.headers.link as string | undefined;
        url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
      }
      assert.deepEqual(
        seen,
        all.map((issue) => issue.id),
      );
      assert.equal(seen.length, 3);
    });
  });
});
