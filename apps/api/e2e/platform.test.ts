import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  launchBrowser,
  screenshotPath,
  startServer,
  type Browser,
  type RunningServer,
} from './support.js';

describe('a fresh server in a browser with no internet', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser(server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the API reference at /api/docs, takes a Bearer token and runs a request from it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title', { hasText: 'OpenPatrol API' }).waitFor();

    // The Bearer-token field: Authorize → bearerAuth → value → Authorize.
    await page
      .getByRole('button', { name: /Authorize/ })
      .first()
      .click();
    await page.locator('#auth-bearer-value').fill('opk_example_token');
    await page.getByRole('button', { name: 'Apply credentials' }).click();
    await page.locator('.modal-ux h6', { hasText: 'Authorized' }).waitFor();
    await page.locator('.modal-ux').getByRole('button', { name: 'Close', exact: true }).click();

    // Try it out on GET /health: the page calls the server and shows its answer.
    await page.locator('#operations-System-getHealth').click();
    const executed = page.waitForResponse(
      (response) => response.url() === `${server.url}/api/health`,
    );
    await page
      .locator('#operations-System-getHealth')
      .getByRole('button', { name: 'Execute' })
      .click();
    const response = await executed;
    assert.equal(response.status(), 200);
    // The health check is public (`security: []`), so the stored token is rightly not sent with it.
    assert.equal(response.request().headers().authorization, undefined);
    await page
      .locator('#operations-System-getHealth .live-responses-table .response-col_status', {
        hasText: '200',
      })
      .waitFor();
    await page.screenshot({ path: screenshotPath('api-docs'), fullPage: true });

    assert.deepEqual(
      browser.outsideRequests,
      [],
      'the reference must load nothing from outside the server',
    );
    await page.close();
  });

  it('serves the admin app at /, which reaches the API through the api-client', async () => {
    const page = await browser.context.newPage();
    // The app asks the API for the session first; with none, it shows the sign-in page.
    const sessionChecked = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/session',
    );
    await page.goto(`${server.url}/`);
    assert.equal((await sessionChecked).status(), 401);
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(await page.title(), 'OpenPatrol Admin');
    await page.screenshot({ path: screenshotPath('admin-home') });
    assert.deepEqual(browser.outsideRequests, []);
    await page.close();
  });

  it('serves the field app at /field/ on a 360 px phone screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/field/`);
    await page.getByTestId('database-status').filter({ hasText: 'OK (sqlite)' }).waitFor();
    assert.equal(await page.title(), 'OpenPatrol Field');
    const overflows = await page.evaluate(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    assert.equal(overflows, false, 'nothing is wider than the phone screen');
    await page.screenshot({ path: screenshotPath('field-home') });
    assert.deepEqual(browser.outsideRequests, []);
    await page.close();
  });
});
