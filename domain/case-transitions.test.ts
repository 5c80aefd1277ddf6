import { describe, expect, it } from 'vitest';
import { CASE_ACTION_NAMES } from './case-actions';
import type { CaseFile } from './case-state';
import { LAW_136_COMPLAINT_PROCEDURE } from './complaint-procedure';
import { appealWindowPassed, intakeDuties, ratingWindowPassed, transition, TRANSITIONS, type Step } from './case-transitions';
import type { Deadline } from './legal-clock';
import type { FilingWindow } from './complaint-windows';

const NOW = '2026-12-01T03:00:00.000Z';
const file = (changes: Partial<CaseFile> = {}): CaseFile => ({
  caseId: 'c1', type: 'FEEDBACK', receivedAt: NOW, status: 'ACCEPTED', outcome: null, agencyId: 'a1', unitCode: 'HS',
  complexity: 'NORMAL', remoteArea: false, transfers: 0, extensionsUsed: 0, extensionMax: { NORMAL: 1, COMPLEX: 1, ESPECIALLY_COMPLEX: 1 },
  extensionPending: null, rated: false, firstStep: null, resolution: null, ratingDueAt: null, overdue: false, escalations: [],
  sessionId: null, linkedCaseId: null, ...changes,
});
const actor = 'canbo@hoason.gov.test';
/** A first complaint received under the 2026-07-01 policy version (Law 136/2025/QH15). */
const amended = (changes: Partial<CaseFile> = {}) => file({ type: 'COMPLAINT_FIRST', complaintProcedure: LAW_136_COMPLAINT_PROCEDURE, ...changes });
const decision = { decisionNumber: '12/QĐ-STNMT', decisionDate: '2026-08-05' };

/** A step as one short line, so the whole sequence of an action reads in one assertion; `[new]` when only under the workflow patch. */
function line(s: Step): string {
  return `${what(s)}${s.patch ? ' [new]' : ''}`;
}

function what(s: Step): string {
  switch (s.do) {
    case 'set': return `set ${Object.entries(s.changes).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}`;
    case 'assignAgency': return `assign ${s.kind} ${s.agencyId}`;
    case 'record': return `record ${s.type}${s.status ? ` → ${s.status}` : ''}${s.key ? ` ${s.key}` : ''}`;
    case 'clock': return `clock ${s.op.kind}${'step' in s.op ? ` ${s.op.step}` : ''}${'rule' in s.op ? ` ${s.op.rule}` : ''}`;
    case 'notify': return `notify ${s.audience}${s.template ? ` ${s.template}` : ''}${s.citizenEvent ? ` ${s.citizenEvent}` : ''}${s.due ? ` due:${s.due}` : ''}${s.key ? ` ${s.key}` : ''}`;
    case 'tellAccused': return `tell the accused${s.about ? ` of the ${s.about}` : ''}`;
    case 'tellForwarder': return `tell the forwarder ${s.result}`;
    case 'appealCase': return 'open the second complaint';
    case 'mergeInto': return `merge into ${s.targetCaseId}`;
  }
}
const lines = (...args: Parameters<typeof transition>) => transition(...args).map(line);

describe('what each action does', () => {
  it.each<[string, CaseFile, Parameters<typeof transition>[1], Record<string, unknown>, string[]]>([
    ['assign', file({ status: 'UNROUTED', agencyId: null }), 'assign', { agencyId: 'a2' }, ['assign assigned a2', 'set agencyId="a2",status="ASSIGNED"', 'notify assigned_agency assignment due:first_step']],
    ['reassign', file(), 'reassign', { agencyId: 'a2' }, ['assign reassigned a2', 'set agencyId="a2"', 'notify assigned_agency assignment due:current']],
    ['accept a feedback', file({ status: 'ASSIGNED' }), 'accept', {}, ['record accepted → ACCEPTED', 'clock start resolution', 'notify citizen accepted due:computed']],
    ['accept a complaint', file({ status: 'ASSIGNED', type: 'COMPLAINT_FIRST' }), 'accept', { complexity: 'COMPLEX' }, ['set complexity="COMPLEX"', 'record accepted → ACCEPTED', 'clock start resolution', 'notify citizen accepted due:computed', 'notify inspectorate due:computed :inspectorate', 'notify forwarder accepted due:computed :forwarder [new]']],
    ['accept a denunciation', file({ status: 'ASSIGNED', type: 'DENUNCIATION' }), 'accept', { accusedSummary: 's' }, ['record accepted → ACCEPTED', 'clock start resolution', 'notify citizen accepted due:computed', 'tell the accused']],
    ['return', file({ status: 'ASSIGNED' }), 'return', { reason: 'r' }, ['set agencyId=null', 'record returned → UNROUTED', 'notify reception due:first_step']],
    ['transfer', file({ status: 'ASSIGNED', transfers: 1 }), 'transfer', { agencyId: 'a3', reason: 'r' }, ['assign transferred a3', 'set agencyId="a3",transfers=2,status="ASSIGNED"', 'clock start first_step', 'notify assigned_agency assignment due:computed', 'notify citizen transferred']],
    ['guide', file({ status: 'ASSIGNED' }), 'guide', { reason: 'r' }, ['set outcome="GUIDED"', 'record closed → CLOSED', 'notify citizen guided']],
    ['refuse', file({ status: 'ASSIGNED' }), 'refuse', { reason: 'r' }, ['set outcome="REFUSED"', 'record closed → CLOSED', 'notify citizen refused']],
    ['refuse a complaint', file({ status: 'ASSIGNED', type: 'COMPLAINT_SECOND' }), 'refuse', { reason: 'r' }, ['set outcome="REFUSED"', 'record closed → CLOSED', 'notify citizen refused', 'notify forwarder refused :forwarder [new]']],
    ['requestInfo', file(), 'requestInfo', { reason: 'r' }, ['record info_requested → AWAITING_INFO', 'clock pause', 'notify citizen info_requested']],
    ['provideInfo', file({ status: 'AWAITING_INFO' }), 'provideInfo', {}, ['record info_provided → ACCEPTED', 'clock resume']],
    ['requestExtension', file(), 'requestExtension', { reason: 'r' }, [`set extensionPending={"requestedBy":"${actor}","reason":"r"}`, 'record extension_requested', 'notify unit_head extension_requested due:resolution']],
    ['approve an extension', file({ extensionsUsed: 0 }), 'decideExtension', { approved: true }, ['set extensionPending=null', 'record extension_approved', 'set extensionsUsed=1', 'clock extend', 'notify assigned_agency extension_decided due:resolution', 'notify citizen extension_decided due:resolution']],
    ['refuse an extension', file(), 'decideExtension', { approved: false }, ['set extensionPending=null', 'record extension_refused', 'notify assigned_agency extension_decided due:resolution', 'notify citizen extension_decided due:resolution']],
    ['reclassify', file(), 'reclassify', { complexity: 'COMPLEX', reason: 'r' }, ['set complexity="COMPLEX"', 'clock reclassify']],
    ['answer', file(), 'answer', { answer: 'a' }, ['record answered → ANSWERED', 'clock start rating', 'notify citizen answered']],
    ['answer a first complaint: its appeal window opens', file({ type: 'COMPLAINT_FIRST' }), 'answer', { answer: 'a' }, ['record answered → ANSWERED', 'clock start appeal_window [new]', 'clock start rating', 'notify citizen answered']],
    ['rate satisfied', file({ status: 'ANSWERED' }), 'rate', { satisfied: true }, ['set rated=true', 'record rated_satisfied', 'set outcome="RESOLVED"', 'record closed → CLOSED :close']],
    ['rate a first complaint dissatisfied', file({ status: 'ANSWERED', type: 'COMPLAINT_FIRST' }), 'rate', { satisfied: false }, ['set rated=true', 'record rated_dissatisfied']],
    ['rate dissatisfied', file({ status: 'ANSWERED' }), 'rate', { satisfied: false }, ['set rated=true', 'record rated_dissatisfied', 'set rated=false', 'record reopened → ACCEPTED :reopen', 'clock start resolution', 'notify assigned_agency assignment due:computed', 'notify citizen reopened due:computed']],
    ['appeal', file({ status: 'ANSWERED', type: 'COMPLAINT_FIRST' }), 'appeal', { reason: 'r' }, ['open the second complaint', 'set outcome="APPEALED"', 'record closed → CLOSED', 'notify citizen appealed']],
    ['withdraw', file({ type: 'DENUNCIATION' }), 'withdraw', { reason: 'r' }, ['set outcome="WITHDRAWN"', 'record closed → CLOSED', 'notify citizen closed']],
    ['merge', file(), 'merge', { targetCaseId: 'c2', reason: 'r' }, ['merge into c2', 'set linkedCaseId="c2"', 'set outcome="MERGED"', 'record closed → CLOSED :close', 'notify citizen closed :close']],
    ['note', file(), 'note', { note: 'n' }, ['record note']],
    ['suspend', amended(), 'suspend', { ...decision, reason: 'r' }, ['record suspended → SUSPENDED', 'clock pause', 'notify citizen suspended', 'notify respondent suspended :respondent']],
    ['resumeResolution', amended({ status: 'SUSPENDED' }), 'resumeResolution', decision, ['record resolution_resumed → ACCEPTED', 'clock resume', 'notify citizen resumed due:computed', 'notify respondent resumed due:computed :respondent']],
    ['terminate', amended({ status: 'SUSPENDED' }), 'terminate', { ...decision, ground: 'WITHDRAWN', reason: 'r' }, ['set outcome="TERMINATED"', 'record closed → CLOSED', 'notify citizen terminated', 'notify respondent terminated :respondent']],
    ['withdrawPart', amended(), 'withdrawPart', { parts: 'p' }, ['record partly_withdrawn', 'notify citizen partly_withdrawn']],
    ['recordDialogue held', amended(), 'recordDialogue', { complainantAttended: true, note: 'n' }, ['record dialogue_held']],
    ['recordDialogue without the complainant', amended(), 'recordDialogue', { complainantAttended: false, note: 'n' }, ['record dialogue_absent']],
  ])('%s', (_name, f, action, input, expected) => {
    expect(lines(f, action, { actor, ...input } as never, NOW)).toEqual(expected);
  });

  it('covers every action in the registry', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_ACTION_NAMES].sort());
  });
});

/** A running deadline as the transitions read it. */
const running = (step: Deadline['step'], inputs: Deadline['inputs'] = {}, metAt?: string): Deadline => ({
  step, startedAt: NOW, limit: { amount: 5, unit: 'working_days' }, extensions: [], pausedMs: 0, pausedAt: null, dueAt: NOW, legalBasis: 'x', inputs, history: [], ladder: [], ...(metAt ? { metAt } : {}),
});
const denunciation = (changes: Partial<CaseFile> = {}) => file({ type: 'DENUNCIATION', status: 'ASSIGNED', ...changes });
const forwarded = (changes: Partial<CaseFile> = {}) => denunciation({ forwarded: true, duties: { forwarder_result: running('forwarder_result') }, ...changes });

describe('a denunciation (Denunciations Law 2018 as amended by Law 136/2025)', () => {
  it.each<[string, CaseFile, Parameters<typeof transition>[1], Record<string, unknown>, string[]]>([
    ['takes 10 working days when verified at several places (art. 24(1))', denunciation(), 'verifyAtSeveralPlaces', { reason: 'r' }, ['record verification_at_several_places', 'clock relimit severalPlaces']],
    ['returned as not competent, must be transferred within 5 working days of receipt (art. 24(2))', denunciation(), 'return', { reason: 'r' },
      ['set agencyId=null', 'record returned → UNROUTED', 'clock relimit transfer [new]', 'notify reception due:first_step']],
    ['returned, reaches the competent agency with its own first step, and the denouncer is told', denunciation({ status: 'UNROUTED', agencyId: null, firstStep: running('first_step', { notCompetent: true }) }), 'assign', { agencyId: 'a2' },
      ['assign assigned a2', 'set agencyId="a2",status="ASSIGNED"', 'clock start first_step', 'notify citizen transferred', 'notify assigned_agency assignment due:first_step']],
    ['assigned by reception from the start: the first step runs on', denunciation({ status: 'UNROUTED', agencyId: null, firstStep: running('first_step') }), 'assign', { agencyId: 'a2' },
      ['assign assigned a2', 'set agencyId="a2",status="ASSIGNED"', 'notify assigned_agency assignment due:first_step']],
    ['accepted when forwarded: the forwarder is told (art. 26(2))', forwarded(), 'accept', {},
      ['record accepted → ACCEPTED', 'clock start resolution', 'notify citizen accepted due:computed', 'tell the accused', 'tell the forwarder accepted']],
    ['refused when forwarded', forwarded(), 'refuse', { reason: 'r' }, ['set outcome="REFUSED"', 'record closed → CLOSED', 'notify citizen refused', 'tell the forwarder refused']],
    ['guided elsewhere when forwarded', forwarded(), 'guide', { reason: 'r' }, ['set outcome="GUIDED"', 'record closed → CLOSED', 'notify citizen guided', 'tell the forwarder guided']],
    ['transferred when forwarded', forwarded({ transfers: 0 }), 'transfer', { agencyId: 'a3', reason: 'r' },
      ['assign transferred a3', 'set agencyId="a3",transfers=1,status="ASSIGNED"', 'clock start first_step', 'notify assigned_agency assignment due:computed', 'notify citizen transferred', 'tell the forwarder transferred']],
    ['accepted once the forwarder has been told: nothing more to tell', forwarded({ duties: { forwarder_result: running('forwarder_result', {}, NOW) } }), 'accept', {},
      ['record accepted → ACCEPTED', 'clock start resolution', 'notify citizen accepted due:computed', 'tell the accused']],
    ['extended: the accused is told (art. 30(4))', denunciation({ status: 'ACCEPTED', complexity: 'COMPLEX' }), 'decideExtension', { approved: true },
      ['set extensionPending=null', 'record extension_approved', 'set extensionsUsed=1', 'clock extend', 'notify assigned_agency extension_decided due:resolution', 'notify citizen extension_decided due:resolution', 'tell the accused of the extension [new]']],
    ['extension refused: nothing to tell the accused', denunciation({ status: 'ACCEPTED' }), 'decideExtension', { approved: false, note: 'n' },
      ['set extensionPending=null', 'record extension_refused', 'notify assigned_agency extension_decided due:resolution', 'notify citizen extension_decided due:resolution']],
    ['the written notice to the accused sent (art. 29)', denunciation({ status: 'ACCEPTED' }), 'recordWrittenNotice', { to: 'accused', letter: 'Công văn 12/TB' },
      ['record written_notice_sent_accused', 'clock meet accused_notice']],
    ['the result written to the forwarder', forwarded({ status: 'ACCEPTED' }), 'recordWrittenNotice', { to: 'forwarder', letter: 'Công văn 13/TB' },
      ['record written_notice_sent_forwarder', 'clock meet forwarder_result']],
  ])('%s', (_name, f, action, input, expected) => {
    expect(lines(f, action, { actor, ...input } as never, NOW)).toEqual(expected);
  });

  it('owes the result to whoever forwarded it from receipt, and nothing when nobody did', () => {
    expect(intakeDuties(forwarded({ status: 'RECEIVED' })).map(line)).toEqual(['clock start forwarder_result [new]']);
    expect(intakeDuties(denunciation({ status: 'RECEIVED' }))).toEqual([]);
    expect(intakeDuties(file({ status: 'RECEIVED', forwarded: true }))).toEqual([]);
  });
});

describe('steps', () => {
  it('records with the time it is given and the reasons it is told', () => {
    const [, closed, told] = transition(file({ status: 'ASSIGNED' }), 'refuse', { actor, reason: 'Không thuộc thẩm quyền' }, NOW);
    expect(closed).toEqual({ do: 'record', type: 'closed', reason: 'Không thuộc thẩm quyền', status: 'CLOSED', fields: { outcome: 'REFUSED', closedAt: NOW }, key: '' });
    expect(told).toMatchObject({ do: 'notify', audience: 'citizen', citizenEvent: 'refused', note: 'Không thuộc thẩm quyền' });
    const decided = transition(file(), 'decideExtension', { actor, approved: true, note: 'Đủ căn cứ' }, NOW).find((s) => s.do === 'notify');
    expect(decided).toMatchObject({ note: 'Chủ tịch UBND đồng ý gia hạn / the head approved the extension. Đủ căn cứ' });
  });

  it('tells whoever forwarded a complaint behind a patch, so running cases replay (Complaints Law 2011 art. 27)', () => {
    const told = transition(file({ status: 'ASSIGNED', type: 'COMPLAINT_FIRST' }), 'accept', { actor }, NOW).filter((s) => s.do === 'notify' && s.audience === 'forwarder');
    expect(told).toEqual([{ do: 'notify', audience: 'forwarder', citizenEvent: 'accepted', step: 'resolution', due: 'computed', key: ':forwarder', patch: 'forwarder-notice' }]);
    expect(transition(file({ status: 'ASSIGNED', type: 'DENUNCIATION' }), 'accept', { actor }, NOW).some((s) => s.do === 'notify' && s.audience === 'forwarder')).toBe(false);
  });

  it('suspends by a decision that stops the clock with its basis, and resumes by another', () => {
    const [recorded, clock, told] = transition(amended(), 'suspend', { actor, ...decision, reason: 'Chờ kết quả giám định' }, NOW);
    expect(recorded).toEqual({ do: 'record', type: 'suspended', reason: 'Quyết định số 12/QĐ-STNMT ngày 05/08/2026 / decision no. 12/QĐ-STNMT of 05/08/2026: Chờ kết quả giám định', status: 'SUSPENDED' });
    expect(clock).toEqual({ do: 'clock', op: { kind: 'pause', reason: 'Chờ kết quả giám định', suspension: { decision: { number: '12/QĐ-STNMT', date: '2026-08-05' }, basis: LAW_136_COMPLAINT_PROCEDURE.suspension.basis } }, key: ':clock' });
    expect(told).toMatchObject({ audience: 'citizen', note: 'Quyết định số 12/QĐ-STNMT ngày 05/08/2026 / decision no. 12/QĐ-STNMT of 05/08/2026: Chờ kết quả giám định' });
    const resumed = transition(amended({ status: 'SUSPENDED' }), 'resumeResolution', { actor, decisionNumber: '15/QĐ', decisionDate: '2026-08-20' }, NOW);
    expect(resumed[1]).toEqual({ do: 'clock', op: { kind: 'resume', resumedBy: { number: '15/QĐ', date: '2026-08-20' } }, key: ':clock' });
  });

  it('terminates with its ground on the case and in what the parties are told', () => {
    const [, closed, told] = transition(amended(), 'terminate', { actor, ...decision, ground: 'COMPLAINANT_DIED', reason: 'Không có người thừa kế' }, NOW);
    expect(closed).toMatchObject({ do: 'record', type: 'closed', status: 'CLOSED', fields: { outcome: 'TERMINATED', closedAt: NOW, terminationGround: 'COMPLAINANT_DIED' } });
    expect(told).toMatchObject({ note: expect.stringContaining('Người khiếu nại chết mà không có người thừa kế quyền, nghĩa vụ (the complainant died without a successor to their rights and duties). Không có người thừa kế') });
  });

  it('records a dialogue the complainant did not come to as a fact: the case stays where it is', () => {
    const steps = transition(amended(), 'recordDialogue', { actor, complainantAttended: false, note: 'Đã mời hai lần' }, NOW);
    expect(steps).toEqual([{ do: 'record', type: 'dialogue_absent', reason: 'Người khiếu nại không đến đối thoại; việc giải quyết vẫn tiếp tục / the complainant did not come to the dialogue; the resolution continues. Đã mời hai lần' }]);
  });

  it('closes an unrated answer as resolved when the window passes', () => {
    expect(ratingWindowPassed(NOW).map(line)).toEqual(['set outcome="RESOLVED"', 'record closed → CLOSED']);
  });

  it('opens a first complaint’s appeal window behind a patch, so running cases replay (Complaints Law 2011 art. 33)', () => {
    const opened = transition(file({ type: 'COMPLAINT_FIRST' }), 'answer', { actor, answer: 'a' }, NOW).find((s) => s.do === 'clock' && s.op.kind === 'start' && s.op.step === 'appeal_window');
    expect(opened).toEqual({ do: 'clock', op: { kind: 'start', step: 'appeal_window', from: NOW }, key: ':appeal-window', patch: 'appeal-window' });
  });

  it('closes an unappealed first complaint as taken effect and tells the complainant (art. 44)', () => {
    expect(appealWindowPassed(NOW).map(line)).toEqual(['set outcome="TOOK_EFFECT"', 'record closed → CLOSED', 'notify citizen closed']);
    expect(appealWindowPassed(NOW)[2]).toMatchObject({ note: expect.stringMatching(/có hiệu lực pháp luật \(Luật Khiếu nại 2011, Điều 44\) \/ .*taken legal effect/) });
  });

  it('refuses a late complaint with the dates of its window (art. 9, 11)', () => {
    const window: FilingWindow = {
      learnedOn: '2026-03-01', obstacleDays: 0, obstacleReason: null, limitDays: 90, basis: 'Luật Khiếu nại 2011, Điều 9',
      endsAt: '2026-06-01T16:59:59.999Z', late: true, explanation: { vi: '', en: '' },
    };
    const f = file({ status: 'ASSIGNED', type: 'COMPLAINT_FIRST', receivedAt: '2026-06-02T01:00:00.000Z', filingWindow: window });
    const [, closed, told] = transition(f, 'refuse', { actor, refusalGround: 'FILING_WINDOW_PASSED' }, NOW);
    expect(closed).toMatchObject({ type: 'closed', reason: expect.stringMatching(/^Không thụ lý vì đã hết thời hiệu khiếu nại .*biết quyết định Chủ nhật 01\/03\/2026, thời hiệu 90 ngày hết lúc 01\/06\/2026 23:59, đơn nhận lúc 02\/06\/2026 08:00\. \/ Not accepted/) });
    expect(told).toMatchObject({ citizenEvent: 'refused', note: (closed as { reason: string }).reason });
  });
});
