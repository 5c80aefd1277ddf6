import { Router } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { CITIZEN_ACTIONS } from '../auth/scope';
import { AppError } from '../errors';
import { runCaseAction } from '../services/run-case-action';
import { actionNameSchema } from './case-actions.schema';

const codeSchema = z.string().regex(/^PA-[0-9A-Z]{16}$/);

/** Citizens follow and act on their case with its tracking code; no account needed. */
export function trackRouter({ db, temporal }: { db: Database; temporal: Client }): Router {
  const router = Router();

  const byCode = async (code: string) => {
    const parsed = codeSchema.safeParse(code);
    const found = parsed.success ? await db.case.findUnique({ where: { trackingCode: parsed.data }, include: { unit: true, agency: true } }) : null;
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ với mã này / no case with this tracking code');
    return found;
  };

  router.get('/:code', async (req, res) => {
    const c = await byCode(req.params.code);
    res.json({
      trackingCode: c.trackingCode, type: c.type, status: c.status, outcome: c.outcome, title: c.title,
      unit: c.unit.name, agency: c.agency?.name ?? null, receivedAt: c.receivedAt, firstStepDueAt: c.firstStepDueAt,
      resolutionDueAt: c.resolutionDueAt, answeredAt: c.answeredAt, answer: c.answer, answerDocuments: c.answerDocuments, closedAt: c.closedAt,
    });
  });

  router.post('/:code/actions/:action', async (req, res) => {
    const c = await byCode(req.params.code);
    const action = actionNameSchema.safeParse(req.params.action);
    if (!action.success || !CITIZEN_ACTIONS.includes(action.data)) {
      throw new AppError('forbidden', 'Công dân không thực hiện được thao tác này / citizens cannot do this');
    }
    const file = await runCaseAction(temporal, c.id, action.data, req.body, 'citizen');
    res.json({ trackingCode: c.trackingCode, status: file.status, outcome: file.outcome });
  });

  return router;
}
