import { useCallback } from 'react';
import { describeProblem } from '../api/problem.js';
import { useFieldServices } from '../offline/field-services.js';
import type { NewExecutionWrite, WriteQueue } from '../offline/write-queue.js';
import { useSession } from '../session/session.js';

/** What became of a write right after it was made. */
export type WriteOutcome =
  /** `resultId`: what the server made of it (an on-demand check-in's execution, an issue). */
  | { readonly kind: 'applied'; readonly resultId: string | null }
  /** Stored on the device; it is sent when the connection is back. */
  | { readonly kind: 'queued' }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Sends the queue now and reports on one write. A refusal that comes back at once is shown where
 * the performer made the write and leaves the queue; one that comes later, after an offline
 * spell, stays in the queue's list of refused writes until read.
 */
export async function settleWrite(queue: WriteQueue, writeId: string): Promise<WriteOutcome> {
  await queue.sync();
  const after = await queue.find(writeId);
  if (!after || after.status === 'APPLIED')
    return { kind: 'applied', resultId: after?.resultId ?? null };
  if (after.status === 'REFUSED') {
    const reason = after.problem ? describeProblem(after.problem) : 'The server refused it.';
    await queue.dismiss(writeId);
    return { kind: 'refused', reason };
  }
  return { kind: 'queued' };
}

export function usePerforming(executionId: string) {
  const { queue } = useFieldServices();
  const { memberId } = useSession();
  return useCallback(
    async (write: NewExecutionWrite): Promise<WriteOutcome> => {
      const queued = await queue.addExecutionWrite(memberId, executionId, write);
      return settleWrite(queue, queued.id);
    },
    [queue, memberId, executionId],
  );
}
