import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { newCitizenSecret } from '../../infra/citizen-secret';
import { policyEffectiveAt } from '../../infra/clock-config';
import { newTrackingCode } from '../../infra/tracking-code';
import { caseWorkflowId } from '../../workflows/ids';
import { AppError } from '../errors';
import type { SubmitPetition } from '../routes/petitions.schema';
import { startCaseWorkflow } from './start-case-workflow';

export interface SubmitDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
}

export interface SubmitResult {
  caseId: string;
  trackingCode: string;
  created: boolean;
  /** The citizen's secret, shown once; null on a repeat too late to re-issue it. */
  secret: string | null;
}

/** A repeat within this time (the first answer was lost) gets a fresh secret; later, the recovery by email. */
const REISSUE_ON_REPEAT_MS = 10 * 60_000;

const hashOf = (input: SubmitPetition) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

async function findByKey(db: Database, key: string, requestHash: string, reissue = true): Promise<SubmitResult | null> {
  const found = await db.case.findUnique({ where: { idempotencyKey: key }, select: { id: true, trackingCode: true, requestHash: true, receivedAt: true } });
  if (!found) return null;
  if (found.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'Idempotency-Key đã dùng cho một đơn khác / this Idempotency-Key was used for a different submission');
  }
  // Only the client that sent it can repeat it (keys are scoped), so it may have the secret again.
  let secret: string | null = null;
  if (reissue && Date.now() - found.receivedAt.getTime() < REISSUE_ON_REPEAT_MS) {
    const fresh = newCitizenSecret();
    await db.case.update({ where: { id: found.id }, data: { citizenSecretHash: fresh.hash, citizenSecretAt: new Date() } });
    secret = fresh.secret;
  }
  return { caseId: found.id, trackingCode: found.trackingCode, created: false, secret };
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
 * Stores the case with its audit entry and the hash of the citizen's secret, then starts its
 * workflow. A repeated key (scoped to the client by the caller) returns the first case.
 */
export async function submitPetition({ db, temporal, taskQueue }: SubmitDeps, key: string, input: SubmitPetition): Promise<SubmitResult> {
  const requestHash = hashOf(input);
  const existing = await findByKey(db, key, requestHash);
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
  try {
    await db.$transaction([
      db.case.create({
        data: {
          id: caseId, trackingCode, idempotencyKey: key, requestHash, citizenSecretHash: citizenSecret.hash, citizenSecretAt: receivedAt, type: input.type, title: input.title, content: input.content,
          ...(input.attachments ? { attachments: input.attachments } : {}),
          ...(input.accused ? { accusedName: input.accused.fullName, accusedPosition: input.accused.position, accusedEmail: input.accused.email } : {}),
          ...refs, receivedAt, policyVersion: policy.version, workflowId: caseWorkflowId(caseId),
          petitioner: { create: { anonymous: input.anonymous, language: input.language, ...(input.anonymous ? {} : input.petitioner) } },
        },
      }),
      db.caseEvent.create({ data: { caseId, eventKey: `${caseId}:received`, type: 'received', actor: 'citizen', reason: 'Tiếp nhận / received' } }),
    ]);
  } catch (err) {
    // The same key submitted concurrently: the other request won the unique index and shows the secret.
    const raced = (err as { code?: string }).code === 'P2002' ? await findByKey(db, key, requestHash, false) : null;
    if (!raced) throw err;
    return raced;
  }
  await startCaseWorkflow(db, temporal, taskQueue, caseId);
  return { caseId, trackingCode, created: true, secret: citizenSecret.secret };
}
