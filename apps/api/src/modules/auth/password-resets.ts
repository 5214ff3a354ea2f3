import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Mailer } from '../../shared/mailer.js';
import { generateSecret, hashSecret } from '../../shared/secrets.js';
import { resetLinkNotValid } from './auth.errors.js';
import * as authRepository from './auth.repository.js';
import { assertStrongPassword, normalizeEmail } from './auth.service.js';
import { hashPassword } from './passwords.js';
import * as repository from './password-resets.repository.js';

/** How long a reset link stays valid: long enough to reach the mailbox, short if it leaks later. */
const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** Reset e-mails per address within the window; more would let anyone flood a mailbox. */
const RESET_EMAIL_LIMIT = { perAddress: 3, windowMs: 60 * 60 * 1000 } as const;

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

export function createPasswordResetService({
  database,
  clock,
  mailer,
  config,
  logger,
}: {
  database: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl'>;
  logger: Pick<Logger, 'error'>;
}) {
  const { db } = database;

  const linkNotValid = () =>
    resetLinkNotValid({
      detail: 'This password reset link is not valid any more: ask for a new one.',
    });

  return {
    /**
     * E-mails a reset link when the address has an account, and otherwise does nothing; the
     * caller learns neither which happened nor whether the hourly limit held the e-mail back.
     */
    async requestPasswordReset(input: { email: string }): Promise<void> {
      const email = normalizeEmail(input.email);
      const now = clock.now();
      const outboxId = await db.transaction().execute(async (trx) => {
        const person = await authRepository.findPersonByEmail(trx, email);
        if (!person) return null;
        const since = new Date(now.getTime() - RESET_EMAIL_LIMIT.windowMs).toISOString();
        const recentLinks = await repository.countPasswordResetTokensSince(trx, person.id, since);
        if (recentLinks >= RESET_EMAIL_LIMIT.perAddress) return null;

        const token = generateSecret();
        await repository.insertPasswordResetToken(trx, {
          tokenHash: hashSecret(token),
          personId: person.id,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS).toISOString(),
        });
        return mailer.enqueue(trx, {
          organizationId: null,
          to: person.email,
          subject: 'Reset your OpenPatrol password',
          text:
            `Hello ${person.firstName},\n\nSomeone, hopefully you, asked to reset the password of your OpenPatrol account.\n` +
            `Choose a new password here (the link works once, within 1 hour):\n\n` +
            `${config.publicUrl}/reset-password?token=${token}\n\n` +
            `If it was not you, ignore this e-mail: your password stays as it is.\n`,
        });
      });
      // Not awaited: an SMTP round trip only for existing accounts would let response times
      // reveal which addresses have one. The outbox row is committed either way.
      if (outboxId) {
        mailer.deliver(db, outboxId).catch((error: unknown) => {
          logger.error({ err: error, outboxId }, 'password reset e-mail delivery failed');
        });
      }
    },

    /**
     * Sets a new password with a reset link. Whoever may have known the old one is locked out:
     * every session of the person ends, and the other open reset links stop working.
     */
    async resetPassword(input: { token: string; newPassword: string }): Promise<void> {
      const tokenHash = hashSecret(input.token);
      const now = clock.now().toISOString();
      const link = await repository.findPasswordResetToken(db, tokenHash);
      const person = link?.personId
        ? await authRepository.findPerson(db, link.personId)
        : undefined;
      if (!link || !person || link.usedAt !== null || link.expiresAt <= now) throw linkNotValid();
      // Checked before the link is spent, so a refused password can be retried with the same link.
      assertStrongPassword(
        input.newPassword,
        [person.email.split('@')[0] ?? '', person.firstName, person.lastName],
        '/newPassword',
      );
      // Hashed outside the transaction: argon2 takes ~15 ms, and on SQLite an open write
      // transaction holds up every other writer.
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        // Another request may have used the link since it was read above.
        if (!(await repository.claimPasswordResetToken(trx, tokenHash, now))) throw linkNotValid();
        await authRepository.updatePasswordHash(trx, person.id, passwordHash, now);
        await repository.markPasswordResetTokensOfPersonUsed(trx, person.id, now);
        await authRepository.deleteSessionsOfPerson(trx, person.id);
        // Whoever proved control of the address may sign in at once, even after failed attempts.
        await authRepository.clearSignInFailures(trx, `account:${person.email}`);
      });
    },
  };
}
