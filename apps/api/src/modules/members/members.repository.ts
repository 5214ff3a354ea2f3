import type { Kysely } from 'kysely';
import type { Database, MembersTable } from '../../database/database.js';

/** Queries for members, their location assignments and their history. No rules here. */

export type MemberRow = MembersTable;

export async function insertMember(
  db: Kysely<Database>,
  member: MemberRow,
  locationIds: readonly string[],
) {
  await db.insertInto('members').values(member).execute();
  await replaceMemberLocations(db, member.organizationId, member.id, locationIds);
}

export async function updateMember(db: Kysely<Database>, member: MemberRow) {
  await db
    .updateTable('members')
    .set({ ...member })
    .where('organizationId', '=', member.organizationId)
    .where('id', '=', member.id)
    .execute();
}

export async function replaceMemberLocations(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
  locationIds: readonly string[],
) {
  await db
    .deleteFrom('memberLocations')
    .where('organizationId', '=', organizationId)
    .where('memberId', '=', memberId)
    .execute();
  if (locationIds.length > 0) {
    await db
      .insertInto('memberLocations')
      .values(locationIds.map((locationId) => ({ organizationId, memberId, locationId })))
      .execute();
  }
}

/** Records the member's state as a new version and returns its history id. */
export async function insertMemberVersion(
  db: Kysely<Database>,
  member: Omit<MemberRow, 'historyId'>,
  locationIds: readonly string[],
  changedBy: string | null,
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('memberVersions')
    .values({
      organizationId: member.organizationId,
      memberId: member.id,
      role: member.role,
      firstName: member.firstName,
      lastName: member.lastName,
      email: member.email,
      phone: member.phone,
      memberNumber: member.memberNumber,
      archived: member.archived,
      locationIds: JSON.stringify(locationIds),
      changedBy,
      createdAt: at,
    })
    .returning('historyId')
    .executeTakeFirstOrThrow();
  return row.historyId;
}

export function findMember(db: Kysely<Database>, organizationId: string, memberId: string) {
  return db
    .selectFrom('members')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export function listMembers(
  db: Kysely<Database>,
  organizationId: string,
  filter: {
    visibleLocationIds: readonly string[] | null;
    includeArchived: boolean;
    after: string | null;
    limit: number;
  },
) {
  let query = db.selectFrom('members').selectAll().where('organizationId', '=', organizationId);
  if (!filter.includeArchived) query = query.where('archived', '=', 0);
  if (filter.visibleLocationIds !== null) {
    const visible = filter.visibleLocationIds;
    // A member is visible when they share at least one location with the caller.
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberLocations')
          .select('memberLocations.memberId')
          .whereRef('memberLocations.memberId', '=', 'members.id')
          .where('memberLocations.organizationId', '=', organizationId)
          .where('memberLocations.locationId', 'in', visible.length > 0 ? visible : ['']),
      ),
    );
  }
  if (filter.after) query = query.where('id', '>', filter.after);
  return query.orderBy('id').limit(filter.limit).execute();
}

export async function listLocationIdsByMember(
  db: Kysely<Database>,
  organizationId: string,
  memberIds: readonly string[],
) {
  const byMember = new Map<string, string[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return byMember;
  const rows = await db
    .selectFrom('memberLocations')
    .select(['memberId', 'locationId'])
    .where('organizationId', '=', organizationId)
    .where('memberId', 'in', memberIds)
    .orderBy('locationId')
    .execute();
  for (const row of rows) byMember.get(row.memberId)?.push(row.locationId);
  return byMember;
}

export function listMemberVersions(db: Kysely<Database>, organizationId: string, memberId: string) {
  return db
    .selectFrom('memberVersions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('memberId', '=', memberId)
    .orderBy('historyId')
    .execute();
}

export async function findExistingLocationIds(
  db: Kysely<Database>,
  organizationId: string,
  locationIds: readonly string[],
) {
  if (locationIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('locations')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', locationIds)
    .where('archived', '=', 0)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function countActiveOwners(db: Kysely<Database>, organizationId: string) {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organizationId', '=', organizationId)
    .where('role', '=', 'OWNER')
    .where('archived', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function deleteSessionsOfMember(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
) {
  await db
    .deleteFrom('sessions')
    .where('organizationId', '=', organizationId)
    .where('memberId', '=', memberId)
    .execute();
}
