import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../infra/database';
import { requireStaff, SESSION_COOKIE, sessionToken } from '../auth/authenticate';
import { login, logout, SESSION_HOURS } from '../auth/sessions';
import { AppError } from '../errors';

export const loginSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) }).strict();

export function authRouter({ db, secureCookies }: { db: Database; secureCookies: boolean }): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { email, password } = loginSchema.parse(req.body ?? {});
    const result = await login(db, email, password);
    if (!result.ok && result.reason === 'account_locked') {
      res.set('Retry-After', String(Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 1000))));
      throw new AppError('account_locked', 'Tài khoản tạm khóa do đăng nhập sai nhiều lần / account locked after repeated failures');
    }
    if (!result.ok) throw new AppError('invalid_credentials', 'Sai email hoặc mật khẩu / wrong email or password');
    res.cookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: SESSION_HOURS * 3_600_000 });
    res.json({ user: result.user, token: result.token, expiresAt: result.expiresAt });
  });

  router.post('/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await logout(db, token);
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });

  router.get('/me', (_req, res) => {
    res.json({ user: requireStaff(res) });
  });

  return router;
}
