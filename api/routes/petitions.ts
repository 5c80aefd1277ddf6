import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Client } from '@temporalio/client';
import type { ActivityDeps } from '../../activities/deps';
import type { Database } from '../../infra/database';
import { requireStaff } from '../auth/authenticate';
import { caseScope, type StaffUser } from '../auth/scope';
import { AppError } from '../errors';
import { clientAddress } from '../security/rate-limits';
import type { DocumentDeps } from '../../infra/documents';
import { submitPetition } from '../services/submit-petition';
import { caseIdSchema, idempotencyKeySchema, submitPetitionSchema } from './petitions.schema';
import { CASE_VIEW_INCLUDE, toCaseView } from './case-view';

/**
 * Idempotency keys belong to whoever sent them (the staff account, else the client address): the
 * same key from someone else is a different submission, never a way to another person's case.
 */
function clientScopedKey(req: Request, user: StaffUser | undefined, key: string): string {
  return `${user ? `user:${user.id}` : `ip:${clientAddress(req)}`}:${key}`;
}

export function petitionsRouter(deps: { db: Database; temporal: Client; taskQueue: string; citizenMail?: ActivityDeps; documents: DocumentDeps }): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const header = req.get('Idempotency-Key');
    const key = header === undefined ? randomUUID() : idempotencyKeySchema.parse(header);
    const input = submitPetitionSchema.parse(req.body ?? {});
    const result = await submitPetition(deps, clientScopedKey(req, res.locals.user, key), input);
    res
      .status(result.created ? 201 : 200)
      .location(`/api/petitions/${result.caseId}`)
      .set('Cache-Control', 'no-store')
      .json({
        id: result.caseId, trackingCode: result.trackingCode, secret: result.secret, idempotencyKey: key,
        receivedAt: result.receivedAt, acceptance: result.acceptance, receipt: result.receipt,
      });
  });

  /** Staff only, within their scope: the citizen follows the case with the tracking code instead. */
  router.get('/:id', async (req, res) => {
    const user = requireStaff(res);
    const id = caseIdSchema.safeParse(req.params.id);
    const found = id.success
      ? await deps.db.case.findFirst({ where: { id: id.data, ...(await caseScope(deps.db, user)) }, include: CASE_VIEW_INCLUDE })
      : null;
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ / case not found');
    res.json(toCaseView(found));
  });

  return router;
}
