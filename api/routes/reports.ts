import { Router, type Response } from 'express';
import { z } from 'zod';
import { toCsv } from '../../domain/csv';
import { dialogueReport, type SessionFact } from '../../domain/dialogue-report';
import { OPEN_STATUSES } from '../../domain/case-state';
import { overdueWhere } from '../services/open-cases';
import { periodRange, REPORT_PERIODS } from '../../domain/report-periods';
import type { Database } from '../../infra/database';
import { requireStaff } from '../auth/authenticate';
import { caseScope, requireRole, type StaffUser } from '../auth/scope';
import { AppError } from '../errors';

const READERS = ['HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR', 'ADMINISTRATOR'] as const;
const format = z.enum(['json', 'csv']).default('json');
export const dialogueQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    period: z.enum(REPORT_PERIODS),
    index: z.coerce.number().int().min(1).max(12).default(1),
    format,
  })
  .strict();

/** An opinion counts as resolved once the authority answered it, or closed it as resolved, guided or refused. */
const isResolved = (c: { answeredAt: Date | null; outcome: string | null }) =>
  c.answeredAt !== null || ['RESOLVED', 'GUIDED', 'REFUSED', 'APPEALED'].includes(c.outcome ?? '');

function reader(res: Response): StaffUser {
  const user = requireStaff(res);
  requireRole(user, READERS);
  return user;
}

function send<T extends object>(res: Response, fmt: 'json' | 'csv', name: string, meta: object, rows: T[], columns: Array<keyof T & string>) {
  if (fmt === 'csv') {
    // BOM: spreadsheets read UTF-8; a name that starts like a formula is neutralised (domain/csv.ts).
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(`\uFEFF${toCsv(rows, columns)}`);
    return;
  }
  res.json({ ...meta, rows });
}

/** The statistics of the province's dialogue reports, and overdue cases by agency; JSON or CSV. */
export function reportsRouter({ db }: { db: Database }): Router {
  const router = Router();

  router.get('/dialogue', async (req, res) => {
    const user = reader(res);
    const q = dialogueQuery.parse(req.query);
    let range;
    try {
      range = periodRange(q.year, q.period, q.index);
    } catch (err) {
      throw new AppError('validation_failed', String((err as Error).message), [{ field: 'index', message: (err as Error).message }]);
    }
    const scope = await caseScope(db, user);
    const sessions = await db.dialogueSession.findMany({
      where: { heldOn: { gte: range.from, lt: range.to }, ...(scope.unitId ? { unitId: scope.unitId } : {}) },
      include: { unit: true, cases: { select: { answeredAt: true, outcome: true } } },
    });
    const facts: SessionFact[] = sessions.map((s) => ({
      level: s.unit.level, kind: s.kind, attendees: s.attendees, opinions: s.cases.length, resolved: s.cases.filter(isResolved).length,
    }));
    const rows = dialogueReport(facts);
    send(res, q.format, `doi-thoai-${q.year}-${q.period}-${q.index}`, { period: range.label, from: range.from, to: range.to }, rows,
      ['level', 'label', 'sessions', 'periodic', 'thematic', 'attendees', 'opinions', 'resolved', 'resolvedShare']);
  });

  router.get('/overdue', async (req, res) => {
    const user = reader(res);
    const fmt = format.parse(req.query.format);
    const now = new Date();
    // Counted by PostgreSQL per agency: the cost follows the number of agencies, not of cases.
    const scope = await caseScope(db, user);
    const [open, overdue] = await Promise.all([
      db.case.groupBy({ by: ['agencyId'], where: { ...scope, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
      db.case.groupBy({ by: ['agencyId'], where: { ...scope, ...overdueWhere(now) }, _count: { _all: true } }),
    ]);
    const agencies = await db.organisation.findMany({ where: { id: { in: open.flatMap((g) => (g.agencyId ? [g.agencyId] : [])) } }, include: { unit: true } });
    const byAgency = open.map((g) => {
      const agency = agencies.find((a) => a.id === g.agencyId);
      return {
        agency: agency?.name ?? '(chưa phân công)',
        unit: agency?.unit.name ?? '',
        open: g._count._all,
        overdue: overdue.find((o) => o.agencyId === g.agencyId)?._count._all ?? 0,
      };
    });
    const rows = byAgency.sort((a, b) => b.overdue - a.overdue || a.agency.localeCompare(b.agency, 'vi'));
    send(res, fmt, 'qua-han-theo-co-quan', { at: now }, rows, ['agency', 'unit', 'open', 'overdue']);
  });

  return router;
}
