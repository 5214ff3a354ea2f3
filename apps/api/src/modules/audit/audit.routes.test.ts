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
import { summarizeChange } from './audit-trail.js';
import type { AuditLogEntry } from './audit.schemas.js';

describe('audit log of admin actions', () => {
  let server: TestServer;
  let acme: SignedUpOrganization;
  let rival: SignedUpOrganization;
  let token: Credentials & { token: string; id: string };
  let locationId: string;

  const send = (
    credentials: Credentials,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...credentials.headers, 'user-agent': 'audit-test/1.0', ...headers },
      ...(payload ? { payload } : {}),
    });

  async function readLog(query = '', credentials: Credentials = acme) {
    const response = await send(credentials, 'GET', `/api/audit-log${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<AuditLogEntry[]>();
  }

  before(async () => {
    server = await createTestServer();
    acme = await signUpOrganization(server, 'Acme Security');
    rival = await signUpOrganization(server, 'Rival Patrols');
    token = await createApiToken(server, acme, 'CRM integration');
    const location = await send(acme, 'POST', '/api/locations', {
      name: 'Harbour gate',
      timeZone: 'Europe/Kyiv',
    });
    assert.equal(location.statusCode, 201, location.body);
    locationId = location.json<{ id: string }>().id;
  });
  after(() => server.close());

  it('records who changed which location, from where, with a summary of the change', async () => {
    const renamed = await send(token, 'PATCH', `/api/locations/${locationId}`, {
      name: 'Harbour gate North',
    });
    assert.equal(renamed.statusCode, 200, renamed.body);

    const [latest] = await readLog(`?resourceId=${locationId}`);
    assert.ok(latest);
    assert.equal(latest.operationId, 'updateLocation');
    assert.deepEqual(latest.actor, { type: 'TOKEN', id: token.id, name: 'CRM integration' });
    assert.equal(latest.resourceType, 'locations');
    assert.equal(latest.resourceId, locationId);
    assert.deepEqual(latest.summary, { name: 'Harbour gate North' });
    assert.equal(latest.method, 'PATCH');
    assert.equal(latest.path, `/api/locations/${locationId}`);
    assert.equal(latest.statusCode, 200);
    assert.equal(latest.ip, '127.0.0.1');
    assert.equal(latest.userAgent, 'audit-test/1.0');
    assert.equal(latest.requestId, renamed.headers['x-request-id']);
  });

  it('names the member who acted and the id of what they created', async () => {
    const created = await send(acme, 'POST', '/api/points', { locationId, name: 'Gate 1' });
    assert.equal(created.statusCode, 201, created.body);
    const pointId = created.json<{ id: string }>().id;

    const [entry] = await readLog(`?resourceType=points&resourceId=${pointId}`);
    assert.ok(entry);
    assert.equal(entry.operationId, 'createPoint');
    assert.deepEqual(entry.actor, { type: 'MEMBER', id: acme.ownerMemberId, name: 'Olena Owner' });
    assert.deepEqual(entry.summary, { locationId, name: 'Gate 1' });
  });

  it('covers the admin writes of every module', async () => {
    const checklist = await send(acme, 'POST', '/api/checklists', {
      name: 'Night round',
      actions: [{ name: 'Gate closed', type: 'BOOLEAN', order: 0, required: true }],
    });
    const device = await send(acme, 'POST', '/api/devices', { name: 'Gate phone' });
    const webhook = await send(acme, 'POST', '/api/webhooks', {
      url: 'https://hooks.example.com/acme',
      eventTypes: ['webhook.test'],
    });
    const rule = await send(acme, 'POST', '/api/alert-rules', {
      name: 'Panic',
      trigger: 'PANIC',
      escalation: [{ afterMinutes: 0, memberIds: [acme.ownerMemberId] }],
    });
    const task = await send(token, 'POST', '/api/task-executions', {
      assigneeIds: [],
      locationId,
      name: 'Evening round',
      description: null,
      recurrence: null,
      startAt: '2026-12-07T20:00:00.000Z',
      endAt: '2026-12-07T21:00:00.000Z',
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [],
    });
    for (const response of [checklist, device, webhook, rule, task])
      assert.ok(response.statusCode < 300, response.body);
    const executionId = task.json<{ id: string }>().id;
    const edited = await send(token, 'PATCH', `/api/task-executions/${executionId}`, {
      name: 'Late evening round',
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const member = await send(acme, 'POST', '/api/users', {
      firstName: 'Ivan',
      lastName: 'Admin',
      role: 'ADMIN',
      email: 'ivan@acme.example',
      locationIds: [],
    });
    assert.equal(member.statusCode, 201, member.body);

    const operations = new Set((await readLog('?limit=1000')).map((entry) => entry.operationId));
    for (const operationId of [
      'createApiToken',
      'createLocation',
      'createChecklist',
      'registerDevice',
      'createWebhook',
      'createAlertRule',
      'createTaskExecution',
      'updateTaskExecution',
      'createUser',
    ])
      assert.ok(operations.has(operationId), `${operationId} is missing from the audit log`);
  });

  it('never stores secrets: token values, webhook secrets and PINs stay out', async () => {
    const created = await createApiToken(server, acme, 'Payroll export');
    const webhook = await send(acme, 'POST', '/api/webhooks', {
      url: 'https://hooks.example.com/secret',
      eventTypes: ['webhook.test'],
    });
    const secret = webhook.json<{ secret: string }>().secret;
    const guard = await send(acme, 'POST', '/api/users', {
      firstName: 'Gena',
      lastName: 'Guard',
      role: 'GUARD',
      email: null,
      memberNumber: 'G-77',
      pin: '4826',
      locationIds: [],
    });
    assert.equal(guard.statusCode, 201, guard.body);

    const stored = JSON.stringify(
      await server.deps.database.db.selectFrom('auditLog').selectAll().execute(),
    );
    assert.ok(!stored.includes(created.token), 'an API token value reached the audit log');
    assert.ok(!stored.includes(secret), 'a webhook secret reached the audit log');
    const [guardEntry] = await readLog(`?resourceId=${guard.json<{ id: string }>().id}`);
    assert.equal(guardEntry?.summary?.pin, '[redacted]');
    assert.equal(guardEntry?.summary?.memberNumber, 'G-77');
  });

  it('logs only changes that succeeded, once, and not what performers do', async () => {
    const before = (await readLog('?limit=1000')).length;
    const refused = await send(acme, 'POST', '/api/locations', { name: '' });
    assert.equal(refused.statusCode, 400);
    const first = await send(
      token,
      'POST',
      '/api/locations',
      { name: 'Depot', timeZone: 'Europe/Kyiv' },
      { 'idempotency-key': 'depot-1' },
    );
    const replay = await send(
      token,
      'POST',
      '/api/locations',
      { name: 'Depot', timeZone: 'Europe/Kyiv' },
      { 'idempotency-key': 'depot-1' },
    );
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    const user = await signInMember(server, acme, 'USER', { locationIds: [locationId] });
    const issue = await send(user, 'POST', '/api/issues', {
      locationId,
      category: 'DAMAGE',
      severity: 'LOW',
      title: 'Broken lamp',
    });
    assert.equal(issue.statusCode, 201, issue.body);

    const entries = await readLog('?limit=1000');
    // The user's invitation (createUser) is an admin action; the rest adds only the location.
    assert.deepEqual(
      entries
        .slice(0, entries.length - before)
        .map((entry) => entry.operationId)
        .sort(),
      ['createLocation', 'createUser'],
    );
  });

  it('filters by actor and time range', async () => {
    const byToken = await readLog(`?actorId=${token.id}`);
    assert.ok(byToken.length >= 3);
    assert.ok(byToken.every((entry) => entry.actor.id === token.id));

    const all = await readLog('?limit=1000');
    const oldest = all.at(-1)!;
    const onlyOldest = await readLog(
      `?from=${oldest.occurredAt}&to=${new Date(Date.parse(oldest.occurredAt) + 1).toISOString()}`,
    );
    assert.ok(onlyOldest.some((entry) => entry.id === oldest.id));
    assert.ok(onlyOldest.every((entry) => entry.occurredAt === oldest.occurredAt));
    assert.deepEqual(await readLog('?to=2000-01-01T00:00:00Z'), []);
  });

  it('pages newest first with a Link header, never repeating or skipping an entry', async () => {
    const all = await readLog('?limit=1000');
    assert.deepEqual(
      all.map((entry) => entry.id),
      all
        .map((entry) => entry.id)
        .sort()
        .reverse(),
    );
    const seen: string[] = [];
    let url: string | null = '/api/audit-log?limit=2';
    while (url) {
      const page = await send(acme, 'GET', url);
      assert.equal(page.statusCode, 200, page.body);
      seen.push(...page.json<AuditLogEntry[]>().map((entry) => entry.id));
      url = /<([^>]+)>; rel="next"/.exec(String(page.headers.link ?? ''))?.[1] ?? null;
    }
    assert.deepEqual(
      seen,
      all.map((entry) => entry.id),
    );
  });

  it('refuses a time range that ends before it starts, naming the field', async () => {
    const response = await send(
      acme,
      'GET',
      '/api/audit-log?from=2026-12-08T00:00:00.000Z&to=2026-12-07T00:00:00.000Z',
    );
    assert.equal(response.statusCode, 400);
    const problem = response.json<Problem>();
    assert.equal(problem.errors?.[0]?.pointer, '/to');
  });

  it('is readable by Owners in person only', async () => {
    const admin = await signInMember(server, acme, 'ADMIN');
    assert.equal((await send(admin, 'GET', '/api/audit-log')).statusCode, 403);
    assert.equal((await send(token, 'GET', '/api/audit-log')).statusCode, 403);
  });

  it('shows an organization only its own entries', async () => {
    const created = await send(rival, 'POST', '/api/locations', {
      name: 'Rival depot',
      timeZone: 'Europe/Kyiv',
    });
    assert.equal(created.statusCode, 201, created.body);
    const rivalLog = await readLog('?limit=1000', rival);
    assert.deepEqual(
      rivalLog.map((entry) => entry.operationId),
      ['createLocation'],
    );
    const acmeLog = await readLog('?limit=1000');
    assert.ok(!JSON.stringify(acmeLog).includes('Rival depot'));
  });
});

describe('summarizeChange', () => {
  it('redacts secrets at any depth and in any case', () => {
    assert.deepEqual(
      summarizeChange({}, { name: 'x', newPassword: 'p', nested: { apiKey: 'k', Secret: 's' } }),
      {
        name: 'x',
        newPassword: '[redacted]',
        nested: { apiKey: '[redacted]', Secret: '[redacted]' },
      },
    );
  });

  it('shortens long texts and lists, and keeps path parameters other than the id', () => {
    const summary = summarizeChange(
      { id: 'a', deliveryId: 'd' },
      { note: 'n'.repeat(500), tags: Array.from({ length: 25 }, (_, index) => `t${index}`) },
    );
    assert.equal(summary?.deliveryId, 'd');
    assert.equal(summary?.id, undefined);
    assert.equal((summary?.note as string).length, 201);
    assert.equal((summary?.tags as string[]).length, 21);
    assert.equal((summary?.tags as string[])[20], '… 5 more');
  });

  it('keeps only the field names of a change too large to log whole', () => {
    const huge = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [`field${index}`, 'v'.repeat(150)]),
    );
    const summary = summarizeChange({}, huge);
    assert.equal(summary?.truncated, true);
    assert.equal((summary?.fields as string[]).length, 100);
  });

  it('is empty for a request without parameters or body', () => {
    assert.equal(summarizeChange({ id: 'a' }, undefined), null);
  });
});
