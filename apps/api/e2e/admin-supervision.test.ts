import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { makePng } from '../src/test-support/media-uploads.js';
import { startMailCapture, type MailCapture } from './mail-capture.js';
import {
  launchBrowser,
  screenshotPath,
  startServer,
  type Browser,
  type RunningServer,
} from './support.js';

const run = promisify(execFile);

const OWNER = { email: 'olena@northwind.example', password: 'Harbour-Night-Shift-42' };
const USER = { email: 'taras@northwind.example', password: 'Quiet-Lantern-Rounds-7' };
const TIME_ZONE = 'Europe/Kyiv';
const TASK_NAME = 'Night round';
const NOTES = 'Side door was open; closed it.';
const MINUTE_MS = 60_000;

type Json = Record<string, unknown>;

/** The API as the admin app or a performer calls it: a session cookie with its CSRF token. */
function apiClient(baseUrl: string, headers: Record<string, string>) {
  return async <T = Json>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${url}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${url} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

/** A session from an answer that started one (sign-up, invitation accepted). */
async function sessionOf(response: Response) {
  const text = await response.text();
  assert.ok(response.ok, `${response.url} answered ${response.status}: ${text}`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, 'x-csrf-token': (JSON.parse(text) as { csrfToken: string }).csrfToken };
}

/** Midnight of today in the zone, as an instant, and the next one. */
function todayIn(timeZone: string, now: Date): { from: Date; to: Date } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  const offsetAt = (instant: Date) =>
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')!
      .value.replace('GMT', '') || '+00:00';
  const from = new Date(`${date}T00:00:00${offsetAt(now)}`);
  const next = new Date(from.getTime() + 36 * 3_600_000);
  const nextDate = new Intl.DateTimeFormat('en-CA', { timeZone }).format(next);
  return { from, to: new Date(`${nextDate}T00:00:00${offsetAt(next)}`) };
}

interface Summary {
  days: {
    daysAgo: number;
    planned: number;
    inProgress: number;
    completed: number;
    incomplete: number;
    expired: number;
    warnings: number;
    errors: number;
    lateStarts: number;
  }[];
}

interface ExecutionInfo {
  id: string;
  name: string;
  state: string;
  status: string | null;
  expired: boolean;
  lateStart: boolean | null;
}

describe('supervising in the admin app', () => {
  let server: RunningServer;
  let mail: MailCapture;
  let browser: Browser;
  let page: Page;
  let asOwner: ReturnType<typeof apiClient>;
  let executionId = '';
  let today: { from: Date; to: Date };

  before(async () => {
    mail = await startMailCapture();
    // No tiles: the map must show its markers with nothing fetched from outside.
    server = await startServer({ SMTP_URL: mail.url, MAP_TILE_URL: 'none' }, { apps: ['admin'] });

    const signUp = await fetch(`${server.url}/api/session/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationName: 'Northwind Security',
        timeZone: TIME_ZONE,
        owner: { firstName: 'Olena', lastName: 'Kovalenko', ...OWNER },
      }),
    });
    asOwner = apiClient(server.url, await sessionOf(signUp));
    const location = await asOwner<{ id: string }>('POST', '/locations', {
      name: 'Riverside warehouse',
      timeZone: TIME_ZONE,
      latitude: 50.4501,
      longitude: 30.5234,
    });
    const gate = await asOwner<{ id: string }>('POST', '/points', {
      locationId: location.id,
      name: 'North gate',
      latitude: 50.4501,
      longitude: 30.5234,
      radiusMeters: 50,
    });
    const user = await asOwner<{ id: string }>('POST', '/users', {
      firstName: 'Taras',
      lastName: 'Bondar',
      email: USER.email,
      role: 'USER',
      locationIds: [location.id],
    });
    const invitation = await mail.waitForMail(USER.email);
    const invitationToken = /token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1];
    const accepted = await fetch(`${server.url}/api/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitationToken, password: USER.password }),
    });
    const userSession = await sessionOf(accepted);
    const asUser = apiClient(server.url, userSession);

    // Today in the location's zone: the round began a little before now (so it starts late),
    // never before today's midnight there; a second task waits at the end of the day.
    const now = new Date();
    today = todayIn(TIME_ZONE, now);
    const startAt = new Date(
      Math.max(now.getTime() - 10 * MINUTE_MS, today.from.getTime()),
    ).toISOString();
    const plan = (name: string, start: string, end: string, actions: Json[]) =>
      asOwner<{ id: string; steps: { id: string; actions: { id: string; name: string }[] }[] }>(
        'POST',
        '/task-executions',
        {
          assigneeIds: [user.id],
          locationId: location.id,
          name,
          description: null,
          recurrence: null,
          startAt: start,
          endAt: end,
          priority: 'NORMAL',
          orderStepsRequired: false,
          strictTimeRequired: false,
          deadlined: false,
          tags: [],
          steps: [{ pointId: gate.id, name: 'North gate', order: 0, actions }],
        },
      );
    const round = await plan(
      TASK_NAME,
      startAt,
      new Date(now.getTime() + 120 * MINUTE_MS).toISOString(),
      [
        {
          name: 'Temperature',
          type: 'NUMBER',
          order: 0,
          required: true,
          minValue: 11.1,
          maxValue: 12.1,
        },
        { name: 'Gate photos', type: 'MEDIA', order: 1, required: false },
        { name: 'Gate closed', type: 'BOOLEAN', order: 2, required: true },
      ],
    );
    await plan(
      'Closing check',
      new Date(today.to.getTime() - 30 * MINUTE_MS).toISOString(),
      new Date(today.to.getTime() - 10 * MINUTE_MS).toISOString(),
      [],
    );
    executionId = round.id;

    // The performer's phone: two photos, a GPS check-in, the values, notes, finished.
    const photoIds: string[] = [];
    for (const size of [64, 48]) {
      const form = new FormData();
      form.append('capture', 'CAMERA');
      form.append(
        'file',
        new Blob([new Uint8Array(makePng(size, size))], { type: 'image/png' }),
        'gate.png',
      );
      const upload = await fetch(`${server.url}/api/media`, {
        method: 'POST',
        headers: userSession,
        body: form,
      });
      assert.equal(upload.status, 201, await upload.clone().text());
      photoIds.push(((await upload.json()) as { id: string }).id);
    }
    const [step] = round.steps;
    const action = (name: string) => step!.actions.find((a) => a.name === name)!.id;
    for (const write of [
      { type: 'SEEN' },
      { type: 'STARTED' },
      {
        type: 'CHECKED_IN',
        stepId: step!.id,
        method: 'GPS',
        position: { latitude: 50.45012, longitude: 30.52345, accuracyInMeters: 8 },
      },
      { type: 'VALUE_RECORDED', actionId: action('Temperature'), numberValue: 15 },
      { type: 'VALUE_RECORDED', actionId: action('Gate photos'), mediaIds: photoIds },
      { type: 'VALUE_RECORDED', actionId: action('Gate closed'), booleanValue: true },
      { type: 'NOTES_CHANGED', notes: NOTES },
      { type: 'FINISHED' },
    ])
      await asUser('POST', `/task-executions/${executionId}/events`, {
        id: randomUUID(),
        ...write,
      });

    browser = await launchBrowser(server.url);
    browser.context.setDefaultTimeout(10_000);
    page = await browser.context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByRole('textbox', { name: /^Password/ }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it('shows today’s counts as the API reports them', async () => {
    await page.getByTestId('dashboard-ready').waitFor();
    const summary = await asOwner<Summary>('GET', '/reports/summary');
    const day = summary.days.at(-1)!;
    const shown = async (testId: string) =>
      Number(await page.getByTestId(testId).getByTestId('stat-value').textContent());
    assert.deepEqual(
      {
        planned: await shown('stat-planned'),
        inProgress: await shown('stat-in-progress'),
        completed: await shown('stat-completed'),
        expired: await shown('stat-expired'),
        incomplete: await shown('stat-incomplete'),
        lateStarts: await shown('stat-late-starts'),
        warnings: await shown('stat-warnings'),
        errors: await shown('stat-errors'),
      },
      {
        planned: day.planned,
        inProgress: day.inProgress,
        completed: day.completed,
        expired: day.expired,
        incomplete: day.incomplete,
        lateStarts: day.lateStarts,
        warnings: day.warnings,
        errors: day.errors,
      },
    );

    // The same day read another way: the executions themselves.
    const executions = await asOwner<ExecutionInfo[]>(
      'GET',
      `/task-executions/info?from=${today.from.toISOString()}&to=${today.to.toISOString()}`,
    );
    assert.equal(executions.length, 2);
    assert.equal(
      await shown('stat-completed'),
      executions.filter((e) => e.state === 'COMPLETED').length,
    );
    assert.equal(await shown('stat-completed'), 1);
    assert.equal(
      (await shown('stat-warnings')) + (await shown('stat-errors')),
      executions.filter((e) => e.status === 'WARNING' || e.status === 'ERROR').length,
    );
    assert.equal(await shown('stat-late-starts'), executions.filter((e) => e.lateStart).length);
    assert.equal(
      (await shown('stat-planned')) + (await shown('stat-expired')),
      executions.filter((e) => e.state === 'PLANNED').length,
    );

    await page.getByRole('button', { name: 'Show the numbers' }).click();
    assert.equal(await page.getByTestId('trend-table').locator('tbody tr').count(), 14);
    await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
  });

  it('opens the execution from the dashboard with its values, alerts and notes', async () => {
    await page
      .getByTestId('list-needs-attention')
      .getByRole('link', { name: new RegExp(TASK_NAME) })
      .click();
    await page.waitForURL(`${server.url}/executions/${executionId}`);
    await page.getByTestId('execution-ready').waitFor();
    await page.getByRole('heading', { name: TASK_NAME }).waitFor();
    await page.getByText(`times in ${TIME_ZONE}`).waitFor();

    // Out of range is flagged at the action's alert level: highlighted in that level's colour.
    const info = await asOwner<{ steps: { actions: { name: string; status: string | null }[] }[] }>(
      'GET',
      `/task-executions/${executionId}`,
    );
    const flagged = info.steps[0]!.actions.find((a) => a.name === 'Temperature')!.status;
    assert.ok(flagged === 'ERROR' || flagged === 'WARNING', `Temperature is ${flagged}`);
    const temperature = page.getByTestId('execution-action').filter({ hasText: 'Temperature' });
    assert.equal(
      await temperature.getAttribute('data-alert'),
      flagged === 'ERROR' ? 'red' : 'yellow',
    );
    await temperature.getByText('15', { exact: true }).waitFor();
    await temperature.getByText('Out of range').waitFor();
    await temperature.getByText('Expected 11.1–12.1').waitFor();
    const closed = page.getByTestId('execution-action').filter({ hasText: 'Gate closed' });
    await closed.getByText('Yes', { exact: true }).waitFor();
    assert.equal(await closed.getAttribute('data-alert'), null);
    assert.equal(await page.getByTestId('execution-notes').textContent(), NOTES);
    const timeline = page.getByTestId('execution-timeline');
    await timeline.getByText('Checked in at North gate').waitFor();
    await timeline.getByText('Finished by Taras Bondar').waitFor();
    await page.getByTestId('state-badge').first().getByText('Completed').waitFor();
    // Done as planned: a single step checked in first is not flagged out of order.
    assert.equal(await page.getByText(/done as number/).count(), 0);
    await page.getByTestId('check-in-map').locator('.check-in-marker').waitFor();
    await page.screenshot({ path: screenshotPath('execution'), fullPage: true });

    const edit = page.getByRole('link', { name: 'Edit' });
    assert.equal(await edit.getAttribute('href'), `/executions/${executionId}/edit`);
  });

  it('opens each photo in a lightbox, the arrow keys going through them', async () => {
    const thumbnails = page.getByTestId('photo-thumbnail');
    assert.equal(await thumbnails.count(), 2);
    await thumbnails.first().click();
    const dialog = page.getByRole('dialog', { name: 'Photo 1 of 2' });
    await dialog.waitFor();
    const image = dialog.getByTestId('lightbox-image');
    await page.waitForFunction(
      (element) => element instanceof HTMLImageElement && element.naturalWidth === 64,
      await image.elementHandle(),
    );
    await page.screenshot({ path: screenshotPath('execution-lightbox') });
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog', { name: 'Photo 2 of 2' }).waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLImageElement>('[data-testid="lightbox-image"]')?.naturalWidth ===
        48,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('puts the GPS check-in on the map, with no tiles fetched', async () => {
    const map = page.getByTestId('check-in-map');
    await map.locator('.check-in-marker').waitFor();
    assert.equal(await map.locator('.check-in-marker').count(), 1);
    assert.equal(await map.locator('.point-marker').count(), 1);
    assert.equal(await map.locator('.leaflet-tile').count(), 0);
    assert.deepEqual(browser.outsideRequests, []);
  });

  it('says the event log is intact', async () => {
    const integrity = await asOwner<{ valid: boolean; eventCount: number }>(
      'GET',
      `/task-executions/${executionId}/integrity`,
    );
    assert.deepEqual(integrity.valid, true);
    const result = page.getByTestId('integrity-result');
    await result.getByText('Event log intact').waitFor();
    await result.getByText(`All ${integrity.eventCount} events verify`).waitFor();
    assert.equal(
      await page.getByTestId('event-log').locator('tbody tr').count(),
      integrity.eventCount,
    );
  });

  it('exports the execution as a PDF naming the task', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PDF' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^Night round .*\.pdf$/);
    const file = await download.path();
    const pdf = await readFile(file);
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    assert.match(stdout, new RegExp(TASK_NAME));
    assert.doesNotMatch(stdout, /Closing check/, 'only this execution is in the export');
  });
});
