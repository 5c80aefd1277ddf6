import { Router } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { actionForm, actionsOf, allowedActions, caseActionName } from '../../domain/case-actions';
import { requireStaff } from '../auth/authenticate';
import { caseScope } from '../auth/scope';
import { AppError } from '../errors';
import { claimForAction } from '../services/attach-documents';
import { caseHistory, caseHistorySchema } from '../services/case-history';
import { caseRuleFacts } from '../services/case-rule-facts';
import { findMergeTargetInScope } from '../services/find-merge-target';
import { runCaseAction } from '../services/run-case-action';
import type { DocumentDeps } from '../../infra/documents';
import { secondComplaintView } from '../services/second-complaint-view';
import { CASE_VIEW_INCLUDE, toCaseView, type StaffCaseView } from './case-view';
import { casePetitionerSchema, readPetitioner } from './petitioner';
import { instant, responseType } from '../response-schemas';
import { caseIdSchema } from './petitions.schema';

/** A case's steps for anyone who may see it: who did what, when and why. */
export const caseTimelineSchema = responseType(
  'CaseTimeline',
  z.object({
    events: z.array(z.object({ type: z.string(), at: instant, actor: z.string(), actorName: z.string().nullable(), reason: z.string().nullable() })),
  }),
);

/** The case a tracking code names, in the caller's scope. */
export const caseRefSchema = responseType('CaseRef', z.object({ id: z.string() }));

/** Staff access to cases: read within scope, act by role. A case outside the scope does not exist (404). */
export function casesRouter({ db, temporal, temporalUi, documents }: { db: Database; temporal: Client; temporalUi: { url: string; namespace: string }; documents: DocumentDeps }): Router {
  const router = Router();

  const findInScope = async (id: string, res: Parameters<typeof requireStaff>[0]) => {
    const user = requireStaff(res);
    const parsed = caseIdSchema.safeParse(id);
    const found = parsed.success ? await db.case.findFirst({ where: { id: parsed.data, ...(await caseScope(db, user)) }, include: CASE_VIEW_INCLUDE }) : null;
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ / case not found');
    return { user, found };
  };

  /** What the caller may do to the case now, and each action's form (its fields for this case type). */
  const staffView = async (c: Parameters<typeof toCaseView>[0], role: string): Promise<StaffCaseView> => ({
    ...toCaseView(c),
    secondComplaint: await secondComplaintView(db, c),
    ...(await actionsView(c, role)),
  });
  const actionsView = async (c: Parameters<typeof caseRuleFacts>[1], role: string) => {
    const allowed = allowedActions(await caseRuleFacts(db, c), role);
    return { allowedActions: allowed, actionForms: Object.fromEntries(allowed.map((a) => [a, actionForm(a, c)])) };
  };

  /** Finds a case in scope by the tracking code a citizen or a colleague quotes. */
  router.get('/by-code/:code', async (req, res) => {
    const user = requireStaff(res);
    const found = await db.case.findFirst({ where: { trackingCode: req.params.code.trim().toUpperCase().slice(0, 40), ...(await caseScope(db, user)) }, select: { id: true } });
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ / case not found');
    const ref: z.output<typeof caseRefSchema> = { id: found.id };
    res.json(ref);
  });

  router.get('/:id', async (req, res) => {
    const { user, found } = await findInScope(req.params.id, res);
    res.json(await staffView(found, user.role));
  });

  /**
   * The case's steps for anyone who may see it: who did what, when and why (no identity, no Temporal
   * internals). `actor` is a staff email, 'system' or 'citizen'; staff are also named (`actorName`).
   */
  router.get('/:id/timeline', async (req, res) => {
    const { found } = await findInScope(req.params.id, res);
    const events = await db.caseEvent.findMany({ where: { caseId: found.id }, orderBy: { at: 'asc' }, select: { type: true, at: true, actor: true, reason: true } });
    const staff = await db.user.findMany({ where: { email: { in: [...new Set(events.map((e) => e.actor))] } }, select: { email: true, fullName: true } });
    const nameOf = new Map(staff.map((u) => [u.email, u.fullName]));
    const timeline: z.output<typeof caseTimelineSchema> = { events: events.map((e) => ({ ...e, actorName: nameOf.get(e.actor) ?? null })) };
    res.json(timeline);
  });

  router.get('/:id/petitioner', async (req, res) => {
    const { user, found } = await findInScope(req.params.id, res);
    const identity: z.output<typeof casePetitionerSchema> = { petitioner: await readPetitioner(db, user, found) };
    res.set('Cache-Control', 'no-store').json(identity);
  });

  router.get('/:id/history', async (req, res) => {
    const { user, found } = await findInScope(req.params.id, res);
    if (user.role !== 'ADMINISTRATOR') throw new AppError('forbidden', 'Chỉ quản trị viên xem được lịch sử đầy đủ / administrators only');
    const history: z.output<typeof caseHistorySchema> = { ...(await caseHistory(db, temporal, found.id, temporalUi)), deadlines: toCaseView(found).deadlines };
    res.json(history);
  });

  router.post('/:id/actions/:action', async (req, res) => {
    const { user, found } = await findInScope(req.params.id, res);
    const action = caseActionName.safeParse(req.params.action);
    if (!action.success) throw new AppError('not_found', 'Không có thao tác này / no such action');
    if (!actionsOf(user.role).includes(action.data)) {
      throw new AppError('forbidden', 'Vai trò của bạn không được thực hiện thao tác này / your role may not do this');
    }
    const findMergeTarget = (trackingCode: string) => findMergeTargetInScope(db, user, found.id, trackingCode);
    const claimDocuments = (ids: string[], attachedWith: string) => claimForAction(db, { caseId: found.id, ids, attachedWith, limits: documents.limits });
    await runCaseAction(temporal, found.id, action.data, req.body, { actor: user.email, tokenId: user.tokenId, findMergeTarget, claimDocuments });
    const after = await db.case.findUniqueOrThrow({ where: { id: found.id }, include: CASE_VIEW_INCLUDE });
    res.json(await staffView(after, user.role));
  });

  return router;
}
