import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { attachmentIn, startSmtpServer } from '../test-support/smtp-server.js';
import { createTestDatabase } from '../test-support/test-database.js';
import type { DatabaseHandle } from '../database/database.js';
import { createFixedClock } from './clock.js';
import { createMailer } from './mailer.js';

describe('mailer', () => {
  let database: DatabaseHandle;
  const clock = createFixedClock(new Date('2026-12-04T12:00:00.000Z'));
  const logger = pino({ level: 'silent' });

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());

  it('keeps e-mails in the outbox when no SMTP server is configured', async () => {
    const mailer = createMailer({
      clock,
      logger,
      smtpUrl: undefined,
      from: 'OpenPatrol <no-reply@test>',
    });
    const id = await mailer.enqueue(database.db, {
      organizationId: null,
      to: 'kept@example.com',
      subject: 'Kept',
      text: 'Hello',
    });
    await mailer.deliver(database.db, id);
    const row = await database.db
      .selectFrom('emailOutbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.toAddress, row.subject, row.sentAt, row.error],
      ['kept@example.com', 'Kept', null, null],
    );
  });

  it('sends through SMTP when configured, and records when it was sent', async () => {
    const smtp = await startSmtpServer();
    try {
      const mailer = createMailer({
        clock,
        logger,
        smtpUrl: smtp.url,
        from: 'OpenPatrol <no-reply@patrol.test>',
      });
      const id = await mailer.enqueue(database.db, {
        organizationId: null,
        to: 'guard@example.com',
        subject: 'Your invitation',
        text: 'Accept it here',
      });
      await mailer.deliver(database.db, id);
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0]?.to, ['guard@example.com']);
      assert.equal(smtp.received[0]?.from, 'no-reply@patrol.test');
      assert.match(smtp.received[0]?.data ?? '', /Subject: Your invitation/);
      assert.match(smtp.received[0]?.data ?? '', /Accept it here/);
      const row = await database.db
        .selectFrom('emailOutbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.sentAt, clock.now().toISOString());
      // Delivering again sends nothing more.
      await mailer.deliver(database.db, id);
      assert.equal(smtp.received.length, 1);
    } finally {
      await smtp.close();
    }
  });

  it('sends attachments kept in the outbox, byte for byte', async () => {
    const smtp = await startSmtpServer();
    try {
      const mailer = createMailer({
        clock,
        logger,
        smtpUrl: smtp.url,
        from: 'OpenPatrol <no-reply@patrol.test>',
      });
      const content = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10, 0x80]);
      const id = await mailer.enqueue(database.db, {
        organizationId: null,
        to: 'client@example.com',
        subject: 'Daily report',
        text: 'Attached.',
        attachments: [{ fileName: 'report.pdf', contentType: 'application/pdf', content }],
      });
      await mailer.deliver(database.db, id);
      const data = smtp.received[0]?.data ?? '';
      assert.match(data, /Content-Type: application\/pdf; name=report\.pdf/);
      assert.match(data, /Content-Disposition: attachment; filename=report\.pdf/);
      // The part's base64 body decodes to exactly the bytes given.
      assert.deepEqual(attachmentIn(data, 'report.pdf'), content);
    } finally {
      await smtp.close();
    }
  });

  it('records a delivery failure instead of losing the e-mail', async () => {
    const smtp = await startSmtpServer();
    const url = smtp.url;
    await smtp.close(); // nothing listens there any more
    const mailer = createMailer({
      clock,
      logger,
      smtpUrl: url,
      from: 'OpenPatrol <no-reply@patrol.test>',
    });
    const id = await mailer.enqueue(database.db, {
      organizationId: null,
      to: 'later@example.com',
      subject: 'Later',
      text: 'Retry me',
    });
    await mailer.deliver(database.db, id);
    const row = await database.db
      .selectFrom('emailOutbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.sentAt, null);
    assert.match(row.error ?? '', /ECONNREFUSED|connect/i);
  });
});
