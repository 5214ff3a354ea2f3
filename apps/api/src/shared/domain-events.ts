import type { Kysely } from 'kysely';
import type { Database } from '../database/database.js';

/**
 * Things that happened, told inside the transaction that made them happen, so whatever reacts
 * (webhooks, alerts) is written with the change or not at all. Listeners compute the payload
 * only when they want the event.
 */
export interface DomainEvent {
  readonly type: string;
  readonly locationId: string | null;
  /** The API's representation of the resource, computed on demand. */
  readonly data: () => unknown;
}

export interface DomainEvents {
  emit(trx: Kysely<Database>, organizationId: string, event: DomainEvent): Promise<void>;
}

/** Tells every listener, in order. */
export function combineDomainEvents(...listeners: readonly DomainEvents[]): DomainEvents {
  return {
    async emit(trx, organizationId, event) {
      let computed: { value: unknown } | null = null;
      // One payload for all listeners: computing it can cost queries.
      const once: DomainEvent = {
        ...event,
        data: async () => (computed ??= { value: await event.data() }).value,
      };
      for (const listener of listeners) await listener.emit(trx, organizationId, once);
    },
  };
}
