import { createHash } from 'node:crypto';

/**
 * The fixed namespace of OpenPatrol's deterministic ids (RFC 9562 UUIDv5). Changing it would
 * change every execution id ever returned: never do.
 */
export const EXECUTION_ID_NAMESPACE = '2f6b7c2e-8a51-5d0e-9c4b-6f1d3a7e9b20';

/** RFC 9562 §5.5: SHA-1 of the namespace bytes and the name, version 5, variant 10. */
export function uuidV5(name: string, namespace: string = EXECUTION_ID_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The stable id of a task's occurrence: its index never moves (see expandOccurrences). */
export const executionIdOf = (scheduledTaskId: string, index: number) =>
  uuidV5(`${scheduledTaskId}/${index}`);

/**
 * Recently derived part ids: a page of executions derives one per step and action (about 1,500
 * SHA-1 digests for 100 executions), and the same pages are read again and again by pollers.
 */
const recentPartIds = new Map<string, string>();
const RECENT_PART_IDS = 100_000;

/** The id of a step or action as it appears in one execution. */
export function executionPartIdOf(executionId: string, scheduledId: string): string {
  const name = `${executionId}/${scheduledId}`;
  let id = recentPartIds.get(name);
  if (id === undefined) {
    id = uuidV5(name);
    if (recentPartIds.size >= RECENT_PART_IDS) recentPartIds.clear();
    recentPartIds.set(name, id);
  }
  return id;
}
