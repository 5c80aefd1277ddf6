import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { acceptanceDeadline, receiptEvent, receiptStatus, sendReceipt, type ReceiptStatus } from '../../activities/citizen-receipt';
import type { ActivityDeps } from '../../activities/deps';
import type { Duration } from '../../domain/legal-clock';
import type { Database } from '../../infra/database';
import { newCitizenSecret } from '../../infra/citizen-secret';
import { policyEffectiveAt } from '../../infra/clock-config';
import { newTrackingCode } from '../../infra/tracking-code';
import { caseWorkflowId } from '../../workflows/ids';
import { AppError } from '../errors';
import { claimDocuments } from './attach-documents';
import type { DocumentLimits } from '../../infra/documents';
import type { SubmitPetition } from '../routes/petitions.schema';
import { complaintFilingWindow } from './complaint-filing-window';
import { startCaseWorkflow } from './start-case-workflow';

export interface SubmitDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** The outbox's dependencies, to send the receipt; without them the workflow sends it, without the secret. */
  citizenMail?: ActivityDeps;
  /** The size limits of the documents the submission brings. */
  documents: { limits: DocumentLimits };
}

export interface SubmitResult {
  caseId: string;
  trackingCode: string;
  created: boolean;
  /** The citizen's secret, shown once; null on a repeat too late to re-issue it, or once a receipt has carried it. */
  secret: string | null;
  receivedAt: Date;
  /** The first due date (acceptance), and its limit for saying it in words. */
  acceptance: { dueAt: Date | null; limit: Duration };
  /** The receipt on each channel the citizen gave (none without an email or phone). */
  receipt: ReceiptStatus;
}

/** A repeat within this time (the first answer was lost) gets a fresh secret; later, the recovery by email. */
const REISSUE_ON_REPEAT_MS = 10 * 60_000;

const hashOf = (input: SubmitPetition) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/** A receipt that went out (or is going out right now) carried the secret: a new one would make it wrong. */
async function receiptOnItsWay(db: Database, caseId: string): Promise<boolean> {
  const now = new Date();
  const n = await db.notification.count({ where: { event: receiptEvent(caseId), OR: [{ status: 'SENT' }, { claimedUntil: { gt: now } }] } });
  return n > 0;
}

async function findByKey(deps: SubmitDeps, key: string, requestHash: string, reissue = true): Promise<SubmitResult | null> {
  const { db } = deps;
  const found = await db.case.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, trackingCode: true, requestHash: true, receivedAt: true, type: true, policyVersion: true, firstStepDueAt: true },
  });
  if (!found) return null;
  if (found.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'Idempotency-Key đã dùng cho một đơn khác / this Idempotency-Key was used for a different submission');
  }
  // Only the client that sent it can repeat it (keys are scoped), so it may have the secret again,
  // unless a receipt already carried it to the citizen: then that one stays valid, and the repeat
  // sends no second receipt.
  let secret: string | null = null;
  let receipt: ReceiptStatus;
  if (reissue && Date.now() - found.receivedAt.getTime() < REISSUE_ON_REPEAT_MS && !(await receiptOnItsWay(db, found.id))) {
    const fresh = newCitizenSecret();
    await db.case.update({ where: { id: found.id }, data: { citizenSecretHash: fresh.hash, citizenSecretAt: new Date() } });
    secret = fresh.secret;
    receipt = await receiptWith(deps, found.id, secret);
  } else {
    receipt = await receiptStatus(db, found.id);
  }
  return { caseId: found.id, trackingCode: found.trackingCode, created: false, secret, receivedAt: found.receivedAt, acceptance: await acceptanceDeadline(db, found), receipt };
}

/** The receipt with the secret; a failure to send it never fails the submission (README: "Notifications"). */
async function receiptWith(deps: SubmitDeps, caseId: string, secret: string): Promise<ReceiptStatus> {
  if (!deps.citizenMail) return [];
  try {
    return await sendReceipt(deps.citizenMail, caseId, secret);
  } catch (err) {
    console.error(`the receipt of case ${caseId} could not be sent now; the case workflow sends it later`, err instanceof Error ? err.message : err);
    return receiptStatus(deps.db, caseId).catch(() => []);
  }
}

async function lookupRefs(db: Database, input: SubmitPetition) {
  const [category, unit] = await Promise.all([
    db.category.findUnique({ where: { code: input.categoryCode } }),
    db.unit.findUnique({ where: { code: input.unitCode } }),
  ]);
  const fields = [
    ...(category ? [] : [{ field: 'categoryCode', message: 'Không có lĩnh vực này / unknown category' }]),
    ...(unit && !unit.dissolvedAt ? [] : [{ field: 'unitCode', message: 'Không có đơn vị hành chính này / unknown or dissolved unit' }]),
  ];
  if (!category || !unit || fields.length) throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', fields);
  return { categoryId: category.id, unitId: unit.id };
}

/**
 * Stores the case with its audit entry, the hash of the citizen's secret and the documents it
 * brings (refused whole when one cannot join), sends the citizen the
 * receipt with the secret (mail and SMS), then starts its workflow. A repeated key (scoped to the
 * client by the caller) returns the first case.
 */
export async function submitPetition(deps: SubmitDeps, key: string, input: SubmitPetition): Promise<SubmitResult> {
  const { db, temporal, taskQueue } = deps;
  const requestHash = hashOf(input);
  const existing = await findByKey(deps, key, requestHash);
  if (existing) {
    await startCaseWorkflow(db, temporal, taskQueue, existing.caseId); // finishes a submission cut short
    return existing;
  }
  const refs = await lookupRefs(db, input);
  const caseId = randomUUID();
  const trackingCode = newTrackingCode();
  const citizenSecret = newCitizenSecret();
  const receivedAt = new Date();
  const policy = await policyEffectiveAt(db, receivedAt);
  const filingWindow = await complaintFilingWindow(db, input, refs.unitId, receivedAt, policy);
  try {
    await db.$transaction(async (tx) => {
      await tx.case.create({
        data: {
          id: caseId, trackingCode, idempotencyKey: key, requestHash, citizenSecretHash: citizenSecret.hash, citizenSecretAt: receivedAt, type: input.type, title: input.title, content: input.content,
          ...(input.attachments ? { attachments: input.attachments } : {}),
          ...(input.accused ? { accusedName: input.accused.fullName, accusedPosition: input.accused.position, accusedEmail: input.accused.email } : {}),
          ...(input.respondent ? { respondentName: input.respondent.fullName, respondentPosition: input.respondent.position, respondentEmail: input.respondent.email } : {}),
          ...(input.forwardedBy ? { forwarderName: input.forwardedBy.name, forwarderEmail: input.forwardedBy.email } : {}),
          ...(filingWindow ? { filingWindow: filingWindow as object } : {}),
          ...refs, receivedAt, policyVersion: policy.version, workflowId: caseWorkflowId(caseId),
          petitioner: { create: { anonymous: input.anonymous, language: input.language, ...(input.anonymous ? {} : input.petitioner) } },
        },
      });
      await tx.caseEvent.create({ data: { caseId, eventKey: `${caseId}:received`, type: 'received', actor: 'citizen', reason: 'Tiếp nhận / received' } });
      await claimDocuments(tx, { caseId, ids: input.documentIds ?? [], attachedWith: 'submission', limits: deps.documents.limits });
    });
  } catch (err) {
    // The same key submitted concurrently: the other request won the unique index and shows the secret.
    const raced = (err as { code?: string }).code === 'P2002' ? await findByKey(deps, key, requestHash, false) : null;
    if (!raced) throw err;
    return raced;
  }
  // The receipt goes before the workflow starts, so the workflow's own attempt (without the secret)
  // always finds this one's outbox rows: sent, still being sent (it waits), or left for it after an outage.
  const receipt = await receiptWith(deps, caseId, citizenSecret.secret);
  await startCaseWorkflow(db, temporal, taskQueue, caseId);
  const acceptance = await acceptanceDeadline(db, { type: input.type, receivedAt, policyVersion: policy.version, firstStepDueAt: null });
  return { caseId, trackingCode, created: true, secret: citizenSecret.secret, receivedAt, acceptance, receipt };
}
