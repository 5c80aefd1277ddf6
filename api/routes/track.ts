import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { citizenSecretMatches } from '../../infra/citizen-secret';
import { CASE_ACTIONS, caseActionName } from '../../domain/case-actions';
import { appealWindowRefusal, type FilingWindow } from '../../domain/complaint-windows';
import { CITIZEN_ACTIONS } from '../auth/scope';
import { AppError } from '../errors';
import { clientAddress, type RateLimits } from '../security/rate-limits';
import { claimForAction } from '../services/attach-documents';
import { reissueCitizenSecret, type CitizenMailDeps } from '../services/reissue-citizen-secret';
import { runCaseAction } from '../services/run-case-action';
import type { DocumentDeps } from '../../infra/documents';
import { secondComplaintView } from '../services/second-complaint-view';
import { instant, responseType } from '../response-schemas';
import { caseViewSchema, filingWindowSchema, secondComplaintSchema } from './case-view';

const codeSchema = z.string().regex(/^PA-[0-9A-Z]{16}$/);

/** A citizen's "here is the information" restarts the clock: it must say something. */
const citizenProvideInfoSchema = CASE_ACTIONS.provideInfo.input.extend({ note: z.string({ error: () => 'Cần nêu thông tin bổ sung / say what information you are providing' }).trim().min(1, 'Cần nêu thông tin bổ sung / say what information you are providing').max(5000) });

/** The header a citizen's action carries the secret in (never a URL: URLs end up in logs). */
export const CITIZEN_SECRET_HEADER = 'X-Case-Secret';

/**
 * Only the citizen holds the secret; the tracking code, which staff see everywhere, is not enough.
 * Wrong secrets are counted per case and per address, and past the limit even the right one waits.
 */
export async function requireCitizenSecret(limits: RateLimits, req: Request, code: string, storedHash: string | null): Promise<void> {
  const given = req.get(CITIZEN_SECRET_HEADER);
  if (!given) {
    throw new AppError('citizen_secret_required', 'Cần mã bí mật được cấp khi nộp đơn / the secret given at submission is required');
  }
  const counted = [['citizen-secret-code', code], ['citizen-secret-address', clientAddress(req)]] as const;
  for (const [name, key] of counted) await limits.check(name, key);
  if (!citizenSecretMatches(storedHash, given)) {
    for (const [name, key] of counted) await limits.consume(name, key);
    throw new AppError('citizen_secret_invalid', 'Mã bí mật không đúng / the secret is wrong');
  }
}

/** The dates of the window, without what the obstacle was (the page needs only the tracking code). */
const publicFilingWindowSchema = filingWindowSchema.pick({ learnedOn: true, obstacleDays: true, limitDays: true, endsAt: true, late: true });
const publicFilingWindow = (w: FilingWindow | null): z.output<typeof publicFilingWindowSchema> | null =>
  w ? { learnedOn: w.learnedOn, obstacleDays: w.obstacleDays, limitDays: w.limitDays, endsAt: w.endsAt, late: w.late } : null;

const since = z.object({ at: instant });
/** What a citizen sees with the tracking code alone: the process, never an identity. */
export const trackedCaseSchema = responseType(
  'TrackedCase',
  caseViewSchema
    .pick({ trackingCode: true, type: true, status: true, outcome: true, title: true, receivedAt: true, firstStepDueAt: true, resolutionDueAt: true, answeredAt: true, answer: true, answerDocuments: true, closedAt: true, appealDueAt: true, terminationGround: true })
    .extend({
      unit: z.string(),
      agency: z.string().nullable(),
      /** What the agency asked for while the case waits for the citizen. */
      infoRequest: since.extend({ reason: z.string().nullable() }).nullable(),
      /** The decision suspending a complaint's resolution, while it stands. */
      suspension: since.extend({ decision: z.string().nullable() }).nullable(),
      filingWindow: publicFilingWindowSchema.nullable(),
      secondComplaint: secondComplaintSchema.nullable(),
    }),
);
/** A citizen's action taken. */
export const citizenActionResultSchema = responseType('CitizenActionResult', caseViewSchema.pick({ trackingCode: true, status: true, outcome: true }));
/** A new secret asked for: the same answer whether or not the case has an email or a phone. */
export const citizenSecretSentSchema = responseType('CitizenSecretSent', z.object({ detail: z.string() }));

/** Citizens follow their case with its tracking code, and act on it with their secret; no account needed. */
export function trackRouter({ db, temporal, citizenMail, rateLimits, documents }: { db: Database; temporal: Client; citizenMail?: CitizenMailDeps; rateLimits: RateLimits; documents: DocumentDeps }): Router {
  const router = Router();

  const byCode = async (code: string) => {
    const parsed = codeSchema.safeParse(code);
    const found = parsed.success ? await db.case.findUnique({ where: { trackingCode: parsed.data }, include: { unit: true, agency: true } }) : null;
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ với mã này / no case with this tracking code');
    return found;
  };

  router.get('/:code', async (req, res) => {
    const c = await byCode(req.params.code);
    const latest = (type: string) => db.caseEvent.findFirst({ where: { caseId: c.id, type }, orderBy: { at: 'desc' }, select: { reason: true, at: true } });
    // While the case waits for the citizen, what the agency asked for (the officer wrote it for the citizen; it is also mailed);
    // while a complaint's resolution is suspended, the decision and its reasons.
    const asked = c.status === 'AWAITING_INFO' ? await latest('info_requested') : null;
    const suspended = c.status === 'SUSPENDED' ? await latest('suspended') : null;
    const view: z.output<typeof trackedCaseSchema> = {
      infoRequest: asked ? { reason: asked.reason, at: asked.at } : null,
      suspension: suspended ? { decision: suspended.reason, at: suspended.at } : null,
      terminationGround: c.terminationGround,
      trackingCode: c.trackingCode, type: c.type, status: c.status, outcome: c.outcome, title: c.title,
      unit: c.unit.name, agency: c.agency?.name ?? null, receivedAt: c.receivedAt, firstStepDueAt: c.firstStepDueAt,
      resolutionDueAt: c.resolutionDueAt, answeredAt: c.answeredAt, answer: c.answer, answerDocuments: c.answerDocuments as z.output<typeof trackedCaseSchema>['answerDocuments'], closedAt: c.closedAt,
      // The complainant's own windows: to lodge (art. 9), and to appeal the first decision and to whom (art. 33, 21).
      filingWindow: publicFilingWindow(c.filingWindow as FilingWindow | null), appealDueAt: c.appealDueAt, secondComplaint: await secondComplaintView(db, c),
    };
    res.json(view);
  });

  router.post('/:code/actions/:action', async (req, res) => {
    const c = await byCode(req.params.code);
    const action = caseActionName.safeParse(req.params.action);
    if (!action.success || !CITIZEN_ACTIONS.includes(action.data)) {
      throw new AppError('forbidden', 'Công dân không thực hiện được thao tác này / citizens cannot do this');
    }
    await requireCitizenSecret(rateLimits, req, c.trackingCode, c.citizenSecretHash);
    if (action.data === 'provideInfo') citizenProvideInfoSchema.parse(req.body ?? {});
    // Once the window has passed the first decision has taken effect, and its workflow may have ended: the API says so itself.
    const lateAppeal = action.data === 'appeal' ? appealWindowRefusal(c.appealDueAt?.toISOString(), new Date()) : null;
    if (lateAppeal) throw new AppError('appeal_window_closed', lateAppeal);
    const claimDocuments = (ids: string[], attachedWith: string) => claimForAction(db, { caseId: c.id, ids, attachedWith, limits: documents.limits });
    const file = await runCaseAction(temporal, c.id, action.data, req.body, { actor: 'citizen', claimDocuments });
    const result: z.output<typeof citizenActionResultSchema> = { trackingCode: c.trackingCode, status: file.status, outcome: file.outcome };
    res.json(result);
  });

  /** A lost secret: a new one goes to the email and the phone (SMS) on file. The answer is the same whether or not there is one. */
  router.post('/:code/secret', async (req, res) => {
    const c = await byCode(req.params.code);
    if (!citizenMail) throw new AppError('temporarily_unavailable', 'Chưa gửi được thư, vui lòng thử lại sau / the mail could not be sent yet, retry later');
    await rateLimits.consume('citizen-secret-mail', c.trackingCode);
    await reissueCitizenSecret(citizenMail, c.trackingCode);
    const sent: z.output<typeof citizenSecretSentSchema> = {
      detail: 'Nếu hồ sơ có địa chỉ email hoặc số điện thoại, mã bí mật mới đã được gửi tới đó / if the case has an email address or a phone number, a new secret was sent there',
    };
    res.status(202).json(sent);
  });

  return router;
}
