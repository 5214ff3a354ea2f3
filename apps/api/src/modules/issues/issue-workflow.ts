import type { IssueStatus } from '../../database/database.js';

/**
 * The status workflow of an issue: OPEN → ACKNOWLEDGED → RESOLVED; a supervisor may also resolve
 * an OPEN issue at once, and reopen a RESOLVED one (with a comment saying why). Nothing moves
 * backwards otherwise: an acknowledgement is not taken back, and a resolved issue that needs work
 * again is reopened, not "un-resolved" to ACKNOWLEDGED.
 */
const NEXT_STATUSES: Readonly<Record<IssueStatus, readonly IssueStatus[]>> = {
  OPEN: ['ACKNOWLEDGED', 'RESOLVED'],
  ACKNOWLEDGED: ['RESOLVED'],
  RESOLVED: ['OPEN'],
};

/** Whether an issue in `from` may move to `to`; staying in the same status is not a move. */
export function canChangeStatus(from: IssueStatus, to: IssueStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** The statuses an issue in `from` may move to, for messages. */
export function nextStatusesOf(from: IssueStatus): readonly IssueStatus[] {
  return NEXT_STATUSES[from];
}

/** Reopening undoes a resolution: the people involved must say why. */
export function isReopening(from: IssueStatus, to: IssueStatus): boolean {
  return from === 'RESOLVED' && to === 'OPEN';
}
