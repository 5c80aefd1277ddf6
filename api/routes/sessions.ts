import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { addOpinionsUpdate, concludeUpdate, dialogueSessionWorkflow, sessionStateQuery } from '../../workflows/dialogue-session.workflow';
import { sessionWorkflowId } from '../../workflows/ids';
import { requireStaff } from '../auth/authenticate';
import { requireRole, unitSubtree, type StaffUser } from '../auth/scope';
import { uuidFromKey } from '../../infra/derived-id';
import { AppError } from '../errors';
import { updateErrorToHttp } from '../services/run-case-action';
import { caseIdSchema, idempotencyKeySchema } from './petitions.schema';
import { concludeSchema, createSessionSchema, opinionsSchema } from './sessions.schema';

const RECORDERS = ['RECEPTION_OFFICER', 'HEAD_OF_GOVERNMENT'] as const;

async function inScope(db: Database, user: StaffUser, unitId: string): Promise<boolean> {
  return user.role === 'ADMINISTRATOR' || (user.unitId !== null && (await unitSubtree(db, user.unitId)).includes(unitId));
}

/** Dialogue sessions: reception or the head records them and their opinions; the head concludes. */
export function sessionsRouter({ db, temporal, taskQueue }: { db: Database; temporal: Client; taskQueue: string }): Router {
  const router = Router();

  const findSession = async (id: string, user: StaffUser) => {
    requireRole(user, [...RECORDERS, 'FRONT_SUPERVISOR', 'ADMINISTRATOR']);
    const parsed = caseIdSchema.safeParse(id);
    const session = parsed.success ? await db.dialogueSession.findUnique({ where: { id: parsed.data }, include: { unit: true } }) : null;
    if (!session || !(await inScope(db, user, session.unitId))) throw new AppError('not_found', 'Không tìm thấy buổi đối thoại / session not found');
    return session;
  };

  router.post('/', async (req, res) => {
    const user = requireStaff(res);
    requireRole(user, RECORDERS);
    const key = idempotencyKeySchema.parse(req.get('Idempotency-Key') ?? crypto.randomUUID());
    const input = createSessionSchema.parse(req.body ?? {});
    const unit = await db.unit.findUnique({ where: { code: input.unitCode } });
    if (!unit || unit.dissolvedAt) throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'unitCode', message: 'Không có đơn vị này / unknown unit' }]);
    if (!(await inScope(db, user, unit.id))) throw new AppError('forbidden', 'Đơn vị ngoài phạm vi của bạn / unit outside your scope');
    // The same key always names the same session, so a retried POST starts nothing new.
    const sessionId = uuidFromKey('session', key);
    const data = { unitId: unit.id, heldOn: new Date(input.heldOn), kind: input.kind, topic: input.topic ?? null, chairName: input.chairName, chairTitle: input.chairTitle, chairedByHead: input.chairedByHead, attendees: input.attendees };
    await db.dialogueSession.upsert({ where: { id: sessionId }, create: { id: sessionId, workflowId: sessionWorkflowId(sessionId), ...data }, update: {} });
    await temporal.workflow.start(dialogueSessionWorkflow, {
      workflowId: sessionWorkflowId(sessionId),
      taskQueue,
      args: [{ session: { sessionId, ...input } }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    res.status(201).location(`/api/sessions/${sessionId}`).json({ id: sessionId });
  });

  router.get('/', async (_req, res) => {
    const user = requireStaff(res);
    requireRole(user, [...RECORDERS, 'FRONT_SUPERVISOR', 'ADMINISTRATOR']);
    const where = user.role === 'ADMINISTRATOR' ? {} : { unitId: { in: user.unitId ? await unitSubtree(db, user.unitId) : [] } };
    const sessions = await db.dialogueSession.findMany({
      where, orderBy: { heldOn: 'desc' }, take: 200,
      include: { unit: { select: { code: true, name: true } }, _count: { select: { cases: true } } },
    });
    res.json({
      sessions: sessions.map(({ _count, workflowId: _w, ...s }) => ({ ...s, opinions: _count.cases })),
    });
  });

  router.get('/:id', async (req, res) => {
    const session = await findSession(req.params.id, requireStaff(res));
    const cases = await db.case.findMany({ where: { sessionId: session.id }, select: { id: true, trackingCode: true, title: true, status: true, outcome: true } });
    const state = await temporal.workflow.getHandle(sessionWorkflowId(session.id)).query(sessionStateQuery).catch(() => null);
    res.json({ ...session, unit: { code: session.unit.code, name: session.unit.name }, cases, noticeDeadline: state?.noticeDue ?? null });
  });

  router.post('/:id/opinions', async (req, res) => {
    const user = requireStaff(res);
    requireRole(user, RECORDERS);
    const session = await findSession(req.params.id, user);
    const { opinions } = opinionsSchema.parse(req.body ?? {});
    const state = await temporal.workflow
      .getHandle(sessionWorkflowId(session.id))
      .executeUpdate(addOpinionsUpdate, { args: [{ actor: user.email, tokenId: user.tokenId, opinions }] })
      .catch((err: unknown) => Promise.reject(updateErrorToHttp(err)));
    res.status(201).json({ caseIds: state.caseIds });
  });

  router.post('/:id/conclude', async (req, res) => {
    const user = requireStaff(res);
    requireRole(user, ['HEAD_OF_GOVERNMENT']);
    const session = await findSession(req.params.id, user);
    const { conclusion } = concludeSchema.parse(req.body ?? {});
    await temporal.workflow
      .getHandle(sessionWorkflowId(session.id))
      .executeUpdate(concludeUpdate, { args: [{ actor: user.email, conclusion }] })
      .catch((err: unknown) => Promise.reject(updateErrorToHttp(err)));
    res.json({ id: session.id, status: 'CONCLUDED' });
  });

  return router;
}
