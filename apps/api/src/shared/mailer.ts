import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../database/database.js';
import type { Clock } from './clock.js';

export interface Email {
  readonly organizationId: string | null;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly EmailAttachment[];
}

export interface EmailAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** How attachments are kept in the outbox row, so a delivery after a restart still has them. */
interface StoredAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly base64: string;
}

export interface Mailer {
  /**
   * Records the e-mail in the outbox as part of the caller's transaction, so it exists exactly
   * when the change that caused it does. `deliver` sends what was recorded, after commit.
   */
  enqueue(db: Kysely<Database>, email: Email): Promise<string>;
  deliver(db: Kysely<Database>, outboxId: string): Promise<void>;
}

/**
 * Without SMTP_URL, e-mails stay in the outbox table and go to the log (an install without a mail
 * server still works, and tests read the outbox); with it, nodemailer sends them.
 */
export function createMailer({
  clock,
  logger,
  smtpUrl,
  from,
}: {
  clock: Clock;
  logger: Logger;
  smtpUrl: string | undefined;
  from: string;
}): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;

  return {
    async enqueue(db, email) {
      const id = randomUUID();
      await db
        .insertInto('emailOutbox')
        .values({
          id,
          organizationId: email.organizationId,
          toAddress: email.to,
          subject: email.subject,
          textBody: email.text,
          createdAt: clock.now().toISOString(),
          sentAt: null,
          error: null,
          attachments:
            email.attachments && email.attachments.length > 0
              ? JSON.stringify(
                  email.attachments.map((attachment): StoredAttachment => ({
                    fileName: attachment.fileName,
                    contentType: attachment.contentType,
                    base64: attachment.content.toString('base64'),
                  })),
                )
              : null,
        })
        .execute();
      return id;
    },

    async deliver(db, outboxId) {
      const email = await db
        .selectFrom('emailOutbox')
        .selectAll()
        .where('id', '=', outboxId)
        .executeTakeFirst();
      if (!email || email.sentAt) return;
      if (!transport) {
        logger.info(
          { to: email.toAddress, subject: email.subject, outboxId },
          'e-mail kept in the outbox (no SMTP_URL)',
        );
        return;
      }
      try {
        await transport.sendMail({
          from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
          attachments: (email.attachments === null
            ? []
            : (JSON.parse(email.attachments) as StoredAttachment[])
          ).map((attachment) => ({
            filename: attachment.fileName,
            contentType: attachment.contentType,
            content: Buffer.from(attachment.base64, 'base64'),
          })),
        });
        await db
          .updateTable('emailOutbox')
          .set({ sentAt: clock.now().toISOString(), error: null })
          .where('id', '=', outboxId)
          .execute();
      } catch (error) {
        logger.error({ err: error, outboxId }, 'e-mail delivery failed');
        await db
          .updateTable('emailOutbox')
          .set({ error: String(error) })
          .where('id', '=', outboxId)
          .execute();
      }
    },
  };
}
