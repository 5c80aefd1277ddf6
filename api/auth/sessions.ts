import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../infra/database';
import { hashPassword, needsRehash, verifyPassword } from '../../infra/passwords';
import { Role } from '../../prisma/generated/enums';
import { responseType, type Conforms } from '../response-schemas';
import type { LoginThrottle } from '../security/login-throttle';
import { isApiToken, userForApiToken } from './api-tokens';

export interface StaffUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  organisationId: string | null;
  /** Set when a service account acts through an API token; recorded on the case events it causes. */
  tokenId?: string;
}

/** A staff user as login and /api/auth/me answer (`tokenId` only for a service account acting through an API token). */
export const staffUserSchema = responseType(
  'StaffUser',
  z.object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(Role),
    unitId: z.string().nullable(),
    organisationId: z.string().nullable(),
    tokenId: z.string().optional(),
  }),
);
true satisfies Conforms<StaffUser, typeof staffUserSchema>;

export const SESSION_HOURS = 8;
// Compared against when the email is unknown, so both failures take as long.
let dummyHash: Promise<string> | undefined;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginResult = { ok: true; token: string; user: StaffUser; expiresAt: Date } | { ok: false; reason: 'invalid_credentials' };

function toStaff(u: StaffUser): StaffUser {
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId };
}

/**
 * Checks the password, after the throttle (which throws `rate_limited`, the same for any email,
 * known or not). Accounts are never locked. A hash from before argon2id (bcrypt) is replaced by an
 * argon2id one at the first successful login.
 */
export async function login(
  db: Database,
  throttle: LoginThrottle,
  { email, password, address }: { email: string; password: string; address: string },
  now = new Date(),
): Promise<LoginResult> {
  await throttle.check(email, address);
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await (dummyHash ??= hashPassword('no such user'))));
  // Service accounts act through API tokens only.
  if (!user || user.serviceAccount || !matches) {
    await throttle.failed(email, address);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await throttle.succeeded(email, address);
  const upgraded = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.$transaction([
    db.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } }),
    // Only if the hash is still the one checked: a password an administrator set meanwhile wins.
    ...(upgraded ? [db.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: upgraded } })] : []),
  ]);
  return { ok: true, token, user: toStaff(user), expiresAt };
}

/** A staff session token, or a service account's API token (prefixed `pat_`, see api-tokens.ts). */
export async function userForToken(db: Database, token: string, now = new Date()): Promise<StaffUser | null> {
  if (isApiToken(token)) return userForApiToken(db, token, now);
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  return session && session.expiresAt > now ? toStaff(session.user) : null;
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
