import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback, so delivery goes through nodemailer exactly as in production. */
export async function startSmtpServer(): Promise<{
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

/** The bytes of the attachment named `fileName` in a raw MIME message, or null. */
export function attachmentIn(data: string, fileName: string): Buffer | null {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`filename="?${escaped}"?\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n`).exec(
    data,
  );
  if (!match) return null;
  const body = data.slice(match.index + match[0].length).split(/\r?\n--/)[0] ?? '';
  return Buffer.from(body.replace(/\s/g, ''), 'base64');
}

/** Undoes quoted-printable: long lines (such as links with tokens) arrive split with `=\r\n`. */
export function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The token of the invitation link e-mailed to `email`, waiting up to `timeoutMs` for it. */
export async function waitForInvitationToken(
  received: readonly ReceivedMessage[],
  email: string,
  timeoutMs = 10_000,
): Promise<string> {
  const giveUpAt = Date.now() + timeoutMs;
  while (Date.now() < giveUpAt) {
    const mail = received.find((message) => message.to.includes(email));
    const token = mail && /token=([A-Za-z0-9_-]+)/.exec(decodeQuotedPrintable(mail.data))?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no invitation e-mail to ${email}`);
}
