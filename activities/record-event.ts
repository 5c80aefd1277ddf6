import type { Prisma } from '../prisma/generated/client';
import type { CaseStatus } from '../domain/case-state';
import type { ActivityDeps } from './deps';

export interface CaseEventInput {
  caseId: string;
  /** Stable across retries and replays (derived from the workflow step or the update id). */
  eventKey: string;
  type: string;
  actor: string;
  /** The API token that caused it, when a service account acted. */
  tokenId?: string;
  reason?: string;
  data?: Prisma.InputJsonValue;
  /** When given, the case row moves to this status in the same transaction. */
  status?: CaseStatus;
  caseFields?: Prisma.CaseUpdateInput;
}

/** Writes an audit entry and its case change once per event key, however often it is retried. */
export async function writeCaseEvent(db: ActivityDeps['db'], e: CaseEventInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const existing = await tx.caseEvent.findUnique({ where: { eventKey: e.eventKey } });
    if (existing) return false;
    await tx.caseEvent.create({
      data: { caseId: e.caseId, eventKey: e.eventKey, type: e.type, actor: e.actor, tokenId: e.tokenId, reason: e.reason, data: e.data },
    });
    if (e.status || e.caseFields) {
      await tx.case.update({ where: { id: e.caseId }, data: { ...e.caseFields, ...(e.status ? { status: e.status } : {}) } });
    }
    return true;
  });
}

export function recordEvent({ db }: ActivityDeps) {
  return async function recordEvent(e: CaseEventInput): Promise<void> {
    await writeCaseEvent(db, e);
  };
}
