import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import type { Clock } from '../../shared/clock.js';
import { validationFailed } from '../../shared/problems.js';
import type { FieldError } from '../../shared/app-error.js';
import { SUPERVISORS } from '../auth/access.js';
import type { Actor } from '../auth/actor.js';
import { readImageDimensions, type ImageDimensions } from './image-dimensions.js';
import {
  mediaNotFound,
  mediaThumbnailNotFound,
  mediaTooLarge,
  mediaTypeNotAllowed,
} from './media.errors.js';
import * as repository from './media.repository.js';
import type { Media, MediaCapture } from './media.schemas.js';
import type { ByteRange, MediaStorage, StoredObject } from './media-storage.js';
import {
  canonicalDeclaredType,
  sniffMediaType,
  SNIFF_LENGTH,
  type RecognisedMediaType,
} from './media-types.js';
import {
  THUMBNAIL_MAX_SOURCE_PIXELS,
  THUMBNAIL_SOURCE_TYPES,
  type ThumbnailMaker,
} from './thumbnails.js';

export type MediaService = ReturnType<typeof createMediaService>;

/** One uploaded file on its way in, as the upload route hands it over. */
export interface MediaUpload {
  readonly capture: MediaCapture;
  readonly clientId: string | null;
  /** The file's bytes, read once, and what the client said about them. */
  readonly body: Readable;
  readonly declaredType: string | undefined;
  readonly originalName: string | null;
  /**
   * Called once the bytes are stored and before the upload is recorded, to read and check the
   * rest of the request; if it throws, the stored bytes are removed and nothing is recorded.
   */
  readonly finishRequest?: () => Promise<void>;
}

/** A readable media file: what is known about it, and its bytes when they are wanted. */
export interface MediaFile {
  readonly media: Media;
  /** The stored bytes, or the part of them in `range` (checked by the caller against the size). */
  open(range?: ByteRange): Promise<StoredObject>;
}

/** Keeps `IN (…)` lists well below every database's parameter limit. */
const LOOKUP_BATCH_SIZE = 500;

const FILE_POINTER: Pick<FieldError, 'in' | 'pointer'> = { in: 'body', pointer: '/file' };

function toMedia(row: repository.MediaRow): Media {
  return {
    id: row.id,
    contentType: row.contentType,
    sizeInBytes: row.sizeInBytes,
    sha256: row.sha256,
    capture: row.capture,
    width: row.width,
    height: row.height,
    hasThumbnail: row.thumbnailKey !== null,
    createdAt: row.createdAt,
    uploadedByMemberId: row.uploadedByMemberId,
  };
}

/** Reads a stream to its end and drops the bytes, so the rest of the request can be parsed. */
async function discard(body: Readable): Promise<void> {
  for await (const chunk of body) void chunk;
}

/**
 * Media keys: grouped by organization, then spread over 256 folders by the id's first two hex
 * digits, so no single folder grows past what file tools handle comfortably.
 */
function storageKeysFor(organizationId: string, id: string) {
  const folder = `${organizationId}/${id.slice(0, 2)}`;
  return { original: `${folder}/${id}`, thumbnail: `${folder}/${id}.thumbnail.jpg` };
}

/** What streaming a file through the checks learnt about it. */
interface ReceivedFile {
  readonly contentType: RecognisedMediaType;
  readonly sizeInBytes: number;
  readonly sha256: string;
  /** The whole file, kept only for images a thumbnail will be made of. */
  readonly imageBytes: Buffer | null;
  readonly dimensions: ImageDimensions | null;
}

export function createMediaService({
  database,
  clock,
  logger,
  storage,
  thumbnails,
  limits,
}: {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  storage: MediaStorage;
  thumbnails: ThumbnailMaker;
  limits: { readonly maxBytes: number; readonly allowedTypes: readonly string[] };
}) {
  const { db } = database;
  const allowedTypes = new Set(limits.allowedTypes);

  function describeAllowedTypes() {
    return [...allowedTypes].join(', ');
  }

  /**
   * Streams the upload into storage under `key`, hashing and counting on the way, after checking
   * its first bytes against the declared type. A refused file is still read to its end (the
   * multipart limit caps it just past the maximum), so the request completes and the client gets
   * the answer instead of a broken connection; storage keeps nothing of it.
   */
  async function receiveFile(
    key: string,
    upload: MediaUpload,
    declaredType: string | null,
  ): Promise<ReceivedFile> {
    const hash = createHash('sha256');
    // Written by the generator below while storage reads from it.
    const state: {
      size: number;
      head: Buffer;
      contentType: RecognisedMediaType | null;
      refusal: Error | null;
      kept: Buffer[] | null;
    } = { size: 0, head: Buffer.alloc(0), contentType: null, refusal: null, kept: null };

    /** Settles the type from the first bytes: sets `contentType`, or `refusal` if refused. */
    function identify() {
      const sniffed = sniffMediaType(state.head);
      if (sniffed === null || !allowedTypes.has(sniffed)) {
        state.refusal = mediaTypeNotAllowed({
          detail: `The file's content is not one of the accepted types (${describeAllowedTypes()}).`,
          errors: [{ ...FILE_POINTER, detail: 'is not an accepted type of photo or video' }],
        });
      } else if (declaredType !== null && declaredType !== sniffed) {
        state.refusal = mediaTypeNotAllowed({
          detail: `The file was sent as ${declaredType}, but its content is ${sniffed}.`,
          errors: [{ ...FILE_POINTER, detail: `is ${sniffed}, not ${declaredType}` }],
        });
      } else {
        state.contentType = sniffed;
        // Thumbnails need the whole image in memory; other files only pass through.
        if (THUMBNAIL_SOURCE_TYPES.has(sniffed)) state.kept = [];
      }
    }

    async function* inspect(source: Readable): AsyncGenerator<Buffer> {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        if (state.refusal) continue;
        state.size += chunk.length;
        if (state.size > limits.maxBytes) {
          state.refusal = mediaTooLarge({
            detail: `The file exceeds the limit of ${limits.maxBytes} bytes.`,
            errors: [{ ...FILE_POINTER, detail: `must be at most ${limits.maxBytes} bytes` }],
          });
          continue;
        }
        hash.update(chunk);
        if (state.contentType === null) {
          // Storage gets nothing until the first bytes have shown what the file is.
          state.head = Buffer.concat([state.head, chunk]);
          if (state.head.length < SNIFF_LENGTH) continue;
          identify();
          if (state.refusal) continue;
          state.kept?.push(state.head);
          yield state.head;
        } else {
          state.kept?.push(chunk);
          yield chunk;
        }
      }
      // A file shorter than the sniffing window is identified once it has ended.
      if (!state.refusal && state.contentType === null && state.head.length > 0) {
        identify();
        if (!state.refusal) {
          state.kept?.push(state.head);
          yield state.head;
        }
      }
      if (state.refusal) throw state.refusal;
    }

    await storage.put(key, Readable.from(inspect(upload.body)));
    const { contentType } = state;
    // An empty file ends before anything could be identified; storage holds an empty object.
    if (contentType === null) {
      await storage.delete(key);
      throw validationFailed({
        detail: 'The file is empty.',
        errors: [{ ...FILE_POINTER, detail: 'is empty' }],
      });
    }
    const imageBytes = state.kept ? Buffer.concat(state.kept) : null;
    return {
      contentType,
      sizeInBytes: state.size,
      sha256: hash.digest('hex'),
      imageBytes,
      // Images without a thumbnail (WebP, GIF) have their size in the first bytes.
      dimensions: contentType.startsWith('image/')
        ? readImageDimensions(imageBytes ?? state.head, contentType)
        : null,
    };
  }

  /**
   * A thumbnail of a JPEG or PNG within the pixel limit, stored under `key`; null when the image
   * gets none. Failing to make one never fails the upload: the original is what matters.
   */
  async function storeThumbnail(
    key: string,
    received: ReceivedFile,
  ): Promise<{ dimensions: ImageDimensions } | null> {
    const { imageBytes, dimensions } = received;
    if (!imageBytes || !dimensions) return null;
    if (dimensions.width * dimensions.height > THUMBNAIL_MAX_SOURCE_PIXELS) return null;
    try {
      const thumbnail = await thumbnails.makeThumbnail(imageBytes);
      await storage.put(key, thumbnail.jpeg);
      return { dimensions: { width: thumbnail.sourceWidth, height: thumbnail.sourceHeight } };
    } catch (error) {
      logger.warn({ err: error, storageKey: key }, 'no thumbnail for an uploaded image');
      return null;
    }
  }

  async function removeStored(keys: readonly (string | null)[]) {
    for (const key of keys) {
      if (key === null) continue;
      await storage.delete(key).catch((error: unknown) => {
        logger.error({ err: error, storageKey: key }, 'could not remove stored media');
      });
    }
  }

  /**
   * Uploaders read their own media; supervisors (Managers of any location, for now) and API
   * tokens read all of the organization's.
   */
  function canRead(actor: Actor, row: repository.MediaRow): boolean {
    if (actor.kind === 'token') return true;
    return SUPERVISORS.includes(actor.role) || row.uploadedByMemberId === actor.memberId;
  }

  /** Another organization's media, and media the caller may not read, are both "not found". */
  async function findReadableMedia(actor: Actor, mediaId: string) {
    const row = await repository.findMedia(db, actor.organizationId, mediaId);
    if (!row || !canRead(actor, row)) {
      throw mediaNotFound({ detail: `There is no media ${mediaId}.` });
    }
    return row;
  }

  /** The stored bytes of a recorded media file; their absence is a server fault, not a 404. */
  async function openStored(key: string, range?: ByteRange) {
    const object = await storage.get(key, range);
    if (!object) throw new Error(`Media storage has no object under ${key}`);
    return object;
  }

  return {
    /**
     * Stores one uploaded file and records it. With a client id already recorded in the
     * organization, stores nothing and returns the first upload (`isReplay`).
     */
    async uploadMedia(
      actor: Actor,
      upload: MediaUpload,
    ): Promise<{ media: Media; isReplay: boolean }> {
      const declaredType = canonicalDeclaredType(upload.declaredType);
      if (declaredType !== null && !allowedTypes.has(declaredType)) {
        await discard(upload.body);
        throw mediaTypeNotAllowed({
          detail: `Files of type ${declaredType} are not accepted; send one of ${describeAllowedTypes()}.`,
          errors: [{ ...FILE_POINTER, detail: `must be one of ${describeAllowedTypes()}` }],
        });
      }
      if (upload.clientId !== null) {
        const first = await repository.findMediaByClientId(
          db,
          actor.organizationId,
          upload.clientId,
        );
        if (first) {
          await discard(upload.body);
          await upload.finishRequest?.();
          return { media: toMedia(first), isReplay: true };
        }
      }

      const id = randomUUID();
      const keys = storageKeysFor(actor.organizationId, id);
      const received = await receiveFile(keys.original, upload, declaredType);
      const thumbnail = await storeThumbnail(keys.thumbnail, received);
      const row: repository.MediaRow = {
        organizationId: actor.organizationId,
        id,
        uploadedByMemberId: actor.kind === 'member' ? actor.memberId : null,
        uploadedByTokenId: actor.kind === 'token' ? actor.tokenId : null,
        clientId: upload.clientId,
        contentType: received.contentType,
        sizeInBytes: received.sizeInBytes,
        sha256: received.sha256,
        capture: upload.capture,
        width: thumbnail?.dimensions.width ?? received.dimensions?.width ?? null,
        height: thumbnail?.dimensions.height ?? received.dimensions?.height ?? null,
        storageKey: keys.original,
        thumbnailKey: thumbnail ? keys.thumbnail : null,
        originalName: upload.originalName,
        createdAt: clock.now().toISOString(),
      };
      try {
        await upload.finishRequest?.();
        await repository.insertMedia(db, row);
      } catch (error) {
        await removeStored([row.storageKey, row.thumbnailKey]);
        // The same client id raced in on two connections: the other upload was recorded first.
        if (upload.clientId !== null && isUniqueViolation(error)) {
          const first = await repository.findMediaByClientId(
            db,
            actor.organizationId,
            upload.clientId,
          );
          if (first) return { media: toMedia(first), isReplay: true };
        }
        throw error;
      }
      return { media: toMedia(row), isReplay: false };
    },

    async getMediaInfo(actor: Actor, mediaId: string): Promise<Media> {
      return toMedia(await findReadableMedia(actor, mediaId));
    },

    async getMediaFile(actor: Actor, mediaId: string): Promise<MediaFile> {
      const row = await findReadableMedia(actor, mediaId);
      return { media: toMedia(row), open: (range) => openStored(row.storageKey, range) };
    },

    async getThumbnailFile(actor: Actor, mediaId: string): Promise<MediaFile> {
      const row = await findReadableMedia(actor, mediaId);
      const { thumbnailKey } = row;
      if (thumbnailKey === null) {
        throw mediaThumbnailNotFound({
          detail: `Media ${mediaId} is a ${row.contentType} file without a thumbnail.`,
        });
      }
      return { media: toMedia(row), open: (range) => openStored(thumbnailKey, range) };
    },

    /**
     * The media of the organization among `ids`, by id; ids that are not the organization's are
     * absent. For other modules: to check that media attached to a result or an issue exist and
     * belong to the organization, and to read `capture` for camera-only actions.
     */
    /** `target`: the caller's transaction, when it holds one (SQLite has a single connection). */
    async findMediaOf(
      organizationId: string,
      ids: readonly string[],
      target: Kysely<Database> = db,
    ): Promise<Map<string, Media>> {
      const unique = [...new Set(ids)];
      const found = new Map<string, Media>();
      for (let start = 0; start < unique.length; start += LOOKUP_BATCH_SIZE) {
        const batch = unique.slice(start, start + LOOKUP_BATCH_SIZE);
        for (const row of await repository.listMediaByIds(target, organizationId, batch)) {
          found.set(row.id, toMedia(row));
        }
      }
      return found;
    },
  };
}
