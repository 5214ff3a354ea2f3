import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeQuotedPrintable } from '../src/test-support/smtp-server.js';

export interface CapturedMail {
  readonly to: string[];
  /** The message as sent (headers and body), with quoted-printable soft breaks undone. */
  readonly text: string;
}

export interface MailCapture {
  /** For the server's SMTP_URL. */
  readonly url: string;
  /** Resolves with the first message to `address` (already received or still to come). */
  waitForMail(address: string, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what the OpenPatrol server sends, so a browser test
 * can follow the links in invitation and password-reset e-mails as a person would.
 */
export async function startMailCapture(): Promise<MailCapture> {
  const received: CapturedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          text: decodeQuotedPrintable(data),
        });
        for (const wake of waiting) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    waitForMail(address, timeoutMs = 15_000) {
      const find = () => received.find((mail) => mail.to.includes(address.toLowerCase()));
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = find();
          if (!mail) return;
          cleanUp();
          resolve(mail);
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`No e-mail to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanUp = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
