/**
 * Verifying OpenPatrol webhooks (Standard Webhooks convention): the signature is base64 of
 * HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}` with the secret (`whsec_…`,
 * base64 after the prefix). Web Crypto only, so it runs in Node 20+ and browsers alike.
 *
 *   const ok = await verifyWebhookSignature({ secret, headers: request.headers, body: rawBody });
 *
 * Pass the raw body exactly as received: re-serialised JSON does not verify.
 */

export interface WebhookVerification {
  /** The webhook's signing secret, as shown when it was created. */
  readonly secret: string;
  /** The request's headers: a Headers object or a plain record (lower-case names). */
  readonly headers: Headers | Readonly<Record<string, string | string[] | undefined>>;
  /** The raw request body. */
  readonly body: string;
  /** How old (or early) a delivery may be, against replays; 5 minutes by default. */
  readonly toleranceSeconds?: number;
  /** For tests: the current time in milliseconds. */
  readonly now?: number;
}

function header(headers: WebhookVerification['headers'], name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function decodeBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares without stopping at the first difference, so timing reveals nothing. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++)
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/** True when the delivery is signed with `secret` and recent; false otherwise. */
export async function verifyWebhookSignature(verification: WebhookVerification): Promise<boolean> {
  const id = header(verification.headers, 'webhook-id');
  const timestamp = header(verification.headers, 'webhook-timestamp');
  const signatures = header(verification.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  const now = verification.now ?? Date.now();
  const tolerance = (verification.toleranceSeconds ?? 300) * 1000;
  if (Math.abs(now - Number(timestamp) * 1000) > tolerance) return false;

  const secret = verification.secret.startsWith('whsec_')
    ? verification.secret.slice('whsec_'.length)
    : verification.secret;
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    decodeBase64(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signed = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${verification.body}`),
  );
  const expected = encodeBase64(new Uint8Array(signed));
  return signatures
    .split(' ')
    .some(
      (candidate) =>
        candidate.startsWith('v1,') && equalInConstantTime(candidate.slice(3), expected),
    );
}
