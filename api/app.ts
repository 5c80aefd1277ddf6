import express from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../infra/database';
import { AppError, errorMiddleware } from './errors';
import { healthRouter } from './routes/health';
import { petitionsRouter } from './routes/petitions';

export interface AppDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '100kb' }));
  app.use('/api', healthRouter(deps));
  app.use('/api/petitions', petitionsRouter(deps));
  app.use('/api', () => {
    throw new AppError('not_found', 'Không có địa chỉ này / no such endpoint');
  });
  app.use(errorMiddleware);
  return app;
}
