import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../infra/database';
import { hashPassword, verifyPassword } from '../../infra/passwords';
import type { Role } from '../../prisma/generated/client';
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

export const SESSION_HOURS = 8;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
// Compared against when the email is unknown, so both failures take as long.
let dummyHash: Promise<string> | undefined;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginResult =
  | { ok: true; token: string; user: StaffUser; expiresAt: Date }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'account_locked'; until: Date };

function toStaff(u: StaffUser): StaffUser {
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId };
}

/** Checks the password; five failures in a row lock the account for fifteen minutes. */
export async function login(db: Database, email: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) {
    await verifyPassword(password, await (dummyHash ??= hashPassword('no such user')));
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'account_locked', until: user.lockedUntil };
  if (!(await verifyPassword(password, user.passwordHash))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.user.update({
      where: { id: user.id },
      data: lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : { failedLogins: failed },
    });
    return lock ? { ok: false, reason: 'account_locked', until: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : { ok: false, reason: 'invalid_credentials' };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } }),
    db.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } }),
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
