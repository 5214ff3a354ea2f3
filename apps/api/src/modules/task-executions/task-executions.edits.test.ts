import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
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
import { createWorker } from '../jobs/worker.js';
import {
  TASK_SCHEDULES_JOB,
  createTaskSchedulesJob,
  scheduleTaskSchedules,
} from './task-executions.jobs.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

// Edits, cancellation, filters, the materialization horizon and its job (DESIGN §4, decision
// 0008). The clock is fixed at Monday 2026-12-07 12:00 UTC and the location keeps UTC, so every
// expected instant below can be read off a calendar.

const NOW = '2026-12-07T12:00:00.000Z';
const DAY_MS = 86_400_000;

describe('task executions: edits, cancellation, filters and the horizon', () => {
  const clock = createFixedClock(new Date(NOW));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let locationId: string;
  let pointId: string;
  let guardA: string;
  let guardB: string;

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    credentials: Credentials = token,
    headers: Record<string, string> = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...credentials.headers, ...headers },
      ...(payload ? { payload } : {}),
    });

  /** A daily round at 18:00–21:00 UTC from Saturday Dec 5, unbounded unless told otherwise. */
  async function plan(overrides: Record<string, unknown> = {}): Promise<TaskExecutionInfo> {
    const response = await send('POST', '/api/task-executions', {
      assigneeIds: [guardA],
      locationId,
      name: 'Night round',
      description: null,
      recurrence: { rule: 'FREQ=DAILY', exception: null },
      startAt: '2026-12-05T18:00:00.000Z',
      endAt: '2026-12-05T21:00:00.000Z',
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: ['night'],
      steps: [
        {
          pointId,
          name: 'Gate',
          order: 0,
          actions: [{ name: 'Gate locked', type: 'BOOLEAN', order: 0, required: true }],
        },
      ],
      ...overrides,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<TaskExecutionInfo>();
  }

  async function info(
    from: string,
    to: string,
    query = '',
    credentials: Credentials = token,
  ): Promise<TaskExecutionInfo[]> {
    const response = await send(
      'GET',
      `/api/task-executions/info?from=${from}&to=${to}&limit=1000${query}`,
      undefined,
      credentials,
    );
    assert.equal(response.statusCode, 200, response.body);
    return response.json<TaskExecutionInfo[]>();
  }

  /** The executions of one task in a window, as [startAt, name, state]. */
  async function timeline(scheduledTaskIds: string[], from: string, to: string, query = '') {
    const items = await info(from, to, `&scheduledTaskIds=${scheduledTaskIds.join(',')}${query}`);
    return items.map((item) => [item.startAt, item.name, item.state]);
  }

  async function rowsOf(scheduledTaskId: string) {
    return server.deps.database.db
      .selectFrom('taskExecutions')
      .select(['id', 'startAt', 'state'])
      .where('scheduledTaskId', '=', scheduledTaskId)
      .orderBy('startAt')
      .execute();
  }

  const pointersOf = (body: string) =>
    (JSON.parse(body) as Problem).errors?.map((error) => error.pointer);

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    const location = await send('POST', '/api/locations', { name: 'Depot', timeZone: 'UTC' });
    assert.equal(location.statusCode, 201, location.body);
    locationId = location.json<{ id: string }>().id;
    const point = await send('POST', '/api/points', { locationId, name: 'Gate 1' });
    pointId = point.json<{ id: string }>().id;
    guardA = (
      await createUser(server, owner, {
        role: 'USER',
        email: 'a@example.com',
        locationIds: [locationId],
      })
    ).id;
    guardB = (
      await createUser(server, owner, {
        role: 'USER',
        email: 'b@example.com',
        locationIds: [locationId],
      })
    ).id;
  });
  after(() => server.close());

  describe('the horizon', () => {
    it('writes the rows of the next 15 days at creation, and any far window on demand', async () => {
      const first = await plan();
      // Now + 15 days = Dec 22 12:00, so Dec 5 … Dec 21 at 18:00: 17 rows.
      const rows = await rowsOf(first.scheduledTaskId);
      assert.equal(rows.length, 17);
      assert.equal(rows[0]!.startAt, '2026-12-05T18:00:00.000Z');
      assert.equal(rows.at(-1)!.startAt, '2026-12-21T18:00:00.000Z');

      // An unbounded rule answers a window two years ahead, with ids that stay.
      const far = await timeline(
        [first.scheduledTaskId],
        '2028-02-27T00:00:00.000Z',
        '2028-03-02T00:00:00.000Z',
      );
      assert.deepEqual(
        far.map(([startAt]) => startAt),
        [
          '2028-02-27T18:00:00.000Z',
          '2028-02-28T18:00:00.000Z',
          '2028-02-29T18:00:00.000Z',
          '2028-03-01T18:00:00.000Z',
        ],
      );
      const ids = (
        await info(
          '2028-02-27T00:00:00.000Z',
          '2028-03-02T00:00:00.000Z',
          `&scheduledTaskIds=${first.scheduledTaskId}`,
        )
      ).map((item) => item.id);
      const again = (
        await info(
          '2028-02-27T00:00:00.000Z',
          '2028-03-02T00:00:00.000Z',
          `&scheduledTaskIds=${first.scheduledTaskId}`,
        )
      ).map((item) => item.id);
      assert.deepEqual(again, ids);
      assert.equal(
        (await rowsOf(first.scheduledTaskId)).length,
        17 + 4,
        'each far occurrence is written once',
      );
      const one = await send('GET', `/api/task-executions/${ids[2]}`);
      assert.equal(one.statusCode, 200);
      assert.equal(one.json<TaskExecutionInfo>().startAt, '2028-02-29T18:00:00.000Z');
    });

    it('pages through rows and unwritten occurrences alike, in order, without repeats', async () => {
      const first = await plan({
        name: 'Paged',
        recurrence: { rule: 'FREQ=HOURLY;INTERVAL=6', exception: null },
        startAt: '2026-12-20T00:00:00.000Z',
        endAt: '2026-12-20T01:00:00.000Z',
      });
      // Dec 20 00:00 … : rows up to Dec 22 12:00 (11 of them), the rest of the window unwritten.
      const seen: string[] = [];
      let url: string | null =
        `/api/task-executions/info?from=2026-12-20T00:00:00.000Z&to=2026-12-25T00:00:00.000Z&scheduledTaskIds=${first.scheduledTaskId}&limit=7`;
      while (url) {
        const response = await send('GET', url);
        assert.equal(response.statusCode, 200, response.body);
        seen.push(...response.json<TaskExecutionInfo[]>().map((item) => item.startAt));
        url = /<([^>]+)>; rel="next"/.exec(String(response.headers.link ?? ''))?.[1] ?? null;
      }
      // Five days of four a day.
      assert.equal(seen.length, 20);
      assert.equal(new Set(seen).size, 20);
      assert.deepEqual([...seen].sort(), seen);
      assert.equal(seen[0], '2026-12-20T00:00:00.000Z');
      assert.equal(seen.at(-1), '2026-12-24T18:00:00.000Z');
    });

    it('is extended and expiry stamped by the task-schedules job', async () => {
      const first = await plan({
        name: 'Job',
        startAt: '2026-12-07T06:00:00.000Z',
        endAt: '2026-12-07T08:00:00.000Z',
      });
      assert.equal((await rowsOf(first.scheduledTaskId)).length, 16, 'Dec 7 … Dec 22 06:00');
      const worker = createWorker({
        database: server.deps.database,
        clock,
        logger: pino({ level: 'silent' }),
        handlers: {
          [TASK_SCHEDULES_JOB]: createTaskSchedulesJob(
            server.deps.taskExecutionsService,
            server.deps.performingService,
          ),
        },
      });
      await scheduleTaskSchedules(server.deps.database.db, clock.now());
      const before = clock.now().toISOString();
      clock.advance(3 * DAY_MS); // Dec 10 12:00: within a day of the horizon? No: it ends Dec 22.
      clock.advance(9 * DAY_MS); // Dec 19 12:00: the horizon (Dec 22 12:00) is within 3 days.
      try {
        assert.equal(await worker.runOnce(), 1);
      } finally {
        await worker.stop();
      }
      const rows = await rowsOf(first.scheduledTaskId);
      // Now Dec 19 12:00 + 15 days = Jan 3 12:00: Dec 7 … Jan 3 06:00 is 28 rows.
      assert.equal(rows.length, 28);
      assert.equal(rows.at(-1)!.startAt, '2027-01-03T06:00:00.000Z');
      // The Dec 7 … Dec 19 windows ended unperformed: stamped, so pollers see them.
      const changed = await info(
        '2026-12-07T00:00:00.000Z',
        '2026-12-20T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}&updatedSince=${before}`,
      );
      assert.equal(changed.length, 13);
      assert.ok(changed.every((item) => item.expired));
      const next = await server.deps.database.db
        .selectFrom('jobs')
        .select(['runAt'])
        .where('type', '=', TASK_SCHEDULES_JOB)
        .where('completedAt', 'is', null)
        .execute();
      assert.deepEqual(
        next.map((job) => job.runAt),
        ['2026-12-19T12:01:00.000Z'],
      );
      clock.set(new Date(NOW));
    });
  });

  describe('filters', () => {
    let night: TaskExecutionInfo;
    let day: TaskExecutionInfo;
    const from = '2026-12-08T00:00:00.000Z';
    const to = '2026-12-09T00:00:00.000Z';
    const namesOf = (items: TaskExecutionInfo[]) => items.map((item) => item.name).sort();

    before(async () => {
      night = await plan({
        name: 'F night',
        recurrence: null,
        startAt: '2026-12-08T20:00:00.000Z',
        endAt: '2026-12-08T22:00:00.000Z',
        tags: ['night', 'outside'],
        priority: 'HIGH',
      });
      day = await plan({
        name: 'F day',
        recurrence: null,
        startAt: '2026-12-08T09:00:00.000Z',
        endAt: '2026-12-08T10:00:00.000Z',
        tags: ['day'],
        priority: 'LOW',
        assigneeIds: [guardB],
        published: false,
      });
    });

    it('narrows by every filter of the guide', async () => {
      const only = (query: string) =>
        info(
          from,
          to,
          `&scheduledTaskIds=${night.scheduledTaskId},${day.scheduledTaskId}${query}`,
        ).then(namesOf);
      assert.deepEqual(await only(''), ['F day', 'F night']);
      assert.deepEqual(await only('&tags=outside'), ['F night']);
      assert.deepEqual(await only('&tags=day,outside'), ['F day', 'F night']);
      assert.deepEqual(await only('&priorities=LOW'), ['F day']);
      assert.deepEqual(await only(`&assigneeIds=${guardB}`), ['F day']);
      assert.deepEqual(await only('&published=false'), ['F day']);
      assert.deepEqual(await only('&published=true'), ['F night']);
      assert.deepEqual(await only(`&ids=${night.id}`), ['F night']);
      assert.deepEqual(await only(`&seriesIds=${day.seriesId}`), ['F day']);
      assert.deepEqual(await only(`&performerIds=${guardA}`), []);
      assert.deepEqual(await only('&statuses=OK,WARNING'), []);
      assert.deepEqual(await only('&states=COMPLETED'), []);
      assert.deepEqual(await only('&states=PLANNED'), ['F day', 'F night']);
      assert.deepEqual(await only(`&locationIds=${locationId}&tags=night&priorities=HIGH`), [
        'F night',
      ]);
    });

    it('tells expired from not expired by the clock', async () => {
      clock.set(new Date('2026-12-08T21:00:00.000Z'));
      try {
        const names = (query: string) =>
          info(
            from,
            to,
            `&scheduledTaskIds=${night.scheduledTaskId},${day.scheduledTaskId}${query}`,
          ).then(namesOf);
        assert.deepEqual(await names('&expired=true'), ['F day']);
        assert.deepEqual(await names('&expired=false'), ['F night']);
      } finally {
        clock.set(new Date(NOW));
      }
    });

    it('hides unpublished tasks from performers whatever they ask', async () => {
      const performer = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
      const items = await info(
        from,
        to,
        `&scheduledTaskIds=${night.scheduledTaskId},${day.scheduledTaskId}&published=false`,
        performer,
      );
      assert.deepEqual(items, []);
      const direct = await send('GET', `/api/task-executions/${day.id}`, undefined, performer);
      assert.equal(direct.statusCode, 404);
    });

    it('refuses values it does not know, naming each parameter', async () => {
      const response = await send(
        'GET',
        `/api/task-executions/info?from=${from}&to=${to}&states=DONE&priorities=URGENT&assigneeIds=abc&statuses=FINE`,
      );
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(
        new Set(pointersOf(response.body)),
        new Set(['/states', '/priorities', '/assigneeIds', '/statuses']),
      );
      const since = await send(
        'GET',
        `/api/task-executions/info?from=${from}&to=${to}&updatedSince=yesterday`,
      );
      assert.equal(since.statusCode, 400);
      assert.deepEqual(pointersOf(since.body), ['/updatedSince']);
    });
  });

  describe('editing', () => {
    it('THIS: moves and renames one occurrence, keeping its id; the rest stay', async () => {
      const first = await plan({ name: 'Round T' });
      const [dec10] = await info(
        '2026-12-10T00:00:00.000Z',
        '2026-12-11T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      const response = await send('PATCH', `/api/task-executions/${dec10!.id}?scope=THIS`, {
        name: 'Late round',
        startAt: '2026-12-10T19:00:00.000Z',
      });
      assert.equal(response.statusCode, 200, response.body);
      const edited = response.json<TaskExecutionInfo>();
      assert.equal(edited.id, dec10!.id);
      assert.equal(edited.name, 'Late round');
      assert.equal(edited.startAt, '2026-12-10T19:00:00.000Z');
      assert.equal(
        edited.endAt,
        '2026-12-10T22:00:00.000Z',
        'moving startAt keeps the three hours',
      );
      assert.equal(edited.edited, true);
      assert.equal(edited.editedAt, NOW);
      assert.ok(edited.scheduledTaskHistoryId > dec10!.scheduledTaskHistoryId);
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2026-12-09T00:00:00.000Z',
          '2026-12-12T00:00:00.000Z',
        ),
        [
          ['2026-12-09T18:00:00.000Z', 'Round T', 'PLANNED'],
          ['2026-12-10T19:00:00.000Z', 'Late round', 'PLANNED'],
          ['2026-12-11T18:00:00.000Z', 'Round T', 'PLANNED'],
        ],
      );
      const refused = await send('PATCH', `/api/task-executions/${dec10!.id}`, {
        steps: [],
        recurrence: null,
      });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(pointersOf(refused.body), ['/steps', '/recurrence']);
      const backwards = await send('PATCH', `/api/task-executions/${dec10!.id}`, {
        endAt: '2026-12-10T18:00:00.000Z',
      });
      assert.equal(backwards.statusCode, 400);
      assert.deepEqual(pointersOf(backwards.body), ['/endAt']);
    });

    it('ALL: a new version for occurrences not begun; edited, past and performed ones keep theirs', async () => {
      const performer = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
      const first = await plan({ name: 'Round A', assigneeIds: [performer.user.id] });
      const [dec9, dec10] = await info(
        '2026-12-09T00:00:00.000Z',
        '2026-12-11T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      await send('PATCH', `/api/task-executions/${dec9!.id}`, { name: 'Special' });
      // A performed execution: its assignee starts it (early, which is allowed).
      const started = await send(
        'POST',
        `/api/task-executions/${dec10!.id}/events`,
        { id: randomUUID(), type: 'STARTED' },
        performer,
      );
      assert.equal(started.statusCode, 201, started.body);
      const response = await send('PATCH', `/api/task-executions/${dec10!.id}?scope=ALL`, {
        name: 'Perimeter',
        tags: ['night', 'fence'],
      });
      assert.equal(response.statusCode, 409, 'a performed execution is a record');
      const [dec11] = await info(
        '2026-12-11T00:00:00.000Z',
        '2026-12-12T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      const all = await send('PATCH', `/api/task-executions/${dec11!.id}?scope=ALL`, {
        name: 'Perimeter',
        tags: ['night', 'fence'],
      });
      assert.equal(all.statusCode, 200, all.body);
      assert.equal(all.json<TaskExecutionInfo>().id, dec11!.id);
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2026-12-06T00:00:00.000Z',
          '2026-12-12T00:00:00.000Z',
        ),
        [
          ['2026-12-06T18:00:00.000Z', 'Round A', 'PLANNED'], // over before the edit
          ['2026-12-07T18:00:00.000Z', 'Perimeter', 'PLANNED'],
          ['2026-12-08T18:00:00.000Z', 'Perimeter', 'PLANNED'],
          ['2026-12-09T18:00:00.000Z', 'Special', 'PLANNED'], // edited on its own
          ['2026-12-10T18:00:00.000Z', 'Round A', 'IN_PROGRESS'], // performed
          ['2026-12-11T18:00:00.000Z', 'Perimeter', 'PLANNED'],
        ],
      );
      const far = await info(
        '2027-06-01T00:00:00.000Z',
        '2027-06-02T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}&tags=fence`,
      );
      assert.deepEqual(
        far.map((item) => item.name),
        ['Perimeter'],
      );
    });

    it('ALL with a new schedule: replaces planned occurrences from now on under new ids', async () => {
      const first = await plan({ name: 'Round S' });
      const before = await info(
        '2026-12-06T00:00:00.000Z',
        '2026-12-09T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      const response = await send('PATCH', `/api/task-executions/${before[2]!.id}?scope=ALL`, {
        startAt: '2026-12-05T20:00:00.000Z',
      });
      assert.equal(response.statusCode, 200, response.body);
      const answer = response.json<TaskExecutionInfo>();
      assert.equal(
        answer.startAt,
        '2026-12-07T20:00:00.000Z',
        'the first occurrence of the new schedule',
      );
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2026-12-06T00:00:00.000Z',
          '2026-12-09T00:00:00.000Z',
          '&includeCanceled=true',
        ),
        [
          ['2026-12-06T18:00:00.000Z', 'Round S', 'PLANNED'],
          ['2026-12-07T18:00:00.000Z', 'Round S', 'CANCELED'],
          ['2026-12-07T20:00:00.000Z', 'Round S', 'PLANNED'],
          ['2026-12-08T18:00:00.000Z', 'Round S', 'CANCELED'],
          ['2026-12-08T20:00:00.000Z', 'Round S', 'PLANNED'],
        ],
      );
      const ids = new Set(
        (
          await info(
            '2026-12-06T00:00:00.000Z',
            '2027-01-06T00:00:00.000Z',
            `&scheduledTaskIds=${first.scheduledTaskId}&includeCanceled=true`,
          )
        ).map((item) => item.id),
      );
      assert.equal(
        ids.size,
        30 + 16,
        'Dec 7 … Jan 5 at 20:00 (30) and Dec 6 … Dec 21 at 18:00 (16, written before the edit), no id shared',
      );
      const old = await send('GET', `/api/task-executions/${before[1]!.id}`);
      assert.equal(
        old.json<TaskExecutionInfo>().state,
        'CANCELED',
        'an id once returned still answers',
      );
    });

    it('FOLLOWING: splits the task; a new task continues the series and the count', async () => {
      const first = await plan({
        name: 'Round F',
        recurrence: { rule: 'FREQ=DAILY;COUNT=5', exception: null },
        startAt: '2026-12-08T18:00:00.000Z',
        endAt: '2026-12-08T21:00:00.000Z',
      });
      const items = await info(
        '2026-12-08T00:00:00.000Z',
        '2026-12-14T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      assert.equal(items.length, 5);
      const response = await send('PATCH', `/api/task-executions/${items[2]!.id}?scope=FOLLOWING`, {
        name: 'Round F2',
        priority: 'HIGH',
      });
      assert.equal(response.statusCode, 200, response.body);
      const successor = response.json<TaskExecutionInfo>();
      assert.notEqual(successor.scheduledTaskId, first.scheduledTaskId);
      assert.equal(successor.seriesId, first.seriesId);
      assert.deepEqual(successor.recurrence, { rule: 'FREQ=DAILY;COUNT=3', exception: null });
      assert.equal(successor.startAt, '2026-12-10T18:00:00.000Z');
      assert.equal(
        successor.steps[0]!.seriesId,
        first.steps[0]!.seriesId,
        'steps continue their series',
      );
      assert.notEqual(successor.steps[0]!.scheduledStepId, first.steps[0]!.scheduledStepId);
      const series = await info(
        '2026-12-08T00:00:00.000Z',
        '2026-12-14T00:00:00.000Z',
        `&seriesIds=${first.seriesId}`,
      );
      assert.deepEqual(
        series.map((item) => [
          item.startAt.slice(0, 10),
          item.name,
          item.priority,
          item.scheduledTaskId === first.scheduledTaskId,
        ]),
        [
          ['2026-12-08', 'Round F', 'NORMAL', true],
          ['2026-12-09', 'Round F', 'NORMAL', true],
          ['2026-12-10', 'Round F2', 'HIGH', false],
          ['2026-12-11', 'Round F2', 'HIGH', false],
          ['2026-12-12', 'Round F2', 'HIGH', false],
        ],
      );
      assert.equal(
        (await send('GET', `/api/task-executions/${items[2]!.id}`)).json<TaskExecutionInfo>().state,
        'CANCELED',
      );

      const begun = await plan({
        name: 'Begun',
        recurrence: null,
        startAt: '2026-12-07T11:00:00.000Z',
        endAt: '2026-12-07T13:00:00.000Z',
      });
      const refused = await send('PATCH', `/api/task-executions/${begun.id}?scope=FOLLOWING`, {
        name: 'Too late',
      });
      assert.equal(refused.statusCode, 409, refused.body);
    });

    it('replays a PATCH with the same Idempotency-Key and refuses the key for another body', async () => {
      const first = await plan({
        name: 'Idem',
        recurrence: null,
        startAt: '2026-12-09T08:00:00.000Z',
        endAt: '2026-12-09T09:00:00.000Z',
      });
      const headers = { 'idempotency-key': 'edit-idem-1' };
      const one = await send(
        'PATCH',
        `/api/task-executions/${first.id}`,
        { name: 'Idem 2' },
        token,
        headers,
      );
      const two = await send(
        'PATCH',
        `/api/task-executions/${first.id}`,
        { name: 'Idem 2' },
        token,
        headers,
      );
      assert.equal(one.statusCode, 200);
      assert.equal(two.statusCode, 200);
      assert.equal(two.headers['idempotent-replayed'], 'true');
      assert.equal(two.body, one.body);
      const versions = await server.deps.database.db
        .selectFrom('scheduledTaskVersions')
        .select('historyId')
        .where('scheduledTaskId', '=', first.scheduledTaskId)
        .execute();
      assert.equal(versions.length, 2, 'the creation and one edit');
      const other = await send(
        'PATCH',
        `/api/task-executions/${first.id}`,
        { name: 'Idem 3' },
        token,
        headers,
      );
      assert.equal(other.statusCode, 422);
    });
  });

  describe('cancellation', () => {
    it('THIS: keeps the occurrence as a CANCELED record, hidden unless asked for', async () => {
      const first = await plan({ name: 'Cancel T' });
      const [dec9] = await info(
        '2026-12-09T00:00:00.000Z',
        '2026-12-10T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      const response = await send('DELETE', `/api/task-executions/${dec9!.id}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json<TaskExecutionInfo>().state, 'CANCELED');
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2026-12-09T00:00:00.000Z',
          '2026-12-10T00:00:00.000Z',
        ),
        [],
      );
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2026-12-09T00:00:00.000Z',
          '2026-12-10T00:00:00.000Z',
          '&includeCanceled=true',
        ),
        [['2026-12-09T18:00:00.000Z', 'Cancel T', 'CANCELED']],
      );
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2026-12-09T00:00:00.000Z',
          '2026-12-10T00:00:00.000Z',
          '&states=CANCELED',
        ),
        [['2026-12-09T18:00:00.000Z', 'Cancel T', 'CANCELED']],
      );
      assert.equal((await send('DELETE', `/api/task-executions/${dec9!.id}`)).statusCode, 409);
      assert.equal(
        (await send('PATCH', `/api/task-executions/${dec9!.id}`, { name: 'Back' })).statusCode,
        409,
      );
    });

    it('FOLLOWING: ends the task at the occurrence', async () => {
      const first = await plan({
        name: 'Cancel F',
        recurrence: { rule: 'FREQ=DAILY;COUNT=5', exception: null },
        startAt: '2026-12-08T18:00:00.000Z',
        endAt: '2026-12-08T21:00:00.000Z',
      });
      const items = await info(
        '2026-12-08T00:00:00.000Z',
        '2026-12-14T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      const response = await send('DELETE', `/api/task-executions/${items[2]!.id}?scope=FOLLOWING`);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(
        (
          await timeline(
            [first.scheduledTaskId],
            '2026-12-08T00:00:00.000Z',
            '2026-12-14T00:00:00.000Z',
            '&includeCanceled=true',
          )
        ).map(([startAt, , state]) => [startAt!.slice(0, 10), state]),
        [
          ['2026-12-08', 'PLANNED'],
          ['2026-12-09', 'PLANNED'],
          ['2026-12-10', 'CANCELED'],
          ['2026-12-11', 'CANCELED'],
          ['2026-12-12', 'CANCELED'],
        ],
      );
    });

    it('ALL: cancels every planned occurrence not over and ends the task now', async () => {
      const first = await plan({
        name: 'Cancel A',
        startAt: '2026-12-05T11:00:00.000Z',
        endAt: '2026-12-05T13:00:00.000Z',
      });
      const [dec9] = await info(
        '2026-12-09T00:00:00.000Z',
        '2026-12-10T00:00:00.000Z',
        `&scheduledTaskIds=${first.scheduledTaskId}`,
      );
      const response = await send('DELETE', `/api/task-executions/${dec9!.id}?scope=ALL`);
      assert.equal(response.statusCode, 200, response.body);
      const states = await timeline(
        [first.scheduledTaskId],
        '2026-12-05T00:00:00.000Z',
        '2026-12-10T00:00:00.000Z',
        '&includeCanceled=true',
      );
      assert.deepEqual(
        states.map(([startAt, , state]) => [startAt!.slice(0, 10), state]),
        [
          ['2026-12-05', 'PLANNED'],
          ['2026-12-06', 'PLANNED'],
          ['2026-12-07', 'CANCELED'], // 11:00–13:00 had begun but not ended at 12:00
          ['2026-12-08', 'CANCELED'],
          ['2026-12-09', 'CANCELED'],
        ],
      );
      assert.deepEqual(
        await timeline(
          [first.scheduledTaskId],
          '2027-03-01T00:00:00.000Z',
          '2027-03-05T00:00:00.000Z',
        ),
        [],
      );
    });
  });

  describe('access', () => {
    it('lets only planners of the location edit and cancel', async () => {
      const first = await plan({
        name: 'Guarded',
        recurrence: null,
        startAt: '2026-12-09T08:00:00.000Z',
        endAt: '2026-12-09T09:00:00.000Z',
      });
      const performer = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
      assert.equal(
        (await send('PATCH', `/api/task-executions/${first.id}`, { name: 'X' }, performer))
          .statusCode,
        403,
      );
      assert.equal(
        (await send('DELETE', `/api/task-executions/${first.id}`, undefined, performer)).statusCode,
        403,
      );
      const elsewhere = await send('POST', '/api/locations', {
        name: 'Elsewhere',
        timeZone: 'UTC',
      });
      const manager = await signInMember(server, owner, 'MANAGER', {
        locationIds: [elsewhere.json<{ id: string }>().id],
      });
      assert.equal(
        (await send('PATCH', `/api/task-executions/${first.id}`, { name: 'X' }, manager))
          .statusCode,
        404,
      );
      assert.equal(
        (await send('DELETE', `/api/task-executions/${first.id}`, undefined, manager)).statusCode,
        404,
      );
      const local = await signInMember(server, owner, 'MANAGER', { locationIds: [locationId] });
      assert.equal(
        (await send('PATCH', `/api/task-executions/${first.id}`, { name: 'Renamed' }, local))
          .statusCode,
        200,
      );
    });
  });
});
