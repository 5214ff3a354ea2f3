import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id recommendation (19 MiB, 2 passes): ~15 ms a hash on these machines. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Why a password is refused, or null when it is acceptable. Length is what matters (NIST
 * 800-63B); composition rules only push people to predictable patterns.
 */
export function describeWeakPassword(
  password: string,
  context: readonly string[] = [],
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (new Set(password).size < 4) return 'must not be made of one or two repeated characters';
  const lower = password.toLowerCase();
  if (context.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()))) {
    return 'must not contain your name or e-mail address';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the account does not exist, so a wrong e-mail address takes as
 * long to refuse as a wrong password and sign-in does not reveal which addresses have accounts.
 */
export function createDecoyPasswordHash(): Promise<string> {
  return hashPassword('decoy password that no account has');
}
