import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/**
 * Where media bytes live, behind the smallest seam a second backend needs: the disk driver below
 * is the default; the S3-compatible driver (s3-media-storage.ts) implements the same three
 * calls, so the service and routes never learn which one runs. Keys are relative, slash-separated paths made by
 * the media service (`<organizationId>/<xx>/<mediaId>`); a driver maps them onto its namespace.
 *
 * Contract every driver keeps:
 * - `put` is atomic: a reader sees the whole object or none, never a partial file, and a failed
 *   or aborted `put` (the body stream errors) leaves nothing behind.
 * - `get` returns null for a key that does not exist; `range` is inclusive, as in HTTP.
 * - `delete` of a missing key succeeds: cleanup after a failed upload may repeat.
 */
export interface MediaStorage {
  put(key: string, body: Readable | Uint8Array): Promise<void>;
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

/** Bytes `start` to `end`, both included (HTTP's `Range: bytes=start-end`). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface StoredObject {
  readonly body: Readable;
  /** The size of the whole object, whatever range was asked for. */
  readonly size: number;
}

/** One path segment: letters, digits, dot, dash, underscore; never `.` or `..`. */
const KEY_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Refuses keys that could leave the storage root or mean something else on another backend. */
export function assertValidStorageKey(key: string): void {
  const segments = key.split('/');
  const isValid =
    key.length > 0 &&
    key.length <= 512 &&
    segments.every((segment) => KEY_SEGMENT.test(segment) && !segment.includes('..'));
  if (!isValid) throw new Error(`Not a valid media storage key: ${JSON.stringify(key)}`);
}

/**
 * Media as files under `root` (DATA_DIR/media by default). A file is written beside its final
 * name under a unique temporary name, flushed to disk, then renamed: rename is atomic on one
 * file system, so a crash or a failed upload never leaves a half-written file under a real key.
 */
export function createDiskMediaStorage(root: string): MediaStorage {
  const resolvedRoot = path.resolve(root);

  function pathOf(key: string): string {
    assertValidStorageKey(key);
    const target = path.resolve(resolvedRoot, key);
    // Belt and braces: the key check above already rules out leaving the root.
    if (!target.startsWith(resolvedRoot + path.sep))
      throw new Error(`Key escapes the root: ${key}`);
    return target;
  }

  return {
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Leftovers of a crash end in .tmp and never match a key (keys have no such suffix).
      const temporary = `${target}.${randomUUID()}.tmp`;
      const file = await open(temporary, 'wx');
      try {
        // Written chunk by chunk: each write waits for the disk, which paces the upload.
        const chunks: AsyncIterable<Uint8Array> | Uint8Array[] =
          body instanceof Readable ? body : [body];
        for await (const chunk of chunks) await file.write(chunk);
        // Evidence must survive a power cut once the upload was acknowledged.
        await file.sync();
        await file.close();
        await rename(temporary, target);
      } catch (error) {
        await file.close().catch(() => undefined);
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async get(key, range) {
      const target = pathOf(key);
      let size: number;
      try {
        size = (await stat(target)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const body = createReadStream(target, range ? { start: range.start, end: range.end } : {});
      return { body, size };
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
