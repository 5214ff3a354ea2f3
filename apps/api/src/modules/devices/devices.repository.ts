import type { Kysely } from 'kysely';
import type { Database, DevicesTable } from '../../database/database.js';
import {
  findCredentialOrganization,
  recordCredential,
} from '../auth/credential-lookups.repository.js';

/** Queries for shared devices and the guards who sign in on them. No rules here. */

export type DeviceRow = DevicesTable;

export async function insertDevice(db: Kysely<Database>, device: DevicesTable) {
  await db.insertInto('devices').values(device).execute();
}

export function listDevices(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

export function findDevice(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Codes are looked up before the organization is known: the device has no credential yet. */
export function findDeviceByRegistrationCodeHash(db: Kysely<Database>, codeHash: string) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('registrationCodeHash', '=', codeHash)
    .executeTakeFirst();
}

export async function findDeviceByCredentialHash(db: Kysely<Database>, credentialHash: string) {
  const organizationId = await findCredentialOrganization(db, credentialHash);
  if (organizationId === undefined) return undefined;
  return db
    .selectFrom('devices')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('credentialHash', '=', credentialHash)
    .executeTakeFirst();
}

/**
 * Trades the registration code for the credential, and records the credential's lookup.
 * Conditional on the code still being there, so of two devices entering the same code at once
 * only one wins; returns whether this one did.
 */
export async function authorizeDevice(
  db: Kysely<Database>,
  device: { organizationId: string; id: string },
  expected: { codeHash: string },
  changes: { credentialHash: string; at: string },
) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('devices')
      .set({
        credentialHash: changes.credentialHash,
        authorizedAt: changes.at,
        lastSeenAt: changes.at,
        registrationCodeHash: null,
        registrationExpiresAt: null,
      })
      .where('organizationId', '=', device.organizationId)
      .where('id', '=', device.id)
      .where('registrationCodeHash', '=', expected.codeHash)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await recordCredential(trx, {
      hash: changes.credentialHash,
      organizationId: device.organizationId,
    });
    return true;
  });
}

export async function touchDevice(db: Kysely<Database>, id: string, at: string) {
  await db.updateTable('devices').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function revokeDevice(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  at: string,
) {
  await db
    .updateTable('devices')
    .set({ revokedAt: at, registrationCodeHash: null, registrationExpiresAt: null })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function deleteSessionsOfDevice(
  db: Kysely<Database>,
  organizationId: string,
  deviceId: string,
) {
  await db
    .deleteFrom('sessions')
    .where('organizationId', '=', organizationId)
    .where('deviceId', '=', deviceId)
    .execute();
}

export function findActiveMemberByNumber(
  db: Kysely<Database>,
  organizationId: string,
  memberNumber: string,
) {
  return db
    .selectFrom('members')
    .select(['id', 'role', 'pinHash'])
    .where('organizationId', '=', organizationId)
    .where('memberNumber', '=', memberNumber)
    .where('archived', '=', 0)
    .executeTakeFirst();
}
