import type { Schemas } from '@openpatrol/api-client';

type ExecutionState = Schemas['ExecutionState'];
type ResultStatus = Schemas['ResultStatus'];
type Priority = Schemas['Priority'];

export const STATE_LABELS: Record<ExecutionState, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  INCOMPLETE: 'Incomplete',
  CANCELED: 'Canceled',
};

export const STATUS_LABELS: Record<ResultStatus, string> = {
  OK: 'OK',
  WARNING: 'Warning',
  ERROR: 'Error',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  LOW: 'Low',
  NORMAL: 'Normal',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const PRIORITY_COLORS: Record<Priority, string> = {
  LOW: 'gray',
  NORMAL: 'blue',
  HIGH: 'orange',
  CRITICAL: 'red',
};

export const STATUS_COLORS: Record<ResultStatus, string> = {
  OK: 'green',
  WARNING: 'yellow',
  ERROR: 'red',
};

/** A Mantine color for an execution: results first, then where it stands. */
export function executionColor(execution: {
  state: ExecutionState;
  status: ResultStatus | null;
  expired: boolean;
}): string {
  if (execution.state === 'CANCELED') return 'gray';
  if (execution.status) return STATUS_COLORS[execution.status];
  if (execution.state === 'INCOMPLETE' || execution.expired) return 'red';
  if (execution.state === 'IN_PROGRESS') return 'cyan';
  return 'blue';
}

const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const STATE_OPTIONS = options(STATE_LABELS);
export const STATUS_OPTIONS = options(STATUS_LABELS);
export const PRIORITY_OPTIONS = options(PRIORITY_LABELS);
