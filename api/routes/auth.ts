import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Database } from '../../infra/database';
import { requireStaff, SESSION_COOKIE, sessionToken } from '../auth/authenticate';
import { login, logout, SESSION_HOURS, staffUserSchema } from '../auth/sessions';
import { AppError } from '../errors';
import { instant, responseType } from '../response-schemas';
import type { LoginThrottle } from '../security/login-throttle';
import { clientAddress } from '../security/rate-limits';

export const loginSchema = z
  .object({
    email: z.string().trim().email().max(254),
    password: z.string().min(1).max(200),
    /** `body`: a script that will send `Authorization: Bearer` gets the session token in the answer instead of the cookie. */
    tokenIn: z.enum(['cookie', 'body']).default('cookie'),
  })
  .strict();

/** A login: the user and until when the session lasts. */
export const loginSessionSchema = responseType(
  'LoginSession',
  z.object({
    user: staffUserSchema,
    /** Only when `tokenIn` is `body` (scripts); a browser's token is in the HttpOnly cookie. */
    token: z.string().optional(),
    expiresAt: instant,
  }),
);
/** Who is signed in. */
export const currentUserSchema = responseType('CurrentUser', z.object({ user: staffUserSchema }));

/** Browsers send Origin or Sec-Fetch-Site with a POST; curl and integrations send neither. */
const fromBrowser = (req: Request) => req.get('origin') !== undefined || req.get('sec-fetch-site') !== undefined;

export function authRouter({ db, secureCookies, loginThrottle }: { db: Database; secureCookies: boolean; loginThrottle: LoginThrottle }): Router {
  const router = Router();

  // A browser gets the token only in the HttpOnly cookie, where page scripts cannot read it.
  router.post('/login', async (req, res) => {
    const { email, password, tokenIn } = loginSchema.parse(req.body ?? {});
    if (tokenIn === 'body' && fromBrowser(req)) {
      throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'tokenIn', message: 'Trình duyệt chỉ nhận cookie phiên / a browser gets the session cookie only' }]);
    }
    const result = await login(db, loginThrottle, { email, password, address: clientAddress(req) });
    if (!result.ok) throw new AppError('invalid_credentials', 'Sai email hoặc mật khẩu / wrong email or password');
    if (tokenIn === 'body') {
      const session: z.output<typeof loginSessionSchema> = { user: result.user, token: result.token, expiresAt: result.expiresAt };
      res.json(session);
      return;
    }
    res.cookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: SESSION_HOURS * 3_600_000 });
    const session: z.output<typeof loginSessionSchema> = { user: result.user, expiresAt: result.expiresAt };
    res.json(session);
  });

  router.post('/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await logout(db, token);
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });

  router.get('/me', (_req, res) => {
    const me: z.output<typeof currentUserSchema> = { user: requireStaff(res) };
    res.json(me);
  });

  return router;
}
