import { Router } from 'express';
import type { Database } from '../../../infra/database';
import { hashPassword } from '../../../infra/passwords';
import { DEFAULT_TOKEN_DAYS, issueApiToken } from '../../auth/api-tokens';
import { AppError } from '../../errors';
import type { LoginThrottle } from '../../security/login-throttle';
import { assertPasswordAllowed } from '../../security/password-policy';
import { changeLogger } from './change-log';
import { duplicateToConflict, lookup } from './lookup';
import { apiTokenSchema, idSchema, userPatchSchema, userSchema } from './schemas';

const publicUser = (u: { id: string; email: string; fullName: string; role: string; unitId: string | null; organisationId: string | null; lockedUntil: Date | null }) => ({
  id: u.id, email: u.email, fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId, lockedUntil: u.lockedUntil,
});

const noToken = () => new AppError('not_found', 'Không có mã truy cập này / no such token');

/** Users and roles, and the API tokens integrations use. Password hashes never leave the server. */
export function usersRouter(db: Database, loginThrottle: LoginThrottle): Router {
  const router = Router();
  const find = lookup(db);
  const logged = changeLogger(db);
  const placement = async (unitCode?: string | null, organisationCode?: string | null) => ({
    ...(unitCode !== undefined ? { unitId: unitCode ? (await find.unit(unitCode)).id : null } : {}),
    ...(organisationCode !== undefined ? { organisationId: organisationCode ? (await find.organisation(organisationCode)).id : null } : {}),
  });

  router.get('/users', async (_req, res) => {
    res.json((await db.user.findMany({ orderBy: { email: 'asc' } })).map(publicUser));
  });
  router.post('/users', async (req, res) => {
    const { password, unitCode, organisationCode, ...input } = userSchema.parse(req.body ?? {});
    assertPasswordAllowed(password, input.email);
    const data = { ...input, ...(await placement(unitCode, organisationCode)), passwordHash: await hashPassword(password) };
    const change = { action: 'user.created', target: input.email, data: { ...input, unitCode, organisationCode } } as const;
    res.status(201).json(publicUser(await logged(res, change, (tx) => tx.user.create({ data })).catch((e: unknown) => Promise.reject(duplicateToConflict(e)))));
  });
  router.patch('/users/:id', async (req, res) => {
    const { password, unitCode, organisationCode, unlock, ...input } = userPatchSchema.parse(req.body ?? {});
    const id = idSchema.safeParse(req.params.id);
    const user = id.success ? await db.user.findUnique({ where: { id: id.data } }) : null;
    if (!user) throw new AppError('not_found', 'Không có người dùng này / no such user');
    if (password) assertPasswordAllowed(password, user.email);
    const data = {
      ...input,
      ...(await placement(unitCode, organisationCode)),
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
      ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
    };
    const change = { action: 'user.changed', target: user.email, data: { ...input, unitCode, organisationCode, password, unlock } } as const;
    const updated = await logged(res, change, async (tx) => {
      // A changed password or role ends the user's sessions.
      if (password || input.role) await tx.session.deleteMany({ where: { userId: user.id } });
      return tx.user.update({ where: { id: user.id }, data });
    });
    // Accounts are no longer locked (the columns stay for old rows); unlock forgets the login throttle's counters for the email.
    if (unlock) await loginThrottle.clear(user.email);
    res.json(publicUser(updated));
  });

  router.get('/api-tokens', async (_req, res) => {
    const tokens = await db.apiToken.findMany({ orderBy: { createdAt: 'desc' }, include: { user: { select: { email: true } } } });
    res.json(tokens.map((t) => ({ id: t.id, name: t.name, user: t.user.email, createdBy: t.createdBy, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt })));
  });
  router.post('/api-tokens', async (req, res) => {
    const { name, userEmail } = apiTokenSchema.parse(req.body ?? {});
    const user = await db.user.findUnique({ where: { email: userEmail } });
    if (!user) throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'userEmail', message: 'Không có người dùng này / no such user' }]);
    const change = { action: 'api_token.issued', target: user.email, data: { name, userEmail } } as const;
    res.status(201).json(await logged(res, change, (tx) => issueApiToken(tx, { name, userId: user.id, createdBy: res.locals.user!.email, expiresAt: new Date(Date.now() + DEFAULT_TOKEN_DAYS * 86_400_000) })));
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
