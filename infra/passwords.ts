import { availableParallelism } from 'node:os';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { verify as verifyBcrypt } from '@node-rs/bcrypt';

// argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). @node-rs/argon2 and
// @node-rs/bcrypt are native and run on libuv's thread pool, so a login never blocks the event
// loop, and argon2 reads the whole password (bcrypt stops at 72 bytes).
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id: a const enum, not importable under isolatedModules
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const CURRENT = `$argon2id$v=19$m=${OPTIONS.memoryCost},t=${OPTIONS.timeCost},p=${OPTIONS.parallelism}$`;
const BCRYPT = /^\$2[abxy]\$\d\d\$/;

// Hashes run one fewer at a time than there are cores, so a burst of logins leaves a core to the
// event loop (and thread-pool slots to file and DNS work); the others wait their turn.
const AT_ONCE = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: Array<() => void> = [];
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < AT_ONCE) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inTurn(() => hash(password, OPTIONS));
}

/** Checks a password against an argon2 hash, or a bcrypt hash stored before argon2id; false for anything else. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    if (stored.startsWith('$argon2')) return await inTurn(() => verify(stored, password));
    if (BCRYPT.test(stored)) return await inTurn(() => verifyBcrypt(password, stored));
  } catch {
    // A malformed stored hash matches no password.
  }
  return false;
}

/** A hash this module can check (argon2 or bcrypt); anything else can never be logged in with. */
export const isSupportedHash = (stored: string): boolean => stored.startsWith('$argon2') || BCRYPT.test(stored);

/** True for a bcrypt hash or an argon2 hash with other parameters: rehash it at the next successful login. */
export const needsRehash = (stored: string): boolean => !stored.startsWith(CURRENT);
