import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { verifyWebhookSignature } from '@openpatrol/api-client';
import type { Page } from 'playwright-core';
import { startMailCapture, type MailCapture } from './mail-capture.js';
import {
  launchBrowser,
  screenshotPath,
  startServer,
  type Browser,
  type RunningServer,
} from './support.js';

// The admin app's integration screens (issues 7 and 9) against the real CLI: webhooks to a real
// local receiver, alert rules and the inbox, issues, reports and the calendar feed.

const owner = {
  firstName: 'Olena',
  lastName: 'Kovalenko',
  email: 'olena@northwind.example',
  password: 'Harbour-Night-Shift-42',
};
const TIME_ZONE = 'Europe/Kyiv';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly event: { type: string; data: { id?: string } };
}

/** A webhook receiver on loopback: records every delivery, answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        headers: request.headers,
        body,
        event: JSON.parse(body) as Received['event'],
      });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/openpatrol`,
    received,
    /** The deliveries of one event type, once there are at least `count` of them. */
    async waitFor(type: string, count = 1, timeoutMs = 15_000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter((delivery) => delivery.event.type === type);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(`${count} × ${type} not received within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `YYYY-MM-DD` of a day in the location's zone, `offsetDays` from today. */
function dayInZone(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/** RFC 4180 rows, enough for the report (quoted fields may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('the admin app’s issues, alerts, webhooks and reports in a browser', () => {
  let server: RunningServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let mail: MailCapture;
  let browser: Browser;
  let page: Page;
  let ownerId = '';
  let locationId = '';
  let webhookSecret = '';
  /** The External API as an integrator calls it, for setting things up and checking results. */
  let asToken: <T>(
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: T }>;

  const navigation = () => page.getByRole('navigation', { name: 'Main navigation' });

  before(async () => {
    receiver = await startReceiver();
    mail = await startMailCapture();
    server = await startServer(
      { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', SMTP_URL: mail.url },
      { apps: ['admin'] },
    );

    const signUp = await fetch(`${server.url}/api/session/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organizationName: 'Northwind Security', owner }),
    });
    assert.equal(signUp.status, 201, await signUp.clone().text());
    const session = (await signUp.json()) as { csrfToken: string; memberId?: string };
    const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
    const tokenAnswer = await fetch(`${server.url}/api/api-tokens`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Checks' }),
    });
    assert.equal(tokenAnswer.status, 201);
    const { token } = (await tokenAnswer.json()) as { token: string };
    asToken = async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    };

    const location = await asToken<{ id: string }>('POST', '/locations', {
      name: 'Riverside Warehouse',
      timeZone: TIME_ZONE,
    });
    assert.equal(location.status, 201);
    locationId = location.body.id;
    const users = await asToken<{ id: string; role: string }[]>('GET', '/users');
    ownerId = users.body.find((user) => user.role === 'OWNER')!.id;

    browser = await launchBrowser(server.url);
    browser.context.setDefaultTimeout(10_000);
    page = await browser.context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByRole('textbox', { name: /^Password/ }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
    await mail?.close();
  });

  it('adds a webhook whose signed test event reaches the receiver, shows it in the log and redelivers it', async () => {
    await navigation().getByRole('button', { name: 'Management' }).click();
    await navigation().getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/management\/webhooks$/);
    await page.getByText('No webhooks yet').waitFor();

    await page.getByRole('button', { name: 'Add webhook' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByLabel('Description').fill('CRM receiver');
    await dialog.getByRole('checkbox', { name: /issue\.created/ }).check();
    await dialog.getByRole('checkbox', { name: /alert\.raised/ }).check();
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.waitFor({ state: 'hidden' });

    webhookSecret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    assert.match(webhookSecret, /^whsec_/);
    const [stored] = (await asToken<{ url: string; eventTypes: string[] }[]>('GET', '/webhooks'))
      .body;
    assert.equal(stored?.url, receiver.url);
    assert.deepEqual([...(stored?.eventTypes ?? [])].sort(), ['alert.raised', 'issue.created']);
    await page.screenshot({ path: screenshotPath('webhooks'), fullPage: true });

    await page.getByRole('row', { name: /CRM receiver/ }).click();
    await page.waitForURL(/\/management\/webhooks\/[0-9a-f-]{36}$/);
    await page.getByText('Nothing delivered yet').waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();

    const [test] = await receiver.waitFor('webhook.test');
    assert.ok(test);
    assert.equal(
      await verifyWebhookSignature({
        secret: webhookSecret,
        headers: test.headers,
        body: test.body,
      }),
      true,
      'the delivery verifies with the secret shown once',
    );
    assert.equal(
      await verifyWebhookSignature({
        secret: `whsec_${Buffer.from('another secret').toString('base64')}`,
        headers: test.headers,
        body: test.body,
      }),
      false,
    );

    const row = page.getByRole('row', { name: /webhook\.test/ });
    await row.getByText('Delivered').waitFor();
    assert.equal(await row.getByTestId('delivery-response').textContent(), '200');
    await page.screenshot({ path: screenshotPath('webhook-deliveries'), fullPage: true });

    await row.getByRole('button', { name: 'Redeliver' }).click();
    const tests = await receiver.waitFor('webhook.test', 2);
    assert.equal(
      tests[1]?.headers['webhook-id'],
      test.headers['webhook-id'],
      'a redelivery carries the same event id',
    );
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await row.getByText('Delivered').waitFor();

    // A rotated secret signs what is sent next; the old one no longer verifies.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page
      .getByRole('dialog', { name: 'Rotate the signing secret?' })
      .getByRole('button', { name: 'Rotate secret' })
      .click();
    await page.getByText('Secret rotated: copy the new one now').waitFor();
    const rotatedSecret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    assert.match(rotatedSecret, /^whsec_/);
    assert.notEqual(rotatedSecret, webhookSecret);
    await page.getByRole('button', { name: 'Send test event' }).click();
    const afterRotation = (await receiver.waitFor('webhook.test', 3))[2]!;
    const verifies = (secret: string) =>
      verifyWebhookSignature({ secret, headers: afterRotation.headers, body: afterRotation.body });
    assert.equal(await verifies(rotatedSecret), true);
    assert.equal(await verifies(webhookSecret), false);
    webhookSecret = rotatedSecret;
  });

  it('creates a panic alert rule that tells the Owner at once', async () => {
    await navigation().getByRole('link', { name: 'Alert rules' }).click();
    await page.waitForURL(/\/management\/alert-rules$/);
    await page.getByText('No alert rules yet').waitFor();
    await page.getByRole('button', { name: 'New rule' }).first().click();

    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Name').fill('Panic at the warehouse');
    await dialog.getByRole('combobox', { name: 'When' }).click();
    await page.getByRole('option', { name: 'Panic button' }).click();
    await dialog.getByRole('combobox', { name: 'Locations' }).click();
    await page.getByRole('option', { name: 'Riverside Warehouse' }).click();
    await dialog.getByRole('combobox', { name: 'Step 1: tell' }).click();
    await page.getByRole('option', { name: /Olena Kovalenko/ }).click();
    await dialog.getByRole('heading', { name: 'New alert rule' }).click();
    await page.screenshot({ path: screenshotPath('alert-rule-dialog') });
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /Panic at the warehouse/ })
      .getByText('Active')
      .waitFor();
    await page.screenshot({ path: screenshotPath('alert-rules'), fullPage: true });

    const rules = await asToken<
      { name: string; trigger: string; locationIds: string[] | null; escalation: unknown }[]
    >('GET', '/alert-rules');
    assert.deepEqual(
      rules.body.map(({ name, trigger, locationIds, escalation }) => ({
        name,
        trigger,
        locationIds,
        escalation,
      })),
      [
        {
          name: 'Panic at the warehouse',
          trigger: 'PANIC',
          locationIds: [locationId],
          escalation: [{ afterMinutes: 0, memberIds: [ownerId] }],
        },
      ],
    );
  });

  it('shows a panic in the inbox with the open count, and acknowledges it', async () => {
    // A panic comes from a member in the field: the Owner's own session raises it here.
    const session = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
      csrfToken: string;
    };
    const panic = await page.request.post(`${server.url}/api/alerts/panic`, {
      data: { locationId, message: 'Intruder at the loading bay' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    assert.equal(panic.status(), 201);
    const [raised] = (await panic.json()) as { id: string }[];
    assert.ok(raised);

    await navigation()
      .getByRole('link', { name: /Alerts/ })
      .click();
    await page.waitForURL(/\/alerts$/);
    await page.reload();
    await page.getByTestId('open-alerts-badge').filter({ hasText: '1' }).waitFor();
    const card = page.getByRole('listitem', { name: 'PANIC: Olena Kovalenko' });
    await card.getByText('Intruder at the loading bay').waitFor();
    await card.getByText('Riverside Warehouse').waitFor();
    await card.getByText(TIME_ZONE).waitFor();
    await page.screenshot({ path: screenshotPath('alerts'), fullPage: true });

    // The alert went to the webhook too, signed like every delivery.
    const [alertEvent] = await receiver.waitFor('alert.raised');
    assert.ok(alertEvent);
    assert.equal(
      await verifyWebhookSignature({
        secret: webhookSecret,
        headers: alertEvent.headers,
        body: alertEvent.body,
      }),
      true,
    );

    await card.getByRole('button', { name: 'Acknowledge PANIC: Olena Kovalenko' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByText('No open alerts').waitFor();
    await page.getByTestId('open-alerts-badge').waitFor({ state: 'detached' });

    const alerts = await asToken<{ id: string; status: string; acknowledgedBy: string }[]>(
      'GET',
      '/alerts',
    );
    const acknowledged = alerts.body.find((alert) => alert.id === raised.id);
    assert.equal(acknowledged?.status, 'ACKNOWLEDGED');
    assert.equal(acknowledged?.acknowledgedBy, ownerId);
  });

  it('moves an issue reported through the API on, with a comment', async () => {
    const reported = await asToken<{ id: string; number: number }>('POST', '/issues', {
      locationId,
      category: 'INTRUSION',
      severity: 'HIGH',
      title: 'Cut in the fence',
      description: 'A hole about a metre wide next to the north gate.',
      position: { latitude: 50.4501, longitude: 30.5234, accuracyInMeters: 8 },
    });
    assert.equal(reported.status, 201);
    const [created] = await receiver.waitFor('issue.created');
    assert.equal(created?.event.data.id, reported.body.id);

    await navigation().getByRole('link', { name: 'Issues' }).click();
    await page.waitForURL(/\/issues$/);
    const row = page.getByRole('row', { name: /Cut in the fence/ });
    await row.getByText('High').waitFor();
    await row.getByText('Open').waitFor();
    await page.screenshot({ path: screenshotPath('issues'), fullPage: true });

    const search = page.getByRole('textbox', { name: 'Search' });
    await search.fill('no such words');
    await page.getByText('No issue matches these filters').waitFor();
    await search.fill(`#${reported.body.number}`);
    await page.waitForURL(/search=/);
    await row.waitFor();

    await row.click();
    await page.waitForURL(new RegExp(`/issues/${reported.body.id}$`));
    await page
      .getByRole('heading', { name: `#${reported.body.number} Cut in the fence` })
      .waitFor();
    await page.getByText('50.450100, 30.523400 (±8 m)').waitFor();
    await page.getByRole('radio', { name: /^Acknowledge/ }).check();
    await page.getByLabel('Comment', { exact: true }).fill('Patrol car on its way.');
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByTestId('issue-status').filter({ hasText: 'Acknowledged' }).waitFor();
    await page.getByText('Patrol car on its way.').waitFor();
    await page.screenshot({ path: screenshotPath('issue'), fullPage: true });

    const issue = await asToken<{
      status: string;
      acknowledgedBy: string | null;
      comments: { body: string | null; statusChange: string | null; authorMemberId: string }[];
    }>('GET', `/issues/${reported.body.id}`);
    assert.equal(issue.body.status, 'ACKNOWLEDGED');
    assert.equal(issue.body.acknowledgedBy, ownerId);
    assert.deepEqual(issue.body.comments, [
      {
        ...issue.body.comments[0],
        body: 'Patrol car on its way.',
        statusChange: 'ACKNOWLEDGED',
        authorMemberId: ownerId,
      },
    ]);
  });

  it('downloads the executions report as CSV with one row per execution', async () => {
    const plan = async (name: string, startInMinutes: number) => {
      const startAt = new Date(Date.now() + startInMinutes * 60_000);
      const answer = await asToken<{ id: string }>('POST', '/task-executions', {
        assigneeIds: [ownerId],
        locationId,
        name,
        description: null,
        recurrence: null,
        startAt: startAt.toISOString(),
        endAt: new Date(startAt.getTime() + 3_600_000).toISOString(),
        priority: 'NORMAL',
        orderStepsRequired: false,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps: [],
        published: true,
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return answer.body.id;
    };
    const planned = new Map([
      [await plan('Evening round', 10), 'Evening round'],
      [await plan('Night round', 60), 'Night round'],
    ]);

    await navigation().getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByLabel('First day').fill(dayInZone(-1));
    await page.getByLabel('Last day').fill(dayInZone(1));
    await page.getByRole('combobox', { name: 'Locations' }).click();
    await page.getByRole('option', { name: 'Riverside Warehouse' }).click();
    await page.getByRole('heading', { name: 'Executions report' }).click();
    await page.getByTestId('report-period').filter({ hasText: 'overlaps' }).waitFor();
    await page.screenshot({ path: screenshotPath('reports'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^executions_.*\.csv$/);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text).filter((row) => row.some((cell) => cell !== ''));
    assert.ok(header);
    const column = (name: string) => header.indexOf(name);
    assert.deepEqual(
      new Map(rows.map((row) => [row[column('Execution')], row[column('Task')]])),
      planned,
    );
    for (const row of rows) {
      assert.equal(row[column('Location')], 'Riverside Warehouse');
      assert.equal(row[column('Time zone')], TIME_ZONE);
      assert.equal(row[column('State')], 'PLANNED');
    }
  });

  it('creates, uses and revokes a private calendar link on the profile', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await page.waitForURL(/\/profile$/);
    await page.getByRole('button', { name: 'Create calendar link' }).click();
    const url = (await page.getByTestId('calendar-feed-url').textContent()) ?? '';
    const feedPath = new URL(url).pathname;
    const feed = await fetch(`${server.url}${feedPath}`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.match(await feed.text(), /BEGIN:VCALENDAR[\s\S]*Evening round/);

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke the calendar link?' })
      .getByRole('button', { name: 'Revoke link' })
      .click();
    await page.getByRole('button', { name: 'Create calendar link' }).waitFor();
    assert.equal((await fetch(`${server.url}${feedPath}`)).status, 404);
  });

  it('gives a Manager the inbox, issues and reports of their locations, but not webhooks or alert rules', async () => {
    const airport = await asToken<{ id: string }>('POST', '/locations', {
      name: 'Airport Terminal B',
      timeZone: 'UTC',
    });
    assert.equal(airport.status, 201);
    const invited = await asToken('POST', '/users', {
      firstName: 'Marta',
      lastName: 'Shevchenko',
      email: 'marta@northwind.example',
      role: 'MANAGER',
      locationIds: [airport.body.id],
    });
    assert.equal(invited.status, 201);
    const invitation = await mail.waitForMail('marta@northwind.example');
    const token = /\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1];
    assert.ok(token, 'the invitation e-mail carries a link with a token');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${server.url}/invitations/accept?token=${token}`);
    await page.getByRole('textbox', { name: /^Password/ }).fill('Terminal-B-Night-Rounds');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(`${server.url}/`);

    await navigation().getByRole('link', { name: 'Reports' }).waitFor();
    assert.equal(await navigation().getByRole('button', { name: 'Management' }).count(), 0);
    await navigation().getByRole('link', { name: 'Issues' }).click();
    // The Riverside issue is at a location the Manager does not see.
    await page.getByText('No issues reported').waitFor();
    await navigation()
      .getByRole('link', { name: /Alerts/ })
      .click();
    await page.getByText('No open alerts').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Alert rules' }).count(), 0);
    await page.goto(`${server.url}/management/webhooks`);
    await page.getByText('Owners and Admins manage webhooks').waitFor();
  });
});
