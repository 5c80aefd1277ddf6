import { Router } from 'express';
import type { Database } from '../../../infra/database';
import { hashPassword } from '../../../infra/passwords';
import { revokeUserTokens } from '../../auth/api-tokens';
import { AppError } from '../../errors';
import type { LoginThrottle } from '../../security/login-throttle';
import { assertPasswordAllowed } from '../../security/password-policy';
import { changeLogger } from './change-log';
import { duplicateToConflict, lookup } from './lookup';
import { idSchema, userPatchSchema, userSchema } from './schemas';

const publicUser = (u: { id: string; email: string; fullName: string; role: string; unitId: string | null; organisationId: string | null }) => ({
  id: u.id, email: u.email, fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId,
});

/** People: their roles, placement and passwords (service accounts have their own routes). Password hashes never leave the server. */
export function usersRouter(db: Database, loginThrottle: LoginThrottle): Router {
  const router = Router();
  const find = lookup(db);
  const logged = changeLogger(db);

  router.get('/users', async (_req, res) => {
    res.json((await db.user.findMany({ where: { serviceAccount: false }, orderBy: { email: 'asc' } })).map(publicUser));
  });
  router.post('/users', async (req, res) => {
    const { password, unitCode, organisationCode, ...input } = userSchema.parse(req.body ?? {});
    assertPasswordAllowed(password, input.email);
    const data = { ...input, ...(await find.placement(unitCode, organisationCode)), passwordHash: await hashPassword(password) };
    const change = { action: 'user.created', target: input.email, data: { ...input, unitCode, organisationCode } } as const;
    res.status(201).json(publicUser(await logged(res, change, (tx) => tx.user.create({ data })).catch((e: unknown) => Promise.reject(duplicateToConflict(e)))));
  });
  router.patch('/users/:id', async (req, res) => {
    const { password, unitCode, organisationCode, unlock, ...input } = userPatchSchema.parse(req.body ?? {});
    const id = idSchema.safeParse(req.params.id);
    const user = id.success ? await db.user.findUnique({ where: { id: id.data, serviceAccount: false } }) : null;
    if (!user) throw new AppError('not_found', 'Không có người dùng này / no such user');
    if (password) assertPasswordAllowed(password, user.email);
    const data = {
      ...input,
      ...(await find.placement(unitCode, organisationCode)),
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
    };
    const change = { action: 'user.changed', target: user.email, data: { ...input, unitCode, organisationCode, password, unlock } } as const;
    const updated = await logged(res, change, async (tx) => {
      // A changed password or role ends the user's sessions and revokes any API token they hold.
      if (password || input.role) {
        await tx.session.deleteMany({ where: { userId: user.id } });
        await revokeUserTokens(tx, user.id);
      }
      return tx.user.update({ where: { id: user.id }, data });
    });
    // Accounts are never locked; unlock forgets the login throttle's counters for the email.
    if (unlock) await loginThrottle.clear(user.email);
    res.json(publicUser(updated));
  });

  return router;
}
