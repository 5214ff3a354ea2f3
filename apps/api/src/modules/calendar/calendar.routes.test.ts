import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFixedClock } from '../../shared/clock.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { escapeText, foldLine } from './ics.js';

/** RFC 5545 §3.1 unfolding: a line break followed by a space continues the line. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('calendar feeds', () => {
  const clock = createFixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let guard: Credentials & { user: { id: string } };
  let locationId: string;
  let pointId: string;

  const send = (
    method: 'GET' | 'POST' | 'DELETE',
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

  async function plan(name: string, startAt: string, assigneeIds: string[]) {
    const response = await send('POST', '/api/task-executions', token, {
      assigneeIds,
      locationId,
      name,
      description: 'Check the gate; then the fence',
      recurrence: null,
      startAt,
      endAt: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [{ pointId, name: 'Gate', order: 0 }],
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>();
  }

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    locationId = (
      await send('POST', '/api/locations', token, { name: 'Depot, North', timeZone: 'UTC' })
    ).json<{ id: string }>().id;
    pointId = (await send('POST', '/api/points', token, { locationId, name: 'Gate' })).json<{
      id: string;
    }>().id;
    guard = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
  });
  after(() => server.close());

  it('lists the member’s executions as iCalendar events behind a secret URL', async () => {
    await plan('Night round', '2026-12-08T18:00:00.000Z', [guard.user.id]);
    const canceled = await plan('Morning round', '2026-12-09T06:00:00.000Z', [guard.user.id]);
    await send('DELETE', `/api/task-executions/${canceled.id}`, token);
    await plan('Someone else’s round', '2026-12-08T20:00:00.000Z', []);

    const created = await send('POST', '/api/calendar-feed', guard);
    assert.equal(created.statusCode, 201, created.body);
    const { url } = created.json<{ url: string }>();
    assert.match(url, /\/api\/calendar\/opc_[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(url).pathname;
    const feed = await server.app.inject({ method: 'GET', url: path });
    assert.equal(feed.statusCode, 200, feed.body);
    assert.match(String(feed.headers['content-type']), /^text\/calendar/);
    const text = unfold(feed.body);
    assert.ok(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
    const events = text.split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 2);
    assert.match(events[0]!, /SUMMARY:Night round\r\n/);
    assert.match(events[0]!, /DTSTART:20261208T180000Z\r\nDTEND:20261208T190000Z/);
    assert.match(events[0]!, /DESCRIPTION:Check the gate\\; then the fence/);
    assert.match(events[0]!, /LOCATION:Depot\\, North/);
    assert.match(events[0]!, /STATUS:CONFIRMED/);
    assert.match(events[1]!, /SUMMARY:Morning round[\s\S]*STATUS:CANCELLED/);

    const replaced = await send('POST', '/api/calendar-feed', guard);
    assert.equal(
      (await server.app.inject({ method: 'GET', url: path })).statusCode,
      404,
      'the old URL ends',
    );
    await send('DELETE', '/api/calendar-feed', guard);
    assert.equal(
      (
        await server.app.inject({
          method: 'GET',
          url: new URL(replaced.json<{ url: string }>().url).pathname,
        })
      ).statusCode,
      404,
    );
    assert.equal((await send('GET', '/api/calendar-feed', guard)).statusCode, 404);
    // Each replaced or deleted feed took the lookup of its secret along: the token's remains.
    const lookups = await server.deps.database.db
      .selectFrom('credentialLookups')
      .select('hash')
      .where('organizationId', '=', owner.organizationId)
      .execute();
    assert.equal(lookups.length, 1, 'a lookup outlived its feed');
    assert.equal(
      (await send('POST', '/api/calendar-feed', token)).statusCode,
      403,
      'tokens have no calendar',
    );
  });

  it('escapes text and folds long lines without splitting characters', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const line = `SUMMARY:${'Обхід периметра '.repeat(8)}`;
    const folded = foldLine(line);
    assert.ok(folded.split('\r\n').every((part) => Buffer.byteLength(part) <= 75));
    assert.equal(unfold(folded), line);
  });
});
