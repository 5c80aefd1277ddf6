import { createHash } from 'node:crypto';
import { rateLimited, type RateLimits } from './rate-limits';

/**
 * Failed logins slow an attacker down without locking the owner out (rate-limiter-flexible's
 * brute-force pattern, with counters shared by every API replica):
 *
 * - failures in a row for one email from one address (10 by default): that address waits an hour
 *   before trying that email again; a success resets it. Guessing one account from one place is
 *   slow, and the owner at another address is not affected.
 * - failures from one address in a day (100): it waits until the day is over. One place spraying
 *   many accounts (or a shared office address with a lot of typos) is stopped, not the accounts.
 * - failures for one email from everywhere in an hour (50): beyond it the account is under a
 *   distributed attack (5 or more addresses), and only addresses that logged in to it successfully
 *   in the last 30 days may keep trying until the hour is over. A lock for everyone would hand the
 *   attacker the owner's access; this keeps the owner's usual office or home working, and an
 *   administrator's `unlock` clears the counters for someone at a new address.
 *
 * Every counter is keyed by the email as typed (lower-cased, hashed to bound the key's length),
 * never by whether an account exists: an unknown email is counted, refused and answered exactly
 * like a real one, so a 429 says nothing about existence. Nothing is written on the user's row.
 */
export interface LoginThrottle {
  /** Throws the `rate_limited` error (429, Retry-After) when this address may not try this email now. */
  check(email: string, address: string): Promise<void>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string, address: string): Promise<void>;
  /** An administrator's unlock: the email's counters from every address are forgotten. */
  clear(email: string): Promise<void>;
}

const HOUR = 3600;
const DAY = 24 * HOUR;
const KNOWN_ADDRESS_DAYS = 30;
const MESSAGE = 'Quá nhiều lần đăng nhập không thành công, vui lòng thử lại sau / too many failed logins, retry later';

const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32);

export function createLoginThrottle(limits: RateLimits): LoginThrottle {
  const s = limits.settings;
  const inARow = limits.limiter('login-email-address', { points: s.loginConsecutiveFailures, duration: DAY });
  const byAccount = limits.limiter('login-email', { points: s.loginFailuresPerAccount, duration: HOUR });
  const byAddress = limits.limiter('login-address', { points: s.loginFailuresPerAddress, duration: DAY });
  const knownAddresses = limits.limiter('login-known-address', { points: 1, duration: KNOWN_ADDRESS_DAYS * DAY });
  const pair = (email: string, address: string) => `${emailKey(email)}|${address}`;

  // A failure to count must not turn a wrong password into a 500: the answer stays 401.
  const counting = (what: string, work: Promise<unknown>) =>
    work.catch((err: unknown) => console.warn(`login throttle: could not count ${what}: ${String(err)}`));

  return {
    async check(email, address) {
      const [row, account, place] = await Promise.all([inARow.get(pair(email, address)), byAccount.get(emailKey(email)), byAddress.get(address)]);
      const waits: number[] = [];
      if (row && row.consumedPoints >= s.loginConsecutiveFailures) waits.push(row.msBeforeNext);
      if (place && place.consumedPoints >= s.loginFailuresPerAddress) waits.push(place.msBeforeNext);
      if (account && account.consumedPoints >= s.loginFailuresPerAccount && !(await knownAddresses.get(pair(email, address)))) waits.push(account.msBeforeNext);
      if (waits.length > 0) throw rateLimited(MESSAGE, Math.max(...waits));
    },
    async failed(email, address) {
      await Promise.all([
        counting('a failure in a row', inARow.penalty(pair(email, address)).then((r) => (r.consumedPoints >= s.loginConsecutiveFailures ? inARow.block(pair(email, address), HOUR) : r))),
        counting('a failure for the account', byAccount.penalty(emailKey(email))),
        counting('a failure from the address', byAddress.penalty(address)),
      ]);
    },
    async succeeded(email, address) {
      await Promise.all([
        counting('a success', inARow.delete(pair(email, address))),
        counting('a known address', knownAddresses.set(pair(email, address), 1, KNOWN_ADDRESS_DAYS * DAY)),
      ]);
    },
    async clear(email) {
      await Promise.all([byAccount.delete(emailKey(email)), limits.forgetKeysStartingWith('login-email-address', `${emailKey(email)}|`)]);
    },
  };
}
