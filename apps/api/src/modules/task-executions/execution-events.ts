import { createHash } from 'node:crypto';

/**
 * The event log of an execution (DESIGN §5): every field write becomes one event, chained to the
 * previous one by SHA-256, so changing or removing a stored event breaks every hash after it.
 * Pure: no database here.
 */

export const EVENT_TYPES = [
  'SEEN',
  'STARTED',
  'CHECKED_IN',
  'VALUE_RECORDED',
  'VALUE_CLEARED',
  'STEP_SKIPPED',
  'ACTION_SKIPPED',
  'NOTES_CHANGED',
  'FINISHED',
  'GAVE_UP',
  // Written by the server when a deadlined execution's window ends while in progress.
  'CLOSED_AT_DEADLINE',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The fields a write may carry besides its id, type and device time; which apply depends on the
 * type. A type alias, not an interface, so it is assignable to the response's JSON record.
 */
export type EventPayload = {
  stepId?: string;
  actionId?: string;
  method?: 'QR' | 'NFC' | 'GPS' | 'MANUAL';
  code?: string;
  nfcTagUid?: string;
  position?: { latitude: number; longitude: number; accuracyInMeters: number };
  booleanValue?: boolean;
  numberValue?: number;
  textValue?: string;
  selectedValues?: string[];
  mediaIds?: string[];
  reason?: string;
  notes?: string | null;
  /** CHECKED_IN over GPS: how far from the point the device was, as the server measured it. */
  distanceInMeters?: number;
};

export interface ExecutionEvent {
  readonly organizationId: string;
  readonly id: string;
  readonly taskExecutionId: string;
  readonly sequence: number;
  readonly type: EventType;
  readonly actorMemberId: string | null;
  readonly deviceTime: string | null;
  readonly receivedAt: string;
  readonly occurredAt: string;
  readonly payload: EventPayload;
  /** CHECKED_IN: the point presence was proven at; null otherwise. */
  readonly pointId: string | null;
  readonly previousHash: string;
  readonly hash: string;
}

/** The previous hash of an execution's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The hash of an event: everything recorded about it, and the hash before it. */
export function hashEvent(event: Omit<ExecutionEvent, 'hash'>): string {
  const content: Record<string, unknown> = { ...event };
  delete content.hash;
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export interface ChainVerification {
  readonly valid: boolean;
  readonly eventCount: number;
  /** The first event whose hash, link or sequence does not hold; null when all do. */
  readonly firstInvalidSequence: number | null;
  readonly lastHash: string;
}

/** Recomputes the chain of one execution's events, in sequence order. */
export function verifyChain(events: readonly ExecutionEvent[]): ChainVerification {
  let previousHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const intact =
      event.sequence === index + 1 &&
      event.previousHash === previousHash &&
      hashEvent(event) === event.hash;
    if (!intact)
      return {
        valid: false,
        eventCount: events.length,
        firstInvalidSequence: event.sequence,
        lastHash: events.at(-1)!.hash,
      };
    previousHash = event.hash;
  }
  return {
    valid: true,
    eventCount: events.length,
    firstInvalidSequence: null,
    lastHash: previousHash,
  };
}
