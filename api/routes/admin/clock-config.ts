import { Router } from 'express';
import { DEFAULT_CLOCK_POLICY } from '../../../domain/legal-clock';
import { storePolicy } from '../../../infra/clock-config';
import type { Database } from '../../../infra/database';
import { AppError } from '../../errors';
import { changeLogger } from './change-log';
import { calendarDateParams, calendarOverrideSchema, clockPolicySchema } from './schemas';

const noOverride = () => new AppError('not_found', 'Không có ngày điều chỉnh này / no such override');

/** Legal-clock policy versions (append-only) and the calendar's per-day overrides. */
export function clockConfigRouter(db: Database): Router {
  const router = Router();
  const logged = changeLogger(db);

  router.get('/clock-policies', async (_req, res) => {
    const stored = await db.clockPolicyVersion.findMany({ orderBy: { effectiveFrom: 'asc' } });
    res.json({ builtIn: DEFAULT_CLOCK_POLICY, versions: stored });
  });
  router.post('/clock-policies', async (req, res) => {
    const { note, ...policy } = clockPolicySchema.parse(req.body ?? {});
    if (policy.version === DEFAULT_CLOCK_POLICY.version || (await db.clockPolicyVersion.findUnique({ where: { version: policy.version } }))) {
      throw new AppError('conflict', 'Phiên bản đã tồn tại; tạo phiên bản mới / this version exists; create a new one');
    }
    // The policy itself is kept, append-only, in its version row; the log says which and when.
    const change = { action: 'clock_policy.created', target: policy.version, data: { version: policy.version, effectiveFrom: policy.effectiveFrom, note } } as const;
    await logged(res, change, (tx) => storePolicy(tx, policy, note));
    res.status(201).json(policy);
  });

  router.get('/calendar-overrides', async (_req, res) => {
    res.json(await db.calendarOverride.findMany({ orderBy: { date: 'asc' } }));
  });
  router.put('/calendar-overrides/:date', async (req, res) => {
    const { date } = calendarDateParams.parse(req.params);
    const input = calendarOverrideSchema.parse(req.body ?? {});
    res.json(await logged(res, { action: 'calendar_override.set', target: date, data: input }, (tx) => tx.calendarOverride.upsert({ where: { date }, create: { date, ...input }, update: input })));
  });
  router.delete('/calendar-overrides/:date', async (req, res) => {
    const removed = await db.calendarOverride.findUnique({ where: { date: req.params.date } });
    if (!removed) throw noOverride();
    await logged(res, { action: 'calendar_override.removed', target: removed.date, data: removed }, async (tx) => {
      if ((await tx.calendarOverride.deleteMany({ where: { date: removed.date } })).count === 0) throw noOverride();
    });
    res.status(204).end();
  });

  return router;
}
