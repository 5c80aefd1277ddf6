import type { Case, Category, Organisation, Unit } from '../../prisma/generated/client';

/** The public shape of a case: content and process, never the petitioner's identity. */
export function toCaseView(c: Case & { unit: Unit; agency: Organisation | null; category: Category }) {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    type: c.type,
    status: c.status,
    title: c.title,
    content: c.content,
    category: { code: c.category.code, nameVi: c.category.nameVi, nameEn: c.category.nameEn },
    unit: { code: c.unit.code, name: c.unit.name },
    agency: c.agency ? { id: c.agency.id, code: c.agency.code, name: c.agency.name } : null,
    receivedAt: c.receivedAt,
    firstStepDueAt: c.firstStepDueAt,
    resolutionDueAt: c.resolutionDueAt,
    acceptedAt: c.acceptedAt,
    answeredAt: c.answeredAt,
    answer: c.answer,
    answerDocuments: c.answerDocuments,
    complexity: c.complexity,
    outcome: c.outcome,
    closedAt: c.closedAt,
    sessionId: c.sessionId,
    linkedFromId: c.linkedFromId,
    policyVersion: c.policyVersion,
    /** Each deadline with its rule, legal basis, inputs and recalculation history. */
    deadlines: c.deadlines,
  };
}
