import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Database } from '../../../infra/database';
import { hashPassword } from '../../../infra/passwords';
import type { ApiToken, User } from '../../../prisma/generated/client';
import { issueApiToken, revokeUserTokens } from '../../auth/api-tokens';
import { AppError } from '../../errors';
import { changeLogger } from './change-log';
import { duplicateToConflict, lookup } from './lookup';
import { idSchema } from './schemas';
import { apiTokenSchema, serviceAccountPatchSchema, serviceAccountSchema } from './service-accounts.schema';

const publicToken = (t: ApiToken) => ({ id: t.id, name: t.name, createdBy: t.createdBy, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt });
const publicAccount = (a: User & { apiTokens?: ApiToken[] }) => ({
  id: a.id, email: a.email, name: a.fullName, role: a.role, unitId: a.unitId, organisationId: a.organisationId, createdAt: a.createdAt,
  tokens: (a.apiTokens ?? []).map(publicToken),
});

const noAccount = () => new AppError('not_found', 'Không có tài khoản dịch vụ này / no such service account');
const noToken = () => new AppError('not_found', 'Không có mã truy cập này / no such token');
const notAServiceAccount = () =>
  new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'serviceAccountId', message: 'Chỉ cấp mã cho tài khoản dịch vụ / tokens go to service accounts only' }]);

/**
 * Service accounts (integrations) and their API tokens. An account has its own role and placement
 * and no usable password; a token is shown once, expires, and dies with a change of the account's
 * role or placement. Only the hash of a token is kept, and the change log never sees one.
 */
export function serviceAccountsRouter(db: Database): Router {
  const router = Router();
  const find = lookup(db);
  const logged = changeLogger(db);
  const findAccount = async (rawId: string) => {
    const id = idSchema.safeParse(rawId);
    const account = id.success ? await db.user.findUnique({ where: { id: id.data } }) : null;
    if (!account?.serviceAccount) throw noAccount();
    return account;
  };

  router.get('/service-accounts', async (_req, res) => {
    const accounts = await db.user.findMany({ where: { serviceAccount: true }, orderBy: { email: 'asc' }, include: { apiTokens: { orderBy: { createdAt: 'desc' } } } });
    res.json(accounts.map(publicAccount));
  });
  router.post('/service-accounts', async (req, res) => {
    const { name, unitCode, organisationCode, ...input } = serviceAccountSchema.parse(req.body ?? {});
    // A password nobody knows: the account cannot log in, and login answers as for any wrong password.
    const data = { ...input, fullName: name, serviceAccount: true, ...(await find.placement(unitCode, organisationCode)), passwordHash: await hashPassword(randomBytes(32).toString('base64url')) };
    const change = { action: 'service_account.created', target: input.email, data: { ...input, name, unitCode, organisationCode } } as const;
    const created = await logged(res, change, (tx) => tx.user.create({ data })).catch((e: unknown) => Promise.reject(duplicateToConflict(e)));
    res.status(201).json(publicAccount(created));
  });
  router.patch('/service-accounts/:id', async (req, res) => {
    const { name, unitCode, organisationCode, ...input } = serviceAccountPatchSchema.parse(req.body ?? {});
    const account = await findAccount(req.params.id);
    const data = { ...input, ...(name ? { fullName: name } : {}), ...(await find.placement(unitCode, organisationCode)) };
    // A new role or placement is a new grant: the tokens issued for the old one stop working.
    const regranted = (data.role !== undefined && data.role !== account.role) || (data.unitId !== undefined && data.unitId !== account.unitId) || (data.organisationId !== undefined && data.organisationId !== account.organisationId);
    const change = { action: 'service_account.changed' as const, target: account.email, data: { ...input, name, unitCode, organisationCode } as Record<string, unknown> };
    const updated = await logged(res, change, async (tx) => {
      // The log entry is written after this, so it says how many tokens the change revoked.
      if (regranted) change.data.tokensRevoked = await revokeUserTokens(tx, account.id);
      return tx.user.update({ where: { id: account.id }, data, include: { apiTokens: { orderBy: { createdAt: 'desc' } } } });
    });
    res.json(publicAccount(updated));
  });

  router.get('/api-tokens', async (_req, res) => {
    const tokens = await db.apiToken.findMany({ orderBy: { createdAt: 'desc' }, include: { user: { select: { email: true } } } });
    res.json(tokens.map((t) => ({ ...publicToken(t), serviceAccount: t.user.email })));
  });
  router.post('/api-tokens', async (req, res) => {
    const { name, serviceAccountId, expiresAt } = apiTokenSchema.parse(req.body ?? {});
    const account = await db.user.findUnique({ where: { id: serviceAccountId } });
    if (!account?.serviceAccount) throw notAServiceAccount();
    const change = { action: 'api_token.issued', target: account.email, data: { name, serviceAccountId, expiresAt } } as const;
    res.status(201).json(await logged(res, change, (tx) => issueApiToken(tx, { name, userId: account.id, createdBy: res.locals.user!.email, expiresAt })));
  });
  router.delete('/api-tokens/:id', async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const token = id.success ? await db.apiToken.findFirst({ where: { id: id.data, revokedAt: null }, include: { user: { select: { email: true } } } }) : null;
    if (!token) throw noToken();
    await logged(res, { action: 'api_token.revoked', target: token.user.email, data: { id: token.id, name: token.name } }, async (tx) => {
      if ((await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } })).count === 0) throw noToken();
    });
    res.status(204).end();
  });

  return router;
}
