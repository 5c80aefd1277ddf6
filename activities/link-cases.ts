import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { policyEffectiveAt } from '../infra/clock-config';
import { newTrackingCode } from '../infra/tracking-code';
import { caseWorkflowId } from '../workflows/ids';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

/**
 * A second complaint (khiếu nại lần hai): a new case at the superior unit, linked to the first and
 * carrying the same complainant. Created once per event key.
 */
export function createAppealCase({ db }: ActivityDeps) {
  return async function createAppealCase(input: { fromCaseId: string; eventKey: string; actor: string; tokenId?: string; reason: string }): Promise<{ caseId: string }> {
    const existing = await db.case.findUnique({ where: { idempotencyKey: input.eventKey } });
    if (existing) return { caseId: existing.id };
    const from = await db.case.findUniqueOrThrow({ where: { id: input.fromCaseId }, include: { unit: true, petitioner: true } });
    if (!from.unit.parentId) {
      // The province is the top of this system; above it the law names the minister or the court.
      throw ApplicationFailure.nonRetryable(
        'Khiếu nại lần đầu do cấp tỉnh giải quyết: khiếu nại lần hai gửi Bộ trưởng bộ quản lý ngành, lĩnh vực, hoặc khởi kiện vụ án hành chính tại Tòa án (Luật Khiếu nại 2011) / ' +
          'the province decided the first complaint: appeal to the minister responsible for the sector, or sue in the administrative court (Complaints Law 2011)',
        'NoSuperiorUnit',
      );
    }
    const caseId = randomUUID();
    const receivedAt = new Date();
    const policy = await policyEffectiveAt(db, receivedAt);
    const p = from.petitioner;
    const petitioner = { anonymous: p?.anonymous ?? false, fullName: p?.fullName ?? null, email: p?.email ?? null, phone: p?.phone ?? null, address: p?.address ?? null };
    await db.$transaction([
      db.case.create({
        data: {
          id: caseId, trackingCode: newTrackingCode(), idempotencyKey: input.eventKey, requestHash: 'appeal', type: 'COMPLAINT_SECOND',
          title: `Khiếu nại lần hai: ${from.title}`, content: `${from.content}\n\nLý do khiếu nại lần hai: ${input.reason}`,
          categoryId: from.categoryId, unitId: from.unit.parentId, receivedAt, policyVersion: policy.version,
          workflowId: caseWorkflowId(caseId), linkedFromId: from.id, petitioner: { create: petitioner },
          // The same complainant: the secret of the first complaint acts on the second.
          citizenSecretHash: from.citizenSecretHash, citizenSecretAt: from.citizenSecretAt,
        },
      }),
      db.caseEvent.create({ data: { caseId, eventKey: `${caseId}:received`, type: 'received', actor: input.actor, tokenId: input.tokenId, reason: `Khiếu nại lần hai đối với hồ sơ ${from.trackingCode}`, data: { linkedFromId: from.id } } }),
    ]);
    return { caseId };
  };
}

/** Marks a case as a duplicate of an open one; the target's history records the merge. */
export function mergeCase({ db }: ActivityDeps) {
  return async function mergeCase(input: { caseId: string; targetCaseId: string; eventKey: string; actor: string; tokenId?: string; reason: string }): Promise<void> {
    const isUuid = /^[0-9a-f-]{36}$/i.test(input.targetCaseId);
    const target = isUuid ? await db.case.findUnique({ where: { id: input.targetCaseId } }) : null;
    if (!target || target.id === input.caseId || target.status === 'CLOSED') {
      throw ApplicationFailure.nonRetryable('Hồ sơ đích không tồn tại hoặc đã đóng / the target case does not exist or is closed', 'MergeTargetInvalid');
    }
    await writeCaseEvent(db, { caseId: input.caseId, eventKey: input.eventKey, type: 'merged', actor: input.actor, tokenId: input.tokenId, reason: input.reason, data: { targetCaseId: target.id }, caseFields: { mergedIntoId: target.id } });
    await writeCaseEvent(db, { caseId: target.id, eventKey: `${input.eventKey}:target`, type: 'duplicate_merged', actor: input.actor, tokenId: input.tokenId, reason: input.reason, data: { duplicateCaseId: input.caseId } });
  };
}
