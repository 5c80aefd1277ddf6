import { parse } from 'cookie';
import type { Request, RequestHandler } from 'express';
import type { Database } from '../../infra/database';
import { AppError } from '../errors';
import { userForToken, type StaffUser } from './sessions';

export const SESSION_COOKIE = 'sid';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: StaffUser;
    }
  }
}

/** The session token from the cookie, or from `Authorization: Bearer` for integrations and scripts. */
export function sessionToken(req: Request): string | undefined {
  const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? parse(req.get('cookie') ?? '')[SESSION_COOKIE];
}

/** Resolves the staff user, if any; routes that need one use `requireStaff`. */
export function authenticate(db: Database): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req);
    if (token) {
      const user = await userForToken(db, token);
      if (user) res.locals.user = user;
    }
    next();
  };
}

export function requireStaff(res: { locals: { user?: StaffUser } }): StaffUser {
  const user = res.locals.user;
  if (!user) throw new AppError('unauthenticated', 'Cần đăng nhập / login required');
  return user;
}
