import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';

/** Liveness says the process serves; readiness checks the database and Temporal. */
export function healthRouter({ db, temporal }: { db: Database; temporal: Client }): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const [database, temporalServer] = await Promise.all([
      db.$queryRaw`SELECT 1`.then(() => 'ok', (e: unknown) => `error: ${String(e)}`),
      temporal.connection.withDeadline(Date.now() + 3000, () => temporal.workflowService.getSystemInfo({})).then(() => 'ok', (e: unknown) => `error: ${String(e)}`),
    ]);
    const ready = database === 'ok' && temporalServer === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database, temporal: temporalServer });
  });
  return router;
}
