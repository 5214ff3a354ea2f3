import type { OpenPatrolClient } from '@openpatrol/api-client';
import { createContext, use, useSyncExternalStore } from 'react';
import { isNetworkError } from '../api/problem.js';
import { readCached, writeCached, type FieldDatabase } from './field-database.js';
import type { QueueState, WriteQueue } from './write-queue.js';

/** What every screen works with: the API client, the device's database and the write queue. */
export interface FieldServices {
  readonly api: OpenPatrolClient;
  readonly db: FieldDatabase;
  readonly queue: WriteQueue;
}

export const FieldServicesContext = createContext<FieldServices | null>(null);

export function useFieldServices(): FieldServices {
  const services = use(FieldServicesContext);
  if (!services) throw new Error('useFieldServices() needs a <FieldServicesContext> above it');
  return services;
}

export function useQueueState(): QueueState {
  const { queue } = useFieldServices();
  return useSyncExternalStore(queue.subscribe, queue.getState);
}

/** Marks data that came from the device because the server could not be reached. */
export interface Cached<T> {
  readonly value: T;
  /** When the server last gave this value; null when it just did. */
  readonly offlineSince: string | null;
}

/**
 * Asks the server and keeps the answer on the device; without a connection, answers with what
 * was kept. Problems from the server (signed out, not found) are not hidden behind old data.
 */
export async function fetchWithDeviceCopy<T>(
  db: FieldDatabase,
  key: string,
  fetcher: (startedAt: string) => Promise<T>,
): Promise<Cached<T>> {
  const startedAt = new Date().toISOString();
  try {
    const value = await fetcher(startedAt);
    if (await writeCached(db, key, value, startedAt)) return { value, offlineSince: null };
    // A fresher copy arrived while this request was on its way: that one is the truth.
    const kept = await readCached<T>(db, key);
    return { value: kept?.value ?? value, offlineSince: null };
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    const cached = await readCached<T>(db, key);
    if (!cached) throw error;
    return { value: cached.value, offlineSince: cached.fetchedAt };
  }
}
