import { Router } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { recommendationWorkflowId } from '../../workflows/ids';
import { recommendationWorkflow, respondUpdate } from '../../workflows/recommendation.workflow';
import { requireStaff } from '../auth/authenticate';
import { caseScope, requireRole, unitSubtree } from '../auth/scope';
import { uuidFromKey } from '../../infra/derived-id';
import { AppError } from '../errors';
import { updateErrorToHttp } from '../services/run-case-action';
import { idempotencyKeySchema } from './petitions.schema';

export const recommendationSchema = z
  .object({ content: z.string().trim().min(1).max(20_000), caseId: z.string().uuid().optional(), sessionId: z.string().uuid().optional() })
  .strict();
export const respondSchema = z.object({ response: z.string().trim().min(1).max(20_000) }).strict();

/** The Front records supervision recommendations on its unit's cases or sessions; the head answers them. */
export function recommendationsRouter({ db, temporal, taskQueue }: { db: Database; temporal: Client; taskQueue: string }): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['FRONT_SUPERVISOR']);
    const input = recommendationSchema.parse(req.body ?? {});
    if (!user.unitId) throw new AppError('forbidden', 'Tài khoản chưa gắn với đơn vị / your account has no unit');
    if (input.caseId && !(await db.case.findFirst({ where: { id: input.caseId, ...(await caseScope(db, user)) } }))) {
      throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'caseId', message: 'Không có hồ sơ này trong phạm vi / no such case in your scope' }]);
    }
    if (input.sessionId && !(await db.dialogueSession.findFirst({ where: { id: input.sessionId, unitId: { in: await unitSubtree(db, user.unitId) } } }))) {
      throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'sessionId', message: 'Không có buổi đối thoại này trong phạm vi / no such session in your scope' }]);
    }
    const id = uuidFromKey('recommendation', idempotencyKeySchema.parse(req.get('Idempotency-Key') ?? crypto.randomUUID()));
    await db.supervisionRecommendation.upsert({
      where: { id },
      create: { id, unitId: user.unitId, caseId: input.caseId, sessionId: input.sessionId, content: input.content, createdBy: user.email, workflowId: recommendationWorkflowId(id) },
      update: {},
    });
    await temporal.workflow.start(recommendationWorkflow, { workflowId: recommendationWorkflowId(id), taskQueue, args: [{ recommendationId: id }], workflowIdConflictPolicy: 'USE_EXISTING' });
    res.status(201).location(`/api/supervision/recommendations/${id}`).json({ id });
  });

  router.get('/', async (_req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['FRONT_SUPERVISOR', 'HEAD_OF_GOVERNMENT', 'ADMINISTRATOR']);
    const scope = user.role === 'ADMINISTRATOR' ? {} : { unitId: { in: user.unitId ? await unitSubtree(db, user.unitId) : [] } };
    const rows = await db.supervisionRecommendation.findMany({ where: scope, orderBy: { createdAt: 'desc' }, take: 200 });
    const now = Date.now();
    res.json(rows.map((r) => ({ ...r, overdue: r.status === 'OPEN' && r.dueAt !== null && r.dueAt.getTime() < now })));
  });

  router.post('/:id/respond', async (req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['HEAD_OF_GOVERNMENT']);
    const { response } = respondSchema.parse(req.body ?? {});
    const id = z.string().uuid().safeParse(req.params.id);
    const r = id.success ? await db.supervisionRecommendation.findUnique({ where: { id: id.data } }) : null;
    if (!r || !user.unitId || !(await unitSubtree(db, user.unitId)).includes(r.unitId)) throw new AppError('not_found', 'Không có kiến nghị này / no such recommendation');
    if (r.status === 'RESPONDED') throw new AppError('action_not_allowed', 'Kiến nghị đã được trả lời / the recommendation is already answered');
    await temporal.workflow
      .getHandle(recommendationWorkflowId(r.id))
      .executeUpdate(respondUpdate, { args: [{ actor: user.email, response }] })
      .catch((err: unknown) => Promise.reject(updateErrorToHttp(err)));
    res.json({ id: r.id, status: 'RESPONDED' });
  });

  return router;
}
