import type { Kysely } from 'kysely';
import type { Database, PointMemberSettingsTable, PointsTable } from '../../database/database.js';

/** Queries for points and their per-member settings. No rules here. */

export type PointRow = PointsTable;
export type PointMemberSettingRow = PointMemberSettingsTable;

export async function insertPoint(db: Kysely<Database>, point: PointRow) {
  await db.insertInto('points').values(point).execute();
}

export async function updatePoint(db: Kysely<Database>, point: PointRow) {
  await db
    .updateTable('points')
    .set({ ...point })
    .where('organizationId', '=', point.organizationId)
    .where('id', '=', point.id)
    .execute();
}

export function findPoint(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('points')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listPoints(
  db: Kysely<Database>,
  organizationId: string,
  filter: {
    visibleLocationIds: readonly string[] | null;
    locationId: string | null;
    includeArchived: boolean;
    after: string | null;
    limit: number;
  },
) {
  let query = db.selectFrom('points').selectAll().where('organizationId', '=', organizationId);
  if (filter.visibleLocationIds !== null) {
    const visible = filter.visibleLocationIds;
    query = query.where('locationId', 'in', visible.length > 0 ? visible : ['']);
  }
  if (filter.locationId !== null) query = query.where('locationId', '=', filter.locationId);
  if (!filter.includeArchived) query = query.where('archived', '=', 0);
  if (filter.after) query = query.where('id', '>', filter.after);
  return query.orderBy('id').limit(filter.limit).execute();
}

/** The active points of one location in the order people read them: by name. */
export function listActivePointsByName(
  db: Kysely<Database>,
  organizationId: string,
  locationId: string,
) {
  return db
    .selectFrom('points')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('locationId', '=', locationId)
    .where('archived', '=', 0)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function listMemberSettings(
  db: Kysely<Database>,
  organizationId: string,
  pointIds: readonly string[],
) {
  const byPoint = new Map<string, PointMemberSettingRow[]>(pointIds.map((id) => [id, []]));
  if (pointIds.length === 0) return byPoint;
  const rows = await db
    .selectFrom('pointMemberSettings')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('pointId', 'in', pointIds)
    .orderBy('memberId')
    .execute();
  for (const row of rows) byPoint.get(row.pointId)?.push(row);
  return byPoint;
}

export async function replaceMemberSettings(
  db: Kysely<Database>,
  organizationId: string,
  pointId: string,
  settings: readonly PointMemberSettingRow[],
) {
  await db
    .deleteFrom('pointMemberSettings')
    .where('organizationId', '=', organizationId)
    .where('pointId', '=', pointId)
    .execute();
  if (settings.length > 0)
    await db
      .insertInto('pointMemberSettings')
      .values([...settings])
      .execute();
}

/** Which of `memberIds` are active members of the organization. */
export async function findActiveMemberIds(
  db: Kysely<Database>,
  organizationId: string,
  memberIds: readonly string[],
) {
  if (memberIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', memberIds)
    .where('archived', '=', 0)
    .execute();
  return new Set(rows.map((row) => row.id));
}
