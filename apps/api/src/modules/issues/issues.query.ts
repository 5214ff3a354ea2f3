import type { IssueCategory, IssueSeverity, IssueStatus } from '../../database/database.js';
import type { FieldError } from '../../shared/app-error.js';
import { oneOf, parseQueryList, UUID_PATTERN } from '../../shared/query-lists.js';
import { invalidIssueQuery } from './issues.errors.js';
import type { IssueFilter } from './issues.repository.js';
import {
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  type ListIssuesQuery,
} from './issues.schemas.js';

/**
 * `GET /issues`'s query string, checked and turned into a filter. Lists arrive comma-separated,
 * as in `GET /task-executions/info`; every bad value is reported at once, naming its parameter.
 */

export type IssueQueryFilter = Omit<
  IssueFilter,
  'visibleLocationIds' | 'reportedByMemberId' | 'limit'
>;

/** The keyset cursor: the last item's (createdAt, id), opaque to clients. */
export function encodeIssueCursor(item: { createdAt: string; id: string }): string {
  return Buffer.from(`${item.createdAt}|${item.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, errors: FieldError[]) {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !createdAt ||
    !id ||
    rest.length > 0 ||
    Number.isNaN(Date.parse(createdAt)) ||
    !UUID_PATTERN.test(id)
  ) {
    errors.push({ in: 'query', pointer: '/cursor', detail: 'is not a cursor of this list' });
    return null;
  }
  return { createdAt, id };
}

function parseInstant(value: string | undefined, pointer: string, errors: FieldError[]) {
  if (value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    errors.push({ in: 'query', pointer, detail: 'is not an ISO-8601 instant' });
    return null;
  }
  return date.toISOString();
}

/** People say "#42" on the radio: a search that is a number also looks for that issue. */
function parseSearch(value: string | undefined): IssueQueryFilter['search'] {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  const number = /^#?(\d{1,9})$/.exec(text)?.[1];
  return { text, number: number === undefined ? null : Number(number) };
}

export function parseIssueQuery(query: ListIssuesQuery): IssueQueryFilter {
  const errors: FieldError[] = [];
  const listed = parseQueryList<IssueSeverity>(
    query.severity,
    '/severity',
    errors,
    oneOf(ISSUE_SEVERITIES),
    `severities (${ISSUE_SEVERITIES.join(', ')})`,
  );
  // `severityAtLeast` and `severity` combine like every other filter: both must hold.
  const atLeast =
    query.severityAtLeast === undefined
      ? null
      : ISSUE_SEVERITIES.slice(ISSUE_SEVERITIES.indexOf(query.severityAtLeast));
  const severities =
    listed !== null && atLeast !== null
      ? listed.filter((severity) => atLeast.includes(severity))
      : (listed ?? atLeast);
  const createdFrom = parseInstant(query.from, '/from', errors);
  const createdTo = parseInstant(query.to, '/to', errors);
  if (createdFrom !== null && createdTo !== null && createdTo <= createdFrom)
    errors.push({ in: 'query', pointer: '/to', detail: 'must be after from' });
  const filter: IssueQueryFilter = {
    statuses: parseQueryList<IssueStatus>(
      query.status,
      '/status',
      errors,
      oneOf(ISSUE_STATUSES),
      `statuses (${ISSUE_STATUSES.join(', ')})`,
    ),
    severities: severities ? [...severities] : null,
    categories: parseQueryList<IssueCategory>(
      query.category,
      '/category',
      errors,
      oneOf(ISSUE_CATEGORIES),
      `categories (${ISSUE_CATEGORIES.join(', ')})`,
    ),
    locationIds: parseQueryList<string>(
      query.locationIds,
      '/locationIds',
      errors,
      (item) => UUID_PATTERN.test(item),
      'location ids',
    ),
    search: parseSearch(query.search),
    updatedSince: parseInstant(query.updatedSince, '/updatedSince', errors),
    createdFrom,
    createdTo,
    after: query.cursor === undefined ? null : decodeCursor(query.cursor, errors),
  };
  if (errors.length > 0)
    throw invalidIssueQuery({
      detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
      errors,
    });
  return filter;
}
