import express from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../infra/database';
import { consoleRouter } from './console';
import { AppError, errorMiddleware } from './errors';
import { authenticate } from './auth/authenticate';
import { createLoginThrottle } from './security/login-throttle';
import type { RateLimits } from './security/rate-limits';
import { refuseUnsafeText } from './security/refuse-unsafe-text';
import { securityHeaders } from './security/headers';
import { sameOriginOnly } from './security/same-origin';
import { openApiDocument } from './openapi';
import type { CitizenMailDeps } from './services/reissue-citizen-secret';
import type { DocumentDeps } from '../infra/documents';
import { adminRouter } from './routes/admin';
import { authRouter } from './routes/auth';
import { casesRouter } from './routes/cases';
import { catalogRouter } from './routes/catalog';
import { documentsRouter } from './routes/documents';
import { healthRouter } from './routes/health';
import { inboxRouter } from './routes/inbox';
import { oversightRouter } from './routes/oversight';
import { recommendationsRouter } from './routes/recommendations';
import { reportsRouter } from './routes/reports';
import { sessionsRouter } from './routes/sessions';
import { searchRouter } from './routes/search';
import { trackRouter } from './routes/track';
import { petitionsRouter } from './routes/petitions';

export interface AppDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** Set the session cookie's Secure flag (the console is served over https). */
  secureCookies?: boolean;
  /** The base URL the OpenAPI document names as its server, the origin the browser is allowed from, and https turns HSTS on. */
  publicUrl?: string;
  /** The outbox's dependencies, for mail the API sends itself (a citizen's new secret). */
  citizenMail?: CitizenMailDeps;
  /** Where case histories link to in the Temporal Web UI. */
  temporalUi?: { url: string; namespace: string };
  /** Rate limits and the login throttle, counted in PostgreSQL for every replica (api/security/rate-limits.ts). */
  rateLimits: RateLimits;
  /** Uploaded documents: storage, the malware scanner, the limits. */
  documents: DocumentDeps;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(deps));
  app.use('/api', sameOriginOnly(deps));
  app.use(express.json({ limit: '100kb' }));
  app.use('/api', refuseUnsafeText);
  app.use('/api', healthRouter(deps));
  const spec = openApiDocument(deps.publicUrl ?? '/');
  app.get('/api/openapi.json', (_req, res) => {
    res.json(spec);
  });
  app.use('/api', authenticate(deps.db));
  const loginThrottle = createLoginThrottle(deps.rateLimits);
  app.use('/api/auth', authRouter({ db: deps.db, secureCookies: deps.secureCookies ?? false, loginThrottle }));
  app.use('/api/catalog', catalogRouter(deps));
  app.post('/api/petitions', deps.rateLimits.perAddress('submission-minute', 'submission-hour'));
  app.use('/api/petitions', petitionsRouter(deps));
  app.use('/api/track', deps.rateLimits.perAddress('tracking'));
  app.use('/api/track', trackRouter(deps));
  app.use('/api', documentsRouter(deps));
  app.use('/api/inbox', inboxRouter(deps));
  app.use('/api/cases/search', searchRouter(deps)); // before /api/cases/:id
  app.use('/api/cases', casesRouter({ ...deps, temporalUi: deps.temporalUi ?? { url: 'http://127.0.0.1:8233', namespace: 'default' } }));
  app.use('/api/supervision/recommendations', recommendationsRouter(deps));
  app.use('/api', oversightRouter(deps));
  app.use('/api/reports', reportsRouter(deps));
  app.use('/api/admin', adminRouter({ ...deps, loginThrottle }));
  app.use('/api/sessions', sessionsRouter(deps));
  app.use(consoleRouter());
  app.use('/api', () => {
    throw new AppError('not_found', 'Không có địa chỉ này / no such endpoint');
  });
  app.use(errorMiddleware);
  return app;
}
