/**
 * The media types OpenPatrol can recognise from a file's first bytes. A type is accepted only if
 * it is in this list (MEDIA_TYPES may narrow it) and the bytes say so: a renamed executable sent
 * as image/png is refused, and what we serve back is what the bytes are.
 */
export const RECOGNISED_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/quicktime',
  'video/webm',
] as const;
export type RecognisedMediaType = (typeof RECOGNISED_MEDIA_TYPES)[number];

export const DEFAULT_MEDIA_TYPES: readonly RecognisedMediaType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/webm',
];

/** How many leading bytes {@link sniffMediaType} needs at most to decide. */
export const SNIFF_LENGTH = 4096;

/** The file name extension a download offers, by type. */
export const EXTENSIONS: Readonly<Record<RecognisedMediaType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
};

export function isRecognisedMediaType(value: string): value is RecognisedMediaType {
  return (RECOGNISED_MEDIA_TYPES as readonly string[]).includes(value);
}

/**
 * The type and subtype of a Content-Type header value, lower-cased, without parameters:
 * `Image/JPEG; charset=binary` → `image/jpeg`.
 */
export function essenceOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
/** ISO base media brands of QuickTime files; every other `ftyp` brand we take for MP4. */
const QUICKTIME_BRANDS = new Set(['qt  ']);
/** Brands of still images in the same container (HEIC, AVIF): not videos, whatever they claim. */
const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString('latin1');
}

/**
 * The recognised type of a file from its first bytes (at least {@link SNIFF_LENGTH} of them, or
 * the whole file if shorter), or null when they match none.
 */
export function sniffMediaType(head: Uint8Array): RecognisedMediaType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (IMAGE_BRANDS.has(brand)) return null;
    return QUICKTIME_BRANDS.has(brand) ? 'video/quicktime' : 'video/mp4';
  }
  // Matroska and WebM share the EBML header; its DocType element says which one it is.
  if (startsWith(head, EBML_MAGIC) && ascii(head, 4, Math.min(head.length, 64)).includes('webm')) {
    return 'video/webm';
  }
  return null;
}

/** Names phones and browsers give some formats, and the recognised type each one means. */
const ALIASES: Readonly<Record<string, RecognisedMediaType>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'video/x-m4v': 'video/mp4',
};

/**
 * The declared Content-Type of an uploaded file as a comparable type: parameters dropped, lower
 * case, aliases resolved. `application/octet-stream` (and no type at all) mean the client does
 * not know: null, and the bytes alone decide.
 */
export function canonicalDeclaredType(contentType: string | undefined): string | null {
  const essence = essenceOf(contentType ?? '');
  if (essence === '' || essence === 'application/octet-stream') return null;
  return ALIASES[essence] ?? essence;
}
