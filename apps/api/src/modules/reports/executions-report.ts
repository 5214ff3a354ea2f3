import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../shared/pdf.js';
import type { TaskExecutionInfo } from '../task-executions/task-executions.schemas.js';

/**
 * The executions report (issue 9): one row per execution with its results, as CSV (RFC 4180)
 * and as a PDF for a location's client. Pure apart from the PDF renderer.
 */

export interface ReportRow {
  readonly execution: TaskExecutionInfo;
  readonly locationName: string;
  readonly timeZone: string;
  readonly performerName: string | null;
  /** The event log's check: true, false, or null when nothing was recorded. */
  readonly integrity: boolean | null;
  /** Photos recorded in its actions, for the PDF; absent in spreadsheets. */
  readonly photos?: readonly ReportPhoto[];
}

export interface ReportPhoto {
  /** Where it was taken: "step · action". */
  readonly caption: string;
  /** A JPEG thumbnail, or null when the photo has no preview. */
  readonly jpeg: Buffer | null;
}

export interface ReportHeading {
  readonly organizationName: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
}

const COLUMNS = [
  'Execution',
  'Location',
  'Task',
  'Planned start',
  'Planned end',
  'Time zone',
  'State',
  'Status',
  'Performer',
  'Started',
  'Ended',
  'Late start',
  'Lateness (min)',
  'Steps done',
  'Steps',
  'Skipped steps',
  'Missing required values',
  'Numeric errors',
  'Warnings',
  'Errors',
  'Expired',
  'Record intact',
] as const;

/** An instant as the location's wall clock, e.g. "2026-12-07 20:00". */
export function localTime(instant: string | null, timeZone: string): string {
  if (instant === null) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

function cells(row: ReportRow): string[] {
  const e = row.execution;
  return [
    e.id,
    row.locationName,
    e.name,
    localTime(e.startAt, row.timeZone),
    localTime(e.endAt, row.timeZone),
    row.timeZone,
    e.state,
    e.status ?? '',
    row.performerName ?? '',
    localTime(e.startedAt, row.timeZone),
    localTime(e.endedAt, row.timeZone),
    yesNo(e.lateStart),
    e.latenessInMillis === null ? '' : String(Math.round(e.latenessInMillis / 60_000)),
    e.executedStepCount === null ? '' : String(e.executedStepCount),
    String(e.stepCount),
    e.skippedStepCount === null ? '' : String(e.skippedStepCount),
    e.missingRequiredValuesCount === null ? '' : String(e.missingRequiredValuesCount),
    e.numericErrorCount === null ? '' : String(e.numericErrorCount),
    String(e.warningCount),
    String(e.errorCount),
    yesNo(e.expired),
    yesNo(row.integrity),
  ];
}

/**
 * One CSV field: quoted when needed (RFC 4180), and a leading =, +, - or @ neutralised with an
 * apostrophe so a spreadsheet never runs a task name as a formula (CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(rows: readonly ReportRow[]): string {
  return [COLUMNS.join(','), ...rows.map((row) => cells(row).map(csvField).join(','))]
    .map((line) => `${line}\r\n`)
    .join('');
}

/** Columns whose values are numbers in a spreadsheet (counts, minutes). */
const NUMERIC_COLUMNS = new Set([12, 13, 14, 15, 16, 17, 18, 19]);

/**
 * The same rows as an XLSX workbook: a frozen, filterable header; counts as numbers; text stays
 * text (a task named "=…" is a string cell, never a formula).
 */
export async function renderXlsx(
  heading: ReportHeading,
  rows: readonly ReportRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenPatrol';
  workbook.created = new Date(heading.generatedAt);
  const sheet = workbook.addWorksheet('Executions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...COLUMNS]).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      cells(row).map((value, index) =>
        NUMERIC_COLUMNS.has(index) && value !== '' ? Number(value) : value,
      ),
    );
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 38 : index === 2 ? 32 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Photos side by side in the PDF, each this wide (points; A4 landscape fits four and a gap). */
const PHOTO_WIDTH = 180;
const PHOTOS_PER_LINE = 4;

/** One execution's photos with their captions, four to a line. */
function photoSection(row: ReportRow): Content[] {
  const photos = row.photos ?? [];
  const cells: Content[] = photos.map((photo) => ({
    width: PHOTO_WIDTH,
    stack: [
      photo.jpeg
        ? {
            image: `data:image/jpeg;base64,${photo.jpeg.toString('base64')}`,
            fit: [PHOTO_WIDTH, 135],
          }
        : { text: '(no preview for this file; see it in the app)', style: 'muted' },
      { text: photo.caption, style: 'muted', margin: [0, 2, 0, 0] },
    ],
  }));
  const lines: Content[] = [];
  for (let start = 0; start < cells.length; start += PHOTOS_PER_LINE)
    lines.push({
      columns: cells.slice(start, start + PHOTOS_PER_LINE),
      columnGap: 8,
      margin: [0, 0, 0, 8],
    });
  return [
    {
      text: `${row.execution.name} — ${row.locationName} — ${localTime(row.execution.startAt, row.timeZone)} (${row.timeZone})`,
      bold: true,
      margin: [0, 10, 0, 4],
    },
    ...lines,
  ];
}

export function renderReportPdf(
  heading: ReportHeading,
  rows: readonly ReportRow[],
  omittedPhotos = 0,
): Promise<Buffer> {
  const shown = [1, 2, 3, 6, 7, 8, 9, 10, 12, 13, 19, 21] as const;
  const completed = rows.filter((row) => row.execution.state === 'COMPLETED').length;
  const withErrors = rows.filter((row) => row.execution.errorCount > 0).length;
  const broken = rows.filter((row) => row.integrity === false).length;
  const body: Content[] = [
    { text: `${heading.organizationName} — executions report`, style: 'title' },
    {
      text: `${heading.from.slice(0, 10)} to ${heading.to.slice(0, 10)} · generated ${heading.generatedAt.slice(0, 16).replace('T', ' ')} UTC · times are each location's local time`,
      style: 'muted',
    },
    {
      text: `${rows.length} executions · ${completed} completed · ${withErrors} with errors · record integrity: ${broken === 0 ? 'every event log verified' : `${broken} log(s) FAILED verification`}`,
      margin: [0, 6, 0, 10],
    },
    {
      table: {
        headerRows: 1,
        widths: shown.map((index) => (index === 2 ? '*' : 'auto')),
        body: [
          shown.map((index) => ({ text: COLUMNS[index], bold: true })),
          ...rows.map((row) => {
            const values = cells(row);
            return shown.map((index) => ({
              text: values[index] ?? '',
              color: index === 7 && values[index] === 'ERROR' ? '#b00020' : undefined,
            }));
          }),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 7,
    },
  ];
  if (rows.length === 0)
    body.push({ text: 'No executions in this period.', margin: [0, 12, 0, 0] });
  const withPhotos = rows.filter((row) => (row.photos ?? []).length > 0);
  if (withPhotos.length > 0) {
    body.push({ text: 'Photos', style: 'title', pageBreak: 'before' });
    for (const row of withPhotos) body.push(...photoSection(row));
  }
  if (omittedPhotos > 0)
    body.push({
      text: `${omittedPhotos} more photo(s) are not printed here; each execution shows all of its photos in the app.`,
      style: 'muted',
      margin: [0, 8, 0, 0],
    });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 36],
    content: body,
    styles: { title: { fontSize: 16, bold: true }, muted: { fontSize: 8, color: '#555555' } },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer: (page, pages) => ({
      text: `Page ${page} of ${pages}`,
      alignment: 'right',
      fontSize: 7,
      margin: [0, 8, 28, 0],
    }),
    info: { title: `Executions report ${heading.from.slice(0, 10)} – ${heading.to.slice(0, 10)}` },
  };
  return renderPdf(definition);
}
