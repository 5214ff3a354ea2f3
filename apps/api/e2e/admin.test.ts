import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { startMailCapture, type MailCapture } from './mail-capture.js';
import {
  launchBrowser,
  screenshotPath,
  startServer,
  type Browser,
  type RunningServer,
} from './support.js';

const owner = {
  firstName: 'Olena',
  lastName: 'Kovalenko',
  email: 'olena@northwind.example',
  password: 'Harbour-Night-Shift-42',
};
const admin = {
  firstName: 'Andrii',
  lastName: 'Melnyk',
  email: 'andrii@northwind.example',
  password: 'Gatehouse-Rounds-2026',
};
const organizationName = 'Northwind Security';

/** Calls the API with the page's session cookie, sending its CSRF token as the app does. */
async function sessionApi(request: APIRequestContext, baseUrl: string) {
  const session = (await (await request.get(`${baseUrl}/api/session`)).json()) as {
    csrfToken: string;
  };
  return {
    get: (path: string) => request.get(`${baseUrl}/api${path}`),
    post: (path: string, data: unknown) =>
      request.post(`${baseUrl}/api${path}`, {
        data,
        headers: { 'x-csrf-token': session.csrfToken },
      }),
  };
}

/** Fills and sends the sign-in form, resolving once the server has answered. */
async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: /^Password/ }).fill(password);
  await Promise.all([
    page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/session' &&
        response.request().method() === 'POST',
    ),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in$/);
}

describe('the admin app in a browser', () => {
  let server: RunningServer;
  let mail: MailCapture;
  let browser: Browser;
  let page: Page;
  /** The token the Owner creates and copies in the seed journey. */
  let copiedToken = '';

  before(async () => {
    mail = await startMailCapture();
    server = await startServer({ SMTP_URL: mail.url, PUBLIC_URL: 'http://127.0.0.1' });
    browser = await launchBrowser(server.url);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    // A step that fails should say so well before the suite's patience runs out.
    browser.context.setDefaultTimeout(10_000);
    page = await browser.context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it('signs up a new organization, whose Owner lands in its workspace', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in$/);
    assert.equal(await page.title(), 'OpenPatrol Admin');
    await page.getByRole('link', { name: 'Create an organization' }).click();

    await page.getByLabel('Organization name').fill(organizationName);
    await page.getByLabel('First name').fill(owner.firstName);
    await page.getByLabel('Last name').fill(owner.lastName);
    await page.getByLabel('Work e-mail').fill(owner.email);
    await page.getByRole('textbox', { name: /^Password/ }).fill(owner.password);
    await page.screenshot({ path: screenshotPath('admin-sign-up') });
    await page.getByRole('button', { name: 'Create organization' }).click();

    // Signed in, the app opens on the dashboard, which asks for a first location.
    await page.waitForURL(`${server.url}/`);
    assert.equal(await page.getByTestId('organization-name').textContent(), organizationName);
    await page.getByText('No locations yet').waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Locations' }).waitFor();
    await navigation.getByRole('button', { name: 'Management' }).waitFor();
  });

  it('lets the Owner add an API token, copy it once, and call the External API with it', async () => {
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('button', { name: 'Management' }).click();
    await navigation.getByRole('link', { name: 'External API' }).click();
    await page.waitForURL(/\/management\/api-tokens$/);
    await page.getByText('No API tokens yet').waitFor();

    await page.getByRole('button', { name: 'Add Token' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add Token' });
    await dialog.getByLabel('Name').fill('CRM integration');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /CRM integration/ });
    await row.getByText('Active').waitFor();
    await row.getByText(`${owner.firstName} ${owner.lastName}`).waitFor();
    const shown = (await row.getByTestId('new-token').textContent()) ?? '';
    assert.match(shown, /^opk_/);

    await row.getByRole('button', { name: 'Copy token' }).click();
    await row.getByText('Copied').waitFor();
    copiedToken = String(await page.evaluate('navigator.clipboard.readText()'));
    assert.equal(copiedToken, shown, 'the clipboard holds the full token shown in the table');
    await page.screenshot({ path: screenshotPath('admin-api-tokens'), fullPage: true });

    const from = '2026-12-01T00:00:00.000Z';
    const to = '2026-12-08T00:00:00.000Z';
    const response = await fetch(`${server.url}/api/task-executions/info?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${copiedToken}` },
    });
    assert.equal(response.status, 200);
    assert.ok(Array.isArray(await response.json()));

    // Once the page is left, the secret is gone for good: only the prefix remains.
    await page.reload();
    await page.getByRole('row', { name: /CRM integration/ }).waitFor();
    assert.equal(await page.getByTestId('new-token').count(), 0);
  });

  it('opens the API docs from the External API page, where try-it-out works with the token', async () => {
    const [docs] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.getByRole('link', { name: 'Open API docs' }).click(),
    ]);
    await docs.waitForURL(/\/api\/docs/);
    await docs.locator('.swagger-ui .info .title', { hasText: 'OpenPatrol API' }).waitFor();

    await docs
      .getByRole('button', { name: /Authorize/ })
      .first()
      .click();
    await docs.locator('#auth-bearer-value').fill(copiedToken);
    await docs.getByRole('button', { name: 'Apply credentials' }).click();
    await docs.locator('.modal-ux h6', { hasText: 'Authorized' }).waitFor();
    await docs.locator('.modal-ux').getByRole('button', { name: 'Close', exact: true }).click();

    const operation = docs.locator('#operations-Locations-listLocations');
    await operation.click();
    const executed = docs.waitForResponse((response) =>
      response.url().startsWith(`${server.url}/api/locations`),
    );
    await operation.getByRole('button', { name: 'Execute' }).click();
    const response = await executed;
    assert.equal(response.status(), 200);
    assert.equal(response.request().headers().authorization, `Bearer ${copiedToken}`);
    await docs.close();
  });

  it('revokes the token after asking, and the API refuses it at once', async () => {
    const row = page.getByRole('row', { name: /CRM integration/ });
    await row.getByRole('button', { name: 'Revoke CRM integration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke token?' });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Revoked').waitFor();

    const response = await fetch(`${server.url}/api/locations`, {
      headers: { authorization: `Bearer ${copiedToken}` },
    });
    assert.equal(response.status, 401);
  });

  it('lets the Owner create, find, edit, archive and restore a location', async () => {
    const api = await sessionApi(page.request, server.url);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Locations' })
      .click();
    await page.getByRole('link', { name: 'New location' }).first().click();
    await page.waitForURL(/\/locations\/new$/);

    await page.getByLabel('Name').fill('Harbour Warehouse');
    const timeZone = page.getByRole('combobox', { name: /^Time zone/ });
    await timeZone.click();
    await timeZone.fill('New York');
    await page.getByRole('option', { name: /New York/ }).click();
    await page.getByLabel('Address').fill('12 Harbour Road');
    await page.getByLabel('Latitude').fill('46.4825');
    await page.getByLabel('Longitude').fill('30.7233');
    await page.getByRole('button', { name: 'Create location' }).click();
    await page.waitForURL(/\/locations$/);
    await page.getByRole('row', { name: /Harbour Warehouse/ }).waitFor();

    type Listed = { id: string; name: string; address: string | null; timeZone: string };
    const [created] = (await (await api.get('/locations')).json()) as Listed[];
    assert.deepEqual(
      { name: created?.name, address: created?.address, timeZone: created?.timeZone },
      { name: 'Harbour Warehouse', address: '12 Harbour Road', timeZone: 'America/New_York' },
    );

    // A second location, so the search has something to leave out.
    assert.equal(
      (await api.post('/locations', { name: 'Airport Terminal B', timeZone: 'UTC' })).status(),
      201,
    );
    await page.reload();
    await page.getByRole('row', { name: /Airport Terminal B/ }).waitFor();
    await page.getByRole('textbox', { name: 'Search locations' }).fill('harb');
    await page.waitForURL(/search=harb/);
    await page.getByRole('row', { name: /Airport Terminal B/ }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Harbour Warehouse/ }).waitFor();
    await page.screenshot({ path: screenshotPath('admin-locations'), fullPage: true });

    await page.getByRole('row', { name: /Harbour Warehouse/ }).click();
    await page.waitForURL(new RegExp(`/locations/${created?.id}$`));
    await page.getByLabel('Name').fill('Harbour Warehouse North');
    await page.getByLabel('Address').fill('14 Harbour Road');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/locations(\?.*)?$/);
    const edited = (await (await api.get(`/locations/${created?.id}`)).json()) as Listed & {
      historyId: number;
    };
    assert.equal(edited.name, 'Harbour Warehouse North');
    assert.equal(edited.address, '14 Harbour Road');

    const row = page.getByRole('row', { name: /Harbour Warehouse North/ });
    await row.getByRole('button', { name: 'Actions for Harbour Warehouse North' }).click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page
      .getByRole('dialog', { name: 'Archive location?' })
      .getByRole('button', { name: 'Archive location' })
      .click();
    await row.waitFor({ state: 'detached' });
    assert.equal(
      ((await (await api.get(`/locations/${created?.id}`)).json()) as { archived: boolean })
        .archived,
      true,
    );

    await page.getByRole('switch', { name: 'Show archived' }).check();
    await row.getByText('Archived').waitFor();
    await row.getByRole('button', { name: 'Actions for Harbour Warehouse North' }).click();
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await row.getByText('Archived').waitFor({ state: 'detached' });
    assert.equal(
      ((await (await api.get(`/locations/${created?.id}`)).json()) as { archived: boolean })
        .archived,
      false,
    );
  });

  it('signs the Owner out and back in, returning to the page asked for', async () => {
    await signOut(page);
    await page.goto(`${server.url}/management/api-tokens`);
    await page.waitForURL(/\/sign-in\?redirect=/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: screenshotPath('admin-sign-in') });
    await signIn(page, owner.email, owner.password);
    await page.waitForURL(/\/management\/api-tokens$/);
    await page.getByRole('row', { name: /CRM integration/ }).waitFor();
  });

  it('hides Management → External API from an Admin the Owner invited', async () => {
    const api = await sessionApi(page.request, server.url);
    const invited = await api.post('/users', {
      firstName: admin.firstName,
      lastName: admin.lastName,
      email: admin.email,
      role: 'ADMIN',
    });
    assert.equal(invited.status(), 201);
    const invitation = await mail.waitForMail(admin.email);
    const token = /\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1];
    assert.ok(token, 'the invitation e-mail carries a link with a token');

    await signOut(page);
    await page.goto(`${server.url}/invitations/accept?token=${token}`);
    await page.getByRole('textbox', { name: /^Password/ }).fill(admin.password);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(`${server.url}/`);

    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Locations' }).waitFor();
    // Admins manage webhooks and alert rules, but API tokens stay the Owner's.
    await navigation.getByRole('button', { name: 'Management' }).click();
    await navigation.getByRole('link', { name: 'Webhooks' }).waitFor();
    assert.equal(await navigation.getByRole('link', { name: 'External API' }).count(), 0);
    // An Admin edits locations but does not create them.
    await navigation.getByRole('link', { name: 'Locations' }).click();
    await page.waitForURL(/\/locations$/);
    await page.getByRole('row', { name: /Harbour Warehouse North/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'New location' }).count(), 0);

    await page.goto(`${server.url}/management/api-tokens`);
    await page.getByText('Only the Owner manages API tokens').waitFor();
    await signOut(page);
  });

  it('shows the server’s field errors next to the field they concern', async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Organization name').fill('Another Company');
    await page.getByLabel('First name').fill('Olena');
    await page.getByLabel('Last name').fill('Kovalenko');
    await page.getByLabel('Work e-mail').fill(owner.email);
    await page.getByRole('textbox', { name: /^Password/ }).fill('Completely-Different-9');
    await page.getByRole('button', { name: 'Create organization' }).click();
    const email = page.getByLabel('Work e-mail');
    await page.getByText('Has an account already').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
  });

  it('sends a person whose session ended elsewhere to sign-in, and back afterwards', async () => {
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, owner.email, owner.password);
    await page.waitForURL(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Locations' })
      .click();
    await page.getByRole('row', { name: /Harbour Warehouse North/ }).waitFor();

    // Signing out in another tab ends the session this tab still believes in.
    const otherTab = await browser.context.newPage();
    await otherTab.goto(`${server.url}/profile`);
    await signOut(otherTab);
    await otherTab.close();

    // Its next request is refused: the app says why and asks to sign in again.
    await page.getByRole('switch', { name: 'Show archived' }).click();
    await page.waitForURL(/\/sign-in\?redirect=/);
    await page.getByText('Your session ended').waitFor();
    await signIn(page, owner.email, owner.password);
    await page.waitForURL(/\/locations\?archived=true$/);
    await page.getByRole('row', { name: /Harbour Warehouse North/ }).waitFor();
    await signOut(page);
  });

  it('keeps the navigation usable on a 768 px tablet behind a burger', async () => {
    const tablet = await browser.context.newPage();
    await tablet.setViewportSize({ width: 768, height: 1024 });
    await tablet.goto(`${server.url}/sign-in`);
    await signIn(tablet, owner.email, owner.password);
    await tablet.waitForURL(`${server.url}/`);

    // Folded away, the navbar sits beside the screen rather than over the page.
    const navigation = tablet.getByRole('navigation', { name: 'Main navigation' });
    const navbarBox =
      'document.querySelector(\'nav[aria-label="Main navigation"]\').getBoundingClientRect()';
    // waitForFunction would poll a string with eval in the page, which the CSP forbids (no
    // 'unsafe-eval'); evaluate runs through the debugging protocol, so poll with it instead.
    const waitUntil = async (expression: string) => {
      for (let attempt = 0; (await tablet.evaluate(expression)) !== true; attempt += 1) {
        if (attempt === 200) throw new Error(`still false after 10 s: ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const burger = tablet.getByRole('button', { name: 'Open navigation' });
    await burger.waitFor();
    assert.equal(await tablet.evaluate(`${navbarBox}.right <= 0`), true);
    await burger.click();
    await waitUntil(`${navbarBox}.left >= 0`);
    await tablet.screenshot({ path: screenshotPath('admin-tablet-navigation') });
    await navigation.getByRole('button', { name: 'Management' }).click();
    await navigation.getByRole('link', { name: 'External API' }).click();
    await tablet.waitForURL(/\/management\/api-tokens$/);
    await tablet.getByRole('heading', { name: 'External API' }).waitFor();
    // Choosing a page folds the navigation away again.
    await tablet.getByRole('button', { name: 'Open navigation' }).waitFor();
    await waitUntil(`${navbarBox}.right <= 0`);
    const overflows = await tablet.evaluate(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    assert.equal(overflows, false, 'nothing is wider than the tablet screen');
    await tablet.screenshot({ path: screenshotPath('admin-tablet'), fullPage: true });
    await signOut(tablet);
    await tablet.close();
  });

  it('pauses sign-in after repeated failures and says for how long', async () => {
    await page.goto(`${server.url}/sign-in`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, 'nobody@northwind.example', `wrong-password-${attempt}`);
      await page.getByText('The e-mail address or password is not right.').waitFor();
    }
    await signIn(page, 'nobody@northwind.example', 'wrong-password-6');
    await page.getByText('Sign-in is paused').waitFor();
    await page.getByText(/Try again in 1[45] min/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign in' }).isDisabled(), true);
  });

  it('loads nothing from outside the server', () => {
    assert.deepEqual(browser.outsideRequests, []);
  });
});
