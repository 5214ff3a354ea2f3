import { Jimp, JimpMime } from 'jimp';
import { PNG } from 'pngjs';
import type { Media } from '../modules/media/media.schemas.js';
import type { Credentials } from './factories.js';
import type { TestServer } from './test-server.js';

/** One part of a multipart/form-data body: a text field, or a file with its type and name. */
export type FormPart =
  | { readonly name: string; readonly value: string }
  | {
      readonly name: string;
      readonly filename: string;
      readonly contentType: string;
      readonly data: Uint8Array;
    };

/**
 * A multipart/form-data body as a browser sends it, for `app.inject` (which has no FormData):
 * the parts in the given order, and the Content-Type header naming the boundary.
 */
export function buildMultipartBody(parts: readonly FormPart[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----OpenPatrolTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.contentType}\r\n\r\n`,
        ),
        Buffer.from(part.data),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A PNG of the given size: a diagonal gradient, so a scaled copy is not a flat colour. */
export function makePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 4;
      png.data[offset] = (x * 255) / Math.max(1, width - 1);
      png.data[offset + 1] = (y * 255) / Math.max(1, height - 1);
      png.data[offset + 2] = 128;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A JPEG of the given size, as a phone camera would send it (no EXIF). */
export function makeJpeg(width: number, height: number): Promise<Buffer> {
  const image = new Jimp({ width, height, color: 0x2266aaff });
  for (let x = 0; x < width; x += 1) image.setPixelColor(0xffcc00ff, x, Math.floor(height / 2));
  return image.getBuffer(JimpMime.jpeg, { quality: 85 });
}

/** An APP1 segment whose EXIF says how the picture is to be turned (big-endian TIFF). */
function exifOrientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/**
 * A JPEG as a phone stores a portrait photo: `width` × `height` landscape pixels and an EXIF
 * orientation (6: turn a quarter clockwise to display).
 */
export async function makeJpegWithOrientation(
  width: number,
  height: number,
  orientation: number,
): Promise<Buffer> {
  const jpeg = await makeJpeg(width, height);
  return Buffer.concat([
    jpeg.subarray(0, 2),
    exifOrientationSegment(orientation),
    jpeg.subarray(2),
  ]);
}

/** Uploads a photo through the API, as the field app does, and returns the recorded media. */
export async function uploadPhoto(
  server: TestServer,
  credentials: Credentials,
  options: { data?: Uint8Array; contentType?: string; capture?: string; clientId?: string } = {},
): Promise<Media> {
  const fields: FormPart[] = [];
  if (options.capture !== undefined) fields.push({ name: 'capture', value: options.capture });
  if (options.clientId !== undefined) fields.push({ name: 'clientId', value: options.clientId });
  const { payload, headers } = buildMultipartBody([
    ...fields,
    {
      name: 'file',
      filename: 'photo.png',
      contentType: options.contentType ?? 'image/png',
      data: options.data ?? makePng(40, 30),
    },
  ]);
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/media',
    headers: { ...credentials.headers, ...headers },
    payload,
  });
  if (response.statusCode !== 201 && response.statusCode !== 200)
    throw new Error(`upload failed: ${response.body}`);
  return response.json<Media>();
}
