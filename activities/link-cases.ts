import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { policyEffectiveAt } from '../infra/clock-config';
import { secondComplaintBody } from '../infra/second-complaint-body';
import { newTrackingCode } from '../infra/tracking-code';
import { caseWorkflowId } from '../workflows/ids';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

/**
 * A second complaint (khiếu nại lần hai): a new case for the competent chairman's People's
 * Committee, linked to the first and carrying the same complainant. Created once per event key.
 */
export function createAppealCase({ db }: ActivityDeps) {
  return async function createAppealCase(input: { fromCaseId: string; eventKey: string; actor: string; tokenId?: string; reason: string }): Promise<{ caseId: string }> {
    const existing = await db.case.findUnique({ where: { idempotencyKey: input.eventKey } });
    if (existing) return { caseId: existing.id };
    const from = await db.case.findUniqueOrThrow({ where: { id: input.fromCaseId }, include: { petitioner: true, agency: { include: { unit: true } } } });
    const body = await secondComplaintBody(db, from);
    if (body?.kind !== 'chairman') throw ApplicationFailure.nonRetryable(body?.wayOn ?? `Case ${from.id} was answered by no agency`, 'NoSuperiorUnit');
    const { unit, committee, to: authority, basis } = body;
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
          categoryId: from.categoryId, unitId: unit.id, agencyId: committee?.id ?? null, receivedAt, policyVersion: policy.version,
          workflowId: caseWorkflowId(caseId), linkedFromId: from.id, petitioner: { create: petitioner },
          // The same complainant: the secret of the first complaint acts on the second.
          citizenSecretHash: from.citizenSecretHash, citizenSecretAt: from.citizenSecretAt,
        },
      }),
      db.caseEvent.create({
        data: {
          caseId, eventKey: `${caseId}:received`, type: 'received', actor: input.actor, tokenId: input.tokenId,
          reason: `Khiếu nại lần hai đối với hồ sơ ${from.trackingCode}, thuộc thẩm quyền ${authority} (${basis}) / second complaint on case ${from.trackingCode}, for the ${authority} (${basis})`,
          data: { linkedFromId: from.id, authorityUnitId: unit.id, basis },
        },
      }),
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
