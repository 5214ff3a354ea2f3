import {
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  type IssueCategory,
  type IssueSeverity,
  type IssueStatus,
} from './issue-labels.js';

/** The issues list's filters, kept in the address so a filtered list survives reload and can be shared. */
export interface IssuesSearch {
  status?: IssueStatus[];
  severity?: IssueSeverity[];
  category?: IssueCategory[];
  locationId?: string;
  search?: string;
}

function listOf<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const kept = items.filter((item): item is T => allowed.includes(item as T));
  return kept.length > 0 ? kept : undefined;
}

/** A hand-edited address with unknown values falls back to no filter rather than an error page. */
export function validateIssuesSearch(search: Record<string, unknown>): IssuesSearch {
  return {
    status: listOf(search.status, ISSUE_STATUSES),
    severity: listOf(search.severity, ISSUE_SEVERITIES),
    category: listOf(search.category, ISSUE_CATEGORIES),
    locationId:
      typeof search.locationId === 'string' && search.locationId !== ''
        ? search.locationId
        : undefined,
    // A search of digits only ("42") comes back from the address as a number.
    search:
      (typeof search.search === 'string' || typeof search.search === 'number') &&
      String(search.search).trim() !== ''
        ? String(search.search)
        : undefined,
  };
}
