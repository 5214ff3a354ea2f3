import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../shared/pdf.js';
import { renderQrSvg } from './qr-codes.js';

/**
 * Printable PDF sheets of QR codes: one labelled code for a point, or every active point of a
 * location on A4 pages to cut into stickers. Codes are embedded as vectors (the SVG of
 * `renderQrSvg`), so they stay sharp on any printer.
 */

export interface SheetCode {
  readonly name: string;
  readonly qrCode: string;
}

/** A4 in points (1/72 inch) and the grid of a location sheet; tests crop the cells by these. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const LOCATION_SHEET_LAYOUT = {
  columns: 3,
  rows: 4,
  /** left, top (the header sits in it), right, bottom */
  margins: [36, 72, 36, 36] as const,
  /** The pitch of the rows, cell padding and dashed line included. */
  rowHeight: 180,
  codeSize: 132,
} as const;
const CELL_PADDING = { top: 12, bottom: 4, sides: 4 } as const;
const CUT_LINE_WIDTH = 0.5;
export const CODES_PER_PAGE = LOCATION_SHEET_LAYOUT.columns * LOCATION_SHEET_LAYOUT.rows;

/** Names longer than this are shortened on stickers so a label never pushes the grid apart. */
const MAX_LABEL_LENGTH = 60;

function shorten(label: string): string {
  return label.length <= MAX_LABEL_LENGTH ? label : `${label.slice(0, MAX_LABEL_LENGTH - 1)}…`;
}

/** One large code for one point, with its name and location. */
export async function renderPointSheet(
  point: SheetCode,
  location: { name: string },
): Promise<Buffer> {
  return renderPdf({
    info: { title: `${point.name} — ${location.name}`, creator: 'OpenPatrol' },
    pageSize: 'A4',
    pageMargins: [56, 72, 56, 56],
    content: [
      { svg: await renderQrSvg(point.qrCode), width: 300, alignment: 'center' },
      { text: point.name, style: 'name', alignment: 'center', margin: [0, 16, 0, 4] },
      { text: location.name, style: 'location', alignment: 'center' },
    ],
    styles: {
      name: { fontSize: 20, bold: true },
      location: { fontSize: 12, color: '#555555' },
    },
    defaultStyle: { font: 'Roboto' },
  });
}

/**
 * Every given code of a location, by the grid of {@link LOCATION_SHEET_LAYOUT}: the location's
 * name heads each page, each point's name sits under its code, dashed lines guide the scissors.
 */
export async function renderLocationSheet(
  location: { name: string; address: string | null },
  codes: readonly SheetCode[],
): Promise<Buffer> {
  const { columns, margins, rowHeight, codeSize } = LOCATION_SHEET_LAYOUT;
  const svgs = await Promise.all(codes.map((code) => renderQrSvg(code.qrCode)));
  const cells: Content[] = codes.map((code, index) => ({
    stack: [
      { svg: svgs[index]!, width: codeSize, alignment: 'center' },
      { text: shorten(code.name), style: 'label', alignment: 'center', margin: [0, 4, 0, 0] },
    ],
  }));
  const pages: Content[] = [];
  for (let start = 0; start < cells.length; start += CODES_PER_PAGE) {
    const pageCells = cells.slice(start, start + CODES_PER_PAGE);
    const body: Content[][] = [];
    for (let row = 0; row * columns < pageCells.length; row += 1) {
      const rowCells = pageCells.slice(row * columns, row * columns + columns);
      while (rowCells.length < columns) rowCells.push({ text: '' });
      body.push(rowCells);
    }
    pages.push({
      table: {
        widths: Array<string>(columns).fill('*'),
        // pdfmake's row height excludes the padding and the line below the row.
        heights: rowHeight - CELL_PADDING.top - CELL_PADDING.bottom - CUT_LINE_WIDTH,
        body,
        dontBreakRows: true,
      },
      layout: {
        hLineWidth: () => CUT_LINE_WIDTH,
        vLineWidth: () => CUT_LINE_WIDTH,
        hLineColor: () => '#bbbbbb',
        vLineColor: () => '#bbbbbb',
        hLineStyle: () => ({ dash: { length: 3, space: 3 } }),
        vLineStyle: () => ({ dash: { length: 3, space: 3 } }),
        paddingTop: () => CELL_PADDING.top,
        paddingBottom: () => CELL_PADDING.bottom,
        paddingLeft: () => CELL_PADDING.sides,
        paddingRight: () => CELL_PADDING.sides,
      },
      ...(start > 0 ? { pageBreak: 'before' as const } : {}),
    });
  }
  if (pages.length === 0)
    pages.push({ text: 'This location has no active points.', style: 'empty' });

  return renderPdf({
    info: { title: `QR codes — ${location.name}`, creator: 'OpenPatrol' },
    pageSize: 'A4',
    pageMargins: [...margins],
    header: (currentPage, pageCount) => ({
      margin: [margins[0], 28, margins[2], 0],
      columns: [
        {
          stack: [
            { text: location.name, style: 'heading' },
            ...(location.address ? [{ text: location.address, style: 'address' }] : []),
          ],
        },
        {
          text: `${codes.length} points · page ${currentPage} of ${pageCount}`,
          style: 'address',
          alignment: 'right',
          width: 'auto',
        },
      ],
    }),
    content: pages,
    styles: {
      heading: { fontSize: 14, bold: true },
      address: { fontSize: 9, color: '#555555' },
      label: { fontSize: 9, bold: true },
      empty: { fontSize: 12, color: '#555555' },
    },
    defaultStyle: { font: 'Roboto' },
  });
}
