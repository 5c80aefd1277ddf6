import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
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
}

const hashOf = (input: SubmitPetition) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

async function findByKey(db: Database, key: string, requestHash: string): Promise<SubmitResult | null> {
  const found = await db.case.findUnique({ where: { idempotencyKey: key }, select: { id: true, trackingCode: true, requestHash: true } });
  if (!found) return null;
  if (found.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'Idempotency-Key đã dùng cho một đơn khác / this Idempotency-Key was used for a different submission');
  }
  return { caseId: found.id, trackingCode: found.trackingCode, created: false };
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

/** Stores the case with its audit entry, then starts its workflow. A repeated key returns the first case. */
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
  const receivedAt = new Date();
  const policy = await policyEffectiveAt(db, receivedAt);
  try {
    await db.$transaction([
      db.case.create({
        data: {
          id: caseId, trackingCode, idempotencyKey: key, requestHash, type: input.type, title: input.title, content: input.content,
          ...(input.attachments ? { attachments: input.attachments } : {}),
          ...(input.accused ? { accusedName: input.accused.fullName, accusedPosition: input.accused.position, accusedEmail: input.accused.email } : {}),
          ...refs, receivedAt, policyVersion: policy.version, workflowId: caseWorkflowId(caseId),
          petitioner: { create: { anonymous: input.anonymous, language: input.language, ...(input.anonymous ? {} : input.petitioner) } },
        },
      }),
      db.caseEvent.create({ data: { caseId, eventKey: `${caseId}:received`, type: 'received', actor: 'citizen', reason: 'Tiếp nhận / received' } }),
    ]);
  } catch (err) {
    // The same key submitted concurrently: the other request won the unique index.
    const raced = (err as { code?: string }).code === 'P2002' ? await findByKey(db, key, requestHash) : null;
    if (!raced) throw err;
    return raced;
  }
  await startCaseWorkflow(db, temporal, taskQueue, caseId);
  return { caseId, trackingCode, created: true };
}
