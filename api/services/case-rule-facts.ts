import type { RuleFacts } from '../../domain/case-actions';
import { pendingDuties } from '../../domain/case-state';
import type { Deadline, DeadlineStep } from '../../domain/legal-clock';
import type { FilingWindow } from '../../domain/complaint-windows';
import { policyByVersion } from '../../infra/clock-config';
import type { Database } from '../../infra/database';
import type { Case } from '../../prisma/generated/client';

type Row = Pick<Case, 'status' | 'type' | 'transfers' | 'extensionsUsed' | 'complexity' | 'satisfied' | 'policyVersion' | 'extensionRequestedBy' | 'extensionRequestReason' | 'deadlines' | 'appealDueAt' | 'filingWindow'>;

/** What the action rules need to know of a case, from its row: the database owns these facts. */
export async function caseRuleFacts(db: Database, c: Row): Promise<RuleFacts> {
  const policy = await policyByVersion(db, c.policyVersion);
  const deadlines = c.deadlines as Partial<Record<DeadlineStep, Deadline>> | null;
  return {
    status: c.status,
    type: c.type,
    transfers: c.transfers,
    extensionsUsed: c.extensionsUsed,
    complexity: c.complexity,
    extensionMax: policy.rules[c.type].extension.maxCount,
    extensionPending: c.extensionRequestedBy ? { requestedBy: c.extensionRequestedBy, reason: c.extensionRequestReason ?? '' } : null,
    rated: c.satisfied !== null,
    ...(policy.complaintProcedure ? { complaintProcedure: policy.complaintProcedure } : {}),
    firstStep: deadlines?.first_step ?? null,
    duties: pendingDuties(deadlines),
    appealDueAt: c.appealDueAt?.toISOString() ?? null,
    filingWindow: (c.filingWindow as FilingWindow | null) ?? null,
  };
}
