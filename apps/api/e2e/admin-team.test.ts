import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request as playwrightRequest, type APIRequestContext, type Page } from 'playwright-core';
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
  email: 'olena@eastgate.example',
  password: 'Harbour-Night-Shift-42',
};
const manager = {
  firstName: 'Maksym',
  lastName: 'Bondar',
  email: 'maksym@eastgate.example',
  password: 'Warehouse-Rounds-2026',
};
const managerName = `${manager.firstName} ${manager.lastName}`;
/** Where the browser says it is when "Use my position" asks (a pier in Odesa). */
const position = { latitude: 46.4825, longitude: 30.7233, accuracy: 12 };

interface Listed {
  id: string;
  name: string;
}

/** Calls the API with the page's session cookie, sending its CSRF token as the app does. */
async function sessionApi(request: APIRequestContext, baseUrl: string) {
  const session = (await (await request.get(`${baseUrl}/api/session`)).json()) as {
    csrfToken: string;
  };
  return {
    get: async <T>(path: string): Promise<T> => {
      const response = await request.get(`${baseUrl}/api${path}`);
      assert.equal(response.status(), 200, `GET ${path}`);
      return (await response.json()) as T;
    },
    post: (path: string, data: unknown) =>
      request.post(`${baseUrl}/api${path}`, {
        data,
        headers: { 'x-csrf-token': session.csrfToken },
      }),
  };
}

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

/** Waits for an input to show `expected` (set by the page, not typed). */
async function waitForValue(field: ReturnType<Page['getByLabel']>, expected: string) {
  for (let attempt = 0; attempt < 100 && (await field.inputValue()) !== expected; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(await field.inputValue(), expected);
}

/** Picks an option of a Mantine Select or MultiSelect by its label. */
async function choose(page: Page, field: ReturnType<Page['getByLabel']>, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // A MultiSelect stays open for more choices; leaving the field closes it.
  await page.keyboard.press('Tab');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

describe('managing the team, points and checklists in the admin app', () => {
  let server: RunningServer;
  let mail: MailCapture;
  let browser: Browser;
  let page: Page;
  let harbour: Listed;
  let airport: Listed;

  before(async () => {
    mail = await startMailCapture();
    server = await startServer({ SMTP_URL: mail.url, PUBLIC_URL: 'http://127.0.0.1' });
    browser = await launchBrowser(server.url, { permissions: ['geolocation'] });
    await browser.context.setGeolocation(position);
    browser.context.setDefaultTimeout(10_000);
    page = await browser.context.newPage();

    // The Owner and two locations exist before the journeys start; admin.test.ts covers sign-up.
    const signedUp = await page.request.post(`${server.url}/api/session/sign-up`, {
      data: {
        organizationName: 'Eastgate Security',
        owner: {
          firstName: owner.firstName,
          lastName: owner.lastName,
          email: owner.email,
          password: owner.password,
        },
      },
    });
    assert.equal(signedUp.status(), 201);
    const api = await sessionApi(page.request, server.url);
    for (const name of ['Harbour Warehouse', 'Airport Terminal B']) {
      const created = await api.post('/locations', { name, timeZone: 'Europe/Kyiv' });
      assert.equal(created.status(), 201);
    }
    const locations = await api.get<Listed[]>('/locations');
    harbour = locations.find((location) => location.name === 'Harbour Warehouse')!;
    airport = locations.find((location) => location.name === 'Airport Terminal B')!;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it('lets the Owner invite a Manager limited to one of two locations', async () => {
    await page.goto(`${server.url}/locations`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Team' })
      .click();
    await page.waitForURL(/\/team$/);
    await page.getByRole('row', { name: /Olena Kovalenko/ }).waitFor();

    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    // Checked in the browser before anything is sent.
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Give the first name').waitFor();
    await dialog.getByText('needs an e-mail address for the invitation').waitFor();

    await dialog.getByLabel('First name').fill(manager.firstName);
    await dialog.getByLabel('Last name').fill(manager.lastName);
    await dialog.getByLabel('E-mail').fill(manager.email);
    assert.equal(await dialog.getByLabel(/^Role/).inputValue(), 'Manager');
    await choose(page, dialog.getByLabel('Locations', { exact: true }), 'Harbour Warehouse');
    await page.screenshot({ path: screenshotPath('team-invite') });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: new RegExp(managerName) });
    await row.getByText('Invited').waitFor();
    await row.getByText('Manager').waitFor();
    await row.getByText('Harbour Warehouse').waitFor();
    await page.screenshot({ path: screenshotPath('team'), fullPage: true });

    const api = await sessionApi(page.request, server.url);
    const users =
      await api.get<(Listed & { email: string; role: string; locationIds: string[] })[]>('/users');
    const invited = users.find((user) => user.email === manager.email);
    assert.deepEqual(
      { role: invited?.role, locationIds: invited?.locationIds },
      { role: 'MANAGER', locationIds: [harbour.id] },
    );
  });

  it('lets the Manager accept the e-mailed invitation and see only their location', async () => {
    const invitation = await mail.waitForMail(manager.email);
    const link = /https?:\/\/\S+\/invitations\/accept\?token=[A-Za-z0-9_-]+/.exec(invitation.text);
    assert.ok(link, 'the invitation e-mail carries a link with a token');
    const path = new URL(link[0]).pathname + new URL(link[0]).search;

    await signOut(page);
    await page.goto(`${server.url}${path}`);
    await page.getByRole('textbox', { name: /^Password/ }).fill(manager.password);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(`${server.url}/`);
    // And signs in again later with the password chosen there.
    await signOut(page);
    await signIn(page, manager.email, manager.password);
    await page.waitForURL(`${server.url}/`);

    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Team' }).waitFor();
    assert.equal(await navigation.getByRole('button', { name: 'Management' }).count(), 0);
    assert.equal(await navigation.getByRole('link', { name: 'External API' }).count(), 0);

    // The dashboard they land on names no other location either.
    assert.equal(await page.getByText('Airport Terminal B').count(), 0);
    await navigation.getByRole('link', { name: 'Locations' }).click();
    await page.getByRole('row', { name: /Harbour Warehouse/ }).waitFor();
    assert.equal(await page.getByText('Airport Terminal B').count(), 0);
    await page.screenshot({ path: screenshotPath('team-manager-locations'), fullPage: true });

    // Nowhere else that lists locations names the other one either.
    await navigation.getByRole('link', { name: 'Team' }).click();
    const self = page.getByRole('row', { name: new RegExp(managerName) });
    await self.getByText('Harbour Warehouse').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Invite member' }).count(), 0);
    assert.equal(await page.getByText('Airport Terminal B').count(), 0);
    await self.click();
    await page.getByRole('heading', { name: managerName }).waitFor();
    await page.getByText('Added as Manager').waitFor();
    // A Manager reads the team but changes nobody: the form is shown disabled.
    assert.equal(await page.getByLabel(/^First name/).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);
    assert.equal(await page.getByText('Airport Terminal B').count(), 0);
    await page.screenshot({ path: screenshotPath('team-manager-member'), fullPage: true });

    // Managers read the checklist library; building it is for Owners and Admins.
    await navigation.getByRole('link', { name: 'Checklists' }).click();
    await page.getByText('Owners and Admins build the checklist library.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'New checklist' }).count(), 0);

    await page.goto(`${server.url}/locations/${airport.id}`);
    await page.getByText('This location does not exist').waitFor();
    assert.equal(await page.getByText('Airport Terminal B').count(), 0);
    await signOut(page);
  });

  it('lets the Owner add a point with an NFC tag and GPS, print its QR sheet and renew its code', async () => {
    await signIn(page, owner.email, owner.password);
    await page.waitForURL(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Locations' })
      .click();
    await page.waitForURL(/\/locations$/);
    await page.getByRole('row', { name: /Harbour Warehouse/ }).click();
    await page.waitForURL(new RegExp(`/locations/${harbour.id}$`));
    await page.getByText('No points yet').waitFor();

    await page.getByRole('button', { name: 'New point' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New point' });
    await dialog.getByLabel(/^Name/).fill('Gate 2');
    await dialog.getByLabel('NFC tag UID').fill('04:a2:3b');
    await dialog.getByLabel('Latitude').fill('46.5');
    await dialog.getByRole('button', { name: 'Create point' }).click();
    await dialog.getByText('A tag UID is 4 to 10 bytes of hex').waitFor();
    await dialog.getByText('Give latitude, longitude and radius together').first().waitFor();

    await dialog.getByLabel('NFC tag UID').fill('04:a2:3b:1c:5d:6e:80');
    await dialog.getByText('Stored as 04A23B1C5D6E80').waitFor();
    await dialog.getByRole('button', { name: 'Use my position' }).click();
    await waitForValue(dialog.getByLabel('Latitude'), '46.4825');
    assert.equal(await dialog.getByLabel('Longitude').inputValue(), '30.7233');
    assert.equal(await dialog.getByLabel('Radius (m)').inputValue(), '25');
    await dialog.getByLabel('Radius (m)').fill('30');
    await page.screenshot({ path: screenshotPath('points-new') });
    await dialog.getByRole('button', { name: 'Create point' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /Gate 2/ });
    await row.getByText('NFC').waitFor();
    await row.getByText('GPS 30 m').waitFor();
    const api = await sessionApi(page.request, server.url);
    type PointBody = Listed & {
      nfcTagUid: string;
      latitude: number;
      longitude: number;
      radiusMeters: number;
      qrCode: string;
    };
    const [point] = await api.get<PointBody[]>(`/points?locationId=${harbour.id}`);
    assert.deepEqual(
      {
        name: point?.name,
        nfcTagUid: point?.nfcTagUid,
        latitude: point?.latitude,
        longitude: point?.longitude,
        radiusMeters: point?.radiusMeters,
      },
      {
        name: 'Gate 2',
        nfcTagUid: '04A23B1C5D6E80',
        latitude: 46.4825,
        longitude: 30.7233,
        radiusMeters: 30,
      },
    );

    await row.click();
    const pointDialog = page.getByRole('dialog', { name: 'Gate 2' });
    const qrImage = pointDialog.getByRole('img', { name: 'QR code of Gate 2' });
    await qrImage.waitFor();
    await page.waitForFunction(
      (image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0,
      await qrImage.elementHandle(),
    );
    await page.screenshot({ path: screenshotPath('points-edit') });

    const [sheet, sheetTab] = await Promise.all([
      page.waitForResponse((response) =>
        response.url().endsWith(`/points/${point?.id}/qr-sheet.pdf`),
      ),
      browser.context.waitForEvent('page'),
      pointDialog.getByRole('button', { name: 'Print QR sheet' }).click(),
    ]);
    assert.equal(sheet.status(), 200);
    assert.equal(sheet.headers()['content-type'], 'application/pdf');
    // The new tab shows the document the app fetched (an object URL of its bytes).
    await sheetTab.waitForURL(/^blob:/);
    const bytes = await (await page.request.get(sheet.url())).body();
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await sheetTab.close();

    await pointDialog.getByRole('button', { name: 'New code' }).click();
    await page
      .getByRole('dialog', { name: 'Regenerate QR code?' })
      .getByRole('button', { name: 'Regenerate QR code' })
      .click();
    await page.getByText('has a new QR code').waitFor();
    const [renewed] = await api.get<PointBody[]>(`/points?locationId=${harbour.id}`);
    assert.notEqual(renewed?.qrCode, point?.qrCode, 'the printed code no longer matches');
    await pointDialog.getByRole('button', { name: 'Cancel' }).click();
    await pointDialog.waitFor({ state: 'hidden' });

    // The location's sheet holds every active point.
    const [locationSheet, locationSheetTab] = await Promise.all([
      page.waitForResponse((response) =>
        response.url().endsWith(`/locations/${harbour.id}/qr-sheet.pdf`),
      ),
      browser.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Print QR sheet' }).click(),
    ]);
    assert.equal(locationSheet.status(), 200);
    assert.equal(locationSheet.headers()['content-type'], 'application/pdf');
    await locationSheetTab.waitForURL(/^blob:/);
    await locationSheetTab.close();
    await page.screenshot({ path: screenshotPath('points'), fullPage: true });
  });

  it('lets the Owner build a checklist with several action types', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Checklists' })
      .click();
    await page.getByText('No checklists yet').waitFor();
    await page.getByRole('link', { name: 'New checklist' }).first().click();
    await page.waitForURL(/\/checklists\/new$/);

    await page.getByLabel(/^Name/).first().fill('Fire safety round');
    const door = page.getByRole('group', { name: 'Action 1' });
    await door.getByLabel(/^Name/).fill('Fire door closed?');
    await choose(page, door.getByLabel('Alert', { exact: true }), 'Error');

    await page.getByRole('button', { name: 'Number', exact: true }).click();
    const pressure = page.getByRole('group', { name: 'Action 2' });
    await pressure.getByLabel(/^Name/).fill('Extinguisher pressure (bar)');
    await pressure.getByLabel('Lowest accepted').fill('12');
    await pressure.getByLabel('Highest accepted').fill('6');
    await choose(page, pressure.getByLabel('Out of range raises'), 'Warning');

    await page.getByRole('button', { name: 'One choice', exact: true }).click();
    const sign = page.getByRole('group', { name: 'Action 3' });
    await sign.getByLabel(/^Name/).fill('Exit sign');
    await sign.getByLabel('Choice 1', { exact: true }).fill('Lit');
    await sign.getByRole('button', { name: 'Add choice' }).click();
    await sign.getByLabel('Choice 2', { exact: true }).fill('Broken');
    await choose(page, sign.getByLabel('Alert for choice 2'), 'Error');

    await page.getByRole('button', { name: 'Photo', exact: true }).click();
    const photo = page.getByRole('group', { name: 'Action 4' });
    await photo.getByLabel(/^Name/).fill('Panel photo');
    await photo.getByLabel('Camera only: no pictures from the gallery').check();

    await page.getByRole('button', { name: 'Instruction', exact: true }).click();
    const instruction = page.getByRole('group', { name: 'Action 5' });
    await instruction.getByLabel(/^Name/).fill('Before you leave');
    await instruction.getByLabel('Instruction').fill('Lock the back door.');

    // A range upside down is caught before sending, next to its field.
    await page.getByRole('button', { name: 'Create checklist' }).click();
    await pressure.getByText('The lowest value cannot be above the highest').waitFor();
    await pressure.getByLabel('Lowest accepted').fill('6');
    await pressure.getByLabel('Highest accepted').fill('12');
    await page.screenshot({ path: screenshotPath('checklists-new'), fullPage: true });
    await page.getByRole('button', { name: 'Create checklist' }).click();

    await page.waitForURL(/\/checklists$/);
    const row = page.getByRole('row', { name: /Fire safety round/ });
    await row.getByText('5 actions').waitFor();
    await page.screenshot({ path: screenshotPath('checklists'), fullPage: true });

    const api = await sessionApi(page.request, server.url);
    type Action = {
      name: string;
      type: string;
      order: number;
      required: boolean;
      alertLevel: string | null;
      alertValue: boolean | null;
      minValue: number | null;
      maxValue: number | null;
      cameraOnly: boolean | null;
      options: { value: string; alertLevel: string | null }[] | null;
    };
    const [checklist] = await api.get<(Listed & { actions: Action[] })[]>('/checklists');
    assert.equal(checklist?.name, 'Fire safety round');
    assert.deepEqual(
      checklist?.actions.map((action) => [action.order, action.type, action.name]),
      [
        [0, 'BOOLEAN', 'Fire door closed?'],
        [1, 'NUMBER', 'Extinguisher pressure (bar)'],
        [2, 'SELECT', 'Exit sign'],
        [3, 'MEDIA', 'Panel photo'],
        [4, 'INSTRUCTION', 'Before you leave'],
      ],
    );
    const [doorAction, pressureAction, signAction, photoAction, instructionAction] =
      checklist.actions;
    assert.deepEqual([doorAction?.alertLevel, doorAction?.alertValue], ['ERROR', false]);
    assert.deepEqual(
      [pressureAction?.minValue, pressureAction?.maxValue, pressureAction?.alertLevel],
      [6, 12, 'WARNING'],
    );
    assert.deepEqual(signAction?.options, [
      { value: 'Lit', alertLevel: null },
      { value: 'Broken', alertLevel: 'ERROR' },
    ]);
    assert.equal(photoAction?.cameraOnly, true);
    assert.equal(instructionAction?.required, false);
  });

  it('lets the Owner archive a member after asking, and restore them', async () => {
    const api = await sessionApi(page.request, server.url);
    const users = await api.get<(Listed & { email: string })[]>('/users');
    const managerId = users.find((user) => user.email === manager.email)?.id;
    await page.goto(`${server.url}/team`);
    const row = page.getByRole('row', { name: new RegExp(managerName) });
    await row.getByRole('button', { name: `Actions for ${managerName}` }).click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page
      .getByRole('dialog', { name: 'Archive member?' })
      .getByRole('button', { name: 'Archive member' })
      .click();
    await row.waitFor({ state: 'detached' });
    assert.equal((await api.get<{ archived: boolean }>(`/users/${managerId}`)).archived, true);

    await page.getByRole('switch', { name: 'Show archived' }).check();
    await row.getByText('Archived').waitFor();
    await row.getByRole('button', { name: `Actions for ${managerName}` }).click();
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await row.getByText('Archived').waitFor({ state: 'detached' });
    assert.equal((await api.get<{ archived: boolean }>(`/users/${managerId}`)).archived, false);
  });

  it('lets the Owner add a guard, renew their PIN, and authorize and revoke the device they use', async () => {
    await page.goto(`${server.url}/team`);
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await choose(page, dialog.getByLabel(/^Role/), 'Guard');
    await dialog.getByLabel('First name').fill('Taras');
    await dialog.getByLabel('Last name').fill('Shevchuk');
    await dialog.getByLabel('Member number').fill('G-101');
    await dialog.getByLabel(/^PIN/).fill('12');
    await dialog.getByRole('button', { name: 'Add guard' }).click();
    await dialog.getByText('Use 4 to 8 digits').waitFor();
    await dialog.getByLabel(/^PIN/).fill('1234');
    await dialog.getByRole('button', { name: 'Add guard' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Taras Shevchuk/ });
    await row.getByText('No. G-101').waitFor();
    await row.getByText('Active').waitFor();

    await row.click();
    await page.getByRole('button', { name: 'Set new PIN' }).click();
    const pinDialog = page.getByRole('dialog', { name: 'Set a new PIN' });
    await pinDialog.getByLabel(/^New PIN/).fill('908172');
    await pinDialog.getByRole('button', { name: 'Save PIN' }).click();
    await pinDialog.waitFor({ state: 'hidden' });
    await page.getByText('Taras Shevchuk has a new PIN.').waitFor();

    await page.goto(`${server.url}/team`);
    await page.getByRole('tab', { name: 'Shared devices' }).click();
    await page.waitForURL(/tab=devices/);
    await page.getByText('No shared devices yet').waitFor();
    await page.getByRole('button', { name: 'Authorize a device' }).first().click();
    const deviceDialog = page.getByRole('dialog', { name: 'Authorize a device' });
    await deviceDialog.getByLabel(/^Name/).fill('Front desk phone');
    await deviceDialog.getByRole('button', { name: 'Get a code' }).click();
    const code = (await deviceDialog.getByTestId('registration-code').textContent()) ?? '';
    assert.ok(code.length > 0, 'the registration code is shown');
    await page.screenshot({ path: screenshotPath('team-devices') });
    await deviceDialog.getByRole('button', { name: 'Done' }).click();
    const deviceRow = page.getByRole('row', { name: /Front desk phone/ });
    await deviceRow.getByText('Waiting for code').waitFor();

    // The shared phone: authorized with the code, then the guard signs in with the new PIN only.
    const phone = await playwrightRequest.newContext({ baseURL: server.url });
    try {
      assert.equal((await phone.post('/api/devices/authorize', { data: { code } })).status(), 200);
      const signInGuard = (pin: string) =>
        phone.post('/api/devices/guard-sign-in', { data: { memberNumber: 'G-101', pin } });
      assert.equal((await signInGuard('1234')).status(), 401);
      assert.equal((await signInGuard('908172')).status(), 200);
      assert.equal((await phone.get('/api/session')).status(), 200);

      await page.reload();
      await deviceRow.getByText('Authorized').waitFor();
      await deviceRow.getByRole('button', { name: 'Revoke Front desk phone' }).click();
      await page
        .getByRole('dialog', { name: 'Revoke device?' })
        .getByRole('button', { name: 'Revoke device' })
        .click();
      await deviceRow.getByText('Revoked').waitFor();
      assert.equal((await phone.get('/api/session')).status(), 401, 'the guard is signed out');
    } finally {
      await phone.dispose();
    }
  });

  it('lets the Owner hand ownership over only after typing the new Owner’s name', async () => {
    const api = await sessionApi(page.request, server.url);
    const users = await api.get<(Listed & { email: string; role: string })[]>('/users');
    const managerId = users.find((user) => user.email === manager.email)?.id;
    await page.goto(`${server.url}/team/${managerId}`);
    await page.getByRole('button', { name: 'Transfer ownership' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer ownership?' });
    const confirm = dialog.getByRole('button', { name: 'Transfer ownership' });
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel(`Type “${managerName}” to confirm`).fill('Maksym');
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel(`Type “${managerName}” to confirm`).fill(managerName);
    await page.screenshot({ path: screenshotPath('team-transfer-ownership') });
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Ownership transferred').waitFor();

    // The former Owner is an Admin now: Management → External API is gone from their navigation.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    // (Admins keep Management for webhooks and alert rules.)
    await navigation.getByRole('link', { name: 'External API' }).waitFor({ state: 'detached' });
    await navigation.getByRole('button', { name: 'Management' }).waitFor();
    const roles = new Map(
      (await api.get<(Listed & { email: string; role: string })[]>('/users')).map((user) => [
        user.email,
        user.role,
      ]),
    );
    assert.equal(roles.get(manager.email), 'OWNER');
    assert.equal(roles.get(owner.email), 'ADMIN');
  });

  it('loads nothing from outside the server', () => {
    // Chromium's own PDF viewer (the printed QR sheets) loads files bundled with the browser.
    const bundled = /^(chrome|chrome-extension):/;
    assert.deepEqual(
      browser.outsideRequests.filter((url) => !bundled.test(url)),
      [],
    );
  });
});
