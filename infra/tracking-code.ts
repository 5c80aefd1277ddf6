import { randomBytes } from 'node:crypto';

// Crockford base32 without look-alike letters: 16 symbols = 80 random bits, easy to read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The unguessable code a citizen follows a case with. */
export function newTrackingCode(): string {
  return `PA-${Array.from(randomBytes(16), (b) => ALPHABET[b % 32]).join('')}`;
}
