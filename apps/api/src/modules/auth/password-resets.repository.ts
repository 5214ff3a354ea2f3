import type { Kysely } from 'kysely';
import type { Database, OneTimeTokensTable } from '../../database/database.js';

/** Queries behind password resets: the PASSWORD_RESET rows of one_time_tokens. No rules here. */

export async function insertPasswordResetToken(
  db: Kysely<Database>,
  token: Pick<OneTimeTokensTable, 'tokenHash' | 'personId' | 'createdAt' | 'expiresAt'>,
) {
  await db
    .insertInto('oneTimeTokens')
    .values({
      ...token,
      purpose: 'PASSWORD_RESET',
      organizationId: null,
      memberId: null,
      usedAt: null,
    })
    .execute();
}

/** Reset links issued to the person since the instant, used or not. */
export async function countPasswordResetTokensSince(
  db: Kysely<Database>,
  personId: string,
  since: string,
) {
  const row = await db
    .selectFrom('oneTimeTokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('personId', '=', personId)
    .where('purpose', '=', 'PASSWORD_RESET')
    .where('createdAt', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findPasswordResetToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('oneTimeTokens')
    .select(['tokenHash', 'personId', 'expiresAt', 'usedAt'])
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', 'PASSWORD_RESET')
    .executeTakeFirst();
}

/**
 * Marks the token used only if it is still unused and unexpired, and says whether it did: of two
 * concurrent resets with one link, exactly one wins.
 */
export async function claimPasswordResetToken(
  db: Kysely<Database>,
  tokenHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('oneTimeTokens')
    .set({ usedAt: at })
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', 'PASSWORD_RESET')
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Retires every reset link of the person still open, so an older e-mail cannot be used later. */
export async function markPasswordResetTokensOfPersonUsed(
  db: Kysely<Database>,
  personId: string,
  at: string,
) {
  await db
    .updateTable('oneTimeTokens')
    .set({ usedAt: at })
    .where('personId', '=', personId)
    .where('purpose', '=', 'PASSWORD_RESET')
    .where('usedAt', 'is', null)
    .execute();
}
