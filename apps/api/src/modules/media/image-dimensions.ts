import type { RecognisedMediaType } from './media-types.js';

/**
 * The pixel size of an image, read from its header without decoding it: recorded for every
 * image, and checked before a thumbnail is made, so a tiny file that declares 60000 × 60000
 * pixels (a decompression bomb) is never decoded.
 */
export interface ImageDimensions {
  readonly width: number;
  readonly height: number;
}

/**
 * Width and height as displayed: a JPEG whose EXIF orientation turns it a quarter (phones store
 * portrait photos as rotated landscape pixels) has them swapped. Null for videos and for headers
 * this reader does not understand.
 */
export function readImageDimensions(
  bytes: Uint8Array,
  type: RecognisedMediaType,
): ImageDimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (type) {
      case 'image/png':
        // The IHDR chunk always comes first, right after the 8-byte signature.
        return valid(view.getUint32(16), view.getUint32(20));
      case 'image/gif':
        return valid(view.getUint16(6, true), view.getUint16(8, true));
      case 'image/webp':
        return readWebpDimensions(bytes, view);
      case 'image/jpeg':
        return readJpegDimensions(bytes, view);
      default:
        return null;
    }
  } catch (error) {
    // A header cut short reads past the end: a broken image, not a server error.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function valid(width: number, height: number): ImageDimensions | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

function readWebpDimensions(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  const chunk = Buffer.from(bytes.subarray(12, 16)).toString('latin1');
  if (chunk === 'VP8X') {
    const width = 1 + (view.getUint16(24, true) | (view.getUint8(26) << 16));
    const height = 1 + (view.getUint16(27, true) | (view.getUint8(29) << 16));
    return valid(width, height);
  }
  if (chunk === 'VP8L') {
    if (view.getUint8(20) !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return valid(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
  }
  if (chunk === 'VP8 ') {
    // A key frame's start code, then 14-bit width and height (the top 2 bits are scaling).
    if (view.getUint8(23) !== 0x9d || view.getUint8(24) !== 0x01 || view.getUint8(25) !== 0x2a) {
      return null;
    }
    return valid(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  }
  return null;
}

/** Start-of-frame markers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
}

function readJpegDimensions(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  let orientation = 1;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker === 0xe1) orientation = readExifOrientation(bytes, view, offset + 4) ?? orientation;
    if (isStartOfFrame(marker)) {
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      // Orientations 5–8 turn the picture a quarter: what is displayed is the other way round.
      return orientation >= 5 && orientation <= 8 ? valid(height, width) : valid(width, height);
    }
    // Start of scan: the compressed data follows, and no frame header was found before it.
    if (marker === 0xda) return null;
    offset += 2 + length;
  }
  return null;
}

/** The EXIF Orientation tag (0x0112) of IFD0 in an APP1 segment starting at `start`, if any. */
function readExifOrientation(bytes: Uint8Array, view: DataView, start: number): number | null {
  if (Buffer.from(bytes.subarray(start, start + 6)).toString('latin1') !== 'Exif\0\0') return null;
  const tiff = start + 6;
  const order = Buffer.from(bytes.subarray(tiff, tiff + 2)).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const ifd = tiff + view.getUint32(tiff + 4, little);
  const entries = view.getUint16(ifd, little);
  for (let index = 0; index < entries; index += 1) {
    const entry = ifd + 2 + index * 12;
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
  }
  return null;
}
