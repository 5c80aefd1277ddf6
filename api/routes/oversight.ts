import { Router } from 'express';
import type { Database } from '../../infra/database';
import { currentDue } from '../../domain/overdue';
import { overdueWhere } from '../services/open-cases';
import { requireStaff } from '../auth/authenticate';
import { caseScope, requireRole, type StaffUser } from '../auth/scope';

/** Open cases in scope that have missed a deadline, most overdue first. No petitioner details. */
async function overdueCases(db: Database, user: StaffUser, now: Date) {
  const rows = await db.case.findMany({
    where: { ...(await caseScope(db, user)), ...overdueWhere(now) },
    select: { id: true, trackingCode: true, type: true, status: true, title: true, firstStepDueAt: true, resolutionDueAt: true, unit: { select: { name: true } }, agency: { select: { name: true } } },
  });
  // The query chose the overdue rows; currentDue names which deadline each one missed.
  return rows
    .flatMap((c) => {
      const missed = currentDue(c);
      return missed ? [{ c, missed }] : [];
    })
    .sort((a, b) => a.missed.dueAt.getTime() - b.missed.dueAt.getTime())
    .map(({ c, missed }) => ({
      id: c.id, trackingCode: c.trackingCode, type: c.type, status: c.status, title: c.title, unit: c.unit.name,
      agency: c.agency?.name ?? null, missedStep: missed.step, dueAt: missed.dueAt,
    }));
}

/** The last escalation steps taken on cases in scope. */
async function recentEscalations(db: Database, user: StaffUser) {
  const events = await db.caseEvent.findMany({
    where: { type: { in: ['overdue', 'escalated_to_superior'] }, case: await caseScope(db, user) },
    orderBy: { at: 'desc' },
    take: 100,
    include: { case: { select: { trackingCode: true, title: true } } },
  });
  return events.map((e) => ({ caseId: e.caseId, trackingCode: e.case.trackingCode, title: e.case.title, type: e.type, at: e.at, data: e.data }));
}

/** Heads: escalations and pending extension requests. The Front: the supervision board. */
export function oversightRouter({ db }: { db: Database }): Router {
  const router = Router();

  router.get('/escalations', async (_req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['HEAD_OF_GOVERNMENT', 'ADMINISTRATOR']);
    const pending = await db.case.findMany({
      where: { ...(await caseScope(db, user)), extensionRequestedAt: { not: null }, status: { not: 'CLOSED' } },
      orderBy: { extensionRequestedAt: 'asc' },
      select: { id: true, trackingCode: true, title: true, resolutionDueAt: true, extensionRequestedAt: true, extensionRequestedBy: true, extensionRequestReason: true },
    });
    const extensionRequests = pending.map((c) => ({
      caseId: c.id, trackingCode: c.trackingCode, title: c.title, requestedBy: c.extensionRequestedBy, reason: c.extensionRequestReason, requestedAt: c.extensionRequestedAt, resolutionDueAt: c.resolutionDueAt,
    }));
    res.json({ overdue: await overdueCases(db, user, new Date()), extensionRequests, recentEscalations: await recentEscalations(db, user) });
  });

  router.get('/supervision', async (_req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['FRONT_SUPERVISOR', 'HEAD_OF_GOVERNMENT', 'ADMINISTRATOR']);
    const scope = await caseScope(db, user);
    const sessions = await db.dialogueSession.findMany({
      where: scope.unitId ? { unitId: scope.unitId } : {},
      orderBy: { heldOn: 'desc' },
      take: 100,
      include: { unit: true, cases: { select: { status: true, outcome: true } } },
    });
    res.json({
      overdue: await overdueCases(db, user, new Date()),
      recentEscalations: await recentEscalations(db, user),
      sessions: sessions.map((s) => ({
        id: s.id, unit: s.unit.name, heldOn: s.heldOn, kind: s.kind, topic: s.topic, chairName: s.chairName, chairedByHead: s.chairedByHead,
        attendees: s.attendees, status: s.status, noticeDueAt: s.noticeDueAt, noticePublishedAt: s.noticePublishedAt,
        opinions: s.cases.length, closed: s.cases.filter((c) => c.status === 'CLOSED').length,
      })),
    });
  });

  return router;
}
