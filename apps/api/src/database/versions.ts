import type { Insertable, Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * History for locations, points, checklists and scheduled tasks, steps and actions: each change appends a row holding the whole
 * record as JSON; the row's auto-incrementing key is the record's new history id. Executions keep
 * the history ids they were planned and performed with, so these rows are never updated.
 */

const RECORD_KEY = {
  locationVersions: 'locationId',
  pointVersions: 'pointId',
  checklistVersions: 'checklistId',
  scheduledTaskVersions: 'scheduledTaskId',
  scheduledStepVersions: 'scheduledStepId',
  scheduledActionVersions: 'scheduledActionId',
} as const;

export type VersionTable = keyof typeof RECORD_KEY;

export interface Version<Snapshot> {
  readonly historyId: number;
  readonly snapshot: Snapshot;
  readonly changedBy: string | null;
  readonly createdAt: string;
}

export async function recordVersion(
  db: Kysely<Database>,
  table: VersionTable,
  record: { readonly organizationId: string; readonly id: string },
  snapshot: object,
  changedBy: string | null,
  at: string,
): Promise<number> {
  const row = {
    organizationId: record.organizationId,
    [RECORD_KEY[table]]: record.id,
    snapshot: JSON.stringify(snapshot),
    changedBy,
    createdAt: at,
  };
  // The three tables differ only in the name of their record column, which Kysely cannot infer
  // from a computed key; the row above has exactly the columns of `table`.
  const inserted = await db
    .insertInto(table as 'pointVersions')
    .values(row as unknown as Insertable<Database['pointVersions']>)
    .returning('historyId')
    .executeTakeFirstOrThrow();
  return inserted.historyId;
}

/**
 * Appends one version for each record in a single statement; returns the new history ids by
 * record id. Matching by record id, not by position, because neither database promises
 * RETURNING rows in VALUES order. The records must be distinct.
 */
export async function recordVersions(
  db: Kysely<Database>,
  table: VersionTable,
  versions: readonly {
    readonly record: { readonly organizationId: string; readonly id: string };
    readonly snapshot: object;
  }[],
  changedBy: string | null,
  at: string,
): Promise<Map<string, number>> {
  if (versions.length === 0) return new Map();
  const key = RECORD_KEY[table];
  const rows = versions.map(({ record, snapshot }) => ({
    organizationId: record.organizationId,
    [key]: record.id,
    snapshot: JSON.stringify(snapshot),
    changedBy,
    createdAt: at,
  }));
  // The same cast as in recordVersion: the tables differ only in their record column's name.
  const inserted = (await db
    .insertInto(table as 'pointVersions')
    .values(rows as unknown as Insertable<Database['pointVersions']>[])
    .returning(['historyId', key as 'pointId'])
    .execute()) as unknown as Record<string, string | number>[];
  return new Map(inserted.map((row) => [String(row[key]), Number(row.historyId)]));
}

export async function listVersions<Snapshot>(
  db: Kysely<Database>,
  table: VersionTable,
  organizationId: string,
  recordId: string,
): Promise<Version<Snapshot>[]> {
  const rows = await db
    .selectFrom(table as 'pointVersions')
    .select(['historyId', 'snapshot', 'changedBy', 'createdAt'])
    .where('organizationId', '=', organizationId)
    .where(RECORD_KEY[table] as 'pointId', '=', recordId) // the same cast, for the same reason
    .orderBy('historyId')
    .execute();
  return rows.map((row) => ({ ...row, snapshot: JSON.parse(row.snapshot) as Snapshot }));
}

/**
 * Versions by history id (any record of the table), for reading what executions were planned
 * with. Looked up by primary key alone, the organization checked on the rows: with
 * `organization_id = ?` in the query SQLite's planner prefers the by-record index and scans the
 * organization's whole history (measured: 2 ms for 8 ids against 0.01 ms).
 */
export async function findVersions<Snapshot>(
  db: Kysely<Database>,
  table: VersionTable,
  organizationId: string,
  historyIds: readonly number[],
): Promise<Map<number, Snapshot>> {
  const unique = [...new Set(historyIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom(table as 'pointVersions')
    .select(['historyId', 'organizationId', 'snapshot'])
    .where('historyId', 'in', unique)
    .execute();
  return new Map(
    rows
      .filter((row) => row.organizationId === organizationId)
      .map((row) => [row.historyId, JSON.parse(row.snapshot) as Snapshot]),
  );
}
