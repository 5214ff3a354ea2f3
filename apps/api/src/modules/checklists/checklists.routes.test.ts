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
import type { ActionDefinition } from './action-definitions.js';
import type { Checklist, ChecklistVersion } from './checklists.schemas.js';
import type { ChecklistsService } from './checklists.service.js';

const FRIDGE_CHECK: ActionDefinition[] = [
  { name: 'Door sealed?', type: 'BOOLEAN', order: 1, required: true, alertLevel: 'ERROR' },
  {
    name: 'Temperature',
    type: 'NUMBER',
    order: 0,
    required: true,
    alertLevel: 'WARNING',
    minValue: 2,
    maxValue: 6,
  },
];

describe('checklists API', () => {
  let server: TestServer;
  let checklistsService: ChecklistsService;
  let owner: SignedUpOrganization;
  let token: Credentials & { id: string };
  let manager: Credentials;
  let user: Credentials;
  let otherOwner: SignedUpOrganization;

  before(async () => {
    server = await createTestServer();
    checklistsService = server.deps.checklistsService;
    owner = await signUpOrganization(server, 'Acme Cleaning');
    token = await createApiToken(server, owner);
    manager = await signInMember(server, owner, 'MANAGER');
    user = await signInMember(server, owner, 'USER');
    otherOwner = await signUpOrganization(server, 'Rival Guards');
  });
  after(() => server.close());

  const request = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
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

  async function createChecklist(
    credentials: Credentials,
    body: { name: string; description?: string | null; actions?: ActionDefinition[] },
  ): Promise<Checklist> {
    const response = await request('POST', '/api/checklists', credentials, {
      actions: FRIDGE_CHECK,
      ...body,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Checklist>();
  }

  describe('createChecklist', () => {
    it('creates a checklist with its actions normalized and sorted by order', async () => {
      const checklist = await createChecklist(owner, {
        name: '  Fridge check ',
        description: 'Kitchen, every evening',
      });
      assert.equal(checklist.name, 'Fridge check');
      assert.equal(checklist.description, 'Kitchen, every evening');
      assert.equal(checklist.archived, false);
      assert.ok(Number.isInteger(checklist.historyId) && checklist.historyId > 0);
      assert.deepEqual(
        checklist.actions.map((action) => [action.order, action.name, action.alertValue]),
        [
          [0, 'Temperature', null],
          [1, 'Door sealed?', false],
        ],
      );
      assert.equal(checklist.actions[1]?.regex, null, 'absent values are null, never missing');
    });

    it('lets an API token create a checklist, recorded under the token', async () => {
      const checklist = await createChecklist(token, { name: 'Token made' });
      const history = await request('GET', `/api/checklists/${checklist.id}/history`, owner);
      assert.equal(history.json<ChecklistVersion[]>()[0]?.changedBy, `token:${token.id}`);
    });

    it('names the offending field of an action by its JSON pointer', async () => {
      const response = await request('POST', '/api/checklists', owner, {
        name: 'Broken',
        actions: [
          FRIDGE_CHECK[0],
          { name: 'Plate', type: 'TEXT', order: 5, required: false, regex: '[unclosed' },
          { name: 'Pressure', type: 'NUMBER', order: 7, required: true, minValue: 9, maxValue: 1 },
        ],
      });
      assert.equal(response.statusCode, 400, response.body);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:invalid-action-definitions');
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        ['/actions/1/regex', '/actions/2/minValue'],
      );
    });

    it('refuses a checklist without actions', async () => {
      const response = await request('POST', '/api/checklists', owner, {
        name: 'Empty',
        actions: [],
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response.json<Problem>().errors?.map((error) => error.pointer),
        ['/actions'],
      );
    });

    it('refuses a field that does not belong to the action’s type, and an unknown field', async () => {
      const response = await request('POST', '/api/checklists', owner, {
        name: 'Mixed up',
        actions: [{ name: 'Lights on?', type: 'BOOLEAN', order: 0, required: true, minValue: 1 }],
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json<Problem>().errors, [
        {
          in: 'body',
          pointer: '/actions/0/minValue',
          detail: 'does not apply to a BOOLEAN action',
        },
      ]);
      const unknown = await request('POST', '/api/checklists', owner, {
        name: 'Unknown',
        actions: [{ name: 'Lights on?', type: 'BOOLEAN', order: 0, required: true, colour: 1 }],
      });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(
        unknown.json<Problem>().errors?.map((error) => error.pointer),
        ['/actions/0/colour'],
      );
    });

    it('refuses a required instruction and repeated orders', async () => {
      const response = await request('POST', '/api/checklists', owner, {
        name: 'Rules',
        actions: [
          { name: 'Read the plan', type: 'INSTRUCTION', order: 0, required: true },
          { name: 'Done?', type: 'BOOLEAN', order: 0, required: true },
        ],
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response.json<Problem>().errors?.map((error) => error.pointer),
        ['/actions/0/required', '/actions/1/order'],
      );
    });

    it('lets a manager read checklists but not write them', async () => {
      const checklist = await createChecklist(owner, { name: 'Manager readable' });
      assert.equal(
        (await request('GET', `/api/checklists/${checklist.id}`, manager)).statusCode,
        200,
      );
      assert.equal((await request('GET', '/api/checklists', manager)).statusCode, 200);
      const writes = [
        await request('POST', '/api/checklists', manager, { name: 'X', actions: FRIDGE_CHECK }),
        await request('PATCH', `/api/checklists/${checklist.id}`, manager, { name: 'Y' }),
        await request('DELETE', `/api/checklists/${checklist.id}`, manager),
        await request('POST', `/api/checklists/${checklist.id}/restore`, manager),
      ];
      assert.deepEqual(
        writes.map((response) => response.statusCode),
        [403, 403, 403, 403],
      );
    });

    it('does not let a user read checklists', async () => {
      const checklist = await createChecklist(owner, { name: 'Not for users' });
      assert.equal((await request('GET', '/api/checklists', user)).statusCode, 403);
      assert.equal((await request('GET', `/api/checklists/${checklist.id}`, user)).statusCode, 403);
      assert.equal(
        (await request('GET', `/api/checklists/${checklist.id}/history`, user)).statusCode,
        403,
      );
    });
  });

  describe('getChecklist', () => {
    it('answers 404 for another organization’s checklist, on every route', async () => {
      const checklist = await createChecklist(owner, { name: 'Ours' });
      const responses = [
        await request('GET', `/api/checklists/${checklist.id}`, otherOwner),
        await request('GET', `/api/checklists/${checklist.id}/history`, otherOwner),
        await request('PATCH', `/api/checklists/${checklist.id}`, otherOwner, { name: 'Theirs' }),
        await request('DELETE', `/api/checklists/${checklist.id}`, otherOwner),
        await request('POST', `/api/checklists/${checklist.id}/restore`, otherOwner),
      ];
      assert.deepEqual(
        responses.map((response) => response.statusCode),
        [404, 404, 404, 404, 404],
      );
      assert.equal(
        responses[0]?.json<Problem>().type,
        'urn:openpatrol:problem:checklist-not-found',
      );
      const theirList = await request('GET', '/api/checklists?includeArchived=true', otherOwner);
      assert.deepEqual(theirList.json<Checklist[]>(), []);
      const ours = await request('GET', `/api/checklists/${checklist.id}`, owner);
      assert.equal(ours.json<Checklist>().name, 'Ours');
    });

    it('answers 400 naming the id when it is not a UUID', async () => {
      const response = await request('GET', '/api/checklists/not-a-uuid', owner);
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response.json<Problem>().errors?.map((error) => [error.in, error.pointer]),
        [['path', '/id']],
      );
    });
  });

  describe('updateChecklist', () => {
    it('changes only the fields sent, and replaces the whole action list', async () => {
      const checklist = await createChecklist(owner, {
        name: 'Toilets',
        description: 'Ground floor',
      });
      const renamed = await request('PATCH', `/api/checklists/${checklist.id}`, owner, {
        name: 'Toilets, ground floor',
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json<Checklist>().description, 'Ground floor');
      assert.equal(renamed.json<Checklist>().actions.length, 2);

      const replaced = await request('PATCH', `/api/checklists/${checklist.id}`, owner, {
        actions: [
          {
            name: 'Supplies',
            type: 'MULTISELECT',
            order: 3,
            required: false,
            options: [{ value: 'Soap' }, { value: 'Paper', alertLevel: 'WARNING' }],
          },
        ],
        description: null,
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      const after = replaced.json<Checklist>();
      assert.equal(after.name, 'Toilets, ground floor');
      assert.equal(after.description, null);
      assert.deepEqual(after.actions, [
        {
          name: 'Supplies',
          type: 'MULTISELECT',
          order: 3,
          required: false,
          description: null,
          alertLevel: null,
          alertValue: null,
          minValue: null,
          maxValue: null,
          maxLength: null,
          regex: null,
          cameraOnly: null,
          minCount: null,
          maxCount: null,
          options: [
            { value: 'Soap', alertLevel: null },
            { value: 'Paper', alertLevel: 'WARNING' },
          ],
        },
      ]);
    });

    it('keeps every version: editing twice yields three, the first still readable', async () => {
      const first = await createChecklist(owner, { name: 'Night round v1' });
      const second = await request('PATCH', `/api/checklists/${first.id}`, owner, {
        name: 'Night round v2',
      });
      const third = await request('PATCH', `/api/checklists/${first.id}`, token, {
        actions: [{ name: 'All doors locked?', type: 'BOOLEAN', order: 0, required: true }],
      });
      assert.equal(third.statusCode, 200, third.body);
      const historyIds = [
        first.historyId,
        second.json<Checklist>().historyId,
        third.json<Checklist>().historyId,
      ];
      assert.ok(
        historyIds[0]! < historyIds[1]! && historyIds[1]! < historyIds[2]!,
        historyIds.join(' < '),
      );

      const history = await request('GET', `/api/checklists/${first.id}/history`, manager);
      assert.equal(history.statusCode, 200, history.body);
      const versions = history.json<ChecklistVersion[]>();
      assert.deepEqual(
        versions.map((version) => version.historyId),
        historyIds,
      );
      assert.deepEqual(versions[0]?.checklist, first);
      assert.deepEqual(versions[2]?.checklist, third.json<Checklist>());
      assert.deepEqual(
        versions.map((version) => version.checklist.name),
        ['Night round v1', 'Night round v2', 'Night round v2'],
      );
      assert.equal(versions[0]?.changedBy, owner.ownerMemberId);
    });

    it('refuses an empty change, and bad actions naming the field, without a new version', async () => {
      const checklist = await createChecklist(owner, { name: 'Stairs' });
      const empty = await request('PATCH', `/api/checklists/${checklist.id}`, owner, {});
      assert.equal(empty.statusCode, 400);
      const bad = await request('PATCH', `/api/checklists/${checklist.id}`, owner, {
        actions: [
          { name: 'Pick', type: 'SELECT', order: 0, required: true, options: [] },
          {
            name: 'Pick more',
            type: 'SELECT',
            order: 1,
            required: true,
            options: [{ value: 'A' }, { value: 'a' }],
          },
        ],
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad.json<Problem>().errors?.map((error) => error.pointer),
        ['/actions/0/options', '/actions/1/options/1/value'],
      );
      const history = await request('GET', `/api/checklists/${checklist.id}/history`, owner);
      assert.equal(history.json<ChecklistVersion[]>().length, 1);
    });
  });

  describe('archiveChecklist and restoreChecklist', () => {
    it('archives with 204, keeping the history, and restores it', async () => {
      const checklist = await createChecklist(owner, { name: 'Parking deck' });
      const archived = await request('DELETE', `/api/checklists/${checklist.id}`, owner);
      assert.equal(archived.statusCode, 204, archived.body);
      assert.equal(archived.body, '');

      const listed = await request('GET', '/api/checklists?search=parking', owner);
      assert.deepEqual(listed.json<Checklist[]>(), []);
      const withArchived = await request(
        'GET',
        '/api/checklists?search=parking&includeArchived=true',
        owner,
      );
      assert.deepEqual(
        withArchived.json<Checklist[]>().map((item) => [item.id, item.archived]),
        [[checklist.id, true]],
      );
      const read = await request('GET', `/api/checklists/${checklist.id}`, owner);
      assert.equal(read.json<Checklist>().archived, true);

      const restored = await request('POST', `/api/checklists/${checklist.id}/restore`, token);
      assert.equal(restored.statusCode, 200, restored.body);
      assert.equal(restored.json<Checklist>().archived, false);

      const history = await request('GET', `/api/checklists/${checklist.id}/history`, owner);
      assert.deepEqual(
        history.json<ChecklistVersion[]>().map((version) => version.checklist.archived),
        [false, true, false],
      );
    });

    it('archives an archived checklist again without writing a version', async () => {
      const checklist = await createChecklist(owner, { name: 'Twice archived' });
      assert.equal(
        (await request('DELETE', `/api/checklists/${checklist.id}`, owner)).statusCode,
        204,
      );
      assert.equal(
        (await request('DELETE', `/api/checklists/${checklist.id}`, token)).statusCode,
        204,
      );
      const history = await request('GET', `/api/checklists/${checklist.id}/history`, owner);
      assert.equal(history.json<ChecklistVersion[]>().length, 2);
    });
  });

  describe('listChecklists', () => {
    it('pages through checklists sorted by name with a Link to the next page', async () => {
      const organization = await signUpOrganization(server, 'Paging Patrols');
      const names = ['Echo', 'alpha', 'Delta', 'Charlie', 'Bravo'];
      for (const name of names) await createChecklist(organization, { name: `Round ${name}` });

      const seen: string[] = [];
      let url: string | null = '/api/checklists?limit=2';
      let pages = 0;
      while (url) {
        const response = await request('GET', url, organization);
        assert.equal(response.statusCode, 200, response.body);
        seen.push(...response.json<Checklist[]>().map((checklist) => checklist.name));
        const link = response.headers.link;
        url = typeof link === 'string' ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
        pages += 1;
      }
      assert.equal(pages, 3);
      assert.equal(seen.length, 5);
      assert.deepEqual(new Set(seen), new Set(names.map((name) => `Round ${name}`)));
      // Both databases agree on upper-case letters; their collations may differ on the rest.
      const upper = seen.filter((name) => name !== 'Round alpha');
      assert.deepEqual(upper, [...upper].sort());
    });

    it('finds checklists by part of the name, in any case and script, keeping the search across pages', async () => {
      const organization = await signUpOrganization(server, 'Search Services');
      for (const name of ['Прибирання кухні', 'КУХНЯ, вечір', 'Kitchen', 'Hall', 'Кухня ранок'])
        await createChecklist(organization, { name });
      const first = await request(
        'GET',
        `/api/checklists?limit=2&search=${encodeURIComponent('кухн')}`,
        organization,
      );
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json<Checklist[]>().length, 2);
      const next = /^<([^>]+)>; rel="next"$/.exec(String(first.headers.link))?.[1];
      assert.ok(next?.includes('search='), String(first.headers.link));
      const second = await request('GET', next ?? '', organization);
      assert.equal(second.json<Checklist[]>().length, 1);
      assert.equal(second.headers.link, undefined);
      assert.deepEqual(
        new Set([...first.json<Checklist[]>(), ...second.json<Checklist[]>()].map((c) => c.name)),
        new Set(['Прибирання кухні', 'КУХНЯ, вечір', 'Кухня ранок']),
      );
    });

    it('treats % and _ in a search as plain characters', async () => {
      const organization = await signUpOrganization(server, 'Literal Search');
      await createChecklist(organization, { name: '100% checked' });
      await createChecklist(organization, { name: '1000 checks' });
      const response = await request('GET', '/api/checklists?search=0%25', organization);
      assert.deepEqual(
        response.json<Checklist[]>().map((checklist) => checklist.name),
        ['100% checked'],
      );
    });

    it('refuses a limit above 1000 and a cursor it did not issue, naming the parameter', async () => {
      const tooMany = await request('GET', '/api/checklists?limit=1001', owner);
      assert.equal(tooMany.statusCode, 400);
      assert.deepEqual(
        tooMany.json<Problem>().errors?.map((error) => [error.in, error.pointer]),
        [['query', '/limit']],
      );
      const forged = await request('GET', '/api/checklists?cursor=bm9wZQ', owner);
      assert.equal(forged.statusCode, 400);
      assert.deepEqual(
        forged.json<Problem>().errors?.map((error) => [error.in, error.pointer]),
        [['query', '/cursor']],
      );
    });
  });

  describe('copyChecklistActions', () => {
    it('gives a task step an independent copy of the actions in order', async () => {
      const checklist = await createChecklist(owner, { name: 'To copy' });
      const actor = {
        kind: 'member' as const,
        organizationId: owner.organizationId,
        memberId: owner.ownerMemberId,
        personId: null,
        deviceId: null,
        role: 'OWNER' as const,
        locationIds: null,
      };
      const copy = await checklistsService.copyChecklistActions(actor, checklist.id);
      assert.deepEqual(copy, checklist.actions);
      copy[0]!.name = 'Changed by the step';
      const again = await checklistsService.copyChecklistActions(actor, checklist.id);
      assert.equal(again[0]?.name, 'Temperature');
    });

    it('refuses to copy an archived checklist or another organization’s', async () => {
      const checklist = await createChecklist(owner, { name: 'Archived source' });
      await request('DELETE', `/api/checklists/${checklist.id}`, owner);
      const actor = (organizationId: string, memberId: string) => ({
        kind: 'member' as const,
        organizationId,
        memberId,
        personId: null,
        deviceId: null,
        role: 'OWNER' as const,
        locationIds: null,
      });
      await assert.rejects(
        checklistsService.copyChecklistActions(
          actor(owner.organizationId, owner.ownerMemberId),
          checklist.id,
        ),
        { status: 404, type: 'urn:openpatrol:problem:checklist-not-found' },
      );
      const active = await createChecklist(owner, { name: 'Active source' });
      await assert.rejects(
        checklistsService.copyChecklistActions(
          actor(otherOwner.organizationId, otherOwner.ownerMemberId),
          active.id,
        ),
        { status: 404 },
      );
    });
  });
});
