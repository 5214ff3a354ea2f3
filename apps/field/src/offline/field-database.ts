import type { Problem, Schemas } from '@openpatrol/api-client';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * What the phone keeps between visits, in IndexedDB: the queue of writes not yet accepted by the
 * server, the photos they refer to, and the last copies of what the server said (executions,
 * locations, points), so the performer can work without a connection. Nothing leaves the queue
 * before the server has answered for it.
 */

export type ExecutionWrite = Schemas['ExecutionWrite'];

/** `local:<clientId>` stands in a write's mediaIds for a photo not uploaded yet. */
export const LOCAL_MEDIA_PREFIX = 'local:';

export type QueuedWrite =
  | (QueuedWriteBase & { kind: 'EXECUTION'; executionId: string; write: ExecutionWrite })
  | (QueuedWriteBase & { kind: 'CHECK_IN'; body: Schemas['OnDemandCheckInBody'] })
  | (QueuedWriteBase & { kind: 'ISSUE'; body: Schemas['CreateIssueBody'] });

export interface QueuedWriteBase {
  /** The write's client-generated id (for issues, the report's clientId). */
  readonly id: string;
  /** Who made it: a write is sent only with its author's session. */
  readonly memberId: string;
  /** Position in the queue: writes are sent in the order they were made. */
  readonly order: number;
  readonly createdAt: string;
  /** Photos to upload before the write can be sent (their `clientId`s). */
  readonly mediaClientIds: readonly string[];
  status: 'PENDING' | 'APPLIED' | 'REFUSED';
  /** Why the server refused it. */
  problem: Problem | null;
  /** When the server accepted it: it stays on screen until a fresh copy of its execution arrives. */
  appliedAt: string | null;
  /** The id of what the server made of it (the on-demand execution, the issue). */
  resultId: string | null;
}

export interface StoredMedia {
  readonly clientId: string;
  readonly memberId: string;
  readonly blob: Blob;
  readonly capture: 'CAMERA' | 'GALLERY';
  readonly createdAt: string;
  /** Set once uploaded; the upload is retried with the same clientId until then. */
  mediaId: string | null;
}

export interface CachedValue {
  readonly key: string;
  readonly value: unknown;
  /** When the request that brought it was sent: the value is at least this fresh. */
  readonly fetchedAt: string;
}

interface FieldSchema extends DBSchema {
  writes: { key: string; value: QueuedWrite; indexes: { 'by-order': number } };
  media: { key: string; value: StoredMedia };
  cache: { key: string; value: CachedValue };
}

export type FieldDatabase = IDBPDatabase<FieldSchema>;

export function openFieldDatabase(name = 'openpatrol-field'): Promise<FieldDatabase> {
  return openDB<FieldSchema>(name, 1, {
    upgrade(db) {
      const writes = db.createObjectStore('writes', { keyPath: 'id' });
      writes.createIndex('by-order', 'order');
      db.createObjectStore('media', { keyPath: 'clientId' });
      db.createObjectStore('cache', { keyPath: 'key' });
    },
  });
}

export async function readCached<T>(
  db: FieldDatabase,
  key: string,
): Promise<{ value: T; fetchedAt: string } | undefined> {
  const entry = await db.get('cache', key);
  return entry ? { value: entry.value as T, fetchedAt: entry.fetchedAt } : undefined;
}

/**
 * Keeps a server answer, unless a fresher one is already kept: `fetchedAt` is when its request
 * was sent, so a slow list fetched before a write was applied cannot replace the copy fetched
 * after it (the queue drops applied writes once a copy that includes them is kept).
 */
export async function writeCached(
  db: FieldDatabase,
  key: string,
  value: unknown,
  fetchedAt: string,
): Promise<boolean> {
  const tx = db.transaction('cache', 'readwrite');
  const kept = await tx.store.get(key);
  const isFresher = !kept || kept.fetchedAt <= fetchedAt;
  if (isFresher) await tx.store.put({ key, value, fetchedAt });
  await tx.done;
  return isFresher;
}
