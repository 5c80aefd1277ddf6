import { WRITTEN_NOTICE_TO, type CaseAction, type UpdateInput } from './case-actions';
import type { CaseFile, CaseOutcome, CaseStatus } from './case-state';
import { describeDecision, TERMINATION_GROUND_LABELS, type Decision } from './complaint-procedure';
import { lateFilingReason, TOOK_EFFECT_REASON } from './complaint-windows';
import type { ClockOp, DeadlineStep } from './legal-clock';
import type { CaseNoticeChoice } from './notice-ladder';
import type { CitizenEvent } from './notice-templates';

/** Which due date a notice states: the case's own, the running one, or the one the step before computed. */
export type DueRef = 'first_step' | 'resolution' | 'current' | 'computed';

/**
/**
 * The denunciation rules of Denunciations Law 2018 arts. 24, 26(2), 29 and 30(4), as a workflow
 * patch for the steps they add to actions of cases already running.
 */
export const DENUNCIATION_RULES = 'denunciation-rules';

/**
 * One step of an action, in order. `key` is appended to the action's event key; `set` changes the
 * case file in the workflow only (the database hears of it through the steps that write). A step
 * with `patch` was added to an action after cases were already running: the workflow takes it only
 * behind `patched(patch)`, so their histories still replay.
 */
export type Step = (
  | { do: 'set'; changes: Partial<CaseFile> }
  | { do: 'assignAgency'; agencyId: string; kind: 'assigned' | 'reassigned' | 'transferred'; reason?: string }
  | { do: 'record'; type: string; reason?: string | undefined; status?: CaseStatus; fields?: Record<string, unknown>; key?: string }
  | { do: 'clock'; op: ClockOp; key: string }
  | ({ do: 'notify'; citizenEvent?: CitizenEvent; step?: DeadlineStep; due?: DueRef; note?: string; key?: string } & CaseNoticeChoice)
  | { do: 'tellAccused'; about?: 'extension'; summary?: string; key: string }
  | { do: 'tellForwarder'; result: CitizenEvent; note?: string; key: string }
  | { do: 'appealCase'; reason: string }
  | { do: 'mergeInto'; targetCaseId: string; reason: string }
) & { patch?: string };

type Input<A extends CaseAction> = UpdateInput<A> & { actor: string };
type Transition<A extends CaseAction> = (f: CaseFile, a: Input<A>, now: string) => Step[];

/** Closing a case: the outcome, the audit entry with the new status, and the citizen told why. */
function close(now: string, outcome: CaseOutcome, reason: string, citizenEvent?: CitizenEvent, key = ''): Step[] {
  return [
    { do: 'set', changes: { outcome } },
    { do: 'record', type: 'closed', reason, status: 'CLOSED', fields: { outcome, closedAt: now }, key },
    ...(citizenEvent ? [{ do: 'notify', audience: 'citizen', citizenEvent, note: reason, key } as const] : []),
  ];
}

const isComplaint = (f: CaseFile) => f.type === 'COMPLAINT_FIRST' || f.type === 'COMPLAINT_SECOND';

/**
 * Whoever forwarded the petition is told the result: whether a complaint was accepted (Complaints
 * Law 2011 art. 27), or what came of a denunciation's handling (Denunciations Law 2018 art. 26(2)),
 * which meets that deadline when it goes by mail (the agency writes otherwise).
 */
function tellForwarder(f: CaseFile, result: CitizenEvent, note?: string): Step[] {
  const withNote = note !== undefined ? { note } : {};
  if (isComplaint(f)) {
    if (result !== 'accepted' && result !== 'refused') return [];
    return [{ do: 'notify', audience: 'forwarder', citizenEvent: result, ...(result === 'accepted' ? { step: 'resolution', due: 'computed' } : {}), ...withNote, key: ':forwarder', patch: 'forwarder-notice' }];
  }
  const owed = f.duties?.forwarder_result && !f.duties.forwarder_result.metAt;
  return owed ? [{ do: 'tellForwarder', result, key: ':forwarder', ...withNote }] : [];
}

/** "Quyết định số … ngày … / decision no. … of …: why", as the complainant and the person complained against are told. */
const decided = (d: Decision, why?: string) => `${describeDecision(d, 'vi')} / ${describeDecision(d, 'en')}${why ? `: ${why}` : ''}`;

/** The complainant and, when the complaint names them, the person complained against are told (Law 136/2025/QH15). */
const tellParties = (citizenEvent: CitizenEvent, note: string, due?: 'computed'): Step[] => [
  { do: 'notify', audience: 'citizen', citizenEvent, note, ...(due ? { step: 'resolution', due } : {}) },
  { do: 'notify', audience: 'respondent', citizenEvent, note, ...(due ? { step: 'resolution', due } : {}), key: ':respondent' },
];

const CONTINUES = 'Người khiếu nại không đến đối thoại; việc giải quyết vẫn tiếp tục / the complainant did not come to the dialogue; the resolution continues';

const HEAD_DECIDED = {
  true: 'Chủ tịch UBND đồng ý gia hạn / the head approved the extension',
  false: 'Chủ tịch UBND không đồng ý gia hạn / the head refused the extension',
};

/**
 * What each action does to a case, as data: its new status and fields, the events to record, the
 * clock operations and the notices, in the order the workflow carries them out. Pure: the same
 * case, input and time give the same steps.
 */
export const TRANSITIONS: { [A in CaseAction]: Transition<A> } = {
  assign: (f, { agencyId }, now) => [
    { do: 'assignAgency', agencyId, kind: 'assigned' },
    { do: 'set', changes: { agencyId, status: 'ASSIGNED' } },
    // A denunciation the first agency was not competent for is transferred: the competent one has its own 7 working days.
    ...(f.firstStep?.inputs.notCompetent
      ? [{ do: 'clock', op: { kind: 'start', step: 'first_step', from: now }, key: ':clock' } as const, { do: 'notify', audience: 'citizen', citizenEvent: 'transferred' } as const]
      : []),
    { do: 'notify', audience: 'assigned_agency', template: 'assignment', step: 'first_step', due: 'first_step' },
  ],
  reassign: (_f, { agencyId, reason }) => [
    { do: 'assignAgency', agencyId, kind: 'reassigned', ...(reason !== undefined ? { reason } : {}) },
    { do: 'set', changes: { agencyId } },
    { do: 'notify', audience: 'assigned_agency', template: 'assignment', step: 'first_step', due: 'current' },
  ],
  accept: (f, { note, complexity, accusedSummary }, now) => {
    const steps: Step[] = [
      ...(complexity ? [{ do: 'set', changes: { complexity } } as const] : []),
      { do: 'record', type: 'accepted', reason: note, status: 'ACCEPTED', fields: { acceptedAt: now, complexity: complexity ?? f.complexity } },
      { do: 'clock', op: { kind: 'start', step: 'resolution', from: now }, key: ':clock' },
      { do: 'notify', audience: 'citizen', citizenEvent: 'accepted', step: 'resolution', due: 'computed' },
    ];
    // The same-level inspectorate is told when a complaint is accepted (Complaints Law 2011 art. 27).
    if (isComplaint(f)) steps.push({ do: 'notify', audience: 'inspectorate', step: 'resolution', due: 'computed', key: ':inspectorate' });
    // And the accused, of a denunciation's acceptance (Denunciations Law 2018 art. 29).
    if (f.type === 'DENUNCIATION') steps.push({ do: 'tellAccused', key: ':accused', ...(accusedSummary !== undefined ? { summary: accusedSummary } : {}) });
    // And whoever forwarded it (Complaints Law 2011 art. 27; Denunciations Law 2018 art. 26(2)).
    return [...steps, ...tellForwarder(f, 'accepted')];
  },
  return: (f, { reason }) => [
    { do: 'set', changes: { agencyId: null } },
    { do: 'record', type: 'returned', reason, status: 'UNROUTED', fields: { agency: { disconnect: true } } },
    // Not competent for a denunciation: it must reach the competent body within 5 working days of receipt (art. 24(2)).
    ...(f.type === 'DENUNCIATION' ? [{ do: 'clock', op: { kind: 'relimit', rule: 'transfer', reason }, key: ':clock', patch: DENUNCIATION_RULES } as const] : []),
    { do: 'notify', audience: 'reception', step: 'first_step', due: 'first_step', note: reason },
  ],
  transfer: (f, { agencyId, reason }, now) => [
    { do: 'assignAgency', agencyId, kind: 'transferred', reason },
    { do: 'set', changes: { agencyId, transfers: f.transfers + 1, status: 'ASSIGNED' } },
    { do: 'clock', op: { kind: 'start', step: 'first_step', from: now }, key: ':clock' },
    { do: 'notify', audience: 'assigned_agency', template: 'assignment', step: 'first_step', due: 'computed' },
    { do: 'notify', audience: 'citizen', citizenEvent: 'transferred', note: reason },
    ...tellForwarder(f, 'transferred', reason),
  ],
  /** Initial handling of a denunciation takes up to 10 working days instead of 7 (art. 24(1)). */
  verifyAtSeveralPlaces: (_f, { reason }) => [
    { do: 'record', type: 'verification_at_several_places', reason },
    { do: 'clock', op: { kind: 'relimit', rule: 'severalPlaces', reason }, key: ':clock' },
  ],
  guide: (f, { reason }, now) => [...close(now, 'GUIDED', reason, 'guided'), ...tellForwarder(f, 'guided', reason)],
  refuse: (f, { reason, refusalGround }, now) => {
    const why = refusalGround === 'FILING_WINDOW_PASSED' && f.filingWindow ? lateFilingReason(f.filingWindow, f.receivedAt, reason) : (reason ?? '');
    return [...close(now, 'REFUSED', why, 'refused'), ...tellForwarder(f, 'refused', why)];
  },
  requestInfo: (_f, { reason }) => [
    { do: 'record', type: 'info_requested', reason, status: 'AWAITING_INFO' },
    { do: 'clock', op: { kind: 'pause', reason }, key: ':clock' },
    { do: 'notify', audience: 'citizen', citizenEvent: 'info_requested', note: reason },
  ],
  provideInfo: (_f, { note }) => [
    { do: 'record', type: 'info_provided', reason: note, status: 'ACCEPTED' },
    { do: 'clock', op: { kind: 'resume' }, key: ':clock' },
  ],
  requestExtension: (_f, { actor, reason }, now) => [
    { do: 'set', changes: { extensionPending: { requestedBy: actor, reason } } },
    { do: 'record', type: 'extension_requested', reason, fields: { extensionRequestedAt: now, extensionRequestedBy: actor, extensionRequestReason: reason } },
    { do: 'notify', audience: 'unit_head', template: 'extension_requested', step: 'resolution', due: 'resolution', note: reason },
  ],
  decideExtension: (f, { approved, note }) => {
    const message = note ? `${HEAD_DECIDED[`${approved}`]}. ${note}` : HEAD_DECIDED[`${approved}`];
    return [
      { do: 'set', changes: { extensionPending: null } },
      { do: 'record', type: approved ? 'extension_approved' : 'extension_refused', reason: note, fields: { extensionRequestedAt: null, extensionRequestedBy: null, extensionRequestReason: null } },
      ...(approved ? [{ do: 'set', changes: { extensionsUsed: f.extensionsUsed + 1 } } as const, { do: 'clock', op: { kind: 'extend' }, key: ':clock' } as const] : []),
      { do: 'notify', audience: 'assigned_agency', template: 'extension_decided', step: 'resolution', due: 'resolution', note: message },
      { do: 'notify', audience: 'citizen', citizenEvent: 'extension_decided', step: 'resolution', due: 'resolution', note: message },
      // The accused is told of each extension too (Denunciations Law 2018 art. 30(4)).
      ...(approved && f.type === 'DENUNCIATION' ? [{ do: 'tellAccused', about: 'extension', key: ':accused', patch: DENUNCIATION_RULES } as const] : []),
    ];
  },
  reclassify: (_f, { complexity, reason }) => [
    { do: 'set', changes: { complexity } },
    { do: 'clock', op: { kind: 'reclassify', complexity, reason }, key: '' },
  ],
  answer: (f, { answer, documents, decidedBy }, now) => [
    { do: 'record', type: 'answered', status: 'ANSWERED', fields: { answeredAt: now, answer, answerDocuments: documents ?? [], ...(decidedBy ? { decidedBy } : {}) } },
    // A first decision takes effect unless appealed within 30 days, 45 in remote areas (Complaints Law 2011 art. 33, 44).
    ...(f.type === 'COMPLAINT_FIRST' ? [{ do: 'clock', op: { kind: 'start', step: 'appeal_window', from: now }, key: ':appeal-window', patch: 'appeal-window' } as const] : []),
    { do: 'clock', op: { kind: 'start', step: 'rating', from: now }, key: ':clock' },
    { do: 'notify', audience: 'citizen', citizenEvent: 'answered', note: answer },
  ],
  rate: (f, { satisfied, comment }, now) => {
    const rated: Step[] = [
      { do: 'set', changes: { rated: true } },
      { do: 'record', type: satisfied ? 'rated_satisfied' : 'rated_dissatisfied', reason: comment, fields: { satisfied, ratingComment: comment ?? null } },
    ];
    if (satisfied) return [...rated, ...close(now, 'RESOLVED', 'Công dân hài lòng / the citizen is satisfied', undefined, ':close')];
    // A dissatisfied complainant appeals (khiếu nại lần hai); any other case is looked at again.
    if (f.type === 'COMPLAINT_FIRST') return rated;
    return [
      ...rated,
      { do: 'set', changes: { rated: false } },
      { do: 'record', type: 'reopened', reason: comment, status: 'ACCEPTED', key: ':reopen' },
      { do: 'clock', op: { kind: 'start', step: 'resolution', from: now }, key: ':clock' },
      { do: 'notify', audience: 'assigned_agency', template: 'assignment', step: 'resolution', due: 'computed' },
      { do: 'notify', audience: 'citizen', citizenEvent: 'reopened', step: 'resolution', due: 'computed' },
    ];
  },
  appeal: (_f, { reason }, now) => [{ do: 'appealCase', reason }, ...close(now, 'APPEALED', reason, 'appealed')],
  withdraw: (_f, { reason }, now) => close(now, 'WITHDRAWN', reason, 'closed'),
  merge: (_f, { targetCaseId, reason }, now) => [{ do: 'mergeInto', targetCaseId, reason }, { do: 'set', changes: { linkedCaseId: targetCaseId } }, ...close(now, 'MERGED', reason, 'closed', ':close')],
  note: (_f, { note }) => [{ do: 'record', type: 'note', reason: note }],
  suspend: (f, { decisionNumber, decisionDate, reason }) => {
    const decision = { number: decisionNumber, date: decisionDate };
    return [
      { do: 'record', type: 'suspended', reason: decided(decision, reason), status: 'SUSPENDED' },
      { do: 'clock', op: { kind: 'pause', reason, suspension: { decision, basis: f.complaintProcedure!.suspension.basis } }, key: ':clock' },
      ...tellParties('suspended', decided(decision, reason)),
    ];
  },
  resumeResolution: (_f, { decisionNumber, decisionDate, note }) => {
    const decision = { number: decisionNumber, date: decisionDate };
    return [
      { do: 'record', type: 'resolution_resumed', reason: decided(decision, note), status: 'ACCEPTED' },
      { do: 'clock', op: { kind: 'resume', resumedBy: decision }, key: ':clock' },
      ...tellParties('resumed', decided(decision, note), 'computed'),
    ];
  },
  terminate: (_f, { ground, decisionNumber, decisionDate, reason }, now) => {
    const why = decided({ number: decisionNumber, date: decisionDate }, `${TERMINATION_GROUND_LABELS[ground].vi} (${TERMINATION_GROUND_LABELS[ground].en}). ${reason}`);
    return [
      { do: 'set', changes: { outcome: 'TERMINATED' } },
      { do: 'record', type: 'closed', reason: why, status: 'CLOSED', fields: { outcome: 'TERMINATED', closedAt: now, terminationGround: ground } },
      ...tellParties('terminated', why),
    ];
  },
  withdrawPart: (_f, { parts }) => [
    { do: 'record', type: 'partly_withdrawn', reason: parts },
    { do: 'notify', audience: 'citizen', citizenEvent: 'partly_withdrawn', note: parts },
  ],
  recordDialogue: (_f, { complainantAttended, note }) => [
    complainantAttended ? { do: 'record', type: 'dialogue_held', reason: note } : { do: 'record', type: 'dialogue_absent', reason: `${CONTINUES}. ${note}` },
  ],
  recordWrittenNotice: (_f, { to, letter }) => [
    { do: 'record', type: `written_notice_sent_${to}`, reason: letter },
    { do: 'clock', op: { kind: 'meet', step: WRITTEN_NOTICE_TO[to], note: letter }, key: ':clock' },
  ],
};

/** At intake, beside the first step: the result owed to the body or press that forwarded a denunciation, 20 days (art. 26(2)). */
export function intakeDuties(f: CaseFile): Step[] {
  if (f.type !== 'DENUNCIATION' || !f.forwarded) return [];
  return [{ do: 'clock', op: { kind: 'start', step: 'forwarder_result', from: f.receivedAt }, key: ':forwarder', patch: DENUNCIATION_RULES }];
}

/** An answer nobody rated within the window: the case closes as resolved. */
export const ratingWindowPassed = (now: string): Step[] => close(now, 'RESOLVED', 'Hết thời hạn đánh giá / the rating window has passed');

/** A first decision nobody appealed in time has taken effect (Complaints Law 2011 art. 44): the case closes, and the complainant is told. */
export const appealWindowPassed = (now: string): Step[] => close(now, 'TOOK_EFFECT', TOOK_EFFECT_REASON, 'closed');

/** The steps of `action` on this case. */
export function transition<A extends CaseAction>(f: CaseFile, action: A, input: Input<A>, now: string): Step[] {
  return (TRANSITIONS[action] as Transition<A>)(f, input, now);
}
