import { Router } from 'express';
import { DEFAULT_CLOCK_POLICY } from '../../../domain/legal-clock';
import { storePolicy } from '../../../infra/clock-config';
import type { Database } from '../../../infra/database';
import { AppError } from '../../errors';
import { calendarOverrideSchema, clockPolicySchema, localDateSchema } from './schemas';

/** Legal-clock policy versions (append-only) and the calendar's per-day overrides. */
export function clockConfigRouter(db: Database): Router {
  const router = Router();

  router.get('/clock-policies', async (_req, res) => {
    const stored = await db.clockPolicyVersion.findMany({ orderBy: { effectiveFrom: 'asc' } });
    res.json({ builtIn: DEFAULT_CLOCK_POLICY, versions: stored });
  });
  router.post('/clock-policies', async (req, res) => {
    const { note, ...policy } = clockPolicySchema.parse(req.body ?? {});
    if (policy.version === DEFAULT_CLOCK_POLICY.version || (await db.clockPolicyVersion.findUnique({ where: { version: policy.version } }))) {
      throw new AppError('conflict', 'Phiên bản đã tồn tại; tạo phiên bản mới / this version exists; create a new one');
    }
    await storePolicy(db, policy, note);
    res.status(201).json(policy);
  });

  router.get('/calendar-overrides', async (_req, res) => {
    res.json(await db.calendarOverride.findMany({ orderBy: { date: 'asc' } }));
  });
  router.put('/calendar-overrides/:date', async (req, res) => {
    const date = localDateSchema.parse(req.params.date);
    const input = calendarOverrideSchema.parse(req.body ?? {});
    res.json(await db.calendarOverride.upsert({ where: { date }, create: { date, ...input }, update: input }));
  });
  router.delete('/calendar-overrides/:date', async (req, res) => {
    const { count } = await db.calendarOverride.deleteMany({ where: { date: req.params.date } });
    if (count === 0) throw new AppError('not_found', 'Không có ngày điều chỉnh này / no such override');
    res.status(204).end();
  });

  return router;
}
