import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../infra/database';
import type { StaffUser } from './sessions';

/** API tokens (prefixed `pat_`) belong to service accounts: integrations with their own role, never a person. */
export const API_TOKEN_PREFIX = 'pat_';
export const MAX_TOKEN_DAYS = 365;
export const DEFAULT_TOKEN_DAYS = 90;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const isApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX);

/**
 * The service account an API token acts as, carrying the token's id so every case event it causes
 * records it. A revoked or expired token, or one whose owner is not a service account, is nobody.
 */
export async function userForApiToken(db: Database, token: string, now = new Date()): Promise<StaffUser | null> {
  const apiToken = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!apiToken || apiToken.revokedAt || !apiToken.expiresAt || apiToken.expiresAt <= now || !apiToken.user.serviceAccount) return null;
  await db.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
  const u = apiToken.user;
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId, tokenId: apiToken.id };
}

/** Issues an API token to a service account; the clear token is returned once and only its hash is kept. */
export async function issueApiToken(db: Pick<Database, 'apiToken'>, input: { name: string; userId: string; createdBy: string; expiresAt: Date }) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db.apiToken.create({ data: { ...input, tokenHash: hashToken(token) } });
  return { id: row.id, name: row.name, token, createdAt: row.createdAt, expiresAt: row.expiresAt };
}

/** Revokes every live token of a user: on a password or role change, and for a service account's new role. */
export async function revokeUserTokens(db: Pick<Database, 'apiToken'>, userId: string, now = new Date()): Promise<number> {
  return (await db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })).count;
}
