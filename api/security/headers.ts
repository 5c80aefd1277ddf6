import { Router } from 'express';
import helmet from 'helmet';

/** What an API answer may run or be framed by when a browser opens it directly: nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every response (helmet): nosniff, no framing, same-origin referrers and
 * resource policy, and HSTS only when the public URL is https (over plain http it would be ignored,
 * or lock a test host out of http). The console sets its own CSP (api/console.ts); API answers get
 * one that allows nothing, and `Cache-Control: no-store` by default: most carry a person's cases or
 * identity. A route that answers the same public data to everyone may say otherwise itself (the
 * catalog: `public, max-age=60`); no list of exceptions here that could wrongly grow.
 */
export function securityHeaders({ publicUrl }: { publicUrl?: string }): Router {
  const router = Router();
  router.use(
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: publicUrl?.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  router.use('/api', (_req, res, next) => {
    res.set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': API_CSP });
    next();
  });
  return router;
}
