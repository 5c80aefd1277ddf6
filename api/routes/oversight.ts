import { Router } from 'express';
import type { Database } from '../../infra/database';
import { extendDeadline, type Deadline } from '../../domain/legal-clock';
import { loadCalendar, policyByVersion } from '../../infra/clock-config';
import { overdueList, overdueQuerySchema } from '../services/overdue-list';
import { requireStaff } from '../auth/authenticate';
import { caseScope, requireRole, type StaffUser } from '../auth/scope';

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

/** The overdue list of a board: one page in the order asked for, and the count by agency. */
async function overdue(db: Database, user: StaffUser, query: unknown) {
  const { items, summary } = await overdueList(db, await caseScope(db, user), overdueQuerySchema.parse(query), new Date());
  return { overdue: items, overdueSummary: summary };
}

/**
 * Pending extension requests with what approving one would do: the extension the case's policy
 * grants and the resolution due date after it (null while the clock is stopped), and who asked.
 */
async function extensionRequests(db: Database, user: StaffUser) {
  const pending = await db.case.findMany({
    where: { ...(await caseScope(db, user)), extensionRequestedAt: { not: null }, status: { not: 'CLOSED' } },
    orderBy: { extensionRequestedAt: 'asc' },
    select: { id: true, trackingCode: true, title: true, type: true, policyVersion: true, deadlines: true, resolutionDueAt: true, extensionsUsed: true, extensionRequestedAt: true, extensionRequestedBy: true, extensionRequestReason: true },
  });
  const calendar = pending.length ? await loadCalendar(db) : null;
  const people = await db.user.findMany({ where: { email: { in: pending.map((c) => c.extensionRequestedBy ?? '') } }, select: { email: true, fullName: true } });
  return Promise.all(
    pending.map(async (c) => {
      const policy = await policyByVersion(db, c.policyVersion);
      const { extension } = policy.rules[c.type];
      const resolution = (c.deadlines as { resolution?: Deadline } | null)?.resolution;
      const after = resolution && calendar ? extendDeadline(resolution, new Date(), extension.duration, extension.basis, policy, calendar) : null;
      return {
        caseId: c.id, trackingCode: c.trackingCode, title: c.title, requestedBy: c.extensionRequestedBy,
        requestedByName: people.find((p) => p.email === c.extensionRequestedBy)?.fullName ?? null,
        reason: c.extensionRequestReason, requestedAt: c.extensionRequestedAt, resolutionDueAt: c.resolutionDueAt,
        extension: { ...extension.duration, basis: extension.basis, number: c.extensionsUsed + 1 },
        resolutionDueIfApproved: after?.dueAt ?? null,
      };
    }),
  );
}

/**
 * Heads: escalations and pending extension requests. The Front: the supervision board. Both take
 * the overdue list's `page`, `pageSize`, `sort` and `agency` (api/services/overdue-list.ts).
 */
export function oversightRouter({ db }: { db: Database }): Router {
  const router = Router();

  router.get('/escalations', async (req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['HEAD_OF_GOVERNMENT', 'ADMINISTRATOR']);
    res.json({ ...(await overdue(db, user, req.query)), extensionRequests: await extensionRequests(db, user), recentEscalations: await recentEscalations(db, user) });
  });

  router.get('/supervision', async (req, res) => {
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
      ...(await overdue(db, user, req.query)),
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
