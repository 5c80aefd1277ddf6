import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Crockford base32 (no I, L, O, U): easy to read from a receipt or type from a phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Upper case, no spaces or dashes, look-alikes read as Crockford does (O→0, I/L→1). */
function normalise(secret: string): string {
  return secret.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Only this hash is stored: the secret is 100 random bits, so a fast hash is enough. */
export function hashCitizenSecret(secret: string): string {
  return createHash('sha256').update(normalise(secret)).digest('hex');
}

/** A new secret, e.g. `7KQ2M-9XAB4-H3D0P-W8RTZ`, and the hash to store. */
export function newCitizenSecret(): { secret: string; hash: string } {
  const chars = Array.from(randomBytes(20), (b) => ALPHABET[b % 32]).join('');
  const secret = chars.match(/.{5}/g)!.join('-');
  return { secret, hash: hashCitizenSecret(secret) };
}

/** Compares in constant time; a case without a stored secret matches nothing. */
export function citizenSecretMatches(storedHash: string | null, secret: string | undefined): boolean {
  if (!storedHash || !secret) return false;
  const given = Buffer.from(hashCitizenSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
