import { ApplicationFailure } from '@temporalio/common';
import type { CaseType } from '../domain/case-types';
import type { ActivityDeps } from './deps';

export interface CaseFacts {
  caseId: string;
  type: CaseType;
  receivedAt: string;
  agencyId: string | null;
  unitCode: string;
}

export function loadCase({ db }: ActivityDeps) {
  return async function loadCase({ caseId }: { caseId: string }): Promise<CaseFacts> {
    const c = await db.case.findUnique({ where: { id: caseId }, include: { unit: true } });
    if (!c) throw ApplicationFailure.nonRetryable(`Case ${caseId} does not exist`, 'CaseNotFound');
    return { caseId, type: c.type, receivedAt: c.receivedAt.toISOString(), agencyId: c.agencyId, unitCode: c.unit.code };
  };
}
