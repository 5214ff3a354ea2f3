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
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { CheckIn } from './check-ins.schemas.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

// On-demand check-ins (DESIGN §5): presence at a point that allows it, without a task, makes a
// one-off execution with the point's actions; GET /check-ins lists them with planned ones.

const NOW = '2026-12-07T22:15:00.000Z';

describe('check-ins', () => {
  const clock = createFixedClock(new Date(NOW));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let guard: Credentials & { user: { id: string } };
  let other: Credentials & { user: { id: string } };
  let locationId: string;
  const points: Record<string, { id: string; qrCode: string }> = {};

  const send = (method: 'GET' | 'POST', url: string, credentials: Credentials, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: credentials.headers,
      ...(payload ? { payload } : {}),
    });
  const checkIn = (credentials: Credentials, point: string, extra: object = {}) =>
    send('POST', '/api/check-ins', credentials, {
      id: randomUUID(),
      pointId: points[point]!.id,
      method: 'QR',
      code: points[point]!.qrCode,
      ...extra,
    });
  const listCheckIns = async (credentials: Credentials, query = '') => {
    const response = await send(
      'GET',
      `/api/check-ins?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z${query}`,
      credentials,
    );
    assert.equal(response.statusCode, 200, response.body);
    return response.json<CheckIn[]>();
  };

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    const location = await send('POST', '/api/locations', token, {
      name: 'Depot',
      timeZone: 'UTC',
    });
    locationId = location.json<{ id: string }>().id;
    guard = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
    other = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
    const defaultActions = [{ name: 'Fence intact', type: 'BOOLEAN', order: 0, required: true }];
    for (const [name, settings] of Object.entries({
      open: { onDemandCheckIns: 'ALL_MEMBERS', defaultActions },
      closed: { onDemandCheckIns: 'DISABLED' },
      selected: {
        onDemandCheckIns: 'SELECTED_MEMBERS',
        defaultActions,
        memberSettings: [
          {
            memberId: guard.user.id,
            onDemandAllowed: true,
            actions: [
              {
                name: 'Water level',
                type: 'NUMBER',
                order: 0,
                required: true,
                minValue: 0,
                maxValue: 3,
              },
            ],
          },
        ],
      },
    })) {
      const point = await send('POST', '/api/points', token, { locationId, name, ...settings });
      assert.equal(point.statusCode, 201, point.body);
      points[name] = point.json<{ id: string; qrCode: string }>();
    }
  });
  after(() => server.close());

  it('opens a one-off execution of the point’s actions, in the schedule and in the log', async () => {
    const id = randomUUID();
    const first = await checkIn(guard, 'open', { id, deviceTime: '2026-12-07T22:10:00.000Z' });
    assert.equal(first.statusCode, 201, first.body);
    const { execution } = first.json<{ execution: TaskExecutionInfo }>();
    assert.deepEqual(
      [
        execution.name,
        execution.state,
        execution.performerId,
        execution.startAt,
        execution.endAt,
        execution.startedAt,
      ],
      [
        'On-demand check-in: open',
        'IN_PROGRESS',
        guard.user.id,
        '2026-12-07T22:10:00.000Z',
        '2026-12-07T23:10:00.000Z',
        '2026-12-07T22:10:00.000Z',
      ],
    );
    assert.deepEqual(
      execution.steps.map((step) => [
        step.pointId,
        step.state,
        step.actions.map((action) => action.name),
      ]),
      [[points.open!.id, 'CHECKED_IN', ['Fence intact']]],
    );
    const again = await checkIn(guard, 'open', { id, deviceTime: '2026-12-07T22:10:00.000Z' });
    assert.equal(again.statusCode, 200, 'a retried check-in is the same one');
    assert.equal(again.json<{ execution: TaskExecutionInfo }>().execution.id, execution.id);

    const finish = async (type: string, extra: object) =>
      send('POST', `/api/task-executions/${execution.id}/events`, guard, {
        id: randomUUID(),
        type,
        ...extra,
      });
    assert.equal(
      (
        await finish('VALUE_RECORDED', {
          actionId: execution.steps[0]!.actions[0]!.id,
          booleanValue: true,
        })
      ).statusCode,
      201,
    );
    assert.equal((await finish('FINISHED', {})).statusCode, 201);

    const schedule = await send(
      'GET',
      `/api/task-executions/info?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z&ids=${execution.id}`,
      token,
    );
    assert.deepEqual(
      schedule.json<TaskExecutionInfo[]>().map((item) => [item.id, item.state, item.status]),
      [[execution.id, 'COMPLETED', 'OK']],
    );
    const listed = await listCheckIns(token, `&pointIds=${points.open!.id}`);
    assert.deepEqual(
      listed.map((item) => [
        item.executionId,
        item.memberId,
        item.method,
        item.onDemand,
        item.occurredAt,
        item.receivedAt,
      ]),
      [[execution.id, guard.user.id, 'QR', true, '2026-12-07T22:10:00.000Z', NOW]],
    );
  });

  it('uses the member’s own actions where the point selects members', async () => {
    const response = await checkIn(guard, 'selected');
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(
      response
        .json<{ execution: TaskExecutionInfo }>()
        .execution.steps[0]!.actions.map((action) => action.name),
      ['Water level'],
    );
  });

  it('refuses points that do not allow the caller, and a wrong code, leaving nothing behind', async () => {
    const before = await listCheckIns(token);
    for (const [credentials, point, status, type] of [
      [guard, 'closed', 403, 'on-demand-check-in-not-allowed'],
      [other, 'selected', 403, 'on-demand-check-in-not-allowed'],
    ] as const) {
      const response = await checkIn(credentials, point);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json<Problem>().type, `urn:openpatrol:problem:${type}`);
    }
    const wrong = await checkIn(guard, 'open', { code: 'op1:somewhere-else' });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.deepEqual(
      wrong.json<Problem>().errors?.map((error) => error.pointer),
      ['/code'],
    );
    const byToken = await checkIn(token, 'open');
    assert.equal(byToken.statusCode, 403);
    assert.equal((await listCheckIns(token)).length, before.length);
    const tasks = await server.deps.database.db
      .selectFrom('scheduledTasks')
      .select('id')
      .where('onDemand', '=', 1)
      .execute();
    assert.equal(tasks.length, 2, 'only the two accepted check-ins made tasks');
  });

  it('shows performers their own check-ins and supervisors everyone’s', async () => {
    assert.equal((await checkIn(other, 'open')).statusCode, 201);
    const mine = await listCheckIns(other);
    assert.deepEqual([...new Set(mine.map((item) => item.memberId))], [other.user.id]);
    const all = await listCheckIns(token);
    assert.deepEqual(
      new Set(all.map((item) => item.memberId)),
      new Set([guard.user.id, other.user.id]),
    );
    assert.deepEqual(await listCheckIns(token, '&onDemand=false'), []);
    const bad = await send(
      'GET',
      '/api/check-ins?from=2026-12-07T00:00:00.000Z&to=2026-12-30T00:00:00.000Z&pointIds=x',
      token,
    );
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json<Problem>().errors?.map((error) => error.pointer),
      ['/pointIds'],
    );
  });
});
