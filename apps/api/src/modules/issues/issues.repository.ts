import type { Kysely } from 'kysely';
import { containsIgnoringCase } from '../../database/dialect.js';
import type {
  Database,
  DialectName,
  IssueCategory,
  IssueCommentsTable,
  IssueSeverity,
  IssueStatus,
  IssuesTable,
} from '../../database/database.js';

/** Queries for issues and their comments. No rules here. */

export type IssueRow = IssuesTable;
export type IssueCommentRow = IssueCommentsTable;

export async function insertIssue(db: Kysely<Database>, issue: IssueRow) {
  await db.insertInto('issues').values(issue).execute();
}

export async function updateIssue(db: Kysely<Database>, issue: IssueRow) {
  await db
    .updateTable('issues')
    .set({ ...issue })
    .where('organizationId', '=', issue.organizationId)
    .where('id', '=', issue.id)
    .execute();
}

/** Marks the issue changed (a new comment), so `updatedSince` pollers see it. */
export async function touchIssue(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  updatedAt: string,
) {
  await db
    .updateTable('issues')
    .set({ updatedAt })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** The highest number given in the organization so far; 0 before its first issue. */
export async function findLastIssueNumber(db: Kysely<Database>, organizationId: string) {
  const row = await db
    .selectFrom('issues')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export function findIssue(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('issues')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findIssueByClientId(
  db: Kysely<Database>,
  organizationId: string,
  clientId: string,
) {
  return db
    .selectFrom('issues')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
}

export interface IssueFilter {
  /** Null: every location. */
  readonly visibleLocationIds: readonly string[] | null;
  /** Only the issues this member reported; null: anyone's. */
  readonly reportedByMemberId: string | null;
  readonly statuses: readonly IssueStatus[] | null;
  readonly severities: readonly IssueSeverity[] | null;
  readonly categories: readonly IssueCategory[] | null;
  readonly locationIds: readonly string[] | null;
  /** Text in the title or description; `number` also matches the issue with that number. */
  readonly search: { readonly text: string; readonly number: number | null } | null;
  readonly updatedSince: string | null;
  readonly createdFrom: string | null;
  readonly createdTo: string | null;
  /** The keyset cursor: rows after this (createdAt, id) in newest-first order. */
  readonly after: { readonly createdAt: string; readonly id: string } | null;
  readonly limit: number;
}

/** Issues matching the filter, newest first (createdAt, then id, descending), at most `limit`. */
export function listIssues(
  db: Kysely<Database>,
  dialect: DialectName,
  organizationId: string,
  filter: IssueFilter,
) {
  const nonEmpty = (values: readonly string[]) => (values.length > 0 ? values : ['']);
  return db
    .selectFrom('issues')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .$if(filter.visibleLocationIds !== null, (query) =>
      query.where('locationId', 'in', nonEmpty(filter.visibleLocationIds!)),
    )
    .$if(filter.reportedByMemberId !== null, (query) =>
      query.where('reportedByMemberId', '=', filter.reportedByMemberId),
    )
    .$if(filter.statuses !== null, (query) =>
      query.where('status', 'in', nonEmpty(filter.statuses!) as IssueStatus[]),
    )
    .$if(filter.severities !== null, (query) =>
      query.where('severity', 'in', nonEmpty(filter.severities!) as IssueSeverity[]),
    )
    .$if(filter.categories !== null, (query) =>
      query.where('category', 'in', nonEmpty(filter.categories!) as IssueCategory[]),
    )
    .$if(filter.locationIds !== null, (query) =>
      query.where('locationId', 'in', nonEmpty(filter.locationIds!)),
    )
    .$if(filter.search !== null, (query) =>
      query.where((eb) =>
        eb.or([
          containsIgnoringCase(dialect, 'title', filter.search!.text),
          containsIgnoringCase(dialect, 'description', filter.search!.text),
          ...(filter.search!.number === null ? [] : [eb('number', '=', filter.search!.number)]),
        ]),
      ),
    )
    .$if(filter.updatedSince !== null, (query) =>
      query.where('updatedAt', '>', filter.updatedSince!),
    )
    .$if(filter.createdFrom !== null, (query) =>
      query.where('createdAt', '>=', filter.createdFrom!),
    )
    .$if(filter.createdTo !== null, (query) => query.where('createdAt', '<', filter.createdTo!))
    .$if(filter.after !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('createdAt', '<', filter.after!.createdAt),
          eb.and([eb('createdAt', '=', filter.after!.createdAt), eb('id', '<', filter.after!.id)]),
        ]),
      ),
    )
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function insertComment(db: Kysely<Database>, comment: IssueCommentRow) {
  await db.insertInto('issueComments').values(comment).execute();
}

/** Oldest first. */
export function listComments(db: Kysely<Database>, organizationId: string, issueId: string) {
  return db
    .selectFrom('issueComments')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('issueId', '=', issueId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** When the issue's newest comment was written; null before its first. */
export async function findLastCommentTime(
  db: Kysely<Database>,
  organizationId: string,
  issueId: string,
) {
  const row = await db
    .selectFrom('issueComments')
    .select((eb) => eb.fn.max('createdAt').as('last'))
    .where('organizationId', '=', organizationId)
    .where('issueId', '=', issueId)
    .executeTakeFirst();
  return row?.last ?? null;
}
