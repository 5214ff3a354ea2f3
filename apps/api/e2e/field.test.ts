import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { writeQrCodeVideo, writeTestPhoto } from './fake-camera.js';
import { startMailCapture, type MailCapture } from './mail-capture.js';
import {
  launchBrowser,
  screenshotPath,
  startServer,
  type Browser,
  type RunningServer,
} from './support.js';

const PHONE = { width: 360, height: 740 };
const OWNER_PASSWORD = 'Harbour-Night-Shift-42';
const USER = { email: 'taras@northwind.example', password: 'Night-Rounds-2026!' };
const GUARDS = [
  { memberNumber: '1001', pin: '4821', firstName: 'Ivan' },
  { memberNumber: '1002', pin: '7315', firstName: 'Petro' },
];

interface ApiAnswer<T> {
  status: number;
  body: T;
}
type Json = Record<string, unknown>;

/** The API as an integrator or the admin app calls it: a session cookie with its CSRF token, or a token. */
function apiClient(baseUrl: string, headers: Record<string, string>) {
  return async <T = Json>(method: string, url: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${baseUrl}/api${url}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

function expectStatus<T>(answer: ApiAnswer<T>, status: number, what: string): T {
  assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

interface ExecutionInfo {
  id: string;
  state: string;
  performerId: string | null;
  notes: string | null;
  seenStates: { assigneeId: string; seen: boolean }[];
  missingRequiredValuesCount: number | null;
  steps: {
    state: string | null;
    actions: {
      name: string;
      type: string;
      state: string | null;
      booleanValue: boolean | null;
      numberValue: number | null;
      textValue: string | null;
      mediaValueIds: string[] | null;
      hasMedia: boolean | null;
    }[];
  }[];
}

interface ExecutionEvent {
  id: string;
  type: string;
  actorMemberId: string | null;
  deviceTime: string | null;
  payload: Json;
}

const actionsByName = (execution: ExecutionInfo) =>
  new Map(execution.steps.flatMap((step) => step.actions).map((action) => [action.name, action]));

/** The region of one checklist item on the execution screen. */
const actionRegion = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Waits until the phone's queue is empty: everything recorded has reached the server. */
async function waitUntilSynced(page: Page) {
  await page
    .getByTestId('sync-status')
    .filter({ hasText: /^(Synced|Up to date)/ })
    .waitFor();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflows = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
  assert.equal(overflows, false, 'nothing is wider than the phone screen');
}

describe('the field app on a phone', () => {
  let server: RunningServer;
  let mail: MailCapture;
  let browser: Browser;
  let page: Page;
  let workDirectory: string;
  let asOwner: ReturnType<typeof apiClient>;
  let asToken: ReturnType<typeof apiClient>;
  let locationId: string;
  let gate: { id: string; qrCode: string };
  let yard: { id: string; qrCode: string };
  let userId: string;
  const guardIds: string[] = [];
  const executions: Record<'full' | 'offline' | 'guard', string> = {
    full: '',
    offline: '',
    guard: '',
  };
  let photoPath: string;
  let secondPhotoPath: string;

  const window = () => {
    const now = Date.now();
    return {
      startAt: new Date(now - 5 * 60_000).toISOString(),
      endAt: new Date(now + 3 * 3_600_000).toISOString(),
    };
  };

  async function planTask(name: string, assigneeIds: string[], steps: Json[]): Promise<string> {
    const execution = expectStatus(
      await asOwner<ExecutionInfo>('POST', '/task-executions', {
        assigneeIds,
        locationId,
        name,
        description: null,
        recurrence: null,
        ...window(),
        priority: 'HIGH',
        orderStepsRequired: true,
        strictTimeRequired: false,
        deadlined: false,
        tags: [],
        steps,
        published: true,
      }),
      201,
      `planning "${name}"`,
    );
    return execution.id;
  }

  async function readExecution(id: string): Promise<ExecutionInfo> {
    return expectStatus(
      await asToken<ExecutionInfo>('GET', `/task-executions/${id}`),
      200,
      'reading',
    );
  }

  before(async () => {
    workDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-field-'));
    mail = await startMailCapture();
    server = await startServer({ SMTP_URL: mail.url }, { apps: ['field'] });

    // The organization, its Owner and an API token, through the API as an integrator would.
    const signUp = await fetch(`${server.url}/api/session/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationName: 'Northwind Security',
        timeZone: 'Europe/Kyiv',
        owner: {
          firstName: 'Olena',
          lastName: 'Kovalenko',
          email: 'olena@northwind.example',
          password: OWNER_PASSWORD,
        },
      }),
    });
    assert.equal(signUp.status, 201, await signUp.clone().text());
    const ownerSession = (await signUp.json()) as { csrfToken: string };
    const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
    asOwner = apiClient(server.url, { cookie, 'x-csrf-token': ownerSession.csrfToken });
    const { token } = expectStatus(
      await asOwner<{ token: string }>('POST', '/api-tokens', { name: 'Field test' }),
      201,
      'creating a token',
    );
    asToken = apiClient(server.url, { authorization: `Bearer ${token}` });

    locationId = expectStatus(
      await asOwner<{ id: string }>('POST', '/locations', {
        name: 'Riverside warehouse',
        timeZone: 'Europe/Kyiv',
        latitude: 50.4501,
        longitude: 30.5234,
      }),
      201,
      'creating a location',
    ).id;
    const createPoint = async (body: Json) =>
      expectStatus(
        await asOwner<{ id: string; qrCode: string }>('POST', '/points', { locationId, ...body }),
        201,
        'creating a point',
      );
    gate = await createPoint({
      name: 'North gate',
      latitude: 50.4501,
      longitude: 30.5234,
      radiusMeters: 50,
      onDemandCheckIns: 'ALL_MEMBERS',
      defaultActions: [{ name: 'Gate closed', type: 'BOOLEAN', order: 0, required: true }],
    });
    yard = await createPoint({ name: 'Loading yard' });
    assert.match(gate.qrCode, /^op1:/, 'the Owner reads the point’s QR payload');

    // A User with their own account: invited by e-mail, password set by accepting.
    userId = expectStatus(
      await asOwner<{ id: string }>('POST', '/users', {
        firstName: 'Taras',
        lastName: 'Bondar',
        email: USER.email,
        role: 'USER',
        locationIds: [locationId],
      }),
      201,
      'inviting the user',
    ).id;
    const invitation = await mail.waitForMail(USER.email);
    const invitationToken = /token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1];
    assert.ok(invitationToken, 'the invitation carries a link');
    expectStatus(
      await apiClient(server.url, {})('POST', '/invitations/accept', {
        token: invitationToken,
        password: USER.password,
      }),
      200,
      'accepting the invitation',
    );
    for (const guard of GUARDS)
      guardIds.push(
        expectStatus(
          await asOwner<{ id: string }>('POST', '/users', {
            firstName: guard.firstName,
            lastName: 'Guard',
            role: 'GUARD',
            memberNumber: guard.memberNumber,
            pin: guard.pin,
            locationIds: [locationId],
          }),
          201,
          'creating a guard',
        ).id,
      );

    executions.full = await planTask(
      'Night round',
      [userId],
      [
        {
          pointId: gate.id,
          name: 'North gate',
          order: 0,
          actions: [
            { name: 'Gate locked', type: 'BOOLEAN', order: 0, required: true },
            {
              name: 'Temperature',
              type: 'NUMBER',
              order: 1,
              required: true,
              minValue: 15,
              maxValue: 30,
            },
            {
              name: 'Seal number',
              type: 'TEXT',
              order: 2,
              required: true,
              maxLength: 10,
              regex: '[A-Z]{2}-\\d{4}',
            },
            {
              name: 'Lights',
              type: 'SELECT',
              order: 3,
              required: true,
              options: [{ value: 'On' }, { value: 'Off' }],
            },
            {
              name: 'Checked',
              type: 'MULTISELECT',
              order: 4,
              required: true,
              options: [{ value: 'Doors' }, { value: 'Windows' }, { value: 'Alarm' }],
            },
            {
              name: 'Photo of the gate',
              type: 'MEDIA',
              order: 5,
              required: true,
              cameraOnly: true,
            },
            {
              name: 'Lock the gate when you leave',
              type: 'INSTRUCTION',
              order: 6,
              required: false,
              description: 'Turn the key twice.',
            },
          ],
        },
      ],
    );
    executions.offline = await planTask(
      'Offline round',
      [userId],
      [
        {
          pointId: gate.id,
          name: 'North gate',
          order: 0,
          actions: [
            { name: 'Fence intact', type: 'BOOLEAN', order: 0, required: true },
            { name: 'Pressure', type: 'NUMBER', order: 1, required: true },
            { name: 'Remarks', type: 'TEXT', order: 2, required: true },
            { name: 'Photo of the fence', type: 'MEDIA', order: 3, required: true },
            { name: 'Tag number', type: 'TEXT', order: 4, required: false, regex: '\\d{4}' },
          ],
        },
      ],
    );
    executions.guard = await planTask(
      'Gatehouse round',
      [guardIds[0]!],
      [
        {
          pointId: yard.id,
          name: 'Loading yard',
          order: 0,
          actions: [{ name: 'Yard empty', type: 'BOOLEAN', order: 0, required: true }],
        },
      ],
    );

    const video = path.join(workDirectory, 'north-gate.y4m');
    writeQrCodeVideo(video, gate.qrCode);
    photoPath = path.join(workDirectory, 'gate.png');
    writeTestPhoto(photoPath, 1);
    secondPhotoPath = path.join(workDirectory, 'fence.png');
    writeTestPhoto(secondPhotoPath, 2);

    browser = await launchBrowser(server.url, {
      viewport: PHONE,
      isMobile: true,
      permissions: ['camera', 'geolocation'],
      args: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    browser.context.setDefaultTimeout(15_000);
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
    if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
  });

  it('a user signs in, scans the point, answers every action type with a photo and finishes', async () => {
    await page.goto(`${server.url}/field/`);
    await page.getByLabel('E-mail').fill(USER.email);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    const card = page.getByRole('link', { name: /Night round/ });
    await card.waitFor();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screenshotPath('field-today') });
    await card.click();

    await page.getByRole('heading', { name: 'Night round' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('execution-state').filter({ hasText: 'In progress' }).waitFor();

    // A wrong code is refused in the server's words, and nothing is recorded.
    await page.getByRole('button', { name: 'Enter code' }).click();
    await page.getByLabel('Code printed under the QR code').fill('op1:not-this-point');
    await page.getByRole('button', { name: 'Check in with the code' }).click();
    await page
      .getByTestId('check-in-problem')
      .filter({ hasText: /not the code of this step/ })
      .waitFor();

    // The camera films the point's sticker: jsQR reads it and the step is checked in.
    await page.getByRole('button', { name: 'Scan QR code' }).click();
    await page.getByText('Checked in', { exact: true }).waitFor();

    const saved = async (name: string) =>
      actionRegion(page, name)
        .getByTestId('action-feedback')
        .filter({ hasText: /^Saved$/ })
        .waitFor();

    await actionRegion(page, 'Gate locked').getByRole('button', { name: 'Yes' }).click();
    await saved('Gate locked');

    await actionRegion(page, 'Temperature').getByLabel(/Value/).fill('21.5');
    await actionRegion(page, 'Temperature').getByRole('button', { name: 'Save' }).click();
    await saved('Temperature');

    // The form checks the text format before sending (the plan gives it the action's rules).
    const seal = actionRegion(page, 'Seal number');
    await seal.getByLabel('Answer').fill('nope');
    await seal.getByRole('button', { name: 'Save' }).click();
    await seal.getByText(/does not match the expected format/i).waitFor();
    await seal.getByLabel('Answer').fill('AB-1234');
    await seal.getByRole('button', { name: 'Save' }).click();
    await saved('Seal number');

    // Choices are buttons and boxes, from the plan.
    await actionRegion(page, 'Lights').getByRole('button', { name: 'On', exact: true }).click();
    await saved('Lights');

    await actionRegion(page, 'Checked').getByLabel('Doors').check();
    await actionRegion(page, 'Checked').getByLabel('Windows').check();
    await actionRegion(page, 'Checked').getByRole('button', { name: 'Save' }).click();
    await saved('Checked');

    await actionRegion(page, 'Photo of the gate')
      .getByTestId('take-photo')
      .setInputFiles(photoPath);
    await saved('Photo of the gate');
    await actionRegion(page, 'Photo of the gate')
      .getByRole('img', { name: /photo 1/ })
      .waitFor();

    await page.getByLabel('Notes').fill('All quiet at the north gate.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Saved', { exact: true }).last().waitFor();

    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screenshotPath('field-execution'), fullPage: true });
    // Night shifts: the theme follows the phone, or the performer's choice.
    await page.getByRole('button', { name: 'Theme: system' }).click();
    assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'dark');
    await page.screenshot({ path: screenshotPath('field-execution-dark') });
    await page.getByRole('button', { name: 'Theme: dark' }).click();
    await page.getByRole('button', { name: 'Theme: light' }).click();
    await page.getByRole('button', { name: 'Finish…' }).click();
    await page.getByTestId('finish-summary').getByText('Everything is done').waitFor();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByTestId('execution-state').filter({ hasText: 'Completed' }).waitFor();
    await waitUntilSynced(page);

    // The integrator's view: every value, as recorded on the phone.
    const execution = await readExecution(executions.full);
    assert.equal(execution.state, 'COMPLETED');
    assert.equal(execution.performerId, userId);
    assert.equal(execution.notes, 'All quiet at the north gate.');
    assert.equal(execution.missingRequiredValuesCount, 0);
    assert.equal(execution.seenStates.find((state) => state.assigneeId === userId)?.seen, true);
    assert.equal(execution.steps[0]?.state, 'CHECKED_IN');
    const actions = actionsByName(execution);
    assert.equal(actions.get('Gate locked')?.booleanValue, true);
    assert.equal(actions.get('Temperature')?.numberValue, 21.5);
    assert.equal(actions.get('Seal number')?.textValue, 'AB-1234');
    assert.equal(actions.get('Lights')?.textValue, 'On');
    assert.equal(actions.get('Checked')?.textValue, 'Doors\nWindows');
    const photo = actions.get('Photo of the gate');
    assert.equal(photo?.hasMedia, true);
    assert.equal(photo?.mediaValueIds?.length, 1);
    const media = expectStatus(
      await asToken<{ capture: string; contentType: string }>(
        'GET',
        `/media/${photo.mediaValueIds[0]}/info`,
      ),
      200,
      'reading the photo',
    );
    assert.deepEqual(media, { ...media, capture: 'CAMERA', contentType: 'image/png' });
    assert.equal(actions.get('Lock the gate when you leave')?.state, null);

    const events = expectStatus(
      await asToken<ExecutionEvent[]>('GET', `/task-executions/${executions.full}/events`),
      200,
      'reading the log',
    );
    const checkIn = events.find((event) => event.type === 'CHECKED_IN');
    assert.equal(checkIn?.payload.method, 'QR', 'the step was checked in with the camera');
    assert.ok(
      events.every((event) => event.deviceTime !== null),
      'every write carries device time',
    );
    assert.deepEqual(browser.outsideRequests, []);
  });

  it('works offline: values and a photo survive a reload and reach the server once', async () => {
    // The service worker must hold the app before the network goes away.
    await page.goto(`${server.url}/field/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    await page.getByRole('link', { name: /Offline round/ }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('execution-state').filter({ hasText: 'In progress' }).waitFor();
    await page.getByRole('button', { name: 'Scan QR code' }).click();
    await page.getByText('Checked in', { exact: true }).waitFor();
    await waitUntilSynced(page);

    await browser.context.setOffline(true);
    const savedOnPhone = (name: string) =>
      actionRegion(page, name)
        .getByTestId('action-feedback')
        .filter({ hasText: /Saved on this phone/ })
        .waitFor();
    await actionRegion(page, 'Fence intact').getByRole('button', { name: 'No' }).click();
    await savedOnPhone('Fence intact');
    await actionRegion(page, 'Pressure').getByLabel(/Value/).fill('7.25');
    await actionRegion(page, 'Pressure').getByRole('button', { name: 'Save' }).click();
    await savedOnPhone('Pressure');
    await actionRegion(page, 'Remarks').getByLabel('Answer').fill('Hole near post 14');
    await actionRegion(page, 'Remarks').getByRole('button', { name: 'Save' }).click();
    await savedOnPhone('Remarks');
    await actionRegion(page, 'Photo of the fence')
      .getByTestId('take-photo')
      .setInputFiles(secondPhotoPath);
    await savedOnPhone('Photo of the fence');
    // The plan is on the phone: a wrong format is caught offline too, and nothing is queued.
    await actionRegion(page, 'Tag number').getByLabel('Answer').fill('abc');
    await actionRegion(page, 'Tag number').getByRole('button', { name: 'Save' }).click();
    await actionRegion(page, 'Tag number')
      .getByText(/does not match the expected format/i)
      .waitFor();
    await page.getByTestId('sync-status').filter({ hasText: 'Offline · 4 to send' }).waitFor();

    // Reloading without a network: the service worker serves the app, IndexedDB the work.
    await page.reload();
    await page.getByRole('heading', { name: 'Offline round' }).waitFor();
    await page.getByTestId('sync-status').filter({ hasText: 'Offline · 4 to send' }).waitFor();
    assert.equal(
      await actionRegion(page, 'Pressure').getByLabel(/Value/).inputValue(),
      '7.25',
      'the recorded value is still shown',
    );
    assert.equal(
      await actionRegion(page, 'Remarks').getByLabel('Answer').inputValue(),
      'Hole near post 14',
    );
    await actionRegion(page, 'Fence intact')
      .getByRole('button', { name: 'No', pressed: true })
      .waitFor();
    await actionRegion(page, 'Photo of the fence')
      .getByRole('img', { name: /photo 1/ })
      .waitFor();
    await page.screenshot({ path: screenshotPath('field-offline'), fullPage: true });

    await page.getByRole('button', { name: 'Finish…' }).click();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByTestId('execution-state').filter({ hasText: 'Completed' }).waitFor();
    await page.getByTestId('sync-status').filter({ hasText: 'Offline · 5 to send' }).waitFor();

    // Back online: the queue empties by itself.
    await browser.context.setOffline(false);
    await page
      .getByTestId('sync-status')
      .filter({ hasText: /^Synced/ })
      .waitFor();

    const execution = await readExecution(executions.offline);
    assert.equal(execution.state, 'COMPLETED');
    const actions = actionsByName(execution);
    assert.equal(actions.get('Fence intact')?.booleanValue, false);
    assert.equal(actions.get('Pressure')?.numberValue, 7.25);
    assert.equal(actions.get('Remarks')?.textValue, 'Hole near post 14');
    assert.equal(actions.get('Photo of the fence')?.mediaValueIds?.length, 1);

    // Sending again changes nothing: every write is in the log exactly once.
    await page.getByRole('navigation').getByRole('link', { name: /^Sync/ }).click();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByTestId('queue-pending').filter({ hasText: '0' }).waitFor();
    assert.equal(await page.getByTestId('refused-write').count(), 0);
    const events = expectStatus(
      await asToken<ExecutionEvent[]>('GET', `/task-executions/${executions.offline}/events`),
      200,
      'reading the log',
    );
    const count = (type: string) => events.filter((event) => event.type === type).length;
    assert.equal(count('VALUE_RECORDED'), 4, JSON.stringify(events.map((event) => event.type)));
    assert.equal(count('STARTED'), 1);
    assert.equal(count('CHECKED_IN'), 1);
    assert.equal(count('FINISHED'), 1);
    assert.equal(new Set(events.map((event) => event.id)).size, events.length);
    const recordedOffline = events.filter((event) => event.type === 'VALUE_RECORDED');
    assert.ok(
      recordedOffline.every((event) => event.deviceTime !== null),
      'offline writes keep the time they were made',
    );
    assert.deepEqual(browser.outsideRequests, []);
  });

  it('checks in on demand at a point and reports an issue with a photo and the position', async () => {
    await page.goto(`${server.url}/field/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Check in' }).click();
    await page.getByLabel('Point').selectOption({ label: 'North gate · Riverside warehouse' });
    // By GPS this time: the phone shows how far the point is before checking in.
    await browser.context.setGeolocation({ latitude: 50.4502, longitude: 30.5236, accuracy: 12 });
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page
      .getByTestId('gps-distance')
      .filter({ hasText: /You are 18 m from the point/ })
      .waitFor();
    await page.getByRole('button', { name: 'Check in here' }).click();

    // The server opened a one-off execution of the point's checklist, already checked in.
    await page.getByText('Checked in', { exact: true }).waitFor();
    await actionRegion(page, 'Gate closed').getByRole('button', { name: 'Yes' }).click();
    await actionRegion(page, 'Gate closed')
      .getByTestId('action-feedback')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Finish…' }).click();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByTestId('execution-state').filter({ hasText: 'Completed' }).waitFor();
    await waitUntilSynced(page);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const checkIns = expectStatus(
      await asToken<{ pointId: string; memberId: string; method: string }[]>(
        'GET',
        `/check-ins?from=${from}&to=${to}&onDemand=true`,
      ),
      200,
      'listing check-ins',
    );
    assert.deepEqual(
      checkIns.map(({ pointId, memberId, method }) => ({ pointId, memberId, method })),
      [{ pointId: gate.id, memberId: userId, method: 'GPS' }],
    );

    await page.getByRole('navigation').getByRole('link', { name: 'Report' }).click();
    await page.getByLabel('Point (optional)').selectOption({ label: 'North gate' });
    await page.getByLabel('Category').selectOption({ label: 'Damage' });
    await page.getByRole('button', { name: 'High', exact: true }).click();
    await page.getByLabel('What happened').fill('Broken lock on the north gate');
    await page.getByLabel('Details (optional)').fill('The padlock was cut.');
    await page.locator('input[capture]').setInputFiles(photoPath);
    await page.getByRole('img', { name: 'Issue photo 1' }).waitFor();
    await page.getByRole('button', { name: 'Attach my position' }).click();
    await page.getByRole('button', { name: 'Position attached ✓' }).waitFor();
    await page.getByRole('button', { name: 'Report issue' }).click();
    await page.getByRole('status').filter({ hasText: 'Issue reported.' }).waitFor();

    const issues = expectStatus(
      await asToken<
        {
          title: string;
          category: string;
          severity: string;
          pointId: string;
          locationId: string;
          reportedByMemberId: string;
          mediaIds: string[];
          position: { latitude: number; longitude: number; accuracyInMeters: number };
          clientId: string | null;
        }[]
      >('GET', '/issues'),
      200,
      'listing issues',
    );
    assert.equal(issues.length, 1);
    const [issue] = issues;
    assert.equal(issue?.title, 'Broken lock on the north gate');
    assert.equal(issue?.category, 'DAMAGE');
    assert.equal(issue?.severity, 'HIGH');
    assert.equal(issue?.pointId, gate.id);
    assert.equal(issue?.locationId, locationId);
    assert.equal(issue?.reportedByMemberId, userId);
    assert.equal(issue?.mediaIds.length, 1);
    assert.deepEqual(issue?.position, {
      latitude: 50.4502,
      longitude: 30.5236,
      accuracyInMeters: 12,
    });
    assert.ok(issue?.clientId, 'the report carries the id the phone gave it');
    assert.deepEqual(browser.outsideRequests, []);
  });

  it('guard mode: a device without authorization is refused; an authorized one signs guards in and switches between them', async () => {
    const device = await launchBrowser(server.url, { viewport: PHONE, isMobile: true });
    device.context.setDefaultTimeout(15_000);
    try {
      const phone = await device.context.newPage();
      await phone.goto(`${server.url}/field/`);

      // Without authorization the server refuses guard sign-in outright.
      const direct = await phone.evaluate(
        async (guard) => {
          const response = await fetch('/api/devices/guard-sign-in', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(guard),
          });
          return { status: response.status, body: (await response.json()) as { type: string } };
        },
        { memberNumber: GUARDS[0]!.memberNumber, pin: GUARDS[0]!.pin },
      );
      assert.equal(direct.status, 403);
      assert.match(direct.body.type, /device-not-authorized/);

      await phone.getByRole('button', { name: 'Shared guard device' }).click();
      await phone.getByLabel('Registration code').fill('WRONG-CODE');
      await phone.getByRole('button', { name: 'Authorize device' }).click();
      await phone
        .getByRole('alert')
        .filter({ hasText: /unknown, used or expired/ })
        .waitFor();

      // An Owner registers the device; its one-time code authorizes this phone.
      const registered = expectStatus(
        await asOwner<{ id: string; registrationCode: string }>('POST', '/devices', {
          name: 'Gatehouse phone',
        }),
        201,
        'registering the device',
      );
      await phone.getByLabel('Registration code').fill(registered.registrationCode);
      await phone.getByRole('button', { name: 'Authorize device' }).click();
      await phone.getByRole('heading', { name: 'Guard sign-in' }).waitFor();

      const signInGuard = async (guard: (typeof GUARDS)[number], viaRecent = false) => {
        if (viaRecent)
          await phone
            .getByRole('group', { name: 'Recent guards' })
            .getByRole('button', { name: guard.memberNumber })
            .click();
        else await phone.getByLabel('Member number').fill(guard.memberNumber);
        await phone.getByLabel('PIN').fill(guard.pin);
        await phone.getByRole('button', { name: 'Sign in' }).click();
        await phone
          .getByTestId('signed-in-as')
          .filter({ hasText: `Guard ${guard.memberNumber}` })
          .waitFor();
      };

      await phone.getByLabel('Member number').fill(GUARDS[0]!.memberNumber);
      await phone.getByLabel('PIN').fill('0000');
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone
        .getByRole('alert')
        .filter({ hasText: /not correct/ })
        .waitFor();

      await signInGuard(GUARDS[0]!);
      await phone.getByRole('link', { name: /Gatehouse round/ }).click();
      await phone.getByRole('button', { name: 'Start' }).click();
      await phone.getByRole('button', { name: 'Enter code' }).click();
      await phone.getByLabel('Code printed under the QR code').fill(yard.qrCode);
      await phone.getByRole('button', { name: 'Check in with the code' }).click();
      await phone.getByText('Checked in', { exact: true }).waitFor();
      // Finishing early lists what would be recorded as missing, and lets the guard go back.
      await phone.getByRole('button', { name: 'Finish…' }).click();
      await phone
        .getByTestId('finish-summary')
        .getByText('“Yard empty” (Loading yard): required, no answer')
        .waitFor();
      await phone.getByRole('button', { name: 'Go back' }).click();
      // Skipping takes a reason; a skip can be taken back.
      const yardEmpty = actionRegion(phone, 'Yard empty');
      await yardEmpty.getByRole('button', { name: 'Skip…' }).click();
      await yardEmpty.getByLabel('Why skip “Yard empty”?').fill('Truck blocking the view');
      await yardEmpty.getByRole('button', { name: 'Skip with this reason' }).click();
      await yardEmpty.getByText('Skipped.').waitFor();
      await yardEmpty.getByRole('button', { name: 'Clear' }).click();
      await yardEmpty.getByRole('button', { name: 'Yes' }).click();
      await actionRegion(phone, 'Yard empty')
        .getByTestId('action-feedback')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
      await phone.getByRole('button', { name: 'Finish…' }).click();
      await phone.getByRole('button', { name: 'Finish', exact: true }).click();
      await phone.getByTestId('execution-state').filter({ hasText: 'Completed' }).waitFor();
      await waitUntilSynced(phone);
      const performed = await readExecution(executions.guard);
      assert.equal(performed.state, 'COMPLETED');
      assert.equal(performed.performerId, guardIds[0]);
      const events = expectStatus(
        await asToken<ExecutionEvent[]>('GET', `/task-executions/${executions.guard}/events`),
        200,
        'reading the log',
      );
      const check = events.find((event) => event.type === 'CHECKED_IN');
      assert.equal(check?.payload.method, 'MANUAL');
      assert.deepEqual(
        events.map((event) => event.type).filter((type) => type !== 'SEEN'),
        ['STARTED', 'CHECKED_IN', 'ACTION_SKIPPED', 'VALUE_CLEARED', 'VALUE_RECORDED', 'FINISHED'],
      );
      assert.equal(
        events.find((event) => event.type === 'ACTION_SKIPPED')?.payload.reason,
        'Truck blocking the view',
      );

      // Shift change: the next guard signs in on the same phone; the first is one tap away.
      await phone.getByRole('button', { name: 'Switch guard' }).click();
      await phone.getByRole('heading', { name: 'Guard sign-in' }).waitFor();
      await signInGuard(GUARDS[1]!);
      await phone.getByRole('heading', { name: 'My tasks' }).waitFor();
      await phone.getByText(/No tasks for you/).waitFor();
      await phone.getByRole('button', { name: 'Switch guard' }).click();
      await signInGuard(GUARDS[0]!, true);
      await phone.getByRole('link', { name: /Gatehouse round/ }).waitFor();
      await phone.screenshot({ path: screenshotPath('field-guard') });

      // A revoked device is refused at the next sign-in, and asks for a new code.
      expectStatus(await asOwner('POST', `/devices/${registered.id}/revoke`), 200, 'revoking');
      await phone.reload();
      await phone.getByRole('heading', { name: 'Guard sign-in' }).waitFor();
      await phone.getByLabel('Member number').fill(GUARDS[1]!.memberNumber);
      await phone.getByLabel('PIN').fill(GUARDS[1]!.pin);
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone.getByRole('heading', { name: 'Authorize this device' }).waitFor();
      await phone
        .getByRole('alert')
        .filter({ hasText: /authorized/ })
        .waitFor();
      assert.deepEqual(device.outsideRequests, []);
    } finally {
      await device.close();
    }
  });
});
