import { resolve } from 'node:path';
import { build } from 'esbuild';
import express, { Router, type RequestHandler } from 'express';
import { AppError } from './errors';

const WEB = resolve(import.meta.dirname, '..', 'web');

// Built once per process, in memory: API replicas need no build step or shared volume.
let bundle: Promise<string> | null = null;
function consoleBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [resolve(WEB, 'src', 'main.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: resolve(WEB, 'tsconfig.json'),
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

// The console's own policy; the other security headers come from helmet for every response (api/security/headers.ts).
const CONSOLE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The web console: one page whose script talks to /api; every non-API path opens it. */
export function consoleRouter(): Router {
  const router = Router();
  void consoleBundle().catch(() => undefined); // start building now; a failure shows on the first request
  const csp: RequestHandler = (_req, res, next) => {
    res.set('Content-Security-Policy', CONSOLE_CSP);
    next();
  };
  router.get('/assets/app.js', csp, async (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(await consoleBundle());
  });
  // A missing file (or a name that does not decode) falls through to a 404, not an error.
  router.use('/assets', csp, express.static(resolve(WEB, 'public'), { index: false }), () => {
    throw new AppError('not_found', 'Không có tệp này / no such file');
  });
  router.get(/^\/(?!api(\/|$)|assets\/).*/, csp, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(resolve(WEB, 'index.html'));
  });
  return router;
}
