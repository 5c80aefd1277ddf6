import { Router } from 'express';
import type { Database } from '../../../infra/database';
import { requireStaff } from '../../auth/authenticate';
import { AppError } from '../../errors';
import type { LoginThrottle } from '../../security/login-throttle';
import { changeLogRouter } from './change-log';
import { clockConfigRouter } from './clock-config';
import { referenceDataRouter } from './reference-data';
import { serviceAccountsRouter } from './service-accounts';
import { usersRouter } from './users';

/** Administration: configuration, users, service accounts and their tokens, and the log of their changes. Administrators only. */
export function adminRouter({ db, loginThrottle }: { db: Database; loginThrottle: LoginThrottle }): Router {
  const router = Router();
  router.use((_req, res, next) => {
    if (requireStaff(res).role !== 'ADMINISTRATOR') throw new AppError('forbidden', 'Chỉ dành cho quản trị viên / administrators only');
    next();
  });
  router.use(referenceDataRouter(db));
  router.use(clockConfigRouter(db));
  router.use(usersRouter(db, loginThrottle));
  router.use(serviceAccountsRouter(db));
  router.use(changeLogRouter(db));
  return router;
}
