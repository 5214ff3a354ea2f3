import type { OpenPatrolClient, Problem, Schemas } from '@openpatrol/api-client';
import { ProblemError, isNetworkError, toProblem } from '../api/problem.js';
import {
  LOCAL_MEDIA_PREFIX,
  type ExecutionWrite,
  type FieldDatabase,
  type QueuedWrite,
  type StoredMedia,
} from './field-database.js';

/** What the app shows about the queue: the performer must always know whether their work is sent. */
export interface QueueState {
  /** Writes of the signed-in member not yet accepted by the server. */
  readonly pending: number;
  /** Writes other members made on this device that wait for them to sign in again. */
  readonly pendingOfOthers: number;
  /** Writes the server refused, with its reason, until the performer dismisses them. */
  readonly refused: readonly QueuedWrite[];
  readonly lastSyncAt: string | null;
  readonly syncing: boolean;
  /** Why the last sync stopped early (offline, server error, signed out); null when it finished. */
  readonly stoppedBecause: string | null;
  /** Every write still held on the device, for the optimistic view of executions. */
  readonly writes: readonly QueuedWrite[];
  /** False until the queue was first read from the device: views wait, or they would flash old values. */
  readonly loaded: boolean;
}

export type NewExecutionWrite = DistributiveOmit<ExecutionWrite, 'id' | 'deviceTime'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const BATCH_LIMIT = 500;
const LAST_SYNC_KEY = 'openpatrol.field.lastSyncAt';

/** Stops a sync run; the writes stay queued for the next one. */
class SyncStopped extends Error {}

export type WriteQueue = ReturnType<typeof createWriteQueue>;

/**
 * The queue every field write goes through, online or not: it is stored first, then sent. Writes
 * keep their client id across retries, so the server applies each once however often it is sent;
 * photos are uploaded first with their own clientId for the same reason.
 */
export function createWriteQueue({
  db,
  api,
  readMemberId,
  onApplied,
}: {
  db: FieldDatabase;
  api: OpenPatrolClient;
  /** The signed-in member, or null: only their writes are sent, with their session. */
  readMemberId: () => string | null;
  /** Called after a sync with the executions that changed, so fresh copies can be fetched. */
  onApplied: (executionIds: readonly string[]) => Promise<void>;
}) {
  let state: QueueState = {
    pending: 0,
    pendingOfOthers: 0,
    refused: [],
    lastSyncAt: localStorage.getItem(LAST_SYNC_KEY),
    syncing: false,
    stoppedBecause: null,
    writes: [],
    loaded: false,
  };
  const listeners = new Set<() => void>();
  let orderCounter = 0;
  let running: Promise<void> | null = null;
  let again = false;

  function setState(change: Partial<QueueState>) {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  }

  async function refresh() {
    const writes = await db.getAllFromIndex('writes', 'by-order');
    const memberId = readMemberId();
    setState({
      writes,
      loaded: true,
      pending: writes.filter((w) => w.status === 'PENDING' && w.memberId === memberId).length,
      pendingOfOthers: writes.filter((w) => w.status === 'PENDING' && w.memberId !== memberId)
        .length,
      refused: writes.filter((w) => w.status === 'REFUSED' && w.memberId === memberId),
    });
  }

  function nextOrder(): number {
    return Date.now() * 1000 + (orderCounter++ % 1000);
  }

  function base(memberId: string, id: string, mediaClientIds: readonly string[]) {
    return {
      id,
      memberId,
      order: nextOrder(),
      createdAt: new Date().toISOString(),
      mediaClientIds,
      status: 'PENDING' as const,
      problem: null,
      appliedAt: null,
      resultId: null,
    };
  }

  async function save(write: QueuedWrite): Promise<QueuedWrite> {
    await db.put('writes', write);
    await refresh();
    return write;
  }

  async function uploadMedia(clientId: string): Promise<string> {
    const media = await db.get('media', clientId);
    if (!media) throw new ProblemError(missingPhotoProblem(clientId));
    if (media.mediaId) return media.mediaId;
    const form = new FormData();
    // The server reads the fields before the file: they must come first (docs/api/media.md).
    form.append('capture', media.capture);
    form.append('clientId', media.clientId);
    form.append('file', media.blob, fileNameOf(media));
    const { data, error, response } = await api.POST('/media', {
      body: { file: '' },
      bodySerializer: () => form,
    });
    if (!response.ok || !data) throw new ProblemError(toProblem(error, response));
    await db.put('media', { ...media, mediaId: data.id });
    return data.id;
  }

  /** Replaces `local:` placeholders with the uploaded media ids, uploading what is needed. */
  async function resolveMediaIds(ids: readonly string[]): Promise<string[]> {
    const resolved: string[] = [];
    for (const id of ids)
      resolved.push(
        id.startsWith(LOCAL_MEDIA_PREFIX)
          ? await uploadMedia(id.slice(LOCAL_MEDIA_PREFIX.length))
          : id,
      );
    return resolved;
  }

  async function markApplied(write: QueuedWrite, resultId: string | null = null) {
    write.status = 'APPLIED';
    write.appliedAt = new Date().toISOString();
    write.problem = null;
    write.resultId = resultId;
    await db.put('writes', write);
  }

  async function markRefused(write: QueuedWrite, problem: Problem) {
    write.status = 'REFUSED';
    write.problem = problem;
    await db.put('writes', write);
  }

  /** A failure that is not the write's fault (no network, server trouble, no session) stops the run. */
  function stopUnlessRefusal(error: unknown): ProblemError {
    if (isNetworkError(error)) throw new SyncStopped('No connection: waiting to be online.');
    if (error instanceof ProblemError) {
      if (error.status === 401) throw new SyncStopped('Signed out: sign in again to send.');
      if (error.status >= 500 || error.status === 429)
        throw new SyncStopped('The server is busy or failing: retrying shortly.');
      return error;
    }
    throw error;
  }

  async function sendExecutionBatch(batch: Extract<QueuedWrite, { kind: 'EXECUTION' }>[]) {
    const ready: { queued: (typeof batch)[number]; write: ExecutionWrite }[] = [];
    for (const queued of batch) {
      try {
        const mediaIds = queued.write.mediaIds
          ? await resolveMediaIds(queued.write.mediaIds)
          : undefined;
        ready.push({ queued, write: { ...queued.write, ...(mediaIds ? { mediaIds } : {}) } });
      } catch (error) {
        await markRefused(queued, stopUnlessRefusal(error).problem);
      }
    }
    if (ready.length === 0) return;
    const { data, error, response } = await api
      .POST('/task-executions/events', {
        body: {
          writes: ready.map(({ queued, write }) => ({ executionId: queued.executionId, ...write })),
        },
      })
      .catch((failure: unknown) => stopUnlessRefusal(failure) as never);
    if (response.ok && data) {
      for (const [index, result] of data.results.entries()) {
        const entry = ready[index];
        if (!entry) continue;
        if (result.outcome === 'REFUSED' && result.problem)
          await markRefused(entry.queued, result.problem);
        else await markApplied(entry.queued);
      }
      return;
    }
    // Offline, signed out or a server failure stops here; otherwise the batch as a whole was
    // malformed: send each write alone, so one bad write cannot hold back the others.
    stopUnlessRefusal(new ProblemError(toProblem(error, response)));
    for (const { queued, write } of ready) {
      try {
        const sent = await api.POST('/task-executions/{id}/events', {
          params: { path: { id: queued.executionId } },
          body: write,
        });
        if (!sent.response.ok) throw new ProblemError(toProblem(sent.error, sent.response));
        await markApplied(queued);
      } catch (failure) {
        await markRefused(queued, stopUnlessRefusal(failure).problem);
      }
    }
  }

  async function sendOne(queued: Exclude<QueuedWrite, { kind: 'EXECUTION' }>) {
    try {
      if (queued.kind === 'CHECK_IN') {
        const { data, error, response } = await api.POST('/check-ins', { body: queued.body });
        if (!response.ok || !data) throw new ProblemError(toProblem(error, response));
        await markApplied(queued, data.execution.id);
        return data.execution.id;
      }
      const mediaIds = await resolveMediaIds(queued.body.mediaIds ?? []);
      const { data, error, response } = await api.POST('/issues', {
        body: { ...queued.body, mediaIds },
      });
      if (!response.ok || !data) throw new ProblemError(toProblem(error, response));
      await markApplied(queued, data.id);
      return null;
    } catch (error) {
      await markRefused(queued, stopUnlessRefusal(error).problem);
      return null;
    }
  }

  async function runSync(): Promise<void> {
    const memberId = readMemberId();
    if (!memberId) return;
    setState({ syncing: true });
    const changed = new Set<string>();
    let stoppedBecause: string | null = null;
    try {
      const stored = await db.getAllFromIndex('writes', 'by-order');
      // Applied before the connection dropped, but no fresh copy came back: fetch one now.
      for (const write of stored)
        if (write.memberId === memberId && write.status === 'APPLIED' && write.kind === 'EXECUTION')
          changed.add(write.executionId);
      const queue = stored.filter(
        (write) => write.memberId === memberId && write.status === 'PENDING',
      );
      let batch: Extract<QueuedWrite, { kind: 'EXECUTION' }>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const sending = batch;
        batch = [];
        await sendExecutionBatch(sending);
        for (const write of sending) changed.add(write.executionId);
      };
      for (const write of queue) {
        if (write.kind === 'EXECUTION') {
          batch.push(write);
          if (batch.length >= BATCH_LIMIT) await flush();
        } else {
          await flush();
          const executionId = await sendOne(write);
          if (executionId) changed.add(executionId);
        }
      }
      await flush();
      const lastSyncAt = new Date().toISOString();
      localStorage.setItem(LAST_SYNC_KEY, lastSyncAt);
      setState({ lastSyncAt });
    } catch (error) {
      // Whatever stopped the run, the writes stay queued for the next one; sync() never fails.
      stoppedBecause =
        error instanceof SyncStopped
          ? error.message
          : `Sending stopped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      await refresh();
      setState({ syncing: false, stoppedBecause });
    }
    if (changed.size > 0) {
      try {
        await onApplied([...changed]);
      } catch {
        // Fresh copies come with the next sync or reload; the applied writes stay shown till then.
      }
    }
  }

  /** Runs a sync now, or right after the one in progress, so every write made so far is tried. */
  function sync(): Promise<void> {
    if (running) {
      again = true;
      return running.then(() => (running ? running : sync()));
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runSync();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    getState: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    refresh,
    sync,

    async storeMedia(memberId: string, blob: Blob, capture: StoredMedia['capture']) {
      const clientId = crypto.randomUUID();
      await db.put('media', {
        clientId,
        memberId,
        blob,
        capture,
        createdAt: new Date().toISOString(),
        mediaId: null,
      });
      return clientId;
    },

    readMedia: (clientId: string) => db.get('media', clientId),

    /** The photo behind a server media id, when this device took it (shown even offline). */
    async findMediaByServerId(mediaId: string): Promise<StoredMedia | undefined> {
      return (await db.getAll('media')).find((media) => media.mediaId === mediaId);
    },

    async addExecutionWrite(memberId: string, executionId: string, write: NewExecutionWrite) {
      const id = crypto.randomUUID();
      const mediaClientIds = (write.mediaIds ?? [])
        .filter((mediaId) => mediaId.startsWith(LOCAL_MEDIA_PREFIX))
        .map((mediaId) => mediaId.slice(LOCAL_MEDIA_PREFIX.length));
      return save({
        ...base(memberId, id, mediaClientIds),
        kind: 'EXECUTION',
        executionId,
        write: { ...write, id, deviceTime: new Date().toISOString() },
      });
    },

    async addCheckIn(
      memberId: string,
      body: Omit<Schemas['OnDemandCheckInBody'], 'id' | 'deviceTime'>,
    ) {
      const id = crypto.randomUUID();
      return save({
        ...base(memberId, id, []),
        kind: 'CHECK_IN',
        body: { ...body, id, deviceTime: new Date().toISOString() },
      });
    },

    async addIssue(
      memberId: string,
      body: Omit<Schemas['CreateIssueBody'], 'clientId' | 'occurredAt'>,
    ) {
      const id = crypto.randomUUID();
      const mediaClientIds = (body.mediaIds ?? []).map((mediaId) =>
        mediaId.slice(LOCAL_MEDIA_PREFIX.length),
      );
      return save({
        ...base(memberId, id, mediaClientIds),
        kind: 'ISSUE',
        body: { ...body, clientId: id, occurredAt: new Date().toISOString() },
      });
    },

    /** The write as it now stands in the queue (after a sync: applied, refused or still pending). */
    find: (id: string) => db.get('writes', id),

    /** Forgets a refused write the performer has read, and the photos only it referred to. */
    async dismiss(id: string) {
      const write = await db.get('writes', id);
      if (!write || write.status === 'PENDING') return;
      await db.delete('writes', id);
      for (const clientId of write.mediaClientIds) await db.delete('media', clientId);
      await refresh();
    },

    /**
     * Drops writes the server applied once fresh copies of their executions are on the device
     * (`executionIds`): those copies now show what the writes did. Without ids, only applied
     * check-ins and issues go. Photos stay a day after upload, for showing offline.
     */
    async purgeApplied(executionIds?: readonly string[]) {
      const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
      const tx = db.transaction(['writes', 'media'], 'readwrite');
      const referenced = new Set<string>();
      for (const write of await tx.objectStore('writes').getAll()) {
        // Check-ins and issues are not shown from the queue (their results are read right after
        // they are sent); execution writes go only once a fresh copy of their execution is kept.
        const covered =
          write.kind === 'EXECUTION'
            ? (executionIds?.includes(write.executionId) ?? false)
            : executionIds === undefined;
        if (write.status === 'APPLIED' && covered) await tx.objectStore('writes').delete(write.id);
        else for (const clientId of write.mediaClientIds) referenced.add(clientId);
      }
      for (const media of await tx.objectStore('media').getAll())
        if (media.mediaId && media.createdAt < dayAgo && !referenced.has(media.clientId))
          await tx.objectStore('media').delete(media.clientId);
      await tx.done;
      await refresh();
    },
  };
}

function fileNameOf(media: StoredMedia): string {
  const extension = media.blob.type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  return `${media.clientId}.${extension}`;
}

function missingPhotoProblem(clientId: string): Problem {
  return {
    type: 'about:blank',
    title: 'The photo is missing on this device',
    status: 400,
    detail: `The photo ${clientId} is no longer stored on this device, so it cannot be sent.`,
    instance: '/api/media',
    requestId: '',
    errors: null,
  };
}
