import { createHash, randomBytes } from 'node:crypto';

/**
 * A random credential: 32 bytes (256 bits) of entropy, base64url, with an optional prefix so a
 * leaked value is recognisable (`opk_…` for API tokens, as secret scanners expect).
 */
export function generateSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * How random credentials (session cookies, API tokens, one-time links) are stored. They carry
 * 256 bits of entropy, so a fast hash is as safe as a slow one and lookups stay indexable;
 * passwords, which people choose, use argon2id instead.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
