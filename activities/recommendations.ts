import { DEFAULT_CLOCK_POLICY, startDeadline, type Deadline } from '../domain/legal-clock';
import { noticesAt, type LeaderAudience, type NoticeTarget } from '../domain/notice-ladder';
import { renderNotice, type RecommendationTemplate } from '../domain/notice-templates';
import { loadCalendar, policyEffectiveAt } from '../infra/clock-config';
import type { ActivityDeps } from './deps';
import { leaderOf, scopeOf } from './leaders';
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

export interface RecommendationNoticeRequest {
  recommendationId: string;
  eventKey: string;
  /** From the ladder table (domain/notice-ladder.ts). */
  to: NoticeTarget<'recommendation'>[];
}

/** As workflow code before the ladder table asked (issue 13); one scheduled before the deploy may be retried after it. */
type EarlierRequest = Omit<RecommendationNoticeRequest, 'to'> & { audience: LeaderAudience | 'unit_leaders' | 'superior_leaders'; template: RecommendationTemplate };

function targetsOf(input: RecommendationNoticeRequest | EarlierRequest): NoticeTarget<'recommendation'>[] {
  if ('to' in input) return input.to;
  if (input.audience === 'unit_leaders') return noticesAt('recommendation', 'due');
  if (input.audience === 'superior_leaders') return noticesAt('recommendation', 'superior');
  return [{ audience: input.audience, template: input.template }];
}

/** Recommendation notices: to the head on receipt and on the ladder, to the Front when answered. */
export function sendRecommendationNotices(deps: ActivityDeps) {
  return async function sendRecommendationNotices(input: RecommendationNoticeRequest | EarlierRequest): Promise<void> {
    const r = await deps.db.supervisionRecommendation.findUniqueOrThrow({
      where: { id: input.recommendationId },
      include: { unit: { include: { organisations: true, parent: { include: { organisations: true } } } } },
    });
    const front = r.unit.organisations.find((o) => o.kind === 'FRONT_COMMITTEE');
    for (const { audience, template } of targetsOf(input)) {
      const leader = leaderOf(r.unit, audience);
      if (!leader) continue;
      const rendered = renderNotice(template, deps.language, {
        subject: 'recommendation', recipientName: leader.name, content: r.content, response: r.response, unitName: r.unit.name,
        frontName: front?.name ?? `Ủy ban MTTQ ${r.unit.name}`, dueAt: r.dueAt, scope: scopeOf(audience), url: `${deps.publicUrl}/supervision/recommendations/${r.id}`,
      });
      await deliver(deps, { event: input.eventKey, caseId: r.caseId, template, language: deps.language, recipient: { email: leader.email, name: leader.name }, rendered });
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
