/**
 * Issue 9's acceptance: the executions report of 1,000 executions (BENCH_REPORT_EXECUTIONS)
 * rendered as PDF and XLSX, timed against the CSV of the same rows in the same run (the
 * baseline: the same query, integrity checks and names, with no layout). The files are then
 * opened as a reader would: the PDF's text through poppler's pdftotext, the workbook read back
 * with exceljs. A tenth of the executions are performed with a photo, so the PDF prints photos.
 *
 *   npm run bench:reports -w apps/api      (BENCH_REPORT_EXECUTIONS=1000, BENCH_ROUNDS=3)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createFixedClock } from '../src/shared/clock.js';
import { createApiToken, signInMember, signUpOrganization } from '../src/test-support/factories.js';
import { makeJpeg, uploadPhoto } from '../src/test-support/media-uploads.js';
import { createTestServer } from '../src/test-support/test-server.js';

const executions = Number(process.env.BENCH_REPORT_EXECUTIONS ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const DAYS = 25;
const TASKS = Math.ceil(executions / DAYS);
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse('2026-11-02T00:00:00.000Z');

const clock = createFixedClock(new Date(FIRST_DAY));
const server = await createTestServer({ overrides: { clock } });
const owner = await signUpOrganization(server, 'Report Bench Security');
const token = await createApiToken(server, owner);
const send = async <T>(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => {
  const response = await server.app.inject({
    method,
    url,
    headers,
    ...(payload ? { payload } : {}),
  });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
};

const location = await send<{ id: string }>('POST', '/api/locations', token.headers, {
  name: 'Harbour Gate',
  timeZone: 'Europe/Kyiv',
});
const point = await send<{ id: string; qrCode: string }>('POST', '/api/points', token.headers, {
  locationId: location.id,
  name: 'Gate',
});
const guard = await signInMember(server, owner, 'USER', { locationIds: [location.id] });
const seedStarted = performance.now();
for (let task = 0; task < TASKS; task++) {
  const startMs = FIRST_DAY + 18 * 3_600_000 + task * 60_000;
  await send('POST', '/api/task-executions', token.headers, {
    assigneeIds: [guard.user.id],
    locationId: location.id,
    name: `Night round ${task + 1}`,
    description: null,
    recurrence: { rule: `FREQ=DAILY;COUNT=${DAYS}`, exception: null },
    startAt: new Date(startMs).toISOString(),
    endAt: new Date(startMs + 2 * 3_600_000).toISOString(),
    priority: 'NORMAL',
    orderStepsRequired: false,
    strictTimeRequired: false,
    deadlined: false,
    tags: [],
    steps: [
      {
        pointId: point.id,
        name: 'Gate',
        order: 0,
        actions: [
          { name: 'Photo of the gate', type: 'MEDIA', order: 0, required: false, maxCount: 1 },
          { name: 'Fence intact', type: 'BOOLEAN', order: 1, required: true },
        ],
      },
    ],
  });
}
const range = `from=${new Date(FIRST_DAY).toISOString()}&to=${new Date(FIRST_DAY + DAYS * DAY_MS).toISOString()}`;
// Every tenth execution of the first day's tasks is performed, with a photo.
const listed = await send<
  {
    id: string;
    startAt: string;
    steps: { id: string; actions: { id: string; type: string }[] }[];
  }[]
>('GET', `/api/task-executions/info?${range}&limit=1000`, token.headers);
const photo = await uploadPhoto(server, guard, {
  data: await makeJpeg(640, 480),
  contentType: 'image/jpeg',
  capture: 'CAMERA',
});
let performed = 0;
for (const execution of listed.filter((_, index) => index % 10 === 0)) {
  clock.set(new Date(Date.parse(execution.startAt) + 5 * 60_000));
  const step = execution.steps[0]!;
  for (const write of [
    { type: 'STARTED' },
    { type: 'CHECKED_IN', stepId: step.id, method: 'QR', code: point.qrCode },
    { type: 'VALUE_RECORDED', actionId: step.actions[0]!.id, mediaIds: [photo.id] },
    { type: 'VALUE_RECORDED', actionId: step.actions[1]!.id, booleanValue: true },
    { type: 'FINISHED' },
  ])
    await send('POST', `/api/task-executions/${execution.id}/events`, guard.headers, {
      id: randomUUID(),
      ...write,
    });
  performed++;
}
clock.set(new Date(FIRST_DAY + DAYS * DAY_MS));
const seedSeconds = (performance.now() - seedStarted) / 1000;

const render = async (format: 'csv' | 'xlsx' | 'pdf') => {
  const started = performance.now();
  const response = await server.app.inject({
    method: 'GET',
    url: `/api/reports/executions?${range}&format=${format}`,
    headers: token.headers,
  });
  const ms = performance.now() - started;
  assert.equal(response.statusCode, 200, response.body.slice(0, 300));
  return { ms, body: response.rawPayload };
};
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const timings: Record<string, number[]> = { csv: [], xlsx: [], pdf: [] };
const files: Record<string, Buffer> = {};
await render('csv'); // warm-up: caches, JIT
for (let round = 0; round < rounds; round++)
  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    const { ms, body } = await render(format);
    timings[format]!.push(ms);
    files[format] = body;
  }

// The files open: the PDF's text, the workbook's rows.
const directory = mkdtempSync(path.join(tmpdir(), 'report-bench-'));
try {
  const pdfFile = path.join(directory, 'report.pdf');
  writeFileSync(pdfFile, files.pdf!);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  assert.match(text, new RegExp(`${listed.length} executions`));
  assert.match(text, /every event log verified/);
  assert.match(text, /Night round 1\b/);
  assert.match(text, /Gate · Photo of the gate/);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile]).toString())?.[1]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Executions')!;
  assert.equal(sheet.rowCount - 1, listed.length);

  const baseline = median(timings.csv!);
  const row = (format: string, label: string) => {
    const ms = median(timings[format]!);
    return `| ${label.padEnd(26)} | ${ms.toFixed(0).padStart(6)} | ${(ms / baseline).toFixed(2).padStart(5)} | ${(files[format]!.length / 1024).toFixed(0).padStart(7)} |`;
  };
  console.log(`
Executions report of ${listed.length} executions (${performed} performed with a photo), SQLite, median of ${rounds}; seeded in ${seedSeconds.toFixed(0)} s:

| format                     |     ms | ratio |    kB   |
| -------------------------- | -----: | ----: | ------: |
${row('csv', 'CSV (baseline)')}
${row('xlsx', 'XLSX')}
${row('pdf', `PDF (${pages} pages)`)}

Opened: pdftotext found the summary, the rows and the photo captions; the workbook has ${sheet.rowCount - 1} rows.`);
} finally {
  rmSync(directory, { recursive: true, force: true });
  await server.close();
}
