import { resolve } from 'node:path';
import { build } from 'esbuild';
import express, { Router } from 'express';

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

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/** The web console: one page whose script talks to /api; every non-API path opens it. */
export function consoleRouter(): Router {
  const router = Router();
  void consoleBundle().catch(() => undefined); // start building now; a failure shows on the first request
  router.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  router.get('/assets/app.js', async (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(await consoleBundle());
  });
  router.use('/assets', express.static(resolve(WEB, 'public'), { fallthrough: false, index: false }));
  router.get(/^\/(?!api(\/|$)|assets\/).*/, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(resolve(WEB, 'index.html'));
  });
  return router;
}
