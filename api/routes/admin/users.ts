import { Router } from 'express';
import type { Database } from '../../../infra/database';
import { hashPassword } from '../../../infra/passwords';
import { issueApiToken } from '../../auth/sessions';
import { AppError } from '../../errors';
import { duplicateToConflict, lookup } from './lookup';
import { apiTokenSchema, idSchema, userPatchSchema, userSchema } from './schemas';

const publicUser = (u: { id: string; email: string; fullName: string; role: string; unitId: string | null; organisationId: string | null; lockedUntil: Date | null }) => ({
  id: u.id, email: u.email, fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId, lockedUntil: u.lockedUntil,
});

/** Users and roles, and the API tokens integrations use. Password hashes never leave the server. */
export function usersRouter(db: Database): Router {
  const router = Router();
  const find = lookup(db);
  const placement = async (unitCode?: string | null, organisationCode?: string | null) => ({
    ...(unitCode !== undefined ? { unitId: unitCode ? (await find.unit(unitCode)).id : null } : {}),
    ...(organisationCode !== undefined ? { organisationId: organisationCode ? (await find.organisation(organisationCode)).id : null } : {}),
  });

  router.get('/users', async (_req, res) => {
    res.json((await db.user.findMany({ orderBy: { email: 'asc' } })).map(publicUser));
  });
  router.post('/users', async (req, res) => {
    const { password, unitCode, organisationCode, ...input } = userSchema.parse(req.body ?? {});
    const data = { ...input, ...(await placement(unitCode, organisationCode)), passwordHash: await hashPassword(password) };
    res.status(201).json(publicUser(await db.user.create({ data }).catch((e: unknown) => Promise.reject(duplicateToConflict(e)))));
  });
  router.patch('/users/:id', async (req, res) => {
    const { password, unitCode, organisationCode, unlock, ...input } = userPatchSchema.parse(req.body ?? {});
    const id = idSchema.safeParse(req.params.id);
    const user = id.success ? await db.user.findUnique({ where: { id: id.data } }) : null;
    if (!user) throw new AppError('not_found', 'Không có người dùng này / no such user');
    const data = {
      ...input,
      ...(await placement(unitCode, organisationCode)),
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
      ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
    };
    const updated = await db.user.update({ where: { id: user.id }, data });
    // A changed password or role ends the user's sessions.
    if (password || input.role) await db.session.deleteMany({ where: { userId: user.id } });
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
    res.status(201).json(await issueApiToken(db, { name, userId: user.id, createdBy: res.locals.user!.email }));
  });
  router.delete('/api-tokens/:id', async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const { count } = id.success ? await db.apiToken.updateMany({ where: { id: id.data, revokedAt: null }, data: { revokedAt: new Date() } }) : { count: 0 };
    if (count === 0) throw new AppError('not_found', 'Không có mã truy cập này / no such token');
    res.status(204).end();
  });

  return router;
}
