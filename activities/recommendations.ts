import { DEFAULT_CLOCK_POLICY, startDeadline, type Deadline } from '../domain/legal-clock';
import { renderNotice, type NoticeTemplate } from '../domain/notice-templates';
import { loadCalendar, policyEffectiveAt } from '../infra/clock-config';
import type { ActivityDeps } from './deps';
import { headOf, leadersOf, templateFor, type LeaderAudience } from './leaders';
import { deliver } from './outbox';

/** Starts the recommendation's response clock and tells the head of government of the unit. */
export function openRecommendation(deps: ActivityDeps) {
  return async function openRecommendation({ recommendationId }: { recommendationId: string }): Promise<Deadline> {
    const r = await deps.db.supervisionRecommendation.findUniqueOrThrow({ where: { id: recommendationId } });
    if (r.deadline) return r.deadline as unknown as Deadline;
    const [policy, calendar] = await Promise.all([policyEffectiveAt(deps.db, r.createdAt), loadCalendar(deps.db)]);
    const rule = policy.recommendationResponse ?? DEFAULT_CLOCK_POLICY.recommendationResponse!;
    const deadline = startDeadline({ step: 'recommendation_response', start: r.createdAt, limit: rule.limit, legalBasis: rule.basis, inputs: { unitId: r.unitId } }, policy, calendar);
    await deps.db.supervisionRecommendation.update({ where: { id: r.id }, data: { deadline: deadline as object, dueAt: new Date(deadline.dueAt!) } });
    return deadline;
  };
}

/** Recommendation notices: to the head on receipt and on the ladder, to the Front when answered. */
export function sendRecommendationNotices(deps: ActivityDeps) {
  return async function sendRecommendationNotices(input: { recommendationId: string; eventKey: string; audience: LeaderAudience; template: NoticeTemplate }): Promise<void> {
    const r = await deps.db.supervisionRecommendation.findUniqueOrThrow({
      where: { id: input.recommendationId },
      include: { unit: { include: { organisations: true, parent: { include: { organisations: true } } } } },
    });
    const front = r.unit.organisations.find((o) => o.kind === 'FRONT_COMMITTEE');
    for (const org of leadersOf(r.unit, input.audience)) {
      const template = templateFor(input.template, org);
      const recipient = headOf(org);
      const rendered = renderNotice(template, deps.language, {
        recipientName: recipient.name, caseTitle: r.content.slice(0, 80), caseType: 'FEEDBACK', trackingCode: 'KN', unitName: r.unit.name,
        agencyName: front?.name ?? 'Ủy ban MTTQ', dueAt: r.dueAt, step: 'recommendation_response', caseUrl: `${deps.publicUrl}/supervision/recommendations/${r.id}`,
        note: template === 'recommendation_answered' ? (r.response ?? '') : r.content,
      });
      await deliver(deps, { event: input.eventKey, caseId: r.caseId, template, language: deps.language, recipient, rendered });
    }
  };
}

export function recordRecommendationResponse({ db }: ActivityDeps) {
  return async function recordRecommendationResponse(input: { recommendationId: string; response: string; respondedBy: string; at: string }): Promise<void> {
    await db.supervisionRecommendation.updateMany({
      where: { id: input.recommendationId, status: 'OPEN' },
      data: { status: 'RESPONDED', response: input.response, respondedBy: input.respondedBy, respondedAt: new Date(input.at) },
    });
  };
}
