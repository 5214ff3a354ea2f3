import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';

/**
 * Secrets that arrive alone — API tokens, device credentials, calendar feed URLs — name their
 * organization here, by hash, before their row is read within that organization. On Citus this
 * table is a reference table and the row's read goes to one shard (docs/citus.md); the hash is
 * unique across the installation through this table's key. Written in the transaction that
 * stores the secret.
 */

export async function recordCredential(
  db: Kysely<Database>,
  credential: { hash: string; organizationId: string },
) {
  await db.insertInto('credentialLookups').values(credential).execute();
}

/** The organization that issued the secret with this hash, if any. */
export async function findCredentialOrganization(
  db: Kysely<Database>,
  hash: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('credentialLookups')
    .select('organizationId')
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row?.organizationId;
}

export async function forgetCredential(db: Kysely<Database>, hash: string) {
  await db.deleteFrom('credentialLookups').where('hash', '=', hash).execute();
}
