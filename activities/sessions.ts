import { ApplicationFailure } from '@temporalio/common';
import { startDeadline, type Deadline } from '../domain/legal-clock';
import { noticesAt, type NoticeTarget } from '../domain/notice-ladder';
import { renderNotice } from '../domain/notice-templates';
import { loadCalendar, policyEffectiveAt } from '../infra/clock-config';
import { newCitizenSecret } from '../infra/citizen-secret';
import { newTrackingCode } from '../infra/tracking-code';
import { sendReceipt } from './citizen-receipt';
import { caseWorkflowId, sessionWorkflowId } from '../workflows/ids';
import type { ActivityDeps } from './deps';
import { leaderOf, scopeOf } from './leaders';
import { deliver } from './outbox';

export interface SessionInput {
  sessionId: string;
  unitCode: string;
  heldOn: string;
  kind: 'PERIODIC' | 'THEMATIC';
  topic?: string;
  chairName: string;
  chairTitle: string;
  chairedByHead: boolean;
  attendees: number;
}

export interface OpinionInput {
  categoryCode: string;
  title: string;
  content: string;
  citizenName?: string;
  citizenEmail?: string;
  citizenPhone?: string;
}

const sessionTitle = (s: { heldOn: Date; topic: string | null; unit: { name: string } }) =>
  `${s.topic ?? 'Tiếp xúc, đối thoại định kỳ'} – ${s.unit.name}, ${s.heldOn.toISOString().slice(0, 10)}`;

/** Records the session (once) and computes the head's written-notice deadline (Quy định 11-QĐi/TW: 10 working days). */
export function openSession({ db }: ActivityDeps) {
  return async function openSession(input: SessionInput): Promise<{ unitCode: string; noticeDue: Deadline }> {
    const unit = await db.unit.findUnique({ where: { code: input.unitCode } });
    if (!unit) throw ApplicationFailure.nonRetryable(`Không có đơn vị ${input.unitCode} / unknown unit`, 'UnitNotFound');
    const heldOn = new Date(input.heldOn);
    const [policy, calendar] = await Promise.all([policyEffectiveAt(db, heldOn), loadCalendar(db)]);
    const noticeDue = startDeadline(
      { step: 'session_notice', start: heldOn, limit: policy.sessionNotice.limit, legalBasis: policy.sessionNotice.basis, inputs: { chairedByHead: input.chairedByHead } },
      policy,
      calendar,
    );
    const data = {
      unitId: unit.id, heldOn, kind: input.kind, topic: input.topic ?? null, chairName: input.chairName, chairTitle: input.chairTitle,
      chairedByHead: input.chairedByHead, attendees: input.attendees, noticeDueAt: new Date(noticeDue.dueAt!),
    };
    // The API may have stored the session already; the deadline is the workflow's to set.
    await db.dialogueSession.upsert({ where: { id: input.sessionId }, create: { id: input.sessionId, workflowId: sessionWorkflowId(input.sessionId), ...data }, update: { noticeDueAt: data.noticeDueAt } });
    return { unitCode: unit.code, noticeDue };
  };
}

/** Receipts sent at once, and how long the activity waits for them before leaving the rest to each case's workflow. */
const RECEIPTS_AT_ONCE = 8;
const RECEIPTS_WAIT_MS = 15_000;

/**
 * The receipts of new opinion cases, each with its secret, a few at a time. Past the wait, those not
 * sent yet are left to each case's workflow, which sends them without the secret (it exists only here).
 */
async function sendOpinionReceipts(deps: ActivityDeps, fresh: Array<{ caseId: string; secret: string }>): Promise<void> {
  const queue = [...fresh];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await sendReceipt(deps, next.caseId, next.secret).catch(() => undefined);
  };
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(Array.from({ length: RECEIPTS_AT_ONCE }, worker)), new Promise((r) => (timer = setTimeout(r, RECEIPTS_WAIT_MS)))]);
  clearTimeout(timer);
  queue.length = 0;
}

/**
 * Each opinion becomes a case linked to the session; keyed so a retry creates none twice. An
 * opinion with an email or a phone gets a secret (only its hash is stored) and a receipt with it
 * and the tracking code; the secret never leaves this activity but in that receipt.
 */
export function createOpinionCases(deps: ActivityDeps) {
  const { db } = deps;
  return async function createOpinionCases(input: { sessionId: string; batchKey: string; actor: string; tokenId?: string; opinions: OpinionInput[] }): Promise<string[]> {
    const session = await db.dialogueSession.findUniqueOrThrow({ where: { id: input.sessionId } });
    const categories = await db.category.findMany({ where: { code: { in: input.opinions.map((o) => o.categoryCode) } } });
    const byCode = new Map(categories.map((c) => [c.code, c.id]));
    const unknown = input.opinions.filter((o) => !byCode.has(o.categoryCode)).map((o) => o.categoryCode);
    if (unknown.length) throw ApplicationFailure.nonRetryable(`Không có lĩnh vực ${unknown.join(', ')} / unknown categories`, 'CategoryNotFound');
    const policy = await policyEffectiveAt(db, session.heldOn);
    const ids: string[] = [];
    const fresh: Array<{ caseId: string; secret: string }> = [];
    for (const [i, o] of input.opinions.entries()) {
      const key = `${input.batchKey}:${i}`;
      const existing = await db.case.findUnique({ where: { idempotencyKey: key } });
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const caseId = crypto.randomUUID();
      const secret = o.citizenEmail || o.citizenPhone ? newCitizenSecret() : null;
      await db.$transaction([
        db.case.create({
          data: {
            id: caseId, trackingCode: newTrackingCode(), idempotencyKey: key, requestHash: 'session-opinion', type: 'SESSION_OPINION',
            title: o.title, content: o.content, categoryId: byCode.get(o.categoryCode)!, unitId: session.unitId, receivedAt: session.heldOn,
            policyVersion: policy.version, workflowId: caseWorkflowId(caseId), sessionId: session.id,
            ...(secret ? { citizenSecretHash: secret.hash, citizenSecretAt: new Date() } : {}),
            petitioner: {
              create: { anonymous: !o.citizenName && !o.citizenEmail && !o.citizenPhone, fullName: o.citizenName ?? null, email: o.citizenEmail ?? null, phone: o.citizenPhone ?? null },
            },
          },
        }),
        db.caseEvent.create({ data: { caseId, eventKey: `${caseId}:received`, type: 'received', actor: input.actor, tokenId: input.tokenId, reason: 'Ý kiến tại buổi tiếp xúc, đối thoại / opinion raised at a dialogue session', data: { sessionId: session.id } } }),
      ]);
      ids.push(caseId);
      if (secret) fresh.push({ caseId, secret: secret.secret });
    }
    await sendOpinionReceipts(deps, fresh);
    return ids;
  };
}

/** The head's written notice (thông báo kết luận) that the opinions are accepted or transferred. */
export function concludeSession({ db }: ActivityDeps) {
  return async function concludeSession(input: { sessionId: string; conclusion: string; at: string }): Promise<void> {
    await db.dialogueSession.update({ where: { id: input.sessionId }, data: { status: 'CONCLUDED', conclusion: input.conclusion, noticePublishedAt: new Date(input.at) } });
  };
}

export interface SessionNoticeRequest {
  sessionId: string;
  eventKey: string;
  /** From the ladder table (domain/notice-ladder.ts). */
  to: NoticeTarget<'session'>[];
}

/** As workflow code before the ladder table asked (issue 13); one scheduled before the deploy may be retried after it. */
type EarlierRequest = Omit<SessionNoticeRequest, 'to'> & { audience: 'unit_head' | 'unit_leaders' | 'superior_leaders' | 'unit_front' };
const EARLIER: Record<EarlierRequest['audience'], Parameters<typeof noticesAt<'session'>>[1]> = { unit_head: 'reminder', unit_leaders: 'due', superior_leaders: 'superior', unit_front: 'closed' };

/** Session notices: the written conclusion's ladder, and the roll-up to the Front when the session closes. */
export function sendSessionNotices(deps: ActivityDeps) {
  return async function sendSessionNotices(input: SessionNoticeRequest | EarlierRequest): Promise<void> {
    const s = await deps.db.dialogueSession.findUniqueOrThrow({
      where: { id: input.sessionId },
      include: { cases: true, unit: { include: { organisations: true, parent: { include: { organisations: true } } } } },
    });
    const resolved = s.cases.filter((c) => c.status === 'CLOSED' && c.outcome !== 'WITHDRAWN').length;
    for (const { audience, template } of 'to' in input ? input.to : noticesAt('session', EARLIER[input.audience])) {
      const leader = leaderOf(s.unit, audience);
      if (!leader) continue;
      const rendered = renderNotice(template, deps.language, {
        subject: 'session', recipientName: leader.name, title: sessionTitle(s), unitName: s.unit.name, chairName: `${s.chairTitle} ${s.chairName}`.trim(),
        dueAt: s.noticeDueAt, scope: scopeOf(audience), rollup: { opinions: s.cases.length, resolved, open: s.cases.length - resolved }, url: `${deps.publicUrl}/sessions/${s.id}`,
      });
      await deliver(deps, { event: input.eventKey, caseId: null, template, language: deps.language, recipient: { email: leader.email, name: leader.name }, rendered });
    }
  };
}

export function closeSession({ db }: ActivityDeps) {
  return async function closeSession(input: { sessionId: string; at: string }): Promise<void> {
    await db.dialogueSession.update({ where: { id: input.sessionId }, data: { status: 'CLOSED', closedAt: new Date(input.at) } });
  };
}
