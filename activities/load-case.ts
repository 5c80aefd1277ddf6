import { ApplicationFailure } from '@temporalio/common';
import type { CaseFile } from '../domain/case-state';
import type { FilingWindow } from '../domain/complaint-windows';
import { policyByVersion } from '../infra/clock-config';
import type { ActivityDeps } from './deps';

/** The case as the workflow starts it: facts from the database and limits from its policy version. */
export function loadCase({ db }: ActivityDeps) {
  return async function loadCase({ caseId }: { caseId: string }): Promise<CaseFile> {
    const c = await db.case.findUnique({ where: { id: caseId }, include: { unit: true } });
    if (!c) throw ApplicationFailure.nonRetryable(`Case ${caseId} does not exist`, 'CaseNotFound');
    const policy = await policyByVersion(db, c.policyVersion);
    return {
      caseId,
      type: c.type,
      receivedAt: c.receivedAt.toISOString(),
      status: c.status,
      outcome: c.outcome,
      agencyId: c.agencyId,
      unitCode: c.unit.code,
      complexity: c.complexity,
      remoteArea: c.unit.remoteArea,
      transfers: c.transfers,
      extensionsUsed: c.extensionsUsed,
      extensionMax: policy.rules[c.type].extension.maxCount,
      extensionPending: null,
      rated: c.satisfied !== null,
      firstStep: null,
      resolution: null,
      ratingDueAt: null,
      appealDueAt: c.appealDueAt?.toISOString() ?? null,
      filingWindow: (c.filingWindow as FilingWindow | null) ?? null,
      overdue: false,
      escalations: [],
      sessionId: c.sessionId,
      linkedCaseId: null,
      ...(policy.complaintProcedure ? { complaintProcedure: policy.complaintProcedure } : {}),
      forwarded: c.forwarderName !== null,
    };
  };
}
