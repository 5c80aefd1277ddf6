import { Router } from 'express';
import { z } from 'zod';
import { CASE_TYPES } from '../../domain/case-types';
import { OPEN_STATUSES, RUNNING_DEADLINE } from '../../domain/case-state';
import { currentDue } from '../../domain/overdue';
import type { Database } from '../../infra/database';
import { requireStaff } from '../auth/authenticate';
import { caseScope, unitSubtree } from '../auth/scope';
import { DUE_GROUPS, type DueColumn } from '../services/open-cases';
import type { Prisma } from '../../prisma/generated/client';
import { CaseStatus, CaseType } from '../../prisma/generated/enums';
import { instant, responseType } from '../response-schemas';

export const inboxQuerySchema = z
  .object({
    status: z.enum(OPEN_STATUSES).optional(),
    type: z.enum(CASE_TYPES).optional(),
    /** A category's code. */
    category: z.string().trim().max(64).optional(),
    /** A unit's code: its cases and those of the units below it. */
    unit: z.string().trim().max(64).optional(),
    /** Which deadline the case runs against: acceptance (first_step) or resolution. */
    step: z.enum(['first_step', 'resolution']).optional(),
    dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** The due-date filter of one status group; a group without a due date matches nothing when one is asked for. */
function dueFilter(due: DueColumn | null, q: InboxQuery, now: Date): Prisma.CaseWhereInput {
  const filters: Prisma.CaseWhereInput[] = [];
  if (q.overdue === 'true') filters.push(due ? { [due]: { lt: now } } : { id: { in: [] } });
  if (q.overdue === 'false' && due) filters.push({ OR: [{ [due]: null }, { [due]: { gte: now } }] });
  if (q.dueWithinDays !== undefined) filters.push(due ? { [due]: { lte: new Date(now.getTime() + q.dueWithinDays * 86_400_000) } } : { id: { in: [] } });
  return filters.length ? { AND: filters } : {};
}

const ROW = {
  id: true, trackingCode: true, type: true, status: true, title: true, firstStepDueAt: true, resolutionDueAt: true,
  unit: { select: { code: true, name: true } }, category: { select: { code: true } }, agency: { select: { code: true, name: true } },
} satisfies Prisma.CaseSelect;

/** A page of my open cases, soonest due first, each with its current due date and the time left. */
export const inboxSchema = responseType(
  'Inbox',
  z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        trackingCode: z.string(),
        type: z.enum(CaseType),
        status: z.enum(CaseStatus),
        title: z.string(),
        unit: z.object({ code: z.string(), name: z.string() }),
        /** The category's code. */
        category: z.string(),
        agency: z.object({ code: z.string(), name: z.string() }).nullable(),
        dueAt: instant.nullable(),
        /** Negative once overdue; null without a running deadline. */
        secondsLeft: z.number().nullable(),
        overdue: z.boolean(),
      }),
    ),
  }),
);

/**
 * My open cases, soonest due first, with the time left (negative when overdue). Each status group
 * is sorted and counted by PostgreSQL on its own due column; only the rows up to the requested page
 * are read and merged, so the cost follows the page, not the number of open cases.
 */
export function inboxRouter({ db }: { db: Database }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = requireStaff(res);
    const q = inboxQuerySchema.parse(req.query);
    const now = new Date();
    const scope = await caseScope(db, user);
    const unit = q.unit ? await db.unit.findUnique({ where: { code: q.unit }, select: { id: true } }) : null;
    const narrow: Prisma.CaseWhereInput = {
      ...(q.type ? { type: q.type } : {}),
      ...(q.category ? { category: { code: q.category } } : {}),
      ...(q.unit ? { unitId: { in: unit ? await unitSubtree(db, unit.id) : [] } } : {}),
    };
    const groups = await Promise.all(
      DUE_GROUPS.map(async (g) => {
        const statuses = g.statuses.filter((st) => (!q.status || st === q.status) && (!q.step || RUNNING_DEADLINE[st] === q.step));
        const where: Prisma.CaseWhereInput = { AND: [scope, narrow, dueFilter(g.due, q, now)], status: { in: [...statuses] } };
        if (!statuses.length) return { total: 0, rows: [] };
        const take = q.page * q.pageSize;
        const rows = await db.case.findMany({ where, select: ROW, orderBy: g.due ? [{ [g.due]: { sort: 'asc', nulls: 'last' } }, { receivedAt: 'asc' }] : { receivedAt: 'asc' }, take });
        // Fewer rows than asked for: that is all of them, no count needed.
        return { total: rows.length < take ? rows.length : await db.case.count({ where }), rows };
      }),
    );
    const items = groups
      .flatMap((g) => g.rows)
      .map((c) => ({ c, due: currentDue(c)?.dueAt ?? null }))
      .sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
    const page = items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const inbox: z.output<typeof inboxSchema> = {
      total: groups.reduce((n, g) => n + g.total, 0),
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
        secondsLeft: due ? Math.round((due.getTime() - now.getTime()) / 1000) : null,
        overdue: due ? due.getTime() < now.getTime() : false,
      })),
    };
    res.json(inbox);
  });
  return router;
}
