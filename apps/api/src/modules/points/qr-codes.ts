import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

/**
 * A point's QR code. The payload is random rather than derived from the point id, so a code
 * cannot be forged from an id seen in a URL or a report; regenerating it makes printed copies of
 * the old code stop matching. The `op1:` prefix lets the field app tell our codes from any other
 * QR a performer scans, and leaves room for another format later.
 */

export const QR_PAYLOAD_PREFIX = 'op1:';

/** 18 random bytes: 144 bits, written as 24 base64url characters. */
export function generateQrPayload(): string {
  return QR_PAYLOAD_PREFIX + randomBytes(18).toString('base64url');
}

/**
 * Error correction level M (15%) keeps the symbol small (version 3, 29×29 modules, for our
 * 28-character payloads) while surviving scuffs on a printed sticker.
 */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export function renderQrPng(payload: string, widthPixels: number): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...QR_OPTIONS, type: 'png', width: widthPixels });
}

export function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...QR_OPTIONS, type: 'svg' });
}
