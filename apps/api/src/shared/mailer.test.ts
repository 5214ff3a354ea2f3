import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase } from '../test-support/test-database.js';
import type { DatabaseHandle } from '../database/database.js';
import { createFixedClock } from './clock.js';
import { createMailer } from './mailer.js';

interface ReceivedMessage {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback, so delivery goes through nodemailer exactly as in production. */
async function startSmtpServer(): Promise<{
  url: string;
  received: ReceivedMessage[];
  close(): Promise<void>;
}> {
  const received: ReceivedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

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
