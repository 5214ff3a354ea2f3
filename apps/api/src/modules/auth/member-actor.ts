import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { seesAllLocations, type MemberActor } from './actor.js';
import { findActiveMember, listMemberLocationIds } from './auth.repository.js';

/**
 * The actor a member is right now — their current role and locations — or null once archived.
 * For work done on a member's behalf outside a request (a calendar feed, a scheduled report), so
 * it sees exactly what the member would see in the API today.
 */
export async function loadMemberActor(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
  deviceId: string | null = null,
): Promise<MemberActor | null> {
  const member = await findActiveMember(db, organizationId, memberId);
  if (!member) return null;
  return {
    kind: 'member',
    organizationId,
    role: member.role,
    locationIds: seesAllLocations(member.role)
      ? null
      : await listMemberLocationIds(db, organizationId, member.id),
    memberId: member.id,
    personId: member.personId,
    deviceId,
  };
}
