import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { ActivityDeps } from '../../activities/deps';
import type { ReceiptStatus } from '../../activities/citizen-receipt';
import type { Duration } from '../../domain/legal-clock';
import type { Database } from '../../infra/database';
import { NotificationStatus } from '../../prisma/generated/enums';
import { requireStaff } from '../auth/authenticate';
import { caseScope, type StaffUser } from '../auth/scope';
import { AppError } from '../errors';
import { instant, responseType, type Conforms } from '../response-schemas';
import { clientAddress } from '../security/rate-limits';
import type { DocumentDeps } from '../../infra/documents';
import { submitPetition } from '../services/submit-petition';
import { caseIdSchema, idempotencyKeySchema, submitPetitionSchema } from './petitions.schema';
import { CASE_VIEW_INCLUDE, toCaseView } from './case-view';

// domain/legal-clock.ts has the units as a type only; the check below keeps this list to it.
const limitSchema = z.object({ amount: z.number(), unit: z.enum(['calendar_days', 'working_days', 'seconds']) });
true satisfies Conforms<Duration, typeof limitSchema>;
const receiptSchema = z.array(z.object({ channel: z.enum(['email', 'sms']), status: z.enum(NotificationStatus) }));
true satisfies Conforms<ReceiptStatus, typeof receiptSchema>;

/** A petition received (or the first one again, for a repeated Idempotency-Key). */
export const submittedPetitionSchema = responseType(
  'SubmittedPetition',
  z.object({
    id: z.string(),
    trackingCode: z.string(),
    /** The citizen's secret, shown once; null on a repeat too late to re-issue it, or once a receipt has carried it. */
    secret: z.string().nullable(),
    idempotencyKey: z.string(),
    receivedAt: instant,
    /** The first due date (acceptance), and its limit for saying it in words. */
    acceptance: z.object({ dueAt: instant.nullable(), limit: limitSchema }),
    /** The receipt on each channel the citizen gave (none without an email or phone). */
    receipt: receiptSchema,
  }),
);

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
    const submitted: z.output<typeof submittedPetitionSchema> = {
      id: result.caseId, trackingCode: result.trackingCode, secret: result.secret, idempotencyKey: key,
      receivedAt: result.receivedAt, acceptance: result.acceptance, receipt: result.receipt,
    };
    res.status(result.created ? 201 : 200).location(`/api/petitions/${result.caseId}`).set('Cache-Control', 'no-store').json(submitted);
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
