import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signatures per the Standard Webhooks convention (standardwebhooks.com): the secret is
 * `whsec_` + base64 of random bytes; the signature is base64 of HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}` with the decoded secret, sent as `v1,<signature>`.
 * Receivers verify with @openpatrol/api-client's `verifyWebhookSignature` or any Standard
 * Webhooks library.
 */

const SECRET_PREFIX = 'whsec_';

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function secretKey(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
}

export function signWebhook(message: {
  id: string;
  timestamp: number;
  body: string;
  secret: string;
}): string {
  const signature = createHmac('sha256', secretKey(message.secret))
    .update(`${message.id}.${message.timestamp}.${message.body}`, 'utf8')
    .digest('base64');
  return `v1,${signature}`;
}

/** Whether any `v1,` signature in the header matches (headers may carry several, space-separated). */
export function hasValidSignature(
  header: string,
  message: { id: string; timestamp: number; body: string; secret: string },
): boolean {
  const expected = Buffer.from(signWebhook(message).slice(3), 'base64');
  return header.split(' ').some((candidate) => {
    if (!candidate.startsWith('v1,')) return false;
    const given = Buffer.from(candidate.slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
