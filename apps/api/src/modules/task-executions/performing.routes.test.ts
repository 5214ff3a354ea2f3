import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createFixedClock } from '../../shared/clock.js';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { uploadPhoto } from '../../test-support/media-uploads.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

// Whole executions run through the performer API, and every field of the resulting `info`
// checked against what DESIGN §5 says it must be. The clock is fixed; each task's window is
// 18:00–21:00 UTC on Monday 2026-12-07 at a location that keeps UTC, so expected instants and
// durations are plain arithmetic.

const DAY = '2026-12-07';
const at = (time: string) => `${DAY}T${time}.000Z`;
const MINUTE = 60_000;

interface Write {
  type: string;
  deviceTime?: string;
  [field: string]: unknown;
}

describe('performing executions', () => {
  const clock = createFixedClock(new Date(at('12:00:00')));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let guardA: Credentials & { user: { id: string } };
  let guardB: Credentials & { user: { id: string } };
  let locationId: string;
  const points: { id: string; qrCode: string }[] = [];

  const send = (
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

  /**
   * A one-off task at 18:00–21:00 with three steps: a gate (BOOLEAN that alerts on "false",
   * NUMBER 18–24), a seal (TEXT like AB123, SELECT with a warning option), a door
   * (MULTISELECT, INSTRUCTION); every value but the instruction required.
   */
  async function plan(overrides: Record<string, unknown> = {}): Promise<TaskExecutionInfo> {
    const response = await send('POST', '/api/task-executions', token, {
      assigneeIds: [guardA.user.id, guardB.user.id],
      locationId,
      name: 'Night round',
      description: null,
      recurrence: null,
      startAt: at('18:00:00'),
      endAt: at('21:00:00'),
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [
        {
          pointId: points[0]!.id,
          name: 'Gate',
          order: 0,
          actions: [
            { name: 'Gate locked', type: 'BOOLEAN', order: 0, required: true, alertLevel: 'ERROR' },
            {
              name: 'Temperature',
              type: 'NUMBER',
              order: 1,
              required: true,
              minValue: 18,
              maxValue: 24,
            },
          ],
        },
        {
          pointId: points[1]!.id,
          name: 'Seal',
          order: 1,
          actions: [
            {
              name: 'Seal number',
              type: 'TEXT',
              order: 0,
              required: true,
              regex: '[A-Z]{2}\\d{3}',
              maxLength: 5,
            },
            {
              name: 'Seal state',
              type: 'SELECT',
              order: 1,
              required: true,
              options: [{ value: 'Intact' }, { value: 'Damaged', alertLevel: 'WARNING' }],
            },
          ],
        },
        {
          pointId: points[2]!.id,
          name: 'Door',
          order: 2,
          actions: [
            {
              name: 'Checked',
              type: 'MULTISELECT',
              order: 0,
              required: true,
              options: [{ value: 'Lock' }, { value: 'Hinges' }, { value: 'Alarm' }],
            },
            { name: 'Close the shutter', type: 'INSTRUCTION', order: 1, required: false },
          ],
        },
      ],
      ...overrides,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<TaskExecutionInfo>();
  }

  /** Posts writes one by one (each with a fresh id), expecting each applied; returns the last answer. */
  async function perform(
    credentials: Credentials,
    execution: TaskExecutionInfo,
    writes: Write[],
  ): Promise<TaskExecutionInfo> {
    let last: TaskExecutionInfo = execution;
    for (const write of writes) {
      const response = await send(
        'POST',
        `/api/task-executions/${execution.id}/events`,
        credentials,
        {
          id: randomUUID(),
          ...write,
        },
      );
      assert.equal(response.statusCode, 201, `${write.type}: ${response.body}`);
      last = response.json<{ execution: TaskExecutionInfo }>().execution;
    }
    return last;
  }

  const step = (execution: TaskExecutionInfo, index: number) => execution.steps[index]!;
  const action = (execution: TaskExecutionInfo, stepIndex: number, index: number) =>
    execution.steps[stepIndex]!.actions[index]!;
  const checkIn = (execution: TaskExecutionInfo, index: number, deviceTime?: string): Write => ({
    type: 'CHECKED_IN',
    stepId: step(execution, index).id,
    method: 'QR',
    code: points[index]!.qrCode,
    ...(deviceTime ? { deviceTime } : {}),
  });
  /** Every value of a perfect run, for the steps listed. */
  const values = (execution: TaskExecutionInfo, stepIndex: number): Write[] =>
    [
      [
        { actionId: action(execution, 0, 0).id, booleanValue: true },
        { actionId: action(execution, 0, 1).id, numberValue: 21.5 },
      ],
      [
        { actionId: action(execution, 1, 0).id, textValue: 'AB123' },
        { actionId: action(execution, 1, 1).id, textValue: 'Intact' },
      ],
      [{ actionId: action(execution, 2, 0).id, selectedValues: ['Lock', 'Alarm'] }],
    ][stepIndex]!.map((value) => ({ type: 'VALUE_RECORDED', ...value }));

  async function eventCount(execution: TaskExecutionInfo): Promise<number> {
    const response = await send('GET', `/api/task-executions/${execution.id}/events`, token);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<unknown[]>().length;
  }

  async function refused(
    credentials: Credentials,
    execution: TaskExecutionInfo,
    write: Write,
    status: number,
    type: string,
  ): Promise<Problem> {
    const before = await eventCount(execution);
    const response = await send(
      'POST',
      `/api/task-executions/${execution.id}/events`,
      credentials,
      {
        id: randomUUID(),
        ...write,
      },
    );
    assert.equal(response.statusCode, status, response.body);
    const problem = response.json<Problem>();
    assert.equal(problem.type, `urn:openpatrol:problem:${type}`, response.body);
    assert.equal(await eventCount(execution), before, 'nothing recorded');
    return problem;
  }

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    const location = await send('POST', '/api/locations', token, {
      name: 'Depot',
      timeZone: 'UTC',
    });
    locationId = location.json<{ id: string }>().id;
    for (const body of [
      { name: 'Gate' },
      { name: 'Seal', nfcTagUid: '04:A2:3B:1C:5D:80:81' },
      { name: 'Door', latitude: 50.45, longitude: 30.52, radiusMeters: 30 },
    ]) {
      const point = await send('POST', '/api/points', token, { locationId, ...body });
      assert.equal(point.statusCode, 201, point.body);
      points.push(point.json<{ id: string; qrCode: string }>());
    }
    guardA = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
    guardB = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
  });
  after(() => server.close());

  it('a perfect run: every counter and flag from real execution', async () => {
    const planned = await plan();
    clock.set(new Date(at('17:55:00')));
    await perform(guardA, planned, [{ type: 'SEEN' }]);
    clock.set(new Date(at('19:00:00')));
    const done = await perform(guardA, planned, [
      { type: 'STARTED', deviceTime: at('18:00:00') },
      checkIn(planned, 0, at('18:05:00')),
      ...values(planned, 0),
      {
        type: 'CHECKED_IN',
        stepId: step(planned, 1).id,
        method: 'NFC',
        nfcTagUid: '04a23b1c5d8081',
      },
      ...values(planned, 1),
      {
        type: 'CHECKED_IN',
        stepId: step(planned, 2).id,
        method: 'GPS',
        // About 11 m north of the point, ±5 m: inside its 30 m.
        position: { latitude: 50.4501, longitude: 30.52, accuracyInMeters: 5 },
      },
      ...values(planned, 2),
      { type: 'NOTES_CHANGED', notes: 'All quiet.' },
      { type: 'FINISHED', deviceTime: at('18:50:00') },
    ]);
    clock.set(new Date(at('12:00:00')));
    const execution = (
      await send('GET', `/api/task-executions/${planned.id}`, token)
    ).json<TaskExecutionInfo>();
    assert.deepEqual(execution, done, 'the write answers with what GET shows');
    const { steps, seenStates, executedTaskId, ...summary } = execution;
    assert.ok(executedTaskId);
    assert.deepEqual(
      seenStates.map((state) => [state.assigneeId, state.seen]),
      [
        [guardA.user.id, true],
        [guardB.user.id, false],
      ],
    );
    assert.deepEqual(
      {
        performerId: summary.performerId,
        state: summary.state,
        status: summary.status,
        startedAt: summary.startedAt,
        endedAt: summary.endedAt,
        lateStart: summary.lateStart,
        lateEnd: summary.lateEnd,
        latenessInMillis: summary.latenessInMillis,
        totalExecutedTimeInMillis: summary.totalExecutedTimeInMillis,
        expired: summary.expired,
        keptOrder: summary.keptOrder,
        skippedStepCount: summary.skippedStepCount,
        skippedActionCount: summary.skippedActionCount,
        numericErrorCount: summary.numericErrorCount,
        missingRequiredValuesCount: summary.missingRequiredValuesCount,
        executedStepCount: summary.executedStepCount,
        warningCount: summary.warningCount,
        errorCount: summary.errorCount,
        collision: summary.collision,
        notes: summary.notes,
      },
      {
        performerId: guardA.user.id,
        state: 'COMPLETED',
        status: 'OK',
        startedAt: at('18:00:00'),
        endedAt: at('18:50:00'),
        lateStart: false,
        lateEnd: false,
        latenessInMillis: 0,
        totalExecutedTimeInMillis: 50 * MINUTE,
        expired: false,
        keptOrder: true,
        skippedStepCount: 0,
        skippedActionCount: 0,
        numericErrorCount: 0,
        missingRequiredValuesCount: 0,
        executedStepCount: 3,
        warningCount: 0,
        errorCount: 0,
        collision: false,
        notes: 'All quiet.',
      },
    );
    assert.deepEqual(
      steps.map((s) => [s.actualOrder, s.state, s.status, s.keptOrder, s.executedStepId !== null]),
      [
        [1, 'CHECKED_IN', 'OK', true, true],
        [2, 'CHECKED_IN', 'OK', true, true],
        [3, 'CHECKED_IN', 'OK', true, true],
      ],
    );
    assert.deepEqual(
      steps.flatMap((s) =>
        s.actions.map((a) => [
          a.name,
          a.state,
          a.status,
          a.validAction,
          a.missedRequiredValue,
          a.booleanValue,
          a.numberValue,
          a.textValue,
          a.hasMedia,
          a.mediaValueIds,
        ]),
      ),
      [
        ['Gate locked', 'DONE', 'OK', true, false, true, null, null, null, null],
        ['Temperature', 'DONE', 'OK', true, false, null, 21.5, null, null, null],
        ['Seal number', 'DONE', 'OK', true, false, null, null, 'AB123', null, null],
        ['Seal state', 'DONE', 'OK', true, false, null, null, 'Intact', null, null],
        ['Checked', 'DONE', 'OK', true, false, null, null, 'Lock\nAlarm', null, null],
        ['Close the shutter', null, null, null, false, null, null, null, null, null],
      ],
    );

    const events = (await send('GET', `/api/task-executions/${planned.id}/events`, token)).json<
      {
        sequence: number;
        type: string;
        occurredAt: string;
        receivedAt: string;
        deviceTime: string | null;
      }[]
    >();
    assert.deepEqual(
      events.map((event) => event.sequence),
      events.map((_, index) => index + 1),
    );
    assert.equal(events[1]!.type, 'STARTED');
    assert.equal(events[1]!.deviceTime, at('18:00:00'), 'device time kept');
    assert.equal(events[1]!.receivedAt, at('19:00:00'), 'received time kept');
    const integrity = await send('GET', `/api/task-executions/${planned.id}/integrity`, token);
    assert.deepEqual(
      { ...integrity.json<object>(), lastHash: undefined, verifiedAt: undefined },
      {
        valid: true,
        eventCount: events.length,
        firstInvalidSequence: null,
        lastHash: undefined,
        verifiedAt: undefined,
      },
    );
  });

  it('an out-of-range NUMBER is recorded and flagged: numeric error, status ERROR', async () => {
    const planned = await plan();
    clock.set(new Date(at('18:10:00')));
    const result = await perform(guardA, planned, [
      { type: 'STARTED' },
      checkIn(planned, 0),
      { type: 'VALUE_RECORDED', actionId: action(planned, 0, 0).id, booleanValue: true },
      { type: 'VALUE_RECORDED', actionId: action(planned, 0, 1).id, numberValue: 30 },
    ]);
    const temperature = action(result, 0, 1);
    assert.deepEqual(
      [temperature.numberValue, temperature.validAction, temperature.status],
      [30, false, 'ERROR'],
    );
    assert.deepEqual(
      [result.numericErrorCount, result.errorCount, result.status, result.state],
      [1, 1, 'ERROR', 'IN_PROGRESS'],
    );
    assert.deepEqual(
      [result.lateStart, result.latenessInMillis, result.lateEnd, result.endedAt],
      [true, 10 * MINUTE, null, null],
    );
    clock.set(new Date(at('12:00:00')));
  });

  it('a skipped step, a skipped action and a required value left empty', async () => {
    const planned = await plan();
    clock.set(new Date(at('18:00:00')));
    const result = await perform(guardA, planned, [
      { type: 'STARTED' },
      checkIn(planned, 0),
      { type: 'VALUE_RECORDED', actionId: action(planned, 0, 1).id, numberValue: 20 },
      { type: 'STEP_SKIPPED', stepId: step(planned, 1).id, reason: 'Seal area flooded' },
      checkIn(planned, 2),
      { type: 'ACTION_SKIPPED', actionId: action(planned, 2, 0).id, reason: 'No light' },
      { type: 'FINISHED' },
    ]);
    assert.deepEqual(
      result.steps.map((s) => [s.state, s.actualOrder]),
      [
        ['CHECKED_IN', 1],
        ['SKIPPED', null],
        ['CHECKED_IN', 2],
      ],
    );
    // "Gate locked" is required and was left empty: missing. The seal's actions were excused
    // by skipping their step; "Checked" was skipped on its own.
    assert.deepEqual(
      result.steps.flatMap((s) =>
        s.actions.map((a) => [a.name, a.state, a.missedRequiredValue, a.status]),
      ),
      [
        ['Gate locked', 'MISSED', true, 'ERROR'],
        ['Temperature', 'DONE', false, 'OK'],
        ['Seal number', 'SKIPPED', false, null],
        ['Seal state', 'SKIPPED', false, null],
        ['Checked', 'SKIPPED', false, null],
        ['Close the shutter', null, false, null],
      ],
    );
    assert.deepEqual(
      [
        result.skippedStepCount,
        result.skippedActionCount,
        result.missingRequiredValuesCount,
        result.executedStepCount,
        result.errorCount,
        result.status,
        result.state,
      ],
      [1, 1, 1, 2, 1, 'ERROR', 'COMPLETED'],
    );
    clock.set(new Date(at('12:00:00')));
  });

  it('a value can be changed and cleared until the end', async () => {
    const planned = await plan();
    clock.set(new Date(at('18:00:00')));
    const temperature = action(planned, 0, 1).id;
    const changed = await perform(guardA, planned, [
      { type: 'STARTED' },
      checkIn(planned, 0),
      { type: 'VALUE_RECORDED', actionId: temperature, numberValue: 30 },
      { type: 'VALUE_RECORDED', actionId: temperature, numberValue: 20 },
    ]);
    assert.deepEqual(
      [
        action(changed, 0, 1).numberValue,
        action(changed, 0, 1).validAction,
        changed.numericErrorCount,
      ],
      [20, true, 0],
      'the last value counts',
    );
    const cleared = await perform(guardA, planned, [
      { type: 'VALUE_CLEARED', actionId: temperature },
    ]);
    assert.deepEqual(
      [
        action(cleared, 0, 1).numberValue,
        action(cleared, 0, 1).state,
        action(cleared, 0, 1).executedActionId,
      ],
      [null, null, null],
    );
    clock.set(new Date(at('12:00:00')));
  });

  it('strict order refuses a jump; without it the order kept is recorded', async () => {
    clock.set(new Date(at('18:00:00')));
    const strict = await plan({ orderStepsRequired: true });
    await perform(guardA, strict, [{ type: 'STARTED' }]);
    const problem = await refused(guardA, strict, checkIn(strict, 1), 409, 'step-out-of-order');
    assert.deepEqual(
      problem.errors?.map((error) => error.pointer),
      ['/stepId'],
    );
    await perform(guardA, strict, [
      { type: 'STEP_SKIPPED', stepId: step(strict, 0).id, reason: 'Blocked' },
      checkIn(strict, 1),
    ]);

    const free = await plan();
    const result = await perform(guardA, free, [
      { type: 'STARTED' },
      checkIn(free, 1),
      checkIn(free, 0),
      checkIn(free, 2),
    ]);
    assert.deepEqual(
      result.steps.map((s) => [s.actualOrder, s.keptOrder]),
      [
        [2, false],
        [1, true],
        [3, true],
      ],
    );
    assert.equal(result.keptOrder, false);
    clock.set(new Date(at('12:00:00')));
  });

  it('strict time: a late start is an error, recorded and not blocked', async () => {
    const planned = await plan({ strictTimeRequired: true });
    clock.set(new Date(at('18:20:00')));
    const started = await perform(guardA, planned, [{ type: 'STARTED' }]);
    assert.deepEqual(
      [
        started.state,
        started.lateStart,
        started.latenessInMillis,
        started.errorCount,
        started.status,
      ],
      ['IN_PROGRESS', true, 20 * MINUTE, 1, 'ERROR'],
    );
    clock.set(new Date(at('21:30:00')));
    const late = await perform(guardA, planned, [{ type: 'GAVE_UP', reason: 'Ran out of time' }]);
    assert.deepEqual(
      [late.state, late.lateEnd, late.latenessInMillis, late.errorCount, late.expired],
      // Two strict-time errors (late start, late end) and five required values never recorded.
      ['INCOMPLETE', true, 30 * MINUTE, 2 + 5, true],
    );
    clock.set(new Date(at('12:00:00')));
  });

  it('deadlined: refused after endAt, and closed INCOMPLETE by the job', async () => {
    const missed = await plan({ deadlined: true });
    clock.set(new Date(at('21:30:00')));
    await refused(guardA, missed, { type: 'STARTED' }, 409, 'deadline-passed');
    const late = await refused(
      guardA,
      missed,
      { type: 'STARTED', deviceTime: at('21:10:00') },
      409,
      'deadline-passed',
    );
    assert.match(late.detail, /21:00/);
    // Offline before the end counts: the device time says when it happened.
    const offline = await plan({ deadlined: true });
    await perform(guardA, offline, [{ type: 'STARTED', deviceTime: at('20:50:00') }]);

    const running = await plan({ deadlined: true });
    clock.set(new Date(at('20:00:00')));
    await perform(guardA, running, [{ type: 'STARTED' }, checkIn(running, 0)]);
    clock.set(new Date(at('21:05:00')));
    await refused(guardA, running, checkIn(running, 1), 409, 'deadline-passed');
    assert.ok((await server.deps.performingService.closeAtDeadline()) >= 2);
    assert.equal(await server.deps.performingService.closeAtDeadline(), 0, 'once');
    const closed = (
      await send('GET', `/api/task-executions/${running.id}`, token)
    ).json<TaskExecutionInfo>();
    assert.deepEqual(
      [
        closed.state,
        closed.endedAt,
        closed.expired,
        closed.executedStepCount,
        closed.skippedStepCount,
      ],
      ['INCOMPLETE', at('21:00:00'), true, 1, 2],
    );
    const events = (await send('GET', `/api/task-executions/${running.id}/events`, token)).json<
      { type: string; actorMemberId: string | null }[]
    >();
    assert.deepEqual(events.at(-1), {
      ...events.at(-1),
      type: 'CLOSED_AT_DEADLINE',
      actorMemberId: null,
    });
    clock.set(new Date(at('12:00:00')));
  });

  it('two offline devices of two assignees: both kept, collision flagged; a batch sent thrice applies once', async () => {
    const planned = await plan();
    const batchOf = (credentials: Credentials, startTime: string, number: number) => ({
      writes: [
        { id: randomUUID(), executionId: planned.id, type: 'STARTED', deviceTime: at(startTime) },
        { id: randomUUID(), executionId: planned.id, ...checkIn(planned, 0, at(startTime)) },
        {
          id: randomUUID(),
          executionId: planned.id,
          type: 'VALUE_RECORDED',
          actionId: action(planned, 0, 1).id,
          numberValue: number,
          deviceTime: at(startTime),
        },
      ],
      credentials,
    });
    const a = batchOf(guardA, '18:02:00', 19);
    const b = batchOf(guardB, '18:05:00', 23);
    clock.set(new Date(at('18:30:00')));
    // B's phone comes back online first; A's started earlier and is the performer.
    for (const { writes, credentials } of [b, a, a, a]) {
      const response = await send('POST', '/api/task-executions/events', credentials, { writes });
      assert.equal(response.statusCode, 200, response.body);
    }
    const outcomes = async ({ writes, credentials }: typeof a) =>
      (await send('POST', '/api/task-executions/events', credentials, { writes }))
        .json<{ results: { outcome: string }[] }>()
        .results.map((r) => r.outcome);
    assert.deepEqual(await outcomes(a), ['REPLAYED', 'REPLAYED', 'REPLAYED']);
    const execution = (
      await send('GET', `/api/task-executions/${planned.id}`, token)
    ).json<TaskExecutionInfo>();
    assert.deepEqual(
      [
        execution.performerId,
        execution.collision,
        execution.startedAt,
        action(execution, 0, 1).numberValue,
      ],
      [guardA.user.id, true, at('18:02:00'), 19],
    );
    const events = (await send('GET', `/api/task-executions/${planned.id}/events`, token)).json<
      { actorMemberId: string; payload: { numberValue?: number } }[]
    >();
    assert.equal(events.length, 6, 'three writes of each device, each once');
    assert.deepEqual(
      events
        .filter((event) => event.payload.numberValue !== undefined)
        .map((event) => [event.actorMemberId, event.payload.numberValue]),
      [
        [guardB.user.id, 23],
        [guardA.user.id, 19],
      ],
    );
    clock.set(new Date(at('12:00:00')));
  });

  it('refuses bad input with a problem naming the field, recording nothing', async () => {
    const planned = await plan();
    clock.set(new Date(at('18:00:00')));
    await refused(guardA, planned, checkIn(planned, 0), 409, 'execution-not-in-progress');
    await perform(guardA, planned, [{ type: 'STARTED' }]);
    const cases: [Write, number, string, string][] = [
      [
        {
          type: 'CHECKED_IN',
          stepId: step(planned, 0).id,
          method: 'QR',
          code: 'op1:not-this-point',
        },
        400,
        'check-in-refused',
        '/code',
      ],
      [
        {
          type: 'CHECKED_IN',
          stepId: step(planned, 1).id,
          method: 'NFC',
          nfcTagUid: '04:00:00:00:00:00:01',
        },
        400,
        'check-in-refused',
        '/nfcTagUid',
      ],
      [
        {
          type: 'CHECKED_IN',
          stepId: step(planned, 2).id,
          method: 'GPS',
          position: { latitude: 50.451, longitude: 30.52, accuracyInMeters: 10 },
        },
        400,
        'check-in-refused',
        '/position',
      ],
      [
        {
          type: 'CHECKED_IN',
          stepId: step(planned, 2).id,
          method: 'GPS',
          position: { latitude: 50.45, longitude: 30.52, accuracyInMeters: 500 },
        },
        400,
        'check-in-refused',
        '/position/accuracyInMeters',
      ],
      [
        { type: 'CHECKED_IN', stepId: randomUUID(), method: 'QR', code: 'x' },
        400,
        'invalid-execution-write',
        '/stepId',
      ],
      [
        { type: 'VALUE_RECORDED', actionId: action(planned, 0, 0).id, booleanValue: true },
        409,
        'execution-not-in-progress',
        '',
      ],
      [{ type: 'STARTED', notes: 'x' }, 400, 'invalid-execution-write', '/notes'],
    ];
    for (const [write, status, type, pointer] of cases) {
      const problem = await refused(guardA, planned, write, status, type);
      if (pointer)
        assert.deepEqual(
          problem.errors?.map((error) => error.pointer),
          [pointer],
          JSON.stringify(write),
        );
    }
    await perform(guardA, planned, [checkIn(planned, 0), checkIn(planned, 1), checkIn(planned, 2)]);
    const values: [Write, string][] = [
      [
        { type: 'VALUE_RECORDED', actionId: action(planned, 0, 0).id, numberValue: 1 },
        '/numberValue',
      ],
      [{ type: 'VALUE_RECORDED', actionId: action(planned, 0, 1).id }, '/numberValue'],
      [
        { type: 'VALUE_RECORDED', actionId: action(planned, 1, 0).id, textValue: 'ab123' },
        '/textValue',
      ],
      [
        { type: 'VALUE_RECORDED', actionId: action(planned, 1, 0).id, textValue: 'AB1234' },
        '/textValue',
      ],
      [
        { type: 'VALUE_RECORDED', actionId: action(planned, 1, 1).id, textValue: 'Gone' },
        '/textValue',
      ],
      [
        {
          type: 'VALUE_RECORDED',
          actionId: action(planned, 2, 0).id,
          selectedValues: ['Lock', 'Roof'],
        },
        '/selectedValues/1',
      ],
      [
        { type: 'VALUE_RECORDED', actionId: action(planned, 2, 1).id, textValue: 'done' },
        '/actionId',
      ],
      [{ type: 'STEP_SKIPPED', stepId: step(planned, 0).id }, '/reason'],
    ];
    await refused(
      guardA,
      planned,
      { type: 'STEP_SKIPPED', stepId: step(planned, 0).id, reason: 'Too late' },
      409,
      'execution-not-in-progress',
    );
    for (const [write, pointer] of values) {
      const problem = await refused(guardA, planned, write, 400, 'invalid-execution-write');
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        [pointer],
        JSON.stringify(write),
      );
    }
    clock.set(new Date(at('12:00:00')));
  });

  it('MEDIA: photos attach by id; a camera-only action refuses one from the gallery', async () => {
    const planned = await plan({
      steps: [
        {
          pointId: points[0]!.id,
          name: 'Gate',
          order: 0,
          actions: [
            {
              name: 'Photo of the gate',
              type: 'MEDIA',
              order: 0,
              required: true,
              cameraOnly: true,
              maxCount: 2,
            },
          ],
        },
      ],
    });
    clock.set(new Date(at('18:00:00')));
    await perform(guardA, planned, [{ type: 'STARTED' }, checkIn(planned, 0)]);
    const actionId = action(planned, 0, 0).id;
    const gallery = await uploadPhoto(server, guardA, { capture: 'GALLERY' });
    const camera = await uploadPhoto(server, guardA, { capture: 'CAMERA' });
    const problem = await refused(
      guardA,
      planned,
      { type: 'VALUE_RECORDED', actionId, mediaIds: [camera.id, gallery.id] },
      400,
      'invalid-execution-write',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.pointer),
      ['/mediaIds/1'],
    );
    const unknown = await refused(
      guardA,
      planned,
      { type: 'VALUE_RECORDED', actionId, mediaIds: [randomUUID()] },
      400,
      'invalid-execution-write',
    );
    assert.deepEqual(
      unknown.errors?.map((error) => error.pointer),
      ['/mediaIds/0'],
    );
    const done = await perform(guardA, planned, [
      { type: 'VALUE_RECORDED', actionId, mediaIds: [camera.id] },
      { type: 'FINISHED' },
    ]);
    const photo = action(done, 0, 0);
    assert.deepEqual(
      [photo.mediaValueIds, photo.hasMedia, photo.state, photo.validAction, done.status],
      [[camera.id], true, 'DONE', true, 'OK'],
    );
    const download = await send('GET', `/api/media/${camera.id}`, token);
    assert.equal(download.statusCode, 200, 'integrators can fetch what mediaValueIds name');
    clock.set(new Date(at('12:00:00')));
  });

  it('gives performers every action’s whole definition for their forms', async () => {
    const planned = await plan();
    const response = await send('GET', `/api/task-executions/${planned.id}/plan`, guardA);
    assert.equal(response.statusCode, 200, response.body);
    const { steps } = response.json<{
      steps: { id: string; actions: { id: string; definition: Record<string, unknown> }[] }[];
    }>();
    assert.deepEqual(
      steps.map((s) => s.id),
      planned.steps.map((s) => s.id),
    );
    const seal = steps[1]!.actions;
    assert.equal(seal[0]!.id, action(planned, 1, 0).id);
    assert.deepEqual(
      [seal[0]!.definition.regex, seal[0]!.definition.maxLength],
      ['[A-Z]{2}\\d{3}', 5],
    );
    assert.deepEqual(seal[1]!.definition.options, [
      { value: 'Intact', alertLevel: null },
      { value: 'Damaged', alertLevel: 'WARNING' },
    ]);
  });

  it('only assignees perform, signed in as themselves', async () => {
    const planned = await plan({ assigneeIds: [guardA.user.id] });
    await refused(guardB, planned, { type: 'STARTED' }, 403, 'not-an-assignee');
    const byToken = await send('POST', `/api/task-executions/${planned.id}/events`, token, {
      id: randomUUID(),
      type: 'STARTED',
    });
    assert.equal(byToken.statusCode, 403);
    const elsewhere = await send('POST', '/api/locations', token, {
      name: 'Elsewhere',
      timeZone: 'UTC',
    });
    const stranger = await signInMember(server, owner, 'USER', {
      locationIds: [elsewhere.json<{ id: string }>().id],
    });
    const hidden = await send('POST', `/api/task-executions/${planned.id}/events`, stranger, {
      id: randomUUID(),
      type: 'SEEN',
    });
    assert.equal(hidden.statusCode, 404);
    const reused = randomUUID();
    await send('POST', `/api/task-executions/${planned.id}/events`, guardA, {
      id: reused,
      type: 'SEEN',
    });
    const again = await send('POST', `/api/task-executions/${planned.id}/events`, guardA, {
      id: reused,
      type: 'STARTED',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<Problem>().type, 'urn:openpatrol:problem:write-id-reused');
  });

  it('verification fails once a stored event is altered or removed', async () => {
    const planned = await plan();
    clock.set(new Date(at('18:00:00')));
    await perform(guardA, planned, [
      { type: 'STARTED' },
      checkIn(planned, 0),
      ...values(planned, 0),
    ]);
    clock.set(new Date(at('12:00:00')));
    const verify = async () =>
      (await send('GET', `/api/task-executions/${planned.id}/integrity`, token)).json<{
        valid: boolean;
        firstInvalidSequence: number | null;
      }>();
    assert.deepEqual(await verify(), {
      ...(await verify()),
      valid: true,
      firstInvalidSequence: null,
    });
    const { db } = server.deps.database;
    const original = await db
      .selectFrom('taskExecutionEvents')
      .select(['payload'])
      .where('taskExecutionId', '=', planned.id)
      .where('sequence', '=', 4)
      .executeTakeFirstOrThrow();
    // Someone with database access turns the recorded 21.5 °C into 22.
    await db
      .updateTable('taskExecutionEvents')
      .set({ payload: original.payload.replace('21.5', '22') })
      .where('taskExecutionId', '=', planned.id)
      .where('sequence', '=', 4)
      .execute();
    assert.deepEqual(await verify(), {
      ...(await verify()),
      valid: false,
      firstInvalidSequence: 4,
    });
    await db
      .updateTable('taskExecutionEvents')
      .set({ payload: original.payload })
      .where('taskExecutionId', '=', planned.id)
      .where('sequence', '=', 4)
      .execute();
    assert.equal((await verify()).valid, true);
    await db
      .deleteFrom('taskExecutionEvents')
      .where('taskExecutionId', '=', planned.id)
      .where('sequence', '=', 4)
      .execute();
    assert.deepEqual(await verify(), {
      ...(await verify()),
      valid: false,
      firstInvalidSequence: 4,
    });
  });
});
