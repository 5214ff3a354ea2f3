import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { findCredentialOrganization } from './credential-lookups.repository.js';

/** Queries behind sign-in, sessions and credential checks. No rules here. */

export function findSession(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertSession(db: Kysely<Database>, session: Database['sessions']) {
  await db.insertInto('sessions').values(session).execute();
}

export async function updateSession(
  db: Kysely<Database>,
  tokenHash: string,
  changes: Partial<
    Pick<Database['sessions'], 'organizationId' | 'memberId' | 'lastSeenAt' | 'expiresAt'>
  >,
) {
  await db.updateTable('sessions').set(changes).where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsOfPerson(
  db: Kysely<Database>,
  personId: string,
  exceptTokenHash?: string,
) {
  let query = db.deleteFrom('sessions').where('personId', '=', personId);
  if (exceptTokenHash) query = query.where('tokenHash', '!=', exceptTokenHash);
  await query.execute();
}

export function findActiveMember(db: Kysely<Database>, organizationId: string, memberId: string) {
  return db
    .selectFrom('members')
    .select(['id', 'organizationId', 'personId', 'role', 'archived'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', memberId)
    .where('archived', '=', 0)
    .executeTakeFirst();
}

export async function listMemberLocationIds(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
) {
  const rows = await db
    .selectFrom('memberLocations')
    .select('locationId')
    .where('organizationId', '=', organizationId)
    .where('memberId', '=', memberId)
    .orderBy('locationId')
    .execute();
  return rows.map((row) => row.locationId);
}

export function findDevice(db: Kysely<Database>, deviceId: string) {
  return db
    .selectFrom('devices')
    .select(['id', 'organizationId', 'revokedAt'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
}

export async function findApiTokenByHash(db: Kysely<Database>, tokenHash: string) {
  const organizationId = await findCredentialOrganization(db, tokenHash);
  if (organizationId === undefined) return undefined;
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<Database>, id: string, at: string) {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
}

export function findPersonByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findPerson(db: Kysely<Database>, personId: string) {
  return db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
}

export async function updatePasswordHash(
  db: Kysely<Database>,
  personId: string,
  passwordHash: string,
  at: string,
) {
  await db
    .updateTable('people')
    .set({ passwordHash, updatedAt: at })
    .where('id', '=', personId)
    .execute();
}

/** The organizations a person may enter: active memberships only. */
export function listMembershipsOfPerson(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('members')
    .innerJoin('organizations', 'organizations.id', 'members.organizationId')
    .select([
      'members.id as memberId',
      'members.role',
      'organizations.id as organizationId',
      'organizations.name as organizationName',
    ])
    .where('members.personId', '=', personId)
    .where('members.archived', '=', 0)
    .orderBy('organizations.name')
    .execute();
}

export async function recordSignInFailure(
  db: Kysely<Database>,
  throttleKey: string,
  failedAt: string,
) {
  await db.insertInto('signInFailures').values({ throttleKey, failedAt }).execute();
}

export async function countSignInFailures(
  db: Kysely<Database>,
  throttleKey: string,
  since: string,
) {
  const row = await db
    .selectFrom('signInFailures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('throttleKey', '=', throttleKey)
    .where('failedAt', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function clearSignInFailures(db: Kysely<Database>, throttleKey: string) {
  await db.deleteFrom('signInFailures').where('throttleKey', '=', throttleKey).execute();
}
