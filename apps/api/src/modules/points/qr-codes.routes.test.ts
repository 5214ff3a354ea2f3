import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  addLocation,
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Point } from './points.schemas.js';
import { A4, CODES_PER_PAGE, LOCATION_SHEET_LAYOUT } from './qr-sheets.js';

const run = promisify(execFile);

/** Rasterizing resolution for PDFs; at 100 dpi a sheet's module is about 5 pixels wide. */
const DPI = 100;

interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** What jsQR reads in a rectangle of the image (the whole image by default), or null. */
function decodeQr(
  image: Raster,
  area = { x: 0, y: 0, width: image.width, height: image.height },
): string | null {
  const x0 = Math.max(0, Math.floor(area.x));
  const y0 = Math.max(0, Math.floor(area.y));
  const width = Math.min(image.width - x0, Math.ceil(area.width));
  const height = Math.min(image.height - y0, Math.ceil(area.height));
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    const start = ((y0 + row) * image.width + x0) * 4;
    pixels.set(image.data.subarray(start, start + width * 4), row * width * 4);
  }
  return jsQR.default(pixels, width, height)?.data ?? null;
}

/**
 * Renders every page of a PDF to PNG with poppler's pdftoppm (Debian's poppler-utils), as a
 * printer would, and returns the pages in order.
 */
async function rasterizePdf(pdf: Buffer): Promise<Raster[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'openpatrol-qr-sheet-'));
  try {
    await writeFile(path.join(folder, 'sheet.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', String(DPI), 'sheet.pdf', 'page'], { cwd: folder });
    const pages = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
    return Promise.all(
      pages.map(async (name) => PNG.sync.read(await readFile(path.join(folder, name)))),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function extractPdfText(pdf: Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'openpatrol-qr-text-'));
  try {
    await writeFile(path.join(folder, 'sheet.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', 'sheet.pdf', '-'], { cwd: folder });
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The codes of a location sheet page, read cell by cell along the grid the sheet is laid out on. */
function decodeSheetPage(page: Raster): (string | null)[] {
  const { columns, rows, margins, rowHeight } = LOCATION_SHEET_LAYOUT;
  const scale = DPI / 72;
  const columnWidth = (A4.width - margins[0] - margins[2]) / columns;
  const codes = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      codes.push(
        decodeQr(page, {
          x: (margins[0] + column * columnWidth) * scale,
          y: (margins[1] + row * rowHeight) * scale,
          width: columnWidth * scale,
          height: rowHeight * scale,
        }),
      );
    }
  }
  return codes;
}

describe('QR code images and sheets', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let north: string;

  before(async () => {
    server = await createTestServer();
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    north = await addLocation(server, owner.organizationId, 'Північна брама');
  });
  after(() => server.close());

  const get = (url: string, credentials: Credentials = token) =>
    server.app.inject({ method: 'GET', url, headers: credentials.headers });

  async function createPoint(name: string, locationId = north): Promise<Point> {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/points',
      headers: token.headers,
      payload: { locationId, name },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Point>();
  }

  describe('getPointQrCodePng', () => {
    it('sends a PNG that decodes to exactly the point’s QR payload', async () => {
      const point = await createPoint('Gate 1');
      const response = await get(`/api/points/${point.id}/qr-code.png`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'image/png');
      assert.match(
        String(response.headers['content-disposition']),
        /^inline; filename="Gate-1\.png"; filename\*=UTF-8''Gate%201\.png$/,
      );
      // Raw bytes, not a JSON-serialized Buffer ({"type":"Buffer","data":[…]}).
      assert.deepEqual(
        [...response.rawPayload.subarray(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      );
      const image = PNG.sync.read(response.rawPayload);
      assert.equal(image.width, 512);
      assert.equal(decodeQr(image), point.qrCode);
    });

    it('draws the size asked for', async () => {
      const point = await createPoint('Gate 2');
      const response = await get(`/api/points/${point.id}/qr-code.png?size=200`);
      const image = PNG.sync.read(response.rawPayload);
      assert.deepEqual([image.width, image.height], [200, 200]);
      assert.equal(decodeQr(image), point.qrCode);
      assert.equal((await get(`/api/points/${point.id}/qr-code.png?size=10`)).statusCode, 400);
    });

    it('shows the new code once the QR code is regenerated', async () => {
      const point = await createPoint('Gate 3');
      const regenerated = await server.app.inject({
        method: 'POST',
        url: `/api/points/${point.id}/regenerate-qr-code`,
        headers: token.headers,
      });
      const { qrCode } = regenerated.json<Point>();
      const image = PNG.sync.read((await get(`/api/points/${point.id}/qr-code.png`)).rawPayload);
      assert.equal(decodeQr(image), qrCode);
      assert.notEqual(qrCode, point.qrCode);
    });

    it('lets a Manager of the point’s location print its code, but not a performer, another location or organization', async () => {
      const point = await createPoint('Gate 4');
      const user = await signInMember(server, owner, 'USER', { locationIds: [north] });
      assert.equal((await get(`/api/points/${point.id}/qr-code.png`, user)).statusCode, 403);
      const northManager = await signInMember(server, owner, 'MANAGER', { locationIds: [north] });
      assert.equal(
        (await get(`/api/points/${point.id}/qr-code.png`, northManager)).statusCode,
        200,
      );

      const south = await addLocation(server, owner.organizationId, 'South yard');
      const manager = await signInMember(server, owner, 'MANAGER', { locationIds: [south] });
      const other = await signUpOrganization(server, 'Curious Corp');
      for (const credentials of [manager, other]) {
        for (const file of ['qr-code.png', 'qr-code.svg', 'qr-sheet.pdf']) {
          const response = await get(`/api/points/${point.id}/${file}`, credentials);
          assert.equal(response.statusCode, 404, file);
          assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
        }
      }
      const sheet = await get(`/api/locations/${north}/qr-sheet.pdf`, manager);
      assert.equal(sheet.statusCode, 404);
      assert.equal(
        (await get(`/api/points/${point.id}/qr-code.png`, { headers: {} })).statusCode,
        401,
      );
    });
  });

  describe('getPointQrCodeSvg', () => {
    it('sends an SVG image of the code', async () => {
      const point = await createPoint('Точка 5');
      const response = await get(`/api/points/${point.id}/qr-code.svg`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'image/svg+xml; charset=utf-8');
      assert.match(
        String(response.headers['content-disposition']),
        /^inline; filename="qr-code\.svg"; filename\*=UTF-8''%D0%A2%D0%BE%D1%87%D0%BA%D0%B0%205\.svg$/,
      );
      assert.match(
        response.body,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 37 37"/,
      );
      assert.match(response.body, /<\/svg>\s*$/);
    });
  });

  describe('getPointQrSheet', () => {
    it('prints one code that decodes to the point’s payload, with the point and location names', async () => {
      const point = await createPoint('Server room');
      const response = await get(`/api/points/${point.id}/qr-sheet.pdf`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(
        String(response.headers['content-disposition']),
        /^inline; filename="Server-room\.pdf"/,
      );
      assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');

      const pages = await rasterizePdf(response.rawPayload);
      assert.equal(pages.length, 1);
      assert.equal(decodeQr(pages[0]!), point.qrCode);
      const text = await extractPdfText(response.rawPayload);
      assert.match(text, /Server room/);
      assert.match(text, /Північна брама/);
    });
  });

  describe('getLocationQrSheet', () => {
    it('prints every active point of the location once, by name, twelve to a page', async () => {
      const location = await addLocation(server, owner.organizationId, 'Склад №3');
      const names = Array.from(
        { length: CODES_PER_PAGE + 2 },
        (_, index) => `Point ${String(index + 1).padStart(2, '0')}`,
      );
      const points = [];
      // Created out of name order: the sheet sorts by name.
      for (const name of [...names].reverse()) points.push(await createPoint(name, location));
      const archived = await createPoint('Point 00 archived', location);
      await server.app.inject({
        method: 'POST',
        url: `/api/points/${archived.id}/archive`,
        headers: token.headers,
      });
      await createPoint('Elsewhere');

      const response = await get(`/api/locations/${location}/qr-sheet.pdf`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(
        String(response.headers['content-disposition']),
        /^inline; filename="qr-sheet\.pdf"/,
      );

      const pages = await rasterizePdf(response.rawPayload);
      assert.equal(pages.length, 2);
      const decoded = pages.flatMap(decodeSheetPage);
      const byName = [...points].sort((a, b) => a.name.localeCompare(b.name));
      assert.deepEqual(
        decoded.filter((code) => code !== null),
        byName.map((point) => point.qrCode),
      );
      // The empty cells of the last page stay empty.
      assert.equal(decoded.length, 2 * CODES_PER_PAGE);

      const text = await extractPdfText(response.rawPayload);
      assert.equal(text.match(/Склад №3/g)?.length, 2, 'the location heads each page');
      for (const name of names) assert.ok(text.includes(name), name);
      assert.ok(!text.includes('archived') && !text.includes('Elsewhere'));
    });

    it('prints a sheet saying so for a location without points', async () => {
      const location = await addLocation(server, owner.organizationId, 'Empty lot');
      const response = await get(`/api/locations/${location}/qr-sheet.pdf`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(await extractPdfText(response.rawPayload), /no active points/);
    });
  });
});
