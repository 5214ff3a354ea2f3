import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  screenshotPath,
  startServer,
  type Browser,
  type RunningServer,
} from './support.js';

interface Execution {
  id: string;
  name: string;
  startAt: string;
  endAt: string;
  state: string;
  edited: boolean | null;
  scheduledTaskId: string;
  seenStates: { assigneeId: string }[];
  steps: { name: string; pointId: string; actions: { name: string; type: string }[] }[];
}

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A Monday three weeks ahead: far enough that every occurrence is still planned (editable),
 * and in December-like winter time or summer time alike the location's offset is read from
 * the server's answers, never assumed.
 */
function mondayAhead(): string {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekday = (new Date(today).getUTCDay() + 6) % 7;
  return isoDate(today - weekday * DAY_MS + 21 * DAY_MS);
}

/** The wall time `HH:mm` and date at New York for an instant, by the browser-independent Intl. */
function newYorkWallTime(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

describe('planning in the admin app: schedule and task editor', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let csrfToken = '';
  let locationId = '';
  const monday = mondayAhead();
  const wednesday = isoDate(Date.parse(monday) + 2 * DAY_MS);
  const nextMonday = isoDate(Date.parse(monday) + 7 * DAY_MS);

  const api = {
    get: async <T>(path: string): Promise<T> => {
      const response = await page.request.get(`${server.url}/api${path}`);
      assert.equal(response.status(), 200, await response.text());
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const response = await page.request.post(`${server.url}/api${path}`, {
        data,
        headers: { 'x-csrf-token': csrfToken },
      });
      assert.equal(response.status(), 201, await response.text());
      return (await response.json()) as T;
    },
  };

  /** The executions at the location over four weeks from `monday`, canceled ones left out. */
  const listExecutions = () =>
    api.get<Execution[]>(
      `/task-executions/info?locationIds=${locationId}&from=${monday}T00:00:00.000Z&to=${isoDate(Date.parse(monday) + 28 * DAY_MS)}T00:00:00.000Z`,
    );

  const calendarCards = () => page.getByTestId('calendar-execution');
  const cardTimesOn = (date: string) =>
    page
      .locator(`[data-testid="calendar-day"][data-date="${date}"]`)
      .getByTestId('calendar-execution-time')
      .allTextContents();

  before(async () => {
    server = await startServer({}, { apps: ['admin'] });
    browser = await launchBrowser(server.url, { viewport: { width: 1280, height: 900 } });
    browser.context.setDefaultTimeout(15_000);
    page = await browser.context.newPage();

    // The Owner signs up through the API with the page's own cookie jar, so the browser is signed in.
    const signUp = await page.request.post(`${server.url}/api/session/sign-up`, {
      data: {
        organizationName: 'Harbour Patrols',
        timeZone: 'Europe/Kyiv',
        owner: {
          firstName: 'Olena',
          lastName: 'Kovalenko',
          email: 'olena@harbour.example',
          password: 'Harbour-Night-Shift-42',
        },
      },
    });
    assert.equal(signUp.status(), 201, await signUp.text());
    csrfToken = ((await signUp.json()) as { csrfToken: string }).csrfToken;
    // New York, while the browser reads UTC: times on screen must be the location's, not the browser's.
    locationId = (
      await api.post<{ id: string }>('/locations', {
        name: 'Harbour Depot',
        timeZone: 'America/New_York',
      })
    ).id;
    await api.post('/points', { locationId, name: 'North gate' });
    await api.post('/checklists', {
      name: 'Gate check',
      actions: [
        { name: 'Gate locked', type: 'BOOLEAN', order: 0, required: true },
        { name: 'Fence damage', type: 'TEXT', order: 1, required: false },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plans a weekly task on two days with a checklist step, previewed by the server', async () => {
    await page.goto(`${server.url}/schedule?date=${monday}`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Schedule' })
      .waitFor();
    await page.getByText('Nothing is planned on these days.').waitFor();
    await page.getByRole('button', { name: 'New task' }).click();
    await page.waitForURL(/\/tasks\/new/);

    await page.getByRole('textbox', { name: /^Name/ }).fill('Night patrol');
    // The only location is chosen already, and its zone is named next to the times.
    await page
      .getByTestId('task-time-zone')
      .getByText(/America\/New_York/)
      .waitFor();
    const assignees = page.getByRole('combobox', { name: /^Assignees/ });
    await assignees.click();
    await page.getByRole('option', { name: 'Olena Kovalenko' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Starts on').fill(monday);
    await page.getByLabel('Start time').fill('20:00');
    await page.getByLabel('Ends on').fill(monday);
    await page.getByLabel('End time').fill('21:30');

    await page.getByRole('combobox', { name: /^Repeats/ }).click();
    const previewAnswer = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/task-executions/recurrence-preview') &&
        (response.request().postData() ?? '').includes('BYDAY=MO,WE'),
    );
    await page.getByRole('option', { name: 'Weekly on chosen days' }).click();
    // Monday is preselected from the start date; Wednesday is added.
    await page.getByText('Wed', { exact: true }).click();
    const preview = (await (await previewAnswer).json()) as {
      occurrences: { startAt: string; localStartAt: string; localEndAt: string }[];
    };

    const items = page.getByTestId('recurrence-occurrence');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="recurrence-occurrence"]').length === 10,
    );
    assert.equal(await items.count(), 10);
    assert.equal(preview.occurrences.length, 10);
    const texts = await items.allTextContents();
    preview.occurrences.forEach((occurrence, index) => {
      // The server's instants, read in New York, are 20:00–21:30 on Mondays and Wednesdays …
      const wall = newYorkWallTime(occurrence.startAt);
      assert.equal(wall.time, '20:00');
      assert.equal(new Date(`${wall.date}T00:00:00Z`).getUTCDay(), index % 2 === 0 ? 1 : 3);
      assert.equal(occurrence.localStartAt, `${wall.date}T20:00`);
      // … and the list on screen says the same, with the zone's offset.
      assert.match(texts[index]!, /20:00–21:30/);
      assert.match(texts[index]!, /UTC-0[45]:00/);
    });
    assert.equal(preview.occurrences[0]!.localStartAt, `${monday}T20:00`);
    assert.equal(preview.occurrences[1]!.localStartAt, `${wednesday}T20:00`);
    assert.match(
      (await page.getByTestId('recurrence-summary').textContent()) ?? '',
      /Every week on Monday and Wednesday, 20:00–21:30 \(America\/New_York\)/,
    );

    const step = page.getByTestId('task-step').first();
    await step.getByLabel('Step name').fill('North gate round');
    await step.getByRole('combobox', { name: /^Point/ }).click();
    await page.getByRole('option', { name: 'North gate' }).click();
    await step.getByRole('combobox', { name: /from a checklist template/ }).click();
    await page.getByRole('option', { name: 'Gate check (2)' }).click();
    assert.equal(await step.getByTestId('task-action').count(), 2);
    await page.screenshot({ path: screenshotPath('task-editor'), fullPage: true });

    await page.getByRole('button', { name: 'Plan task' }).click();
    await page.waitForURL(new RegExp(`/schedule\\?.*date=${monday}`));

    const planned = await listExecutions();
    assert.equal(planned.length, 8, 'two a week over four weeks');
    assert.deepEqual(
      planned.slice(0, 2).map((execution) => execution.startAt),
      preview.occurrences.slice(0, 2).map((occurrence) => occurrence.startAt),
    );
    assert.equal(planned[0]!.steps[0]!.name, 'North gate round');
    assert.deepEqual(
      planned[0]!.steps[0]!.actions.map((action) => [action.name, action.type]),
      [
        ['Gate locked', 'BOOLEAN'],
        ['Fence damage', 'TEXT'],
      ],
    );
    assert.equal(planned[0]!.seenStates.length, 1);
  });

  it('shows the occurrences on the week calendar and in the list at the location’s time', async () => {
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="calendar-execution"]').length === 2,
    );
    // New York's evening, with its zone named (the browser itself runs in UTC).
    const mondayTimes = await cardTimesOn(monday);
    assert.equal(mondayTimes.length, 1);
    assert.match(mondayTimes[0]!, /^20:00–21:30 (EST|EDT|GMT-[45])$/);
    assert.equal((await cardTimesOn(wednesday)).length, 1);
    assert.match((await cardTimesOn(wednesday))[0]!, /^20:00–21:30 /);
    await page
      .getByTestId('schedule-zones')
      .getByText(/America\/New_York/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('schedule-week'), fullPage: true });

    // A day's heading opens that day alone.
    await page.getByRole('button', { name: /^Show Wednesday/ }).click();
    await page.waitForURL(new RegExp(`view=day.*date=${wednesday}|date=${wednesday}.*view=day`));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="calendar-execution"]').length === 1,
    );
    assert.match((await cardTimesOn(wednesday))[0]!, /^20:00–21:30 /);
    await page.getByText('Week', { exact: true }).click();
    await page.waitForURL(/view=week/);

    await page.getByText('List', { exact: true }).click();
    await page.waitForURL(/view=list/);
    const rows = page.getByRole('row', { name: /Night patrol/ });
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    for (const text of await page.getByTestId('list-execution-window').allTextContents())
      assert.match(text, /20:00–21:30/);
    await page.screenshot({ path: screenshotPath('schedule-list'), fullPage: true });
    await page.getByText('Week', { exact: true }).click();
    await page.waitForURL(/view=week/);

    // On a 768 px tablet the seven columns still fit, each card inside the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    const card = calendarCards().first();
    await card.scrollIntoViewIfNeeded();
    const box = await card.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 768, `card at ${JSON.stringify(box)}`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 768, `the page scrolls sideways (${scrollWidth} px)`);
    await page.screenshot({ path: screenshotPath('schedule-week-768'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('edits one occurrence with THIS, and only that one changes', async () => {
    await page
      .locator(`[data-testid="calendar-day"][data-date="${wednesday}"]`)
      .getByTestId('calendar-execution')
      .click();
    await page.waitForURL(/\/executions\/[0-9a-f-]+$/);
    const executionId = /\/executions\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    await page.goto(`${server.url}/executions/${executionId}/edit`);
    await page.getByRole('heading', { name: 'Edit “Night patrol”' }).waitFor();
    assert.equal(await page.getByLabel('Start time').inputValue(), '20:00');
    await page.getByLabel('Start time').fill('21:00');
    await page.getByLabel('End time').fill('22:30');
    await page.getByRole('button', { name: 'Save changes' }).click();

    const dialog = page.getByRole('dialog', { name: 'Apply the changes to' });
    await dialog.waitFor();
    // A new time cannot go to ALL (it would move the series' first window); THIS is chosen.
    assert.equal(await dialog.getByRole('radio', { name: 'All occurrences' }).isDisabled(), true);
    assert.equal(await dialog.getByRole('radio', { name: 'This occurrence' }).isChecked(), true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/schedule\\?.*date=${wednesday}`));

    await page.waitForFunction(
      (date) =>
        document
          .querySelector(`[data-testid="calendar-day"][data-date="${date}"]`)
          ?.textContent?.includes('21:00–22:30') ?? false,
      wednesday,
    );
    assert.match((await cardTimesOn(monday))[0]!, /^20:00–21:30 /);
    const executions = await listExecutions();
    const edited = executions.filter((execution) => execution.edited);
    assert.deepEqual(
      edited.map((execution) => execution.id),
      [executionId],
    );
    assert.deepEqual(newYorkWallTime(edited[0]!.startAt), { date: wednesday, time: '21:00' });
    for (const execution of executions.filter((other) => other.id !== executionId))
      assert.equal(newYorkWallTime(execution.startAt).time, '20:00');
    await page.screenshot({ path: screenshotPath('schedule-week-edited'), fullPage: true });
  });

  it('cancels FOLLOWING from the next week on, and the later ones are gone', async () => {
    const before = await listExecutions();
    const target = before.find(
      (execution) => newYorkWallTime(execution.startAt).date === nextMonday,
    )!;
    assert.ok(target, 'the next Monday has an occurrence');
    // The list offers the editor of each planned occurrence; the first row is that Monday's.
    await page.goto(`${server.url}/schedule?view=list&date=${nextMonday}`);
    await page.getByRole('button', { name: 'Edit Night patrol' }).first().click();
    await page.waitForURL(new RegExp(`/executions/${target.id}/edit$`));
    await page.getByRole('button', { name: 'Cancel occurrences…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel which occurrences?' });
    await dialog.getByRole('radio', { name: 'This and following occurrences' }).check();
    await dialog.getByRole('button', { name: 'Cancel occurrences' }).click();
    await page.waitForURL(new RegExp(`/schedule\\?.*date=${nextMonday}`));
    await page.getByText('Nothing is planned on these days.').waitFor();
    assert.equal(await calendarCards().count(), 0);

    const after = await listExecutions();
    assert.deepEqual(
      after.map((execution) => execution.id),
      before
        .filter((execution) => execution.startAt < target.startAt)
        .map((execution) => execution.id),
    );
    assert.equal(after.length, 2);

    // A canceled occurrence is a record: its editor says so and offers no save.
    await page.goto(`${server.url}/executions/${target.id}/edit`);
    await page.getByTestId('not-editable').getByText('This execution is canceled').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);

    await page.goto(`${server.url}/schedule?view=week&date=${nextMonday}`);
    await page.getByText('Nothing is planned on these days.').waitFor();
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="calendar-execution"]').length === 2,
    );
    await page.screenshot({ path: screenshotPath('schedule-week-after-cancel'), fullPage: true });
  });

  it('shows a server field error at the field it names', async () => {
    await page.goto(`${server.url}/tasks/new?date=${monday}`);
    await page.getByRole('textbox', { name: /^Name/ }).fill('Long watch');
    // Later than the start, so the form lets it through; the server allows at most 31 days.
    await page.getByLabel('Ends on').fill(isoDate(Date.parse(monday) + 40 * DAY_MS));
    const step = page.getByTestId('task-step').first();
    await step.getByLabel('Step name').fill('Gate');
    await step.getByRole('combobox', { name: /^Point/ }).click();
    await page.getByRole('option', { name: 'North gate' }).click();
    await page.getByRole('button', { name: 'Plan task' }).click();
    await page.getByText('Must be at most 31 days after startAt').waitFor();
    const endTime = page.getByLabel('End time');
    assert.equal(await endTime.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('form-problem').count(), 0, 'every error found its field');
  });

  it('shows the server’s reason for a bad custom rule next to the rule', async () => {
    await page.goto(`${server.url}/tasks/new?date=${monday}`);
    await page.getByRole('combobox', { name: /^Repeats/ }).click();
    await page.getByRole('option', { name: 'Custom rule (RRULE)' }).click();
    await page.getByLabel('RRULE').fill('FREQ=FORTNIGHTLY');
    const alert = page.getByTestId('recurrence-preview-error');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /\/recurrence\/rule: .*FORTNIGHTLY/);
  });
});
