import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { createFixedClock } from '../../shared/clock.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { makePng, uploadPhoto } from '../../test-support/media-uploads.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { csvField } from './executions-report.js';

const run = promisify(execFile);

/** The text of a PDF, by poppler's pdftotext (CI installs poppler-utils). */
async function pdfText(pdf: Buffer): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'report-'));
  try {
    const file = path.join(directory, 'report.pdf');
    await writeFile(file, pdf);
    return (await run('pdftotext', ['-layout', file, '-'])).stdout;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The pictures in a PDF as poppler's pdfimages lists them: [width, height, encoding]. */
async function pdfImages(pdf: Buffer): Promise<[number, number, string][]> {
  const directory = await mkdtemp(path.join(tmpdir(), 'report-'));
  try {
    const file = path.join(directory, 'report.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfimages', ['-list', file]);
    // Two header lines, then: page num type width height color comp bpc enc …
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        return [Number(columns[3]), Number(columns[4]), columns[8] ?? ''];
      });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** RFC 4180 parsing, enough for the report: quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)) {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
      const character = line[index]!;
      if (quoted && character === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') {
        quoted = !quoted;
      } else if (!quoted && character === ',') {
        fields.push(field);
        field = '';
      } else {
        field += character;
      }
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

describe('executions report', () => {
  const clock = createFixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let guard: Credentials & { user: { id: string } };
  let locationId: string;
  let point: { id: string; qrCode: string };
  let performed: { id: string; steps: { id: string }[] };

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
  const plan = async (name: string, actions: object[] = []) => {
    const response = await send('POST', '/api/task-executions', token, {
      assigneeIds: [guard.user.id],
      locationId,
      name,
      description: null,
      recurrence: null,
      startAt: '2026-12-07T18:00:00.000Z',
      endAt: '2026-12-07T21:00:00.000Z',
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [{ pointId: point.id, name: 'Gate', order: 0, actions }],
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string; steps: { id: string; actions: { id: string }[] }[] }>();
  };
  const report = (format: string) =>
    send(
      'GET',
      `/api/reports/executions?from=2026-12-07T00:00:00.000Z&to=2026-12-08T00:00:00.000Z&format=${format}`,
      token,
    );

  before(async () => {
    server = await createTestServer({ overrides: { clock } });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    locationId = (
      await send('POST', '/api/locations', token, { name: 'Київ, склад', timeZone: 'Europe/Kyiv' })
    ).json<{ id: string }>().id;
    point = (await send('POST', '/api/points', token, { locationId, name: 'Gate' })).json<{
      id: string;
      qrCode: string;
    }>();
    guard = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
    performed = await plan('Night round');
    clock.set(new Date('2026-12-07T18:05:00.000Z'));
    for (const write of [
      { type: 'STARTED' },
      { type: 'CHECKED_IN', stepId: performed.steps[0]!.id, method: 'QR', code: point.qrCode },
      { type: 'FINISHED' },
    ]) {
      const response = await send('POST', `/api/task-executions/${performed.id}/events`, guard, {
        id: randomUUID(),
        ...write,
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    clock.set(new Date('2026-12-07T12:00:00.000Z'));
    const canceled = await plan('=HYPERLINK("http://evil.example","Click")');
    await send('DELETE', `/api/task-executions/${canceled.id}`, token);
  });
  after(() => server.close());

  it('lists every execution with results in the location’s time, as CSV safe for spreadsheets', async () => {
    const response = await report('csv');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(
      String(response.headers['content-disposition']),
      /executions_2026-12-07_2026-12-08\.csv/,
    );
    const [header, ...rows] = parseCsv(response.body);
    const column = (name: string) => header!.indexOf(name);
    const byTask = new Map(rows.map((row) => [row[column('Task')], row]));
    const night = byTask.get('Night round')!;
    // 18:00 UTC is 20:00 in Kyiv (EET, UTC+2, in December).
    assert.deepEqual(
      [
        'Location',
        'Planned start',
        'State',
        'Status',
        'Started',
        'Late start',
        'Lateness (min)',
        'Steps done',
        'Record intact',
      ].map((name) => night[column(name)]),
      [
        'Київ, склад',
        '2026-12-07 20:00',
        'COMPLETED',
        'OK',
        '2026-12-07 20:05',
        'yes',
        '5',
        '1',
        'yes',
      ],
    );
    const injected = rows.find((row) => row[column('State')] === 'CANCELED')!;
    assert.equal(injected[column('Task')], `'=HYPERLINK("http://evil.example","Click")`);
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('a,"b"'), '"a,""b"""');
  });

  it('writes the same rows as an XLSX workbook with numbers as numbers', async () => {
    const response = await report('xlsx');
    assert.equal(response.statusCode, 200, response.body);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Executions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) =>
      (sheet.getRow(index + 2).values as unknown[]).slice(1),
    );
    const night = rows.find((row) => row[header.indexOf('Task')] === 'Night round')!;
    assert.equal(night[header.indexOf('Lateness (min)')], 5);
    assert.equal(night[header.indexOf('Planned start')], '2026-12-07 20:00');
    const injected = rows.find((row) => row[header.indexOf('State')] === 'CANCELED')!;
    // A string cell: spreadsheets never evaluate it.
    assert.equal(typeof injected[header.indexOf('Task')], 'string');
  });

  it('prints a PDF for a client, saying whether every record verifies', async () => {
    const intact = await report('pdf');
    assert.equal(intact.statusCode, 200);
    assert.equal(intact.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const text = await pdfText(intact.rawPayload);
    assert.match(text, /Acme Security — executions report/);
    assert.match(text, /every event log verified/);
    assert.match(text, /Night round/);
    await server.deps.database.db
      .updateTable('taskExecutionEvents')
      .set({ occurredAt: '2026-12-07T18:00:00.000Z' })
      .where('taskExecutionId', '=', performed.id)
      .where('sequence', '=', 1)
      .execute();
    const tampered = await pdfText((await report('pdf')).rawPayload);
    assert.match(tampered, /1 log\(s\) FAILED verification/);
  });

  it('prints the photos recorded, each with the step and action it was taken for', async () => {
    const photoRound = await plan('Photo round', [
      { name: 'Photo of the fence', type: 'MEDIA', order: 0, required: true, maxCount: 2 },
    ]);
    const photo = await uploadPhoto(server, guard, { data: makePng(40, 30), capture: 'CAMERA' });
    clock.set(new Date('2026-12-07T18:10:00.000Z'));
    for (const write of [
      { type: 'STARTED' },
      { type: 'CHECKED_IN', stepId: photoRound.steps[0]!.id, method: 'QR', code: point.qrCode },
      {
        type: 'VALUE_RECORDED',
        actionId: photoRound.steps[0]!.actions[0]!.id,
        mediaIds: [photo.id],
      },
      { type: 'FINISHED' },
    ]) {
      const response = await send('POST', `/api/task-executions/${photoRound.id}/events`, guard, {
        id: randomUUID(),
        ...write,
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    clock.set(new Date('2026-12-07T12:00:00.000Z'));

    const pdf = (await report('pdf')).rawPayload;
    const text = await pdfText(pdf);
    assert.match(text, /Photos/);
    assert.match(text, /Photo round — Київ, склад — 2026-12-07 20:00 \(Europe\/Kyiv\)/);
    assert.match(text, /Gate · Photo of the fence/);
    // The one photo, as its JPEG thumbnail (a 40 × 30 picture keeps its size).
    assert.deepEqual(await pdfImages(pdf), [[40, 30, 'jpeg']]);
  });
});
