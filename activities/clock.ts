import type { Prisma } from '../prisma/generated/client';
import {
  denunciationRules,
  complaintWindowsOf,
  extendDeadline,
  meetDeadline,
  pauseDeadline,
  reclassifyDeadline,
  relimitDeadline,
  resolutionLimit,
  resumeDeadline,
  startDeadline,
  type ClockOp,
  type ClockPolicy,
  type Deadline,
  type DeadlineStep,
  type Duration,
} from '../domain/legal-clock';
import type { WorkingCalendar } from '../domain/working-calendar';
import { loadCalendar, policyByVersion } from '../infra/clock-config';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';


export interface ClockRequest {
  caseId: string;
  eventKey: string;
  /** Workflow time of the change, so the record is the same however often this is retried. */
  at: string;
  actor: string;
  /** The API token of the action that moved the clock, if any. */
  tokenId?: string;
  op: ClockOp;
}

type Deadlines = Partial<Record<DeadlineStep, Deadline>>;
type CaseRow = Prisma.CaseGetPayload<{ include: { unit: true } }>;

function startLimit(policy: ClockPolicy, c: CaseRow, step: DeadlineStep): { limit: Duration; basis: string; basisEn?: string } {
  const rule = policy.rules[c.type];
  if (step === 'first_step') return { limit: rule.firstStep, basis: rule.firstStepBasis };
  if (step === 'accused_notice') return denunciationRules(policy).accusedNotice;
  if (step === 'forwarder_result') return denunciationRules(policy).forwarderResult;
  if (step === 'rating') return { limit: policy.ratingWindow, basis: 'Thời hạn công dân đánh giá kết quả (cấu hình)' };
  if (step === 'session_notice') return { limit: policy.sessionNotice.limit, basis: policy.sessionNotice.basis };
  if (step === 'appeal_window') {
    const { appeal } = complaintWindowsOf(policy);
    return { limit: c.unit.remoteArea ? appeal.remoteLimit : appeal.limit, basis: appeal.basis };
  }
  return { limit: resolutionLimit(rule, c.complexity, c.unit.remoteArea), basis: rule.resolutionBasis };
}

function apply(op: ClockOp, current: Deadlines, c: CaseRow, at: Date, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  const resolution = current.resolution;
  if (op.kind === 'start') {
    const { limit, basis, basisEn } = startLimit(policy, c, op.step);
    const inputs = { caseType: c.type, complexity: c.complexity, remoteArea: c.unit.remoteArea, from: op.from };
    return startDeadline({ step: op.step, start: new Date(op.from), limit, legalBasis: basis, ...(basisEn ? { legalBasisEn: basisEn } : {}), inputs }, policy, calendar);
  }
  if (op.kind === 'relimit') {
    if (!current.first_step) throw new Error(`Case ${c.id} has no first-step deadline to relimit`);
    const inputs: Deadline['inputs'] = { [op.rule === 'severalPlaces' ? 'severalPlaces' : 'notCompetent']: true };
    return relimitDeadline(current.first_step, at, denunciationRules(policy)[op.rule], { vi: op.reason, en: op.reason }, inputs, policy, calendar);
  }
  if (op.kind === 'meet') {
    const duty = current[op.step];
    if (!duty) throw new Error(`Case ${c.id} has no ${op.step} deadline to meet`);
    return meetDeadline(duty, at, { vi: op.note, en: op.note }, policy, calendar);
  }
  if (!resolution) throw new Error(`Case ${c.id} has no resolution deadline to ${op.kind}`);
  const rule = policy.rules[c.type];
  switch (op.kind) {
    case 'extend':
      return extendDeadline(resolution, at, rule.extension.duration, rule.extension.basis, policy, calendar);
    case 'pause':
      return pauseDeadline(resolution, at, op.reason, policy, calendar, op.suspension);
    case 'resume':
      return resumeDeadline(resolution, at, policy, calendar, op.resumedBy);
    case 'reclassify': {
      const limit = resolutionLimit(rule, op.complexity, c.unit.remoteArea);
      return reclassifyDeadline(resolution, at, limit, `Xác định mức độ ${op.complexity}: ${op.reason}`, { complexity: op.complexity }, policy, calendar);
    }
  }
}

/** The deadline an operation applies to. */
function stepOf(op: ClockOp): DeadlineStep {
  if (op.kind === 'start' || op.kind === 'meet') return op.step;
  return op.kind === 'relimit' ? 'first_step' : 'resolution';
}

const DUE_FIELD: Partial<Record<DeadlineStep, 'firstStepDueAt' | 'resolutionDueAt' | 'appealDueAt'>> = { first_step: 'firstStepDueAt', resolution: 'resolutionDueAt', appeal_window: 'appealDueAt' };

/**
 * Starts, extends, pauses, resumes or recomputes a case deadline under the case's own policy
 * version and the current calendar, and stores it with its explanation. Applied once per event key.
 */
export function clock({ db }: ActivityDeps) {
  return async function clock(req: ClockRequest): Promise<Deadline> {
    const c = await db.case.findUniqueOrThrow({ where: { id: req.caseId }, include: { unit: true } });
    const current = (c.deadlines ?? {}) as Deadlines;
    const step = stepOf(req.op);
    if (await db.caseEvent.findUnique({ where: { eventKey: req.eventKey } })) return current[step]!;
    const [policy, calendar] = await Promise.all([policyByVersion(db, c.policyVersion), loadCalendar(db)]);
    const next = apply(req.op, current, c, new Date(req.at), policy, calendar);
    const field = DUE_FIELD[step];
    await writeCaseEvent(db, {
      caseId: req.caseId,
      eventKey: req.eventKey,
      type: `deadline_${req.op.kind}`,
      actor: req.actor,
      tokenId: req.tokenId,
      data: { step, dueAt: next.dueAt, note: next.history.at(-1)?.note ?? '' },
      caseFields: {
        deadlines: { ...current, [step]: next } as unknown as Prisma.InputJsonValue,
        ...(field ? { [field]: next.dueAt } : {}),
        ...(req.op.kind === 'extend' ? { extensionsUsed: { increment: 1 } } : {}),
        ...(req.op.kind === 'reclassify' ? { complexity: req.op.complexity } : {}),
      },
    });
    return next;
  };
}
