import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Compile } from 'typebox/compile';
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
import { uuidV5 } from './execution-ids.js';
import { TaskExecutionInfoSchema, type TaskExecutionInfo } from './task-executions.schemas.js';

const seed = JSON.parse(readFileSync(new URL('seed-contract.json', import.meta.url), 'utf8')) as {
  createTaskExecutionBody: Record<string, unknown> & {
    steps: Record<string, unknown>[];
  };
  taskExecutionsInfoResponse: Record<string, unknown>[];
};
const checkInfo = Compile(TaskExecutionInfoSchema);

/** The key sets of an item, its steps and their actions, which must be the seed's at each level. */
function assertSameKeys(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path} is an array`);
    if (expected.length === 0) return;
    (actual as unknown[]).forEach((element, index) =>
      assertSameKeys(element, expected[0], `${path}[${index}]`),
    );
    return;
  }
  if (typeof expected !== 'object' || expected === null) return;
  if (actual === null && path.endsWith('.recurrence')) return;
  assert.ok(typeof actual === 'object' && actual !== null, `${path} is an object`);
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `the keys of ${path}`);
  for (const [key, value] of Object.entries(expected))
    assertSameKeys((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
}

describe('task executions API', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let locationId: string;
  let otherLocationId: string;
  let pointId: string;
  let assigneeId: string;

  const request = (
    method: 'GET' | 'POST',
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
  const pointersOf = (body: string) =>
    (JSON.parse(body) as Problem).errors?.map((error) => error.pointer);

  async function createLocation(name: string, timeZone: string) {
    const response = await request('POST', '/api/locations', owner, { name, timeZone });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  }

  function seedBody(overrides: Record<string, unknown> = {}) {
    const body = structuredClone(seed.createTaskExecutionBody);
    body.locationId = locationId;
    body.assigneeIds = [assigneeId];
    for (const step of body.steps) step.pointId = pointId;
    return { ...body, ...overrides };
  }

  const infoUrl = (from: string, to: string, extra = '') =>
    `/api/task-executions/info?from=${from}&to=${to}${extra}`;

  before(async () => {
    server = await createTestServer();
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    locationId = await createLocation('Warehouse', 'UTC');
    otherLocationId = await createLocation('Harbour', 'UTC');
    const point = await request('POST', '/api/points', owner, { locationId, name: 'Gate 1' });
    assert.equal(point.statusCode, 201, point.body);
    pointId = point.json<{ id: string }>().id;
    assigneeId = (
      await createUser(server, owner, {
        role: 'USER',
        email: 'guard-1@example.com',
        locationIds: [locationId],
      })
    ).id;
  });
  after(() => server.close());

  describe('the seed contract', () => {
    let created: TaskExecutionInfo;

    it('creates the seed’s task and answers with its first execution', async () => {
      const response = await request('POST', '/api/task-executions', token, seedBody());
      assert.equal(response.statusCode, 201, response.body);
      created = response.json<TaskExecutionInfo>();
      assert.equal(created.startAt, '2023-03-06T18:00:00.000Z');
      assert.equal(created.endAt, '2023-03-06T21:00:00.000Z');
      assert.equal(created.state, 'PLANNED');
      assert.deepEqual([...checkInfo.Errors(created)], []);
      assertSameKeys(created, seed.taskExecutionsInfoResponse[0]);
    });

    it('lists exactly the Mar 6 and Mar 8 executions, in the seed’s shape, with stable ids', async () => {
      const url = infoUrl('2023-03-06T00:00:00.000Z', '2023-03-10T00:00:00.000Z');
      const first = await request('GET', url, token);
      assert.equal(first.statusCode, 200, first.body);
      const items = first.json<TaskExecutionInfo[]>();
      assert.deepEqual(
        items.map((item) => item.startAt),
        ['2023-03-06T18:00:00.000Z', '2023-03-08T18:00:00.000Z'],
      );
      for (const item of items) {
        assert.deepEqual([...checkInfo.Errors(item)], []);
        assertSameKeys(item, seed.taskExecutionsInfoResponse[0]);
        assert.equal(item.scheduledTaskId, created.scheduledTaskId);
        assert.equal(item.seriesId, created.seriesId);
        assert.equal(item.steps.length, 1);
        assert.equal(item.steps[0]!.actions.length, 2);
        assert.equal(item.steps[0]!.pointId, pointId);
        assert.deepEqual(
          item.seenStates.map((state) => state.assigneeId),
          [assigneeId],
        );
        assert.equal(item.expired, true);
      }
      assert.equal(items[0]!.id, created.id);
      assert.deepEqual(items[0], created);

      const second = await request('GET', url, owner);
      assert.deepEqual(second.json(), items);

      for (const item of items) {
        const byId = await request('GET', `/api/task-executions/${item.id}`, token);
        assert.equal(byId.statusCode, 200, byId.body);
        assert.deepEqual(byId.json(), item);
      }
    });

    it('pages with a Link header that neither repeats nor skips', async () => {
      const url = infoUrl('2023-03-06T00:00:00.000Z', '2023-03-10T00:00:00.000Z', '&limit=1');
      const first = await request('GET', url, token);
      const link = first.headers.link as string;
      assert.match(link, /rel="next"/);
      const next = /<([^>]+)>/.exec(link)![1]!;
      const second = await request('GET', next, token);
      assert.equal(second.statusCode, 200, second.body);
      assert.deepEqual(
        [...first.json<TaskExecutionInfo[]>(), ...second.json<TaskExecutionInfo[]>()].map(
          (item) => item.startAt,
        ),
        ['2023-03-06T18:00:00.000Z', '2023-03-08T18:00:00.000Z'],
      );
      assert.equal(second.headers.link, undefined);
    });

    it('hides unpublished tasks from performers', async () => {
      const response = await request(
        'POST',
        '/api/task-executions',
        token,
        seedBody({ name: 'hidden', recurrence: null, published: false }),
      );
      assert.equal(response.statusCode, 201, response.body);
      const hidden = response.json<TaskExecutionInfo>();
      const performer = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
      const url = infoUrl('2023-03-06T00:00:00.000Z', '2023-03-07T00:00:00.000Z');
      const seenByPerformer = (await request('GET', url, performer)).json<TaskExecutionInfo[]>();
      assert.ok(seenByPerformer.length > 0);
      assert.ok(!seenByPerformer.some((item) => item.id === hidden.id));
      const seenByOwner = (await request('GET', url, owner)).json<TaskExecutionInfo[]>();
      assert.ok(seenByOwner.some((item) => item.id === hidden.id));
      const byId = await request('GET', `/api/task-executions/${hidden.id}`, performer);
      assert.equal(byId.statusCode, 404);
    });
  });

  describe('validation', () => {
    it('names the fields it refuses', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ endAt: '2023-03-06T17:00:00.000Z' }, '/endAt'],
        [
          { assigneeIds: [owner.ownerMemberId, '00000000-0000-4000-8000-000000000000'] },
          '/assigneeIds/1',
        ],
        [{ recurrence: { rule: 'FREQ=SOMETIMES', exception: null } }, '/recurrence/rule'],
        [
          { steps: [{ pointId: '00000000-0000-4000-8000-000000000000', name: 's', order: 0 }] },
          '/steps/0/pointId',
        ],
        [
          {
            steps: [
              { pointId, name: 'a', order: 0 },
              { pointId, name: 'b', order: 0 },
            ],
          },
          '/steps/1/order',
        ],
        [
          {
            steps: [
              {
                pointId,
                name: 'a',
                order: 0,
                actions: [
                  { name: 'n', type: 'NUMBER', order: 0, required: true, minValue: 5, maxValue: 1 },
                ],
              },
            ],
          },
          '/steps/0/actions',
        ],
      ];
      for (const [overrides, pointer] of cases) {
        const response = await request('POST', '/api/task-executions', token, seedBody(overrides));
        assert.equal(response.statusCode, 400, `${pointer}: ${response.body}`);
        assert.ok(
          pointersOf(response.body)?.some((found) => found.startsWith(pointer)),
          `${pointer}: ${response.body}`,
        );
      }
    });

    it('refuses a point of another location and an assignee not at the location', async () => {
      const stranger = await createUser(server, owner, {
        role: 'USER',
        email: 'elsewhere@example.com',
        locationIds: [otherLocationId],
      });
      const response = await request(
        'POST',
        '/api/task-executions',
        token,
        seedBody({ locationId: otherLocationId, assigneeIds: [stranger.id] }),
      );
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(pointersOf(response.body), ['/steps/0/pointId']);
      const wrongAssignee = await request(
        'POST',
        '/api/task-executions',
        token,
        seedBody({ assigneeIds: [stranger.id] }),
      );
      assert.deepEqual(pointersOf(wrongAssignee.body), ['/assigneeIds/0']);
    });

    it('copies a checklist’s actions after the step’s own', async () => {
      const checklist = await request('POST', '/api/checklists', owner, {
        name: 'Night round',
        actions: [{ name: 'Gate closed', type: 'BOOLEAN', order: 0, required: true }],
      });
      const checklistId = checklist.json<{ id: string }>().id;
      const body = seedBody({ recurrence: null });
      body.steps = [{ ...body.steps[0]!, checklistId }];
      const response = await request('POST', '/api/task-executions', token, body);
      assert.equal(response.statusCode, 201, response.body);
      assert.deepEqual(
        response
          .json<TaskExecutionInfo>()
          .steps[0]!.actions.map((action) => [action.name, action.order]),
        [
          ['action 1', 0],
          ['action 2', 1],
          ['Gate closed', 2],
        ],
      );
    });

    it('bounds the query window', async () => {
      for (const [from, to] of [
        ['2023-03-10T00:00:00.000Z', '2023-03-06T00:00:00.000Z'],
        ['2023-03-01T00:00:00.000Z', '2023-04-02T00:00:00.000Z'],
      ] as const) {
        const response = await request('GET', infoUrl(from, to), token);
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(pointersOf(response.body), ['/to']);
      }
      const missing = await request('GET', '/api/task-executions/info', token);
      assert.equal(missing.statusCode, 400);
    });

    it('refuses an archived location with 409 and an unknown one with 404', async () => {
      const archivedId = await createLocation('Closed site', 'UTC');
      const archived = await request('POST', `/api/locations/${archivedId}/archive`, owner);
      assert.equal(archived.statusCode, 200, archived.body);
      const body = seedBody({ locationId: archivedId, steps: [], assigneeIds: [] });
      assert.equal((await request('POST', '/api/task-executions', token, body)).statusCode, 409);
      const unknown = seedBody({
        locationId: '00000000-0000-4000-8000-000000000000',
        steps: [],
        assigneeIds: [],
      });
      assert.equal((await request('POST', '/api/task-executions', token, unknown)).statusCode, 404);
    });
  });

  describe('isolation', () => {
    it('answers 404 to another organization', async () => {
      const url = infoUrl('2023-03-06T00:00:00.000Z', '2023-03-10T00:00:00.000Z');
      const [item] = (await request('GET', url, token)).json<TaskExecutionInfo[]>();
      const rival = await signUpOrganization(server, 'Rival Patrols');
      const byId = await request('GET', `/api/task-executions/${item!.id}`, rival);
      assert.equal(byId.statusCode, 404);
      assert.deepEqual((await request('GET', url, rival)).json(), []);
      const create = await request('POST', '/api/task-executions', rival, seedBody());
      assert.equal(create.statusCode, 404, create.body);
    });

    it('answers 404 to a Manager of another location', async () => {
      const manager = await signInMember(server, owner, 'MANAGER', {
        locationIds: [otherLocationId],
      });
      const create = await request('POST', '/api/task-executions', manager, seedBody());
      assert.equal(create.statusCode, 404, create.body);
      const url = infoUrl('2023-03-06T00:00:00.000Z', '2023-03-10T00:00:00.000Z');
      assert.deepEqual((await request('GET', url, manager)).json(), []);
    });
  });

  it('derives ids as RFC 9562 UUIDv5', () => {
    assert.equal(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
