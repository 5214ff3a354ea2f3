import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { RecurrencePreview } from './recurrence-preview.schemas.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

describe('previewRecurrence', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;

  const preview = (body: object, credentials: Credentials = owner) =>
    server.app.inject({
      method: 'POST',
      url: '/api/task-executions/recurrence-preview',
      headers: credentials.headers,
      payload: body,
    });
  const previewOf = async (body: object) => {
    const response = await preview(body);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<RecurrencePreview>();
  };

  /** 20:00–22:00 in Kyiv (UTC+2 in winter), daily unless the test says otherwise. */
  const kyivEvening = (overrides: Record<string, unknown> = {}) => ({
    startAt: '2026-03-26T18:00:00.000Z',
    endAt: '2026-03-26T20:00:00.000Z',
    timeZone: 'Europe/Kyiv',
    recurrence: { rule: 'FREQ=DAILY', exception: null },
    ...overrides,
  });

  before(async () => {
    server = await createTestServer();
    owner = await signUpOrganization(server, 'Acme Security');
  });
  after(() => server.close());

  it('lists ten occurrences by default, keeping the local time across the spring DST change', async () => {
    const result = await previewOf(kyivEvening());
    assert.equal(result.timeZone, 'Europe/Kyiv');
    assert.equal(result.occurrences.length, 10);
    assert.equal(result.hasMore, true);
    assert.deepEqual(
      result.occurrences.map((occurrence) => occurrence.localStartAt),
      [
        '2026-03-26T20:00',
        '2026-03-27T20:00',
        '2026-03-28T20:00',
        '2026-03-29T20:00',
        '2026-03-30T20:00',
        '2026-03-31T20:00',
        '2026-04-01T20:00',
        '2026-04-02T20:00',
        '2026-04-03T20:00',
        '2026-04-04T20:00',
      ],
    );
    // Kyiv moves from +02:00 to +03:00 on Sunday 29 March, so the instant moves an hour earlier.
    assert.deepEqual(
      result.occurrences.slice(2, 4).map(({ startAt, endAt, localEndAt, utcOffset }) => ({
        startAt,
        endAt,
        localEndAt,
        utcOffset,
      })),
      [
        {
          startAt: '2026-03-28T18:00:00.000Z',
          endAt: '2026-03-28T20:00:00.000Z',
          localEndAt: '2026-03-28T22:00',
          utcOffset: '+02:00',
        },
        {
          startAt: '2026-03-29T17:00:00.000Z',
          endAt: '2026-03-29T19:00:00.000Z',
          localEndAt: '2026-03-29T22:00',
          utcOffset: '+03:00',
        },
      ],
    );
  });

  it('moves a wall time inside the DST gap forward by the gap instead of dropping it', async () => {
    // 03:30 does not exist in Kyiv on 29 March 2026 (03:00 → 04:00).
    const result = await previewOf(
      kyivEvening({
        startAt: '2026-03-28T01:30:00.000Z',
        endAt: '2026-03-28T02:00:00.000Z',
        count: 3,
      }),
    );
    assert.deepEqual(
      result.occurrences.map((occurrence) => occurrence.localStartAt),
      ['2026-03-28T03:30', '2026-03-29T04:30', '2026-03-30T03:30'],
    );
  });

  it('lists weekly days in order and leaves out the exceptions', async () => {
    // Monday 7 December 2026, 08:00 in Kyiv; the Wednesday 9th is an exception by its end.
    const result = await previewOf(
      kyivEvening({
        startAt: '2026-12-07T06:00:00.000Z',
        endAt: '2026-12-07T07:00:00.000Z',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,WE', exception: '20261209T070000Z' },
        count: 4,
      }),
    );
    assert.deepEqual(
      result.occurrences.map((occurrence) => occurrence.localStartAt),
      ['2026-12-07T08:00', '2026-12-14T08:00', '2026-12-16T08:00', '2026-12-21T08:00'],
    );
  });

  it('says when the series ends before the list is full', async () => {
    const result = await previewOf(
      kyivEvening({ recurrence: { rule: 'FREQ=DAILY;COUNT=3', exception: null } }),
    );
    assert.equal(result.occurrences.length, 3);
    assert.equal(result.hasMore, false);
  });

  it('looks ahead a bounded number of repetitions for a sub-daily rule that rarely matches', async () => {
    // Every 5 minutes of February, from March: 86,400 periods of 5 minutes (300 days) end in
    // January, so the preview stops there instead of expanding on to February.
    const result = await previewOf(
      kyivEvening({ recurrence: { rule: 'FREQ=MINUTELY;INTERVAL=5;BYMONTH=2', exception: null } }),
    );
    assert.deepEqual(
      result.occurrences.map((occurrence) => occurrence.startAt),
      ['2026-03-26T18:00:00.000Z'],
    );
    assert.equal(result.hasMore, false);
  });

  it('starts the list at `from` when it is given', async () => {
    const result = await previewOf(kyivEvening({ from: '2026-04-10T00:00:00.000Z', count: 2 }));
    assert.deepEqual(
      result.occurrences.map((occurrence) => occurrence.startAt),
      ['2026-04-10T17:00:00.000Z', '2026-04-11T17:00:00.000Z'],
    );
  });

  it('lists exactly the executions the same task then gets', async () => {
    const location = await server.app.inject({
      method: 'POST',
      url: '/api/locations',
      headers: owner.headers,
      payload: { name: 'Harbour', timeZone: 'America/New_York' },
    });
    const locationId = location.json<{ id: string }>().id;
    // 01:30 on the first Sunday of November happens twice in New York; the first one counts.
    const plan = {
      startAt: '2026-10-30T05:30:00.000Z',
      endAt: '2026-10-30T06:00:00.000Z',
      recurrence: { rule: 'FREQ=DAILY;COUNT=6', exception: null },
    };
    const previewed = await previewOf({ ...plan, timeZone: 'America/New_York' });
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/task-executions',
      headers: owner.headers,
      payload: {
        ...plan,
        assigneeIds: [],
        locationId,
        name: 'Night round',
        description: null,
        priority: 'NORMAL',
        orderStepsRequired: false,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps: [],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const listed = await server.app.inject({
      method: 'GET',
      url: `/api/task-executions/info?from=2026-10-29T00:00:00.000Z&to=2026-11-10T00:00:00.000Z&locationIds=${locationId}`,
      headers: owner.headers,
    });
    const executions = listed.json<TaskExecutionInfo[]>();
    assert.deepEqual(
      previewed.occurrences.map((occurrence) => occurrence.startAt),
      executions.map((execution) => execution.startAt),
    );
    assert.equal(previewed.occurrences[2]!.localStartAt, '2026-11-01T01:30');
    assert.equal(previewed.occurrences[2]!.utcOffset, '-04:00');
  });

  it('names the rule part that is wrong, at the pointer the task body uses', async () => {
    const response = await preview(
      kyivEvening({ recurrence: { rule: 'FREQ=FORTNIGHTLY', exception: 'tomorrow' } }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    const problem = response.json<Problem>();
    assert.deepEqual([...new Set(problem.errors?.map((error) => error.pointer))].sort(), [
      '/recurrence/exception',
      '/recurrence/rule',
    ]);
  });

  it('refuses an unknown time zone and a window that ends before it starts', async () => {
    const response = await preview(
      kyivEvening({ timeZone: 'Mars/Olympus', endAt: '2026-03-26T17:00:00.000Z' }),
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json<Problem>()
        .errors?.map((error) => error.pointer)
        .sort(),
      ['/endAt', '/timeZone'],
    );
  });

  it('lists at most 50', async () => {
    const response = await preview(kyivEvening({ count: 51 }));
    assert.equal(response.statusCode, 400);
    assert.ok(response.json<Problem>().errors?.some((error) => error.pointer === '/count'));
    assert.equal((await previewOf(kyivEvening({ count: 50 }))).occurrences.length, 50);
  });

  it('answers planners and API tokens but not performers', async () => {
    const token = await createApiToken(server, owner);
    assert.equal((await preview(kyivEvening(), token)).statusCode, 200);
    const manager = await signInMember(server, owner, 'MANAGER');
    assert.equal((await preview(kyivEvening(), manager)).statusCode, 200);
    const user = await signInMember(server, owner, 'USER');
    assert.equal((await preview(kyivEvening(), user)).statusCode, 403);
  });
});
