import type { Kysely } from 'kysely';
import type { Database, IdempotencyKeysTable } from '../../database/database.js';

/** Queries for remembered responses of idempotent requests. No rules here. */

export function findIdempotencyKey(db: Kysely<Database>, owner: string, key: string) {
  return db
    .selectFrom('idempotencyKeys')
    .selectAll()
    .where('owner', '=', owner)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Fails with a unique violation when the owner already holds the key. */
export async function insertIdempotencyKey(db: Kysely<Database>, row: IdempotencyKeysTable) {
  await db.insertInto('idempotencyKeys').values(row).execute();
}

/** Stores the response of the request that inserted this generation of the key. */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  row: Pick<IdempotencyKeysTable, 'owner' | 'key' | 'createdAt'>,
  response: Pick<IdempotencyKeysTable, 'statusCode' | 'responseBody' | 'responseContentType'>,
) {
  await db
    .updateTable('idempotencyKeys')
    .set(response)
    .where('owner', '=', row.owner)
    .where('key', '=', row.key)
    .where('createdAt', '=', row.createdAt)
    .execute();
}

/**
 * Deletes this generation of the key only (matched by `createdAt`): a request that found a stale
 * row must not delete the fresh one a concurrent request has just inserted.
 */
export async function deleteIdempotencyKey(
  db: Kysely<Database>,
  row: Pick<IdempotencyKeysTable, 'owner' | 'key' | 'createdAt'>,
) {
  await db
    .deleteFrom('idempotencyKeys')
    .where('owner', '=', row.owner)
    .where('key', '=', row.key)
    .where('createdAt', '=', row.createdAt)
    .execute();
}

/** Removes every key that expired at or before `now`; returns how many. */
export async function purgeExpiredIdempotencyKeys(
  db: Kysely<Database>,
  now: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('idempotencyKeys')
    .where('expiresAt', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
