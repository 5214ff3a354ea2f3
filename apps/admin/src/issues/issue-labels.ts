import type { Schemas } from '@openpatrol/api-client';

export type Issue = Schemas['Issue'];
export type IssueDetails = Schemas['IssueDetails'];
export type IssueStatus = Schemas['IssueStatus'];
export type IssueSeverity = Schemas['IssueSeverity'];
export type IssueCategory = Schemas['IssueCategory'];

export const ISSUE_STATUSES: readonly IssueStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
/** Lowest first, as the API orders them for `severityAtLeast`. */
export const ISSUE_SEVERITIES: readonly IssueSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const ISSUE_CATEGORIES: readonly IssueCategory[] = [
  'INTRUSION',
  'DAMAGE',
  'FIRE',
  'SAFETY',
  'MAINTENANCE',
  'CLEANING',
  'MEDICAL',
  'OTHER',
];

export const STATUS_LABELS: Record<IssueStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved',
};
export const STATUS_COLORS: Record<IssueStatus, string> = {
  OPEN: 'red',
  ACKNOWLEDGED: 'yellow',
  RESOLVED: 'green',
};
export const SEVERITY_LABELS: Record<IssueSeverity, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};
export const SEVERITY_COLORS: Record<IssueSeverity, string> = {
  LOW: 'gray',
  MEDIUM: 'blue',
  HIGH: 'orange',
  CRITICAL: 'red',
};
export const CATEGORY_LABELS: Record<IssueCategory, string> = {
  INTRUSION: 'Intrusion',
  DAMAGE: 'Damage',
  FIRE: 'Fire',
  SAFETY: 'Safety',
  MAINTENANCE: 'Maintenance',
  CLEANING: 'Cleaning',
  MEDICAL: 'Medical',
  OTHER: 'Other',
};

/**
 * Where an issue may go next: the server's workflow (docs/api/issues.md), so the screen offers
 * only moves it will accept. Reopening needs a comment saying why.
 */
export const NEXT_STATUSES: Record<IssueStatus, readonly IssueStatus[]> = {
  OPEN: ['ACKNOWLEDGED', 'RESOLVED'],
  ACKNOWLEDGED: ['RESOLVED'],
  RESOLVED: ['OPEN'],
};

export const STATUS_ACTIONS: Record<IssueStatus, string> = {
  OPEN: 'Reopen',
  ACKNOWLEDGED: 'Acknowledge',
  RESOLVED: 'Resolve',
};

export const isReopening = (from: IssueStatus, to: IssueStatus) =>
  from === 'RESOLVED' && to === 'OPEN';
