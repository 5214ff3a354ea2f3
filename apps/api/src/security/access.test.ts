import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../database/database.js';
import { sessionHeaders } from '../test-support/factories.js';
import {
  addLocation,
  createApiToken,
  createUser,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../test-support/factories.js';
import { buildMultipartBody, makePng, uploadPhoto } from '../test-support/media-uploads.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * The shared security suite. It walks every operation of the published API (so a new route is
 * covered the day it is added, or this suite fails and says what it needs) and calls it:
 * - with a second organization's credentials against the first one's resources → 404/403;
 * - with each role, an API token and no credentials → the statuses of the table below, written
 *   by hand from DESIGN §1, never derived from the routes themselves.
 */

type Caller = Role | 'TOKEN' | 'ANONYMOUS';
const ALLOWED = 'allowed';
type Expectation = typeof ALLOWED | 401 | 403;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
}

/** Operations that act on no tenant resource: the session's own, sign-up and public ones. */
const NOT_TENANT_RESOURCES = new Set([
  'getHealth',
  'getLiveness',
  'getReadiness',
  'getClientSettings',
  'signUp',
  'signIn',
  'getSession',
  'signOut',
  'switchOrganization',
  'changePassword',
  'leaveOrganization',
  'acceptInvitation',
  'requestPasswordReset',
  'resetPassword',
  'authorizeDevice',
  'signInGuard',
]);

/** Operations whose probe body names one of Acme's resources (a location) from the rival side. */
const REFERS_TO_ACME = new Set([
  'createUser',
  'createPoint',
  'createTaskExecution',
  'checkInOnDemand',
  'createIssue',
  'createAlertRule',
  'raisePanic',
  'createReportSchedule',
]);

const ENDS_THE_CALLERS_SESSION = new Set(['signOut', 'leaveOrganization']);

const everyone = (expectation: Expectation): Record<Caller, Expectation> => ({
  OWNER: expectation,
  ADMIN: expectation,
  MANAGER: expectation,
  USER: expectation,
  GUARD: expectation,
  TOKEN: expectation,
  ANONYMOUS: expectation,
});
const supervisors = {
  ...everyone(403),
  OWNER: ALLOWED,
  ADMIN: ALLOWED,
  MANAGER: ALLOWED,
  TOKEN: ALLOWED,
  ANONYMOUS: 401,
} as const;
const administrators = {
  ...everyone(403),
  OWNER: ALLOWED,
  ADMIN: ALLOWED,
  TOKEN: ALLOWED,
  ANONYMOUS: 401,
} as const;
/** Supervisors signed in as themselves: what reads as its member (scheduled reports). */
const supervisorsInPerson = { ...supervisors, TOKEN: 403 } as const;
const ownersInPerson = { ...everyone(403), OWNER: ALLOWED, ANONYMOUS: 401 } as const;
const readers = { ...everyone(ALLOWED), ANONYMOUS: 401 } as const;
const signedIn = { ...everyone(ALLOWED), TOKEN: 401, ANONYMOUS: 401 } as const;
/** Guards have no personal account: nothing to switch, no password to change. */
const personalAccounts = { ...signedIn, GUARD: 403 } as const;

/** Refusals by access control, as opposed to a business answer (a wrong password is also 401). */
const ACCESS_DENIALS = [
  'authentication-required',
  'forbidden',
  'no-organization-selected',
  'csrf-token-invalid',
];
function isAccessDenial(body: string): boolean {
  return ACCESS_DENIALS.some((type) => body.includes(`"type":"urn:openpatrol:problem:${type}"`));
}

const ROLE_MATRIX: Record<string, Record<Caller, Expectation>> = {
  getHealth: everyone(ALLOWED),
  getLiveness: everyone(ALLOWED),
  getReadiness: everyone(ALLOWED),
  getClientSettings: everyone(ALLOWED),
  signUp: everyone(ALLOWED),
  signIn: everyone(ALLOWED),
  acceptInvitation: everyone(ALLOWED),
  requestPasswordReset: everyone(ALLOWED),
  resetPassword: everyone(ALLOWED),
  authorizeDevice: everyone(ALLOWED),
  signInGuard: everyone(ALLOWED),
  listDevices: administrators,
  registerDevice: administrators,
  revokeDevice: administrators,
  getSession: signedIn,
  signOut: signedIn,
  switchOrganization: personalAccounts,
  changePassword: personalAccounts,
  leaveOrganization: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  listUsers: supervisors,
  getUser: supervisors,
  listUserHistory: supervisors,
  createUser: administrators,
  updateUser: administrators,
  archiveUser: administrators,
  restoreUser: administrators,
  transferOwnership: ownersInPerson,
  listLocations: readers,
  getLocation: readers,
  listLocationHistory: readers,
  createLocation: { ...everyone(403), OWNER: ALLOWED, TOKEN: ALLOWED, ANONYMOUS: 401 },
  updateLocation: administrators,
  archiveLocation: administrators,
  restoreLocation: administrators,
  listChecklists: supervisors,
  getChecklist: supervisors,
  listChecklistHistory: supervisors,
  createChecklist: administrators,
  updateChecklist: administrators,
  archiveChecklist: administrators,
  restoreChecklist: administrators,
  listPoints: readers,
  getPoint: readers,
  listPointHistory: readers,
  getPointQrCodePng: supervisors,
  getPointQrCodeSvg: supervisors,
  getPointQrSheet: supervisors,
  getLocationQrSheet: supervisors,
  createPoint: administrators,
  updatePoint: administrators,
  archivePoint: administrators,
  restorePoint: administrators,
  regeneratePointQrCode: administrators,
  createTaskExecution: supervisors,
  listTaskExecutionInfo: readers,
  getTaskExecution: readers,
  updateTaskExecution: supervisors,
  cancelTaskExecution: supervisors,
  previewRecurrence: supervisors,
  recordExecutionWrite: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  recordExecutionWrites: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  listExecutionEvents: readers,
  getExecutionPlan: readers,
  verifyExecutionEvents: supervisors,
  checkInOnDemand: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  listCheckIns: readers,
  getExecutionsReport: supervisors,
  listReportSchedules: supervisorsInPerson,
  createReportSchedule: supervisorsInPerson,
  getReportSchedule: supervisorsInPerson,
  updateReportSchedule: supervisorsInPerson,
  deleteReportSchedule: supervisorsInPerson,
  getExecutionsSummary: supervisors,
  listAlertRules: administrators,
  createAlertRule: administrators,
  disableAlertRule: administrators,
  listAlerts: supervisors,
  acknowledgeAlert: supervisors,
  raisePanic: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  getCalendarFeed: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  createCalendarFeed: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  deleteCalendarFeed: { ...everyone(ALLOWED), TOKEN: 403, ANONYMOUS: 401 },
  getCalendarFeedIcs: everyone(ALLOWED),
  listWebhooks: administrators,
  createWebhook: administrators,
  getWebhook: administrators,
  updateWebhook: administrators,
  deleteWebhook: administrators,
  sendWebhookTestEvent: administrators,
  listWebhookDeliveries: administrators,
  redeliverWebhook: administrators,
  rotateWebhookSecret: administrators,
  listIssues: readers,
  createIssue: readers,
  getIssue: readers,
  updateIssue: supervisors,
  createIssueComment: readers,
  // Performers may call the downloads, but read only what they uploaded (media.routes.test.ts).
  uploadMedia: readers,
  downloadMedia: readers,
  downloadMediaThumbnail: readers,
  getMediaInfo: readers,
  listApiTokens: ownersInPerson,
  createApiToken: ownersInPerson,
  revokeApiToken: ownersInPerson,
  listAuditLog: ownersInPerson,
};

/** Which of Acme's resources a path's `{id}` names. */
function idNameFor(path: string): string {
  if (path.startsWith('/api/api-tokens/')) return 'apiTokenId';
  if (path.startsWith('/api/devices/')) return 'deviceId';
  if (path.startsWith('/api/users/')) return 'userId';
  if (path.startsWith('/api/locations/')) return 'locationId';
  if (path.startsWith('/api/points/')) return 'pointId';
  if (path.startsWith('/api/checklists/')) return 'checklistId';
  if (path.startsWith('/api/task-executions/')) return 'taskExecutionId';
  if (path.startsWith('/api/issues/')) return 'issueId';
  if (path.startsWith('/api/webhooks/')) return 'webhookId';
  if (path.startsWith('/api/alert-rules/')) return 'alertRuleId';
  if (path.startsWith('/api/report-schedules/')) return 'reportScheduleId';
  if (path.startsWith('/api/alerts/')) return 'alertId';
  if (path.startsWith('/api/calendar/')) return 'none';
  if (path.startsWith('/api/media/')) return 'mediaId';
  if (path.includes('{'))
    throw new Error(`The security suite has no Acme resource for ${path}: add one.`);
  return 'none';
}

function listOperations(server: TestServer): Operation[] {
  const document = server.app.swagger() as unknown as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: `/api${path}`,
      operationId: operation.operationId,
    })),
  );
}

describe('access control on every route', () => {
  let server: TestServer;
  let acme: SignedUpOrganization;
  let rival: SignedUpOrganization;
  /** Acme's resources, by the path parameter that names them. */
  const acmeIds: Record<string, string> = {};
  let acmeLocation = '';
  const callers = new Map<Caller, Credentials>();

  before(async () => {
    server = await createTestServer();
    acme = await signUpOrganization(server, 'Acme Security');
    rival = await signUpOrganization(server, 'Rival Patrols');
    acmeLocation = await addLocation(server, acme.organizationId, 'Acme HQ');
    acmeIds.locationId = acmeLocation;
    const checklist = await server.app.inject({
      method: 'POST',
      url: '/api/checklists',
      headers: acme.headers,
      payload: {
        name: 'Night round',
        actions: [{ name: 'Gate closed', type: 'BOOLEAN', order: 0, required: true }],
      },
    });
    acmeIds.checklistId = checklist.json<{ id: string }>().id;
    const point = await server.app.inject({
      method: 'POST',
      url: '/api/points',
      headers: acme.headers,
      payload: { locationId: acmeLocation, name: 'Acme gate' },
    });
    acmeIds.pointId = point.json<{ id: string }>().id;
    acmeIds.userId = (
      await createUser(server, acme, {
        role: 'USER',
        email: 'acme-user@example.com',
        locationIds: [acmeLocation],
      })
    ).id;
    acmeIds.apiTokenId = (await createApiToken(server, acme, 'Acme token')).id;
    const device = await server.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: acme.headers,
      payload: { name: 'Gate phone' },
    });
    acmeIds.deviceId = device.json<{ id: string }>().id;
    const execution = await server.app.inject({
      method: 'POST',
      url: '/api/task-executions',
      headers: acme.headers,
      payload: taskExecutionProbe(),
    });
    acmeIds.taskExecutionId = execution.json<{ id: string }>().id;
    const webhook = await server.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: acme.headers,
      payload: { url: 'https://hooks.example.com/acme', eventTypes: ['webhook.test'] },
    });
    acmeIds.webhookId = webhook.json<{ id: string }>().id;
    const testEvent = await server.app.inject({
      method: 'POST',
      url: `/api/webhooks/${acmeIds.webhookId}/test`,
      headers: acme.headers,
    });
    acmeIds.webhookDeliveryId = testEvent.json<{ id: string }>().id;
    const alertRule = await server.app.inject({
      method: 'POST',
      url: '/api/alert-rules',
      headers: acme.headers,
      payload: {
        name: 'Panic',
        trigger: 'PANIC',
        escalation: [{ afterMinutes: 0, memberIds: [acme.ownerMemberId] }],
      },
    });
    acmeIds.alertRuleId = alertRule.json<{ id: string }>().id;
    const reportSchedule = await server.app.inject({
      method: 'POST',
      url: '/api/report-schedules',
      headers: acme.headers,
      payload: {
        name: 'Daily',
        frequency: 'DAILY',
        hour: 7,
        format: 'pdf',
        recipients: ['client@acme.example'],
      },
    });
    acmeIds.reportScheduleId = reportSchedule.json<{ id: string }>().id;
    acmeIds.alertId = randomUUID();
    await server.deps.database.db
      .insertInto('alerts')
      .values({
        organizationId: acme.organizationId,
        id: acmeIds.alertId,
        ruleId: acmeIds.alertRuleId,
        trigger: 'PANIC',
        locationId: acmeLocation,
        subjectType: 'MEMBER',
        subjectId: randomUUID(),
        title: 'PANIC: Acme guard',
        detail: null,
        status: 'OPEN',
        level: 0,
        createdAt: new Date().toISOString(),
        acknowledgedAt: null,
        acknowledgedBy: null,
      })
      .execute();
    const issue = await server.app.inject({
      method: 'POST',
      url: '/api/issues',
      headers: acme.headers,
      payload: { locationId: acmeLocation, category: 'DAMAGE', severity: 'LOW', title: 'Acme' },
    });
    acmeIds.issueId = issue.json<{ id: string }>().id;
    acmeIds.mediaId = (await uploadPhoto(server, acme, { capture: 'CAMERA' })).id;

    // One caller per role in the rival organization, for the role matrix.
    callers.set('OWNER', rival);
    for (const role of ['ADMIN', 'MANAGER', 'USER'] as const)
      callers.set(role, await signInMember(server, rival, role));
    const guard = await createUser(server, rival, {
      role: 'GUARD',
      email: null,
      memberNumber: 'G-1',
      pin: '1234',
    });
    const guardSession = await server.deps.authService.startSession(
      server.deps.database.db,
      { personId: null, organizationId: rival.organizationId, memberId: guard.id },
      { ip: '127.0.0.1', userAgent: 'shared phone' },
    );
    callers.set('GUARD', {
      headers: sessionHeaders(`openpatrol_session=${guardSession.token}`, guardSession.csrfToken),
    });
    callers.set('TOKEN', await createApiToken(server, rival, 'Rival token'));
    callers.set('ANONYMOUS', { headers: {} });
  });
  after(() => server.close());

  /** A one-off task at Acme's location with its point: valid for Acme, a 404 for anyone else. */
  function taskExecutionProbe() {
    return {
      assigneeIds: [],
      locationId: acmeLocation,
      name: 'Probe round',
      description: null,
      recurrence: null,
      startAt: '2026-12-07T20:00:00.000Z',
      endAt: '2026-12-07T21:00:00.000Z',
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [{ pointId: acmeIds.pointId, name: 'Gate', order: 0 }],
    };
  }

  /** A valid request for the operation, naming Acme's resources, so only access can refuse it. */
  function requestFor(operation: Operation): {
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  } {
    const url =
      operation.path
        .replace('{id}', acmeIds[idNameFor(operation.path)] ?? '')
        .replace('{deliveryId}', acmeIds.webhookDeliveryId ?? '')
        // A feed's URL is its secret; probes use one that does not exist.
        .replace('{feed}', 'opc_not-a-feed.ics') +
      (operation.operationId === 'getExecutionsReport'
        ? '?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z&format=csv'
        : '') +
      (operation.operationId === 'listTaskExecutionInfo' || operation.operationId === 'listCheckIns'
        ? '?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z'
        : '');
    const payloads: Record<string, object> = {
      createUser: {
        firstName: 'Cross',
        lastName: 'Tenant',
        role: 'USER',
        email: `x-${Math.random()}@example.com`,
        locationIds: [acmeLocation],
      },
      updateUser: { lastName: 'Changed' },
      createLocation: { name: 'Probe site' },
      updateLocation: { name: 'Changed' },
      createChecklist: {
        name: 'Probe',
        actions: [{ name: 'Door locked', type: 'BOOLEAN', order: 0, required: true }],
      },
      updateChecklist: { name: 'Changed' },
      createPoint: { locationId: acmeLocation, name: 'Probe point' },
      updatePoint: { name: 'Changed' },
      createApiToken: { name: 'Probe' },
      createTaskExecution: taskExecutionProbe(),
      updateTaskExecution: { name: 'Changed' },
      previewRecurrence: {
        startAt: '2026-12-07T20:00:00.000Z',
        endAt: '2026-12-07T21:00:00.000Z',
        timeZone: 'Europe/Kyiv',
        recurrence: { rule: 'FREQ=DAILY', exception: null },
      },
      createWebhook: { url: 'https://hooks.example.com/probe', eventTypes: ['webhook.test'] },
      createAlertRule: {
        name: 'Probe',
        trigger: 'PANIC',
        escalation: [{ afterMinutes: 0, memberIds: [acme.ownerMemberId] }],
      },
      raisePanic: { locationId: acmeLocation },
      createReportSchedule: {
        name: 'Probe',
        frequency: 'DAILY',
        hour: 7,
        format: 'csv',
        recipients: ['probe@example.com'],
        locationIds: [acmeLocation],
      },
      updateReportSchedule: { name: 'Changed' },
      updateWebhook: { description: 'Changed' },
      recordExecutionWrite: { id: randomUUID(), type: 'SEEN' },
      checkInOnDemand: { id: randomUUID(), pointId: acmeIds.pointId, method: 'QR', code: 'x' },
      recordExecutionWrites: {
        writes: [{ executionId: acmeIds.taskExecutionId, id: randomUUID(), type: 'SEEN' }],
      },
      createIssue: {
        locationId: acmeLocation,
        category: 'DAMAGE',
        severity: 'LOW',
        title: 'Probe',
      },
      updateIssue: { severity: 'HIGH' },
      createIssueComment: { body: 'Probe' },
      switchOrganization: { organizationId: acme.organizationId },
      changePassword: {
        currentPassword: 'wrong password here',
        newPassword: 'another long passphrase',
      },
      signIn: { email: 'nobody@example.com', password: 'not a real password' },
      signUp: {
        organizationName: 'Probe',
        owner: {
          firstName: 'P',
          lastName: 'R',
          email: `p-${Math.random()}@example.com`,
          password: 'probe passphrase 123',
        },
      },
      acceptInvitation: { token: 'not-a-real-invitation-token', password: 'probe passphrase 123' },
      requestPasswordReset: { email: 'nobody@example.com' },
      registerDevice: { name: 'Probe phone' },
      authorizeDevice: { code: 'ABCDEFGH' },
      signInGuard: { memberNumber: 'G-1', pin: '1234' },
      resetPassword: { token: 'not-a-real-reset-token-value', newPassword: 'probe passphrase 123' },
    };
    // The upload is a multipart form, which needs its own Content-Type.
    if (operation.operationId === 'uploadMedia')
      return {
        url,
        ...buildMultipartBody([
          { name: 'file', filename: 'probe.png', contentType: 'image/png', data: makePng(8, 8) },
        ]),
      };
    const payload = payloads[operation.operationId];
    return payload ? { url, payload } : { url };
  }

  it('knows the expected access of every operation', () => {
    const missing = listOperations(server)
      .map((operation) => operation.operationId)
      .filter((operationId) => !(operationId in ROLE_MATRIX));
    assert.deepEqual(
      missing,
      [],
      'add these operations to ROLE_MATRIX (and to the isolation requests if they take ids)',
    );
  });

  it('never lets a second organization reach the first one’s resources', async () => {
    for (const operation of listOperations(server)) {
      if (NOT_TENANT_RESOURCES.has(operation.operationId)) continue;
      for (const caller of ['OWNER', 'TOKEN'] as const) {
        const { url, payload, headers } = requestFor(operation);
        const response = await server.app.inject({
          method: operation.method as 'GET',
          url,
          headers: { ...callers.get(caller)!.headers, ...headers },
          ...(payload ? { payload } : {}),
        });
        const label = `${caller} of Rival: ${operation.method} ${url}`;
        if (url.includes('{'))
          assert.fail(`${label}: the suite has no Acme resource for this path parameter`);
        if (operation.path.includes('{id}')) {
          assert.ok(
            [403, 404].includes(response.statusCode),
            `${label} answered ${response.statusCode}`,
          );
        } else if (REFERS_TO_ACME.has(operation.operationId)) {
          // Referring to another organization's location is refused like an unknown one (or
          // the caller may not call it at all).
          const refusedByAccess = ROLE_MATRIX[operation.operationId]?.[caller] === 403;
          assert.ok(
            [400, 404, ...(refusedByAccess ? [403] : [])].includes(response.statusCode),
            `${label} answered ${response.statusCode}`,
          );
        } else {
          for (const id of [...Object.values(acmeIds), acme.organizationId, acme.ownerMemberId]) {
            assert.ok(!response.body.includes(id), `${label} revealed Acme's ${id}`);
          }
        }
      }
    }
  });

  it('gives each role, an API token and an anonymous caller exactly the access of the role table', async () => {
    const mismatches: string[] = [];
    for (const operation of listOperations(server)) {
      // These end the caller's session or membership for the operations after them; their
      // access is tested where they are (auth and members tests).
      if (ENDS_THE_CALLERS_SESSION.has(operation.operationId)) continue;
      for (const [caller, credentials] of callers) {
        const { url, payload, headers } = requestFor(operation);
        const response = await server.app.inject({
          method: operation.method as 'GET',
          url,
          headers: { ...credentials.headers, ...headers },
          ...(payload ? { payload } : {}),
        });
        const expected = ROLE_MATRIX[operation.operationId]?.[caller];
        const actual = isAccessDenial(response.body) ? response.statusCode : ALLOWED;
        if (actual !== expected)
          mismatches.push(
            `${caller} ${operation.operationId}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
