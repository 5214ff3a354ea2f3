import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
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
import { createWorker } from '../jobs/worker.js';
import { createNotifyAlertJob } from './alert-notifications.js';
import type { Alert } from './alerts.schemas.js';
import { NOTIFY_ALERT_JOB } from './alerts.service.js';

// Alerts from real events (a missed patrol, a late start, errors, a serious issue, a panic),
// escalated step by step by the worker until acknowledged.

const MINUTE = 60_000;

describe('alerts', () => {
  const clock = createFixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let manager: Credentials & { user: { id: string; email: string } };
  let guard: Credentials & { user: { id: string } };
  let locationId: string;
  let point: { id: string; qrCode: string };

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

  const worker = () =>
    createWorker({
      database: server.deps.database,
      clock,
      logger: pino({ level: 'silent' }),
      handlers: {
        [NOTIFY_ALERT_JOB]: createNotifyAlertJob({
          mailer: server.deps.mailer,
          domainEvents: server.deps.domainEvents,
          publicUrl: 'https://patrol.example.com',
        }),
      },
    });
  const mailTo = async () =>
    (
      await server.deps.database.db
        .selectFrom('emailOutbox')
        .select(['toAddress', 'subject'])
        .where('subject', 'not like', '%invit%')
        .orderBy('createdAt')
        .execute()
    ).map((mail) => [mail.toAddress, mail.subject]);

  async function rule(trigger: string, threshold: string | null, escalation: object[]) {
    const response = await send('POST', '/api/alert-rules', token, {
      name: `${trigger} rule`,
      trigger,
      threshold,
      escalation,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>();
  }

  async function plan(name: string, startAt: string) {
    const response = await send('POST', '/api/task-executions', token, {
      assigneeIds: [guard.user.id],
      locationId,
      name,
      description: null,
      recurrence: null,
      startAt,
      endAt: new Date(Date.parse(startAt) + 60 * MINUTE).toISOString(),
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [
        {
          pointId: point.id,
          name: 'Gate',
          order: 0,
          actions: [{ name: 'Locked', type: 'BOOLEAN', order: 0, required: true }],
        },
      ],
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string; steps: { id: string }[] }>();
  }

  const write = async (executionId: string, body: object) => {
    const response = await send('POST', `/api/task-executions/${executionId}/events`, guard, {
      id: randomUUID(),
      ...body,
    });
    assert.equal(response.statusCode, 201, response.body);
  };
  const alerts = async () => (await send('GET', '/api/alerts', token)).json<Alert[]>();

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    locationId = (
      await send('POST', '/api/locations', token, { name: 'Depot', timeZone: 'UTC' })
    ).json<{ id: string }>().id;
    point = (await send('POST', '/api/points', token, { locationId, name: 'Gate' })).json<{
      id: string;
      qrCode: string;
    }>();
    manager = (await signInMember(server, owner, 'MANAGER', {
      email: 'manager@acme.example',
      locationIds: [locationId],
    })) as typeof manager;
    guard = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
  });
  after(() => server.close());
  beforeEach(async () => {
    await server.deps.database.db.deleteFrom('emailOutbox').execute();
    await server.deps.database.db.updateTable('alertRules').set({ enabled: 0 }).execute();
    clock.set(new Date('2026-12-07T12:00:00.000Z'));
  });

  it('a missed patrol alerts the manager, then the Owner 15 minutes later unless acknowledged', async () => {
    await rule('EXECUTION_EXPIRED', null, [
      { afterMinutes: 0, memberIds: [manager.user.id] },
      { afterMinutes: 15, memberIds: [owner.ownerMemberId] },
    ]);
    const missed = await plan('Missed round', '2026-12-07T13:00:00.000Z');
    clock.set(new Date('2026-12-07T14:30:00.000Z'));
    await server.deps.taskExecutionsService.maintainSchedules();
    const [alert] = await alerts();
    assert.deepEqual(
      [alert?.trigger, alert?.subjectId, alert?.status, alert?.title],
      ['EXECUTION_EXPIRED', missed.id, 'OPEN', 'Missed: Missed round'],
    );
    const sender = worker();
    await sender.runOnce();
    assert.deepEqual(await mailTo(), [['manager@acme.example', 'Missed: Missed round']]);
    await sender.runOnce();
    assert.equal((await mailTo()).length, 1, 'the next step waits for its time');
    clock.advance(16 * MINUTE);
    await sender.runOnce();
    assert.deepEqual((await mailTo())[1], [
      owner.email,
      '[Escalated, step 2] Missed: Missed round',
    ]);
    assert.equal((await alerts())[0]!.level, 1);
    // Stamped again, the same execution raises nothing new.
    await server.deps.taskExecutionsService.maintainSchedules();
    assert.equal((await alerts()).filter((a) => a.subjectId === missed.id).length, 1);
  });

  it('an acknowledged alert goes no further', async () => {
    await rule('EXECUTION_EXPIRED', null, [
      { afterMinutes: 0, memberIds: [manager.user.id] },
      { afterMinutes: 15, memberIds: [owner.ownerMemberId] },
    ]);
    const missed = await plan('Quiet round', '2026-12-07T13:00:00.000Z');
    clock.set(new Date('2026-12-07T14:30:00.000Z'));
    await server.deps.taskExecutionsService.maintainSchedules();
    const sender = worker();
    await sender.runOnce();
    const alert = (await alerts()).find((a) => a.subjectId === missed.id)!;
    const acknowledged = await send('POST', `/api/alerts/${alert.id}/acknowledge`, manager);
    assert.equal(acknowledged.statusCode, 200, acknowledged.body);
    assert.equal(acknowledged.json<Alert>().status, 'ACKNOWLEDGED');
    clock.advance(20 * MINUTE);
    await sender.runOnce();
    assert.deepEqual(
      (await mailTo()).map(([to]) => to),
      ['manager@acme.example'],
    );
  });

  it('late starts beyond the threshold, runs with errors and serious issues raise alerts; others do not', async () => {
    await rule('LATE_START', '10', [{ afterMinutes: 0, memberIds: [manager.user.id] }]);
    await rule('COMPLETED_WITH_ERRORS', null, [{ afterMinutes: 0, memberIds: [manager.user.id] }]);
    await rule('ISSUE_SEVERITY', 'HIGH', [{ afterMinutes: 0, memberIds: [manager.user.id] }]);
    const onTime = await plan('Five minutes late', '2026-12-07T16:00:00.000Z');
    const late = await plan('Fifteen minutes late', '2026-12-07T16:00:00.000Z');
    clock.set(new Date('2026-12-07T16:05:00.000Z'));
    await write(onTime.id, { type: 'STARTED' });
    clock.set(new Date('2026-12-07T16:15:00.000Z'));
    await write(late.id, { type: 'STARTED' });
    await write(late.id, { type: 'FINISHED' }); // the required "Locked" left empty: an error
    for (const severity of ['MEDIUM', 'CRITICAL'])
      assert.equal(
        (
          await send('POST', '/api/issues', guard, {
            locationId,
            category: 'FIRE',
            severity,
            title: `${severity} smoke`,
          })
        ).statusCode,
        201,
      );
    const titles = (await alerts()).map((a) => a.title).sort();
    assert.deepEqual(
      titles.filter((t) => !t.startsWith('Missed')),
      [
        'CRITICAL issue: CRITICAL smoke',
        'Finished with 1 error(s): Fifteen minutes late',
        'Started 15 min late: Fifteen minutes late',
      ],
    );
  });

  it('a panic alerts at once, with the position', async () => {
    await rule('PANIC', null, [
      { afterMinutes: 0, memberIds: [manager.user.id, owner.ownerMemberId] },
    ]);
    const response = await send('POST', '/api/alerts/panic', guard, {
      locationId,
      message: 'Intruder at the gate',
      position: { latitude: 50.45, longitude: 30.52, accuracyInMeters: 8 },
    });
    assert.equal(response.statusCode, 201, response.body);
    const [raised] = response.json<Alert[]>();
    assert.match(raised!.title, /^PANIC: /);
    assert.equal(raised!.detail, 'Intruder at the gate · Position 50.45, 30.52 (±8 m)');
    await worker().runOnce();
    assert.deepEqual(
      new Set((await mailTo()).map(([to]) => to)),
      new Set(['manager@acme.example', owner.email]),
    );
  });

  it('refuses rules it could not apply, naming the field', async () => {
    const response = await send('POST', '/api/alert-rules', token, {
      name: 'Broken',
      trigger: 'LATE_START',
      escalation: [
        { afterMinutes: 10, memberIds: [randomUUID()] },
        { afterMinutes: 5, memberIds: [manager.user.id] },
      ],
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response.json<Problem>().errors?.map((e) => e.pointer),
      ['/threshold', '/escalation/1/afterMinutes', '/escalation/0/memberIds/0'],
    );
  });
});
