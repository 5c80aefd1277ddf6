import { computeDueDate } from '../domain/legal-clock';
import type { DeadlineStep } from '../domain/notice-templates';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

export interface Deadline {
  dueAt: string;
  explanation: string;
}

/**
 * Computes a legal deadline from the worker's clock policy and calendar and stores it on the case.
 * An activity rather than workflow code: the result is recorded in history, so editing the
 * calendar or policy later never changes a running case's replay.
 */
export function computeDeadline(deps: ActivityDeps) {
  return async function computeDeadline(input: { caseId: string; step: DeadlineStep; from: string }): Promise<Deadline> {
    const c = await deps.db.case.findUniqueOrThrow({ where: { id: input.caseId } });
    const rule = deps.clockPolicy.rules[c.type];
    const limit = input.step === 'first_step' ? rule.firstStep : rule.resolution;
    const due = computeDueDate(new Date(input.from), limit, deps.calendar, rule.legalBasis);
    await writeCaseEvent(deps.db, {
      caseId: input.caseId,
      eventKey: `${input.caseId}:deadline:${input.step}:${input.from}`,
      type: 'deadline_computed',
      actor: 'system',
      data: { step: input.step, dueAt: due.dueAt.toISOString(), explanation: due.explanation, policyVersion: deps.clockPolicy.version },
      caseFields: input.step === 'first_step' ? { firstStepDueAt: due.dueAt } : { resolutionDueAt: due.dueAt },
    });
    return { dueAt: due.dueAt.toISOString(), explanation: due.explanation };
  };
}
