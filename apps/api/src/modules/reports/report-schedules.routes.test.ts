import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createFixedClock } from '../../shared/clock.js';
import { createMailer } from '../../shared/mailer.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import {
  attachmentIn,
  startSmtpServer,
  type ReceivedMessage,
} from '../../test-support/smtp-server.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { createWorker } from '../jobs/worker.js';
import {
  REPORT_SCHEDULES_JOB,
  SEND_SCHEDULED_REPORT_JOB,
  createReportSchedulesJob,
  createSendScheduledReportJob,
  scheduleReportSchedules,
} from './report-schedules.jobs.js';
import type { ReportSchedule } from './report-schedules.schemas.js';

interface Problem {
  type: string;
  errors?: { pointer: string; detail: string }[];
}

describe('scheduled reports', () => {
  // Monday 7 December 2026, 14:00 in Kyiv (UTC+2 in winter).
  const clock = createFixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let manager: Credentials & { user: { id: string } };
  let harbour: string;
  let depot: string;

  const send = (
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
  const create = async (credentials: Credentials, body: object) => {
    const response = await send('POST', '/api/report-schedules', credentials, body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json<ReportSchedule>();
  };
  const refused = async (credentials: Credentials, body: object) => {
    const response = await send('POST', '/api/report-schedules', credentials, body);
    assert.equal(response.statusCode, 400, response.body);
    return response.json<Problem>();
  };
  const daily = {
    name: 'Harbour daily',
    frequency: 'DAILY',
    hour: 7,
    timeZone: 'Europe/Kyiv',
    format: 'csv',
    recipients: ['client@harbour.example', 'ops@harbour.example'],
  };
  /** Runs the worker with the report jobs until nothing is due at the clock's time. */
  const runWorker = async () => {
    const worker = createWorker({
      database: server.deps.database,
      clock,
      logger: pino({ level: 'silent' }),
      handlers: {
        [REPORT_SCHEDULES_JOB]: createReportSchedulesJob(server.deps.reportSchedulesService),
        [SEND_SCHEDULED_REPORT_JOB]: createSendScheduledReportJob(
          server.deps.reportSchedulesService,
        ),
      },
    });
    await scheduleReportSchedules(server.deps.database.db, clock.now());
    while ((await worker.runOnce()) > 0);
  };
  const reportsReceived = (): ReceivedMessage[] =>
    smtp.received.filter((message) => /Subject: [^\r\n]*executions \d{4}-/.test(message.data));
  const planAt = async (locationId: string, name: string, startAt: string) => {
    const point = (
      await send('POST', '/api/points', token, { locationId, name: `${name} point` })
    ).json<{ id: string }>();
    const response = await send('POST', '/api/task-executions', token, {
      assigneeIds: [],
      locationId,
      name,
      description: null,
      recurrence: null,
      startAt,
      endAt: new Date(Date.parse(startAt) + 3 * 3_600_000).toISOString(),
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [{ pointId: point.id, name: 'Gate', order: 0 }],
    });
    assert.equal(response.statusCode, 201, response.body);
  };

  before(async () => {
    smtp = await startSmtpServer();
    server = await createTestServer({
      overrides: {
        clock,
        mailer: createMailer({
          clock,
          logger: pino({ level: 'silent' }),
          smtpUrl: smtp.url,
          from: 'OpenPatrol <reports@patrol.test>',
        }),
      },
    });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    const location = async (name: string) =>
      (await send('POST', '/api/locations', token, { name, timeZone: 'Europe/Kyiv' })).json<{
        id: string;
      }>().id;
    harbour = await location('Harbour Gate');
    depot = await location('North Depot');
    manager = await signInMember(server, owner, 'MANAGER', { locationIds: [harbour] });
    // Monday evening at each location, and one on Tuesday that Monday's report must leave out.
    await planAt(harbour, 'Harbour evening round', '2026-12-07T18:00:00.000Z');
    await planAt(depot, 'Depot evening round', '2026-12-07T18:00:00.000Z');
    await planAt(harbour, 'Harbour Tuesday round', '2026-12-08T18:00:00.000Z');
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  it('names each field that is wrong, and never a location the caller cannot see', async () => {
    const weekly = await refused(owner, { ...daily, frequency: 'WEEKLY' });
    assert.deepEqual(
      weekly.errors?.map((error) => error.pointer),
      ['/weekday'],
    );
    const zone = await refused(owner, { ...daily, timeZone: 'Mars/Olympus' });
    assert.deepEqual(
      zone.errors?.map((error) => error.pointer),
      ['/timeZone'],
    );
    const hidden = await refused(manager, { ...daily, locationIds: [depot] });
    assert.equal(hidden.type, 'urn:openpatrol:problem:invalid-report-schedule');
    assert.deepEqual(hidden.errors, [
      { in: 'body', pointer: '/locationIds/0', detail: 'is not a location you can see' },
    ]);
    const address = await refused(owner, { ...daily, recipients: ['not an address'] });
    assert.equal(
      address.errors?.some((error) => error.pointer === '/recipients/0'),
      true,
      JSON.stringify(address),
    );
    // Schedules read as a member; API tokens ask for the report itself.
    const byToken = await send('POST', '/api/report-schedules', token, daily);
    assert.equal(byToken.statusCode, 403);
  });

  it('sends at the schedule’s local hour the day before, once, to each recipient', async () => {
    const schedule = await create(owner, { ...daily, locationIds: [harbour] });
    // 07:00 in Kyiv on Tuesday is 05:00 UTC.
    assert.equal(schedule.nextRunAt, '2026-12-08T05:00:00.000Z');
    assert.equal(schedule.memberId, owner.ownerMemberId);

    clock.set(new Date('2026-12-08T04:59:00.000Z'));
    await runWorker();
    assert.equal(reportsReceived().length, 0, 'not before its hour');

    clock.set(new Date('2026-12-08T05:00:30.000Z'));
    await runWorker();
    const received = reportsReceived();
    assert.deepEqual(received.map((message) => message.to).sort(), [
      ['client@harbour.example'],
      ['ops@harbour.example'],
    ]);
    for (const message of received) {
      assert.match(message.data, /Subject: Harbour daily: executions 2026-12-07\r?\n/);
      const csv = attachmentIn(message.data, 'executions_2026-12-07.csv')?.toString();
      assert.ok(csv, 'the CSV is attached');
      // Monday in Kyiv: the Harbour round only (not the Depot's, not Tuesday's).
      assert.match(csv, /Harbour evening round/);
      assert.doesNotMatch(csv, /Depot evening round|Harbour Tuesday round/);
    }
    const after = (
      await send('GET', `/api/report-schedules/${schedule.id}`, owner)
    ).json<ReportSchedule>();
    assert.equal(after.nextRunAt, '2026-12-09T05:00:00.000Z');
    assert.equal(after.lastSentAt, '2026-12-08T05:00:30.000Z');

    // The same period sent again (a job run twice) e-mails no one twice.
    await server.deps.reportSchedulesService.sendReport({
      organizationId: owner.organizationId,
      scheduleId: schedule.id,
      from: '2026-12-06T22:00:00.000Z',
      to: '2026-12-07T22:00:00.000Z',
    });
    assert.equal(reportsReceived().length, 2);
    await send('DELETE', `/api/report-schedules/${schedule.id}`, owner);
  });

  it('makes a Manager’s report with the locations the Manager sees', async () => {
    smtp.received.length = 0;
    clock.set(new Date('2026-12-08T06:00:00.000Z'));
    const schedule = await create(manager, {
      ...daily,
      name: 'My sites',
      hour: 9,
      recipients: ['boss@acme.example'],
    });
    assert.equal(schedule.locationIds, null);
    // The Owner sees it; the Manager does not see the Owner's.
    const ownerList = (await send('GET', '/api/report-schedules', owner)).json<ReportSchedule[]>();
    assert.deepEqual(
      ownerList.map((item) => item.name),
      ['My sites'],
    );
    const mine = await create(owner, { ...daily, name: 'Owner only', recipients: ['o@a.example'] });
    const managerList = (await send('GET', '/api/report-schedules', manager)).json<
      ReportSchedule[]
    >();
    assert.deepEqual(
      managerList.map((item) => item.name),
      ['My sites'],
    );
    assert.equal((await send('GET', `/api/report-schedules/${mine.id}`, manager)).statusCode, 404);
    await send('PATCH', `/api/report-schedules/${mine.id}`, owner, { enabled: false });

    clock.set(new Date('2026-12-08T07:00:00.000Z'));
    await runWorker();
    const [message] = reportsReceived();
    assert.deepEqual(message?.to, ['boss@acme.example']);
    const csv = attachmentIn(message?.data ?? '', 'executions_2026-12-07.csv')?.toString();
    assert.match(csv ?? '', /Harbour evening round/);
    assert.doesNotMatch(csv ?? '', /Depot evening round/);
    assert.equal(reportsReceived().length, 1, 'the disabled schedule sent nothing');
    await send('DELETE', `/api/report-schedules/${schedule.id}`, manager);
    await send('DELETE', `/api/report-schedules/${mine.id}`, owner);
  });

  it('after days without a worker, sends only the latest period, once', async () => {
    smtp.received.length = 0;
    clock.set(new Date('2026-12-08T12:00:00.000Z'));
    const schedule = await create(owner, { ...daily, recipients: ['late@harbour.example'] });
    assert.equal(schedule.nextRunAt, '2026-12-09T05:00:00.000Z');
    clock.set(new Date('2026-12-12T10:00:00.000Z'));
    await runWorker();
    await runWorker();
    const received = reportsReceived();
    assert.equal(received.length, 1);
    // Saturday's report covers Friday 11 December.
    assert.ok(attachmentIn(received[0]!.data, 'executions_2026-12-11.csv'));
    const after = (
      await send('GET', `/api/report-schedules/${schedule.id}`, owner)
    ).json<ReportSchedule>();
    assert.equal(after.nextRunAt, '2026-12-13T05:00:00.000Z');
    await send('DELETE', `/api/report-schedules/${schedule.id}`, owner);
  });

  it('changes and stops a schedule; a report as a PDF; an archived member’s schedule says why it stopped', async () => {
    smtp.received.length = 0;
    clock.set(new Date('2026-12-08T12:00:00.000Z'));
    const schedule = await create(manager, {
      ...daily,
      name: 'Weekly PDF',
      recipients: ['w@a.example'],
    });
    const weekly = await send('PATCH', `/api/report-schedules/${schedule.id}`, manager, {
      frequency: 'WEEKLY',
      weekday: 1,
      hour: 8,
      format: 'pdf',
    });
    assert.equal(weekly.statusCode, 200, weekly.body);
    // Next Monday, 14 December, 08:00 in Kyiv.
    assert.equal(weekly.json<ReportSchedule>().nextRunAt, '2026-12-14T06:00:00.000Z');
    const noWeekday = await send('PATCH', `/api/report-schedules/${schedule.id}`, manager, {
      weekday: null,
    });
    assert.equal(noWeekday.statusCode, 400);
    assert.equal(noWeekday.json<Problem>().errors?.[0]?.pointer, '/weekday');

    clock.set(new Date('2026-12-14T06:00:10.000Z'));
    await runWorker();
    const [pdfMail] = reportsReceived();
    const pdf = attachmentIn(pdfMail?.data ?? '', 'executions_2026-12-07_2026-12-13.pdf');
    assert.equal(pdf?.subarray(0, 5).toString(), '%PDF-');

    const archived = await send('POST', `/api/users/${manager.user.id}/archive`, owner);
    assert.equal(archived.statusCode, 200, archived.body);
    clock.set(new Date('2026-12-21T06:00:10.000Z'));
    await runWorker();
    assert.equal(reportsReceived().length, 1, 'nothing sent for an archived member');
    const stopped = (
      await send('GET', `/api/report-schedules/${schedule.id}`, owner)
    ).json<ReportSchedule>();
    assert.match(stopped.lastError ?? '', /member is archived/);

    assert.equal(
      (await send('DELETE', `/api/report-schedules/${schedule.id}`, owner)).statusCode,
      204,
    );
    assert.equal(
      (await send('GET', `/api/report-schedules/${schedule.id}`, owner)).statusCode,
      404,
    );
    assert.equal(
      (await send('DELETE', `/api/report-schedules/${randomUUID()}`, owner)).statusCode,
      404,
    );
  });
});
