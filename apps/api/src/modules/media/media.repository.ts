import type { Kysely } from 'kysely';
import type { Database, MediaTable } from '../../database/database.js';

/** Queries for media records. No rules here. */

export type MediaRow = MediaTable;

export async function insertMedia(db: Kysely<Database>, media: MediaRow) {
  await db.insertInto('media').values(media).execute();
}

export function findMedia(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('media')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMediaByClientId(
  db: Kysely<Database>,
  organizationId: string,
  clientId: string,
) {
  return db
    .selectFrom('media')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
}

export function listMediaByIds(
  db: Kysely<Database>,
  organizationId: string,
  ids: readonly string[],
) {
  return db
    .selectFrom('media')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}
