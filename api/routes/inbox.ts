import { Router } from 'express';
import { z } from 'zod';
import { CASE_TYPES } from '../../domain/case-types';
import { currentDue, OPEN_STATUSES } from '../../domain/overdue';
import type { Database } from '../../infra/database';
import { requireStaff } from '../auth/authenticate';
import { caseScope } from '../auth/scope';

export const inboxQuerySchema = z
  .object({
    status: z.enum(OPEN_STATUSES).optional(),
    type: z.enum(CASE_TYPES).optional(),
    dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/** My open cases, soonest due first, with the time left (negative when overdue). */
export function inboxRouter({ db }: { db: Database }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = requireStaff(res);
    const q = inboxQuerySchema.parse(req.query);
    const now = Date.now();
    const rows = await db.case.findMany({
      where: { ...(await caseScope(db, user)), status: q.status ? q.status : { in: [...OPEN_STATUSES] }, ...(q.type ? { type: q.type } : {}) },
      // Only what a row shows: content and deadline histories stay in the database.
      select: {
        id: true, trackingCode: true, type: true, status: true, title: true, firstStepDueAt: true, resolutionDueAt: true,
        unit: { select: { code: true, name: true } }, category: { select: { code: true } }, agency: { select: { code: true, name: true } },
      },
    });
    const items = rows
      .map((c) => ({ c, due: currentDue(c)?.dueAt ?? null }))
      .filter(({ due }) => (q.overdue === undefined ? true : (due !== null && due.getTime() < now) === (q.overdue === 'true')))
      .filter(({ due }) => q.dueWithinDays === undefined || (due !== null && due.getTime() - now <= q.dueWithinDays * 86_400_000))
      .sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
    const page = items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    res.json({
      total: items.length,
      page: q.page,
      pageSize: q.pageSize,
      items: page.map(({ c, due }) => ({
        id: c.id,
        trackingCode: c.trackingCode,
        type: c.type,
        status: c.status,
        title: c.title,
        unit: { code: c.unit.code, name: c.unit.name },
        category: c.category.code,
        agency: c.agency ? { code: c.agency.code, name: c.agency.name } : null,
        dueAt: due,
        secondsLeft: due ? Math.round((due.getTime() - now) / 1000) : null,
        overdue: due ? due.getTime() < now : false,
      })),
    });
  });
  return router;
}
