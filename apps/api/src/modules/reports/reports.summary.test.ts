import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
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
import { localDays } from './executions-summary.js';
import type { ExecutionsSummary } from './reports.schemas.js';

const HOUR_MS = 3_600_000;

describe('localDays', () => {
  it('cuts each day at the zone’s own midnight, oldest first', () => {
    const kyiv = localDays('Europe/Kyiv', new Date('2026-12-07T23:30:00.000Z'), 2);
    // 23:30 UTC is already 01:30 on the 8th in Kyiv (UTC+2).
    assert.deepEqual(kyiv.dates, ['2026-12-07', '2026-12-08']);
    assert.deepEqual(kyiv.boundaries, [
      '2026-12-06T22:00:00.000Z',
      '2026-12-07T22:00:00.000Z',
      '2026-12-08T22:00:00.000Z',
    ]);
  });

  it('gives the spring-forward day its 23 hours', () => {
    const days = localDays('America/New_York', new Date('2026-03-08T12:00:00.000Z'), 1);
    const [start, end] = days.boundaries.map((instant) => Date.parse(instant));
    assert.equal(end! - start!, 23 * HOUR_MS);
  });
});

/**
 * Now is 2026-12-07 12:00 UTC: 14:00 in Kyiv (UTC+2) and 07:00 in New York (UTC−5); both are on
 * the 7th. Kyiv has a daily round since the 1st, a missed morning check, an evening patrol to
 * come, one started late and in progress, one completed late yesterday and one canceled today;
 * New York has one this afternoon and one on its evening of the 6th (03:00 UTC on the 7th).
 */
describe('GET /api/reports/summary', () => {
  const clock = createFixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let performer: Credentials & { user: { id: string } };
  let manager: Credentials;
  let kyivId: string;
  let newYorkId: string;
  const ids: Record<string, string> = {};

  const send = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    as: Credentials,
    payload?: object,
  ) => server.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

  async function addSite(name: string, timeZone: string) {
    const location = (await send('POST', '/api/locations', token, { name, timeZone })).json<{
      id: string;
    }>();
    const point = (
      await send('POST', '/api/points', token, { locationId: location.id, name: `${name} gate` })
    ).json<{ id: string; qrCode: string }>();
    return { id: location.id, point };
  }

  async function plan(
    name: string,
    site: { id: string; point: { id: string } },
    startAt: string,
    hours: number,
    rule: string | null = null,
  ) {
    const response = await send('POST', '/api/task-executions', token, {
      assigneeIds: [performer.user.id],
      locationId: site.id,
      name,
      description: null,
      recurrence: rule === null ? null : { rule, exception: null },
      startAt,
      endAt: new Date(Date.parse(startAt) + hours * HOUR_MS).toISOString(),
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [{ pointId: site.point.id, name: 'Gate', order: 0 }],
    });
    assert.equal(response.statusCode, 201, response.body);
    const execution = response.json<{ id: string; steps: { id: string }[] }>();
    ids[name] = execution.id;
    return execution;
  }

  async function perform(
    execution: { id: string; steps: { id: string }[] },
    code: string,
    at: string,
    finish: boolean,
  ) {
    clock.set(new Date(at));
    const writes = [
      { type: 'STARTED' },
      { type: 'CHECKED_IN', stepId: execution.steps[0]!.id, method: 'QR', code },
      ...(finish ? [{ type: 'FINISHED' }] : []),
    ];
    for (const write of writes) {
      const response = await send(
        'POST',
        `/api/task-executions/${execution.id}/events`,
        performer,
        {
          id: randomUUID(),
          ...write,
        },
      );
      assert.equal(response.statusCode, 201, response.body);
    }
    clock.set(new Date('2026-12-07T12:00:00.000Z'));
  }

  const summary = async (as: Credentials, query = '') => {
    const response = await send('GET', `/api/reports/summary${query}`, as);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<ExecutionsSummary>();
  };

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    const kyiv = await addSite('Kyiv depot', 'Europe/Kyiv');
    const newYork = await addSite('New York office', 'America/New_York');
    kyivId = kyiv.id;
    newYorkId = newYork.id;
    performer = await signInMember(server, owner, 'USER', { locationIds: [kyivId, newYorkId] });
    manager = await signInMember(server, owner, 'MANAGER', { locationIds: [kyivId] });

    clock.set(new Date('2026-11-30T12:00:00.000Z'));
    await plan('Daily round', kyiv, '2026-12-01T06:00:00.000Z', 1, 'FREQ=DAILY');
    clock.set(new Date('2026-12-06T08:00:00.000Z'));
    const yesterday = await plan('Yesterday check', kyiv, '2026-12-06T10:00:00.000Z', 2);
    await perform(yesterday, kyiv.point.qrCode, '2026-12-06T10:20:00.000Z', true);
    await plan('Morning check', kyiv, '2026-12-07T08:00:00.000Z', 1);
    await plan('Evening patrol', kyiv, '2026-12-07T18:00:00.000Z', 3);
    const started = await plan('Noon patrol', kyiv, '2026-12-07T11:00:00.000Z', 2);
    await perform(started, kyiv.point.qrCode, '2026-12-07T11:30:00.000Z', false);
    const canceled = await plan('Canceled visit', kyiv, '2026-12-07T15:00:00.000Z', 1);
    assert.equal(
      (await send('DELETE', `/api/task-executions/${canceled.id}`, token)).statusCode,
      200,
    );
    await plan('Afternoon round', newYork, '2026-12-07T16:00:00.000Z', 1);
    await plan('Evening round NY', newYork, '2026-12-07T03:00:00.000Z', 1);
  });
  after(() => server.close());

  it('counts each day’s executions by outcome in each location’s own day', async () => {
    const result = await summary(token);
    assert.equal(result.days.length, 14);
    const today = result.days.at(-1)!;
    assert.equal(today.date, '2026-12-07');
    assert.equal(today.daysAgo, 0);
    assert.deepEqual(
      { ...today, date: undefined, daysAgo: undefined },
      {
        date: undefined,
        daysAgo: undefined,
        total: 5,
        planned: 2,
        inProgress: 1,
        completed: 0,
        incomplete: 0,
        expired: 2,
        warnings: 0,
        errors: 0,
        lateStarts: 1,
      },
    );
    const yesterday = result.days.at(-2)!;
    assert.equal(yesterday.date, '2026-12-06');
    // The completed late check, the daily round missed, New York's evening of the 6th.
    assert.deepEqual(
      [yesterday.total, yesterday.completed, yesterday.expired, yesterday.lateStarts],
      [3, 1, 2, 1],
    );
    // The daily round began on the 1st: one missed a day back to then, nothing before.
    assert.deepEqual(
      result.days.slice(0, -2).map((day) => day.total),
      [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
    );
    assert.deepEqual(
      result.locations.map((location) => [location.name, location.today]),
      [
        ['Kyiv depot', '2026-12-07'],
        ['New York office', '2026-12-07'],
      ],
    );
  });

  it('lists today’s executions that need attention, are in progress and come next', async () => {
    const result = await summary(token);
    const names = (list: ExecutionsSummary['upcoming']) => list.items.map((item) => item.name);
    // Newest first: the late start, the missed check, the missed daily round.
    assert.deepEqual(names(result.needsAttention), ['Noon patrol', 'Morning check', 'Daily round']);
    assert.equal(result.needsAttention.total, 3);
    const noon = result.needsAttention.items[0]!;
    assert.equal(noon.id, ids['Noon patrol']);
    assert.equal(noon.lateStart, true);
    assert.equal(noon.state, 'IN_PROGRESS');
    assert.equal(result.needsAttention.items[1]!.expired, true);
    assert.deepEqual(names(result.inProgress), ['Noon patrol']);
    assert.deepEqual(names(result.upcoming), ['Afternoon round', 'Evening patrol']);
  });

  it('counts only a Manager’s own locations, even when asked for others', async () => {
    const result = await summary(manager, `?locationIds=${kyivId},${newYorkId}`);
    assert.deepEqual(
      result.locations.map((location) => location.id),
      [kyivId],
    );
    assert.equal(result.days.at(-1)!.total, 4);
    assert.deepEqual(
      result.upcoming.items.map((item) => item.name),
      ['Evening patrol'],
    );
  });

  it('narrows to the locations and the number of days asked for', async () => {
    const result = await summary(token, `?locationIds=${newYorkId}&days=2`);
    assert.deepEqual(
      result.days.map((day) => [day.date, day.total]),
      [
        ['2026-12-06', 1],
        ['2026-12-07', 1],
      ],
    );
    assert.equal(result.needsAttention.total, 0);
  });

  it('counts a single day (today alone) as the fourteen-day view counts it', async () => {
    // One day has no midnight inside it: the day of every execution is today.
    const result = await summary(token, '?days=1');
    const fourteen = await summary(token);
    assert.deepEqual(result.days, [fourteen.days.at(-1)]);
  });

  it('refuses a malformed location list, naming the parameter', async () => {
    const response = await send('GET', '/api/reports/summary?locationIds=not-an-id', token);
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(
      response.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer,
      '/locationIds',
    );
    const tooMany = await send('GET', '/api/reports/summary?days=32', token);
    assert.equal(tooMany.statusCode, 400);
  });

  it('exports one execution’s report by its id', async () => {
    const response = await send(
      'GET',
      `/api/reports/executions?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z&format=csv&ids=${ids['Noon patrol']}`,
      token,
    );
    assert.equal(response.statusCode, 200, response.body);
    const lines = response.body.trim().split('\r\n');
    assert.equal(lines.length, 2, 'a header and one row');
    assert.match(lines[1]!, /Noon patrol/);
  });
});
