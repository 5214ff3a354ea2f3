import type { Kysely } from 'kysely';
import type { ApiTokensTable, Database } from '../../database/database.js';
import { recordCredential } from '../auth/credential-lookups.repository.js';

/** Queries for API tokens. No rules here. */

/** With its lookup, so the token is found by its secret alone. */
export async function insertApiToken(db: Kysely<Database>, token: ApiTokensTable) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('apiTokens').values(token).execute();
    await recordCredential(trx, { hash: token.tokenHash, organizationId: token.organizationId });
  });
}

function selectApiTokens(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('apiTokens')
    .leftJoin('members', (join) =>
      join
        .onRef('members.id', '=', 'apiTokens.createdBy')
        .onRef('members.organizationId', '=', 'apiTokens.organizationId'),
    )
    .select([
      'apiTokens.id',
      'apiTokens.name',
      'apiTokens.prefix',
      'apiTokens.createdBy',
      'apiTokens.createdAt',
      'apiTokens.lastUsedAt',
      'apiTokens.expiresAt',
      'apiTokens.revokedAt',
      'members.firstName as creatorFirstName',
      'members.lastName as creatorLastName',
    ])
    .where('apiTokens.organizationId', '=', organizationId);
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

export function listApiTokens(db: Kysely<Database>, organizationId: string) {
  return selectApiTokens(db, organizationId)
    .orderBy('apiTokens.createdAt', 'desc')
    .orderBy('apiTokens.id')
    .execute();
}

export function findApiToken(db: Kysely<Database>, organizationId: string, id: string) {
  return selectApiTokens(db, organizationId).where('apiTokens.id', '=', id).executeTakeFirst();
}

export async function revokeApiToken(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  at: string,
) {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}
