import {
  condition,
  currentUpdateInfo,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import type { NoticeRequest } from '../activities/send-notices';
import { assertAllowed, updateSchemaOf, type CaseAction } from '../domain/case-actions';
import { appealWindowPassed, DENUNCIATION_RULES, intakeDuties, ratingWindowPassed, transition, type DueRef, type Step } from '../domain/case-transitions';
import { currentDeadline, type CaseFile } from '../domain/case-state';
import { isDutyStep, type ClockOp, type Deadline, type LadderStep } from '../domain/legal-clock';
import { caseNotice, noticesAt } from '../domain/notice-ladder';
import type { CitizenEvent } from '../domain/notice-templates';
import { HEARTBEAT_TIMEOUT_MS } from './activity-heartbeat';
import { isDataRejected } from './activity-failures';
import { actionBody, caseUpdates, type ActionPayload } from './case-messages';
import { ladderKey, nextLadderStep, waitForLadderStep } from './deadline-ladder';
import { caseWorkflowId } from './ids';
import { CaseAgencyKey, CaseDueAtKey, CaseOverdueKey, CaseStatusKey, CaseTypeKey, CaseUnitKey } from './search-attributes';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const now = () => new Date().toISOString();

const ACCUSED_NOTICE_IN_WRITING =
  'Không có email của người bị tố cáo: cơ quan thông báo bằng văn bản trong 5 ngày làm việc (Luật Tố cáo 2018, Điều 29) / no email for the accused: the agency informs them in writing within 5 working days';
const ACCUSED_EXTENSION_IN_WRITING =
  'Không có email của người bị tố cáo: cơ quan thông báo việc gia hạn bằng văn bản (Luật Tố cáo 2018, Điều 30 khoản 4) / no email for the accused: the agency informs them of the extension in writing';
const FORWARDER_IN_WRITING =
  'Không có email của cơ quan chuyển đơn: cơ quan thông báo kết quả xử lý bằng văn bản (Luật Tố cáo 2018, Điều 26 khoản 2) / no email for the forwarding body: the agency writes to it with the result';
const FORWARDER_MAILED = 'Đã gửi thông báo kết quả xử lý qua email / the result was mailed';

/**
 * What follows a notice, by how many it reached: the accused's and a forwarding body's notices stand
 * for a written one the agency must send when there is no address. The action's API token goes on
 * the entries it leads to.
 */
type AfterNotice = { kind: 'accused'; extension: boolean; tokenId: string | undefined } | { kind: 'forwarder'; tokenId: string | undefined };

/** A notice waiting for the notice loop, with what follows it. */
interface PendingNotice {
  req: Omit<NoticeRequest, 'caseId'>;
  after?: AfterNotice;
}

/**
 * A case in flight and what the workflow does to it: the case file, the action running now (one at
 * a time), the clock and the ladder. The rules are the domain's (case-actions, case-transitions);
 * this class carries them out with activities and timers. Beside the workflow, as Temporal's
 * safe-message-handlers sample keeps its state in a class.
 */
export class CaseProcess {
  private busy: CaseAction | null = null;
  /** The running action's API token, if any; timers never carry one. */
  private actionToken: string | undefined;
  /** Bumped by every clock change, so a ladder wait knows its deadline moved. */
  private clockVersion = 0;
  /** Actions wait for intake (first clock, routing). */
  private intakeDone: boolean;
  /** Notices asked for and not sent yet, in order: `sendNotices` sends them after the action that asked has answered. */
  private readonly pending: PendingNotice[] = [];

  constructor(
    readonly file: CaseFile,
    resumed: boolean,
  ) {
    this.intakeDone = resumed;
  }

  get caseId(): string {
    return this.file.caseId;
  }

  get open(): boolean {
    return this.file.status !== 'CLOSED';
  }

  get idle(): boolean {
    return this.busy === null;
  }

  /** Intake: the first deadline, routing, and the notice to whoever acts first (sent once the notice loop gets to it). */
  async intake(): Promise<void> {
    const { file, caseId } = this;
    await this.runClock({ kind: 'start', step: 'first_step', from: file.receivedAt }, `${caseId}:clock:first_step`, 'system');
    await this.carry(intakeDuties(file), 'system', `${caseId}:intake`);
    const { agencyId } = await acts.routeCase({ caseId });
    file.agencyId = agencyId;
    file.status = agencyId ? 'ASSIGNED' : 'UNROUTED';
    this.publish();
    await this.notify({ eventKey: `${caseId}:routed`, to: noticesAt('case', agencyId ? 'routed' : 'unrouted'), step: 'first_step', dueAt: file.firstStep?.dueAt });
    this.intakeDone = true;
    // The citizen's receipt went from the API with the secret; this sends it (without) only where that did not.
    if (patched('citizen-receipt')) await this.notify({ eventKey: `${caseId}:receipt`, to: [{ audience: 'citizen', template: 'citizen_receipt' }] });
  }

  /** Waits for what comes next: the citizen's rating after an answer (unless a duty's rung comes first), else the next rung of a ladder. */
  async next(): Promise<void> {
    const rung = this.nextRung();
    const rating = this.file.ratingDueAt;
    const dutyFirst = rung !== null && rating !== null && new Date(rung.step.at).getTime() < new Date(rating).getTime();
    if (this.file.status === 'ANSWERED' && !dutyFirst) await this.awaitRating();
    else await this.watchDeadline();
  }

  /** Wires a case action: one at a time, allowed only in the right state and with a valid body, answering with the case. */
  handle<A extends CaseAction>(name: A): void {
    const update: UpdateDefinition<CaseFile, [ActionPayload<A>]> = caseUpdates[name];
    setHandler(update, (a: ActionPayload<A>) => this.run(name, a), { validator: (a: ActionPayload<A>) => this.validate(name, a) });
  }

  private validate<A extends CaseAction>(name: A, a: ActionPayload<A>): void {
    if (this.busy) throw new Error(`Đang thực hiện thao tác "${this.busy}", vui lòng thử lại / "${this.busy}" is in progress, retry shortly`);
    const body = actionBody(a);
    const parsed = updateSchemaOf(name).safeParse(body);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    assertAllowed(this.file, name, body);
  }

  private async run<A extends CaseAction>(name: A, a: ActionPayload<A>): Promise<CaseFile> {
    this.busy = name;
    this.actionToken = a.tokenId;
    const before = JSON.stringify(this.file);
    try {
      await condition(() => this.intakeDone);
      await this.carry(transition(this.file, name, a, now()), a.actor, this.updateKey(name));
    } catch (err) {
      // A failed action leaves the case as it was (the database refused the same write).
      this.restore(JSON.parse(before) as CaseFile);
      if (isDataRejected(err)) await this.recordFailure(name, a.actor ?? 'citizen');
      throw err;
    } finally {
      this.busy = null;
      this.actionToken = undefined;
    }
    this.publish();
    return this.file;
  }

  /** Carries out an action's steps (domain/case-transitions.ts), in order. */
  private async carry(steps: Step[], actor: string, key: string): Promise<void> {
    const { file, caseId } = this;
    let computed: Deadline | null = null;
    const dueOf = (ref: DueRef | undefined) =>
      ref === 'computed' ? computed?.dueAt : ref === 'current' ? currentDeadline(file)?.dueAt : ref === 'first_step' ? file.firstStep?.dueAt : ref === 'resolution' ? file.resolution?.dueAt : undefined;
    for (const s of steps) {
      if (s.patch && !patched(s.patch)) continue;
      const eventKey = 'key' in s && s.key ? `${key}${s.key}` : key;
      switch (s.do) {
        case 'set':
          Object.assign(file, s.changes);
          break;
        case 'assignAgency':
          await acts.assignAgency({ caseId, agencyId: s.agencyId, actor, tokenId: this.actionToken, eventKey, kind: s.kind, ...(s.reason !== undefined ? { reason: s.reason } : {}) });
          break;
        case 'record':
          if (s.status) {
            file.status = s.status;
            this.publish();
          }
          await acts.recordEvent({ caseId, eventKey, type: s.type, actor, tokenId: this.tokenOf(actor), reason: s.reason, ...(s.status ? { status: s.status } : {}), ...(s.fields ? { caseFields: s.fields } : {}) });
          break;
        case 'clock':
          computed = await this.runClock(s.op, eventKey, actor);
          break;
        case 'notify':
          await this.notify({ eventKey, to: [caseNotice(s)], citizenEvent: s.citizenEvent, step: s.step, dueAt: dueOf(s.due), note: s.note });
          break;
        case 'tellAccused':
          if (patched('accused-notice')) await this.tellTheAccused(eventKey, s, computed?.dueAt ?? null);
          break;
        case 'tellForwarder':
          await this.tellTheForwarder(eventKey, s.result, s.note, computed?.dueAt ?? null);
          break;
        case 'appealCase': {
          const { caseId: appealId } = await acts.createAppealCase({ fromCaseId: caseId, eventKey, actor, tokenId: this.actionToken, reason: s.reason });
          await startChild('petitionWorkflow', { workflowId: caseWorkflowId(appealId), args: [{ caseId: appealId }], parentClosePolicy: ParentClosePolicy.ABANDON });
          file.linkedCaseId = appealId;
          break;
        }
        case 'mergeInto':
          await acts.mergeCase({ caseId, targetCaseId: s.targetCaseId, actor, tokenId: this.actionToken, reason: s.reason, eventKey });
          break;
      }
    }
  }

  /**
   * The accused is told of the acceptance within 5 working days (Denunciations Law 2018 art. 29) and
   * of each extension (art. 30(4)): by mail at once when the denunciation gave an address, otherwise
   * the agency must write, and the case says so. The written notice of the acceptance is a deadline
   * of its own, with its ladder, until the officer records it sent (recordWrittenNotice).
   */
  private tellTheAccused(eventKey: string, s: Extract<Step, { do: 'tellAccused' }>, dueAt: string | null): Promise<unknown> {
    const extension = s.about === 'extension';
    const to = [caseNotice({ audience: 'accused', ...(extension ? { template: 'accused_extension' } : {}) })];
    return this.notify({ eventKey, to, step: 'resolution', dueAt, note: s.summary }, { kind: 'accused', extension, tokenId: this.actionToken });
  }

  /**
   * The body or press that forwarded a denunciation is told the result of its handling (art. 26(2)):
   * a mail meets that deadline; without an address the agency writes, and the deadline runs on.
   */
  private tellTheForwarder(eventKey: string, result: CitizenEvent, note: string | undefined, dueAt: string | null): Promise<unknown> {
    const req: Omit<NoticeRequest, 'caseId'> = { eventKey, to: [{ audience: 'forwarder', template: 'forwarder_result' }], citizenEvent: result, step: 'resolution', dueAt: result === 'accepted' ? dueAt : null, note };
    return this.notify(req, { kind: 'forwarder', tokenId: this.actionToken });
  }

  /** One rung of the escalation ladder; who is told what is the ladder table's (domain/notice-ladder.ts). */
  private async escalate(dl: Deadline, step: LadderStep): Promise<void> {
    const eventKey = `${this.caseId}:${ladderKey(dl, step)}`;
    this.file.escalations.push(ladderKey(dl, step));
    this.publish();
    if (step.kind !== 'reminder') {
      await acts.recordEvent({ caseId: this.caseId, eventKey, type: step.kind === 'due' ? 'overdue' : 'escalated_to_superior', actor: 'system', data: { step: dl.step, dueAt: dl.dueAt } });
    }
    await this.notify({ eventKey, to: noticesAt('case', step.kind), step: dl.step, dueAt: dl.dueAt });
  }

  /** Until the case moves on or a deadline changes, take the next ladder step when it comes due. */
  private async watchDeadline(): Promise<void> {
    const rung = this.nextRung();
    const [version, status] = [this.clockVersion, this.file.status];
    if (await waitForLadderStep(rung?.step ?? null, () => this.clockVersion !== version || this.file.status !== status)) await this.escalate(rung!.dl, rung!.step);
  }

  /** The first rung not taken of the running deadline's ladder and of each duty's. */
  private nextRung(): { dl: Deadline; step: LadderStep } | null {
    let first: { dl: Deadline; step: LadderStep } | null = null;
    for (const dl of [currentDeadline(this.file), ...Object.values(this.file.duties ?? {})]) {
      const step = nextLadderStep(dl ?? null, this.file.escalations);
      if (step && (!first || new Date(step.at).getTime() < new Date(first.step.at).getTime())) first = { dl: dl!, step };
    }
    return first;
  }

  /**
   * After the answer: the citizen rates it, or the window passes and the case closes. A first
   * complaint waits for its appeal window instead (kept since the 'appeal-window' patch): unappealed,
   * its decision takes effect (Complaints Law 2011 art. 44).
   */
  private async awaitRating(): Promise<void> {
    const { file } = this;
    const closesAt = () => (file.type === 'COMPLAINT_FIRST' && file.appealDueAt) || file.ratingDueAt;
    const window = closesAt();
    if (!window) {
      await condition(() => closesAt() !== null || file.status !== 'ANSWERED');
      return;
    }
    const ms = Math.max(1, new Date(window).getTime() - Date.now());
    if (await condition(() => file.status !== 'ANSWERED' || closesAt() !== window, ms)) return;
    await condition(() => this.busy === null);
    if (file.status !== 'ANSWERED') return;
    if (window === file.appealDueAt) await this.carry(appealWindowPassed(now()), 'system', `${this.caseId}:appeal-window:${window}`);
    else await this.carry(ratingWindowPassed(now()), 'system', `${this.caseId}:rating-window:${window}`);
  }

  private async runClock(op: ClockOp, eventKey: string, actor: string): Promise<Deadline> {
    const dl = await acts.clock({ caseId: this.caseId, eventKey, at: now(), actor, tokenId: this.tokenOf(actor), op });
    if (dl.step === 'first_step') this.file.firstStep = dl;
    else if (dl.step === 'resolution') this.file.resolution = dl;
    else if (dl.step === 'rating') this.file.ratingDueAt = dl.dueAt;
    else if (dl.step === 'appeal_window') this.file.appealDueAt = dl.dueAt;
    else if (isDutyStep(dl.step)) {
      const duties = { ...this.file.duties };
      if (dl.metAt) delete duties[dl.step];
      else duties[dl.step] = dl;
      this.file.duties = duties;
    }
    this.clockVersion += 1;
    this.publish();
    return dl;
  }

  /**
   * A notice an action, the intake or a rung asks for. It waits in `pending` for the notice loop, so
   * the action answers once the case's facts are recorded and a mail outage never keeps the case busy.
   * Runs already past this point before the change send it in place, as they did, with the same
   * promises, so their histories replay in the same order.
   */
  private notify(req: Omit<NoticeRequest, 'caseId'>, after?: AfterNotice): Promise<unknown> {
    if (!patched('notices-after-action')) return after ? this.sendThenFollow({ req, after }, false) : mail.sendNotices({ caseId: this.caseId, ...req });
    this.pending.push(after ? { req, after } : { req });
    return Promise.resolve();
  }

  /** Whether every notice asked for has gone (or failed for good): the workflow waits for it before it ends or continues as new. */
  get noticesSent(): boolean {
    return this.pending.length === 0;
  }

  /** The notice loop: sends the pending notices one at a time, in the order they were asked for, for as long as the workflow runs. */
  async sendNotices(): Promise<never> {
    for (;;) {
      await condition(() => this.pending.length > 0);
      const notice = this.pending[0]!;
      try {
        await this.sendThenFollow(notice, true);
      } catch {
        // The activity retries an outage without end: what fails here never can be sent, and the case says so instead of waiting on it.
        await acts.recordEvent({ caseId: this.caseId, eventKey: `${notice.req.eventKey}:failed`, type: 'notice_failed', actor: 'system', reason: 'Thông báo không gửi được: dữ liệu không lưu được / the notice cannot be sent: its data cannot be stored' });
      }
      this.pending.shift();
    }
  }

  /**
   * Sends one notice (the outbox keys it by event × recipient, so a retry sends nothing twice), then
   * what follows it. Without an address the accused's notice is the agency's to write (its written
   * notice of the acceptance a deadline of its own, with its ladder, until the officer records it
   * sent); a forwarder's result mailed meets its deadline. From the loop, that waits for no action
   * to be running, as it changes the case like one.
   */
  private async sendThenFollow({ req, after }: PendingNotice, fromLoop: boolean): Promise<void> {
    const { recipients } = await mail.sendNotices({ caseId: this.caseId, ...req });
    if (!after) return;
    if (fromLoop) await condition(() => this.busy === null);
    const { eventKey } = req;
    if (after.kind === 'forwarder') {
      if (recipients === 0) {
        await acts.recordEvent({ caseId: this.caseId, eventKey: `${eventKey}:in-writing`, type: 'forwarder_result_in_writing', actor: 'system', tokenId: after.tokenId, reason: FORWARDER_IN_WRITING });
        return;
      }
      await this.runClock({ kind: 'meet', step: 'forwarder_result', note: FORWARDER_MAILED }, `${eventKey}:deadline`, 'system');
      return;
    }
    if (recipients > 0) return;
    const reason = after.extension ? ACCUSED_EXTENSION_IN_WRITING : ACCUSED_NOTICE_IN_WRITING;
    await acts.recordEvent({ caseId: this.caseId, eventKey: `${eventKey}:in-writing`, type: 'accused_notice_in_writing', actor: 'system', tokenId: after.tokenId, reason });
    if (!after.extension && patched(DENUNCIATION_RULES)) {
      await this.runClock({ kind: 'start', step: 'accused_notice', from: this.file.resolution?.startedAt ?? now() }, `${eventKey}:deadline`, 'system');
    }
  }

  /** Keeps the operators' search attributes current (README: the case lifecycle). */
  private publish(): void {
    const { file } = this;
    const due = currentDeadline(file)?.dueAt;
    file.overdue = due ? Date.now() > new Date(due).getTime() : false;
    upsertSearchAttributes([
      { key: CaseStatusKey, value: file.status },
      { key: CaseTypeKey, value: file.type },
      { key: CaseUnitKey, value: file.unitCode },
      { key: CaseAgencyKey, value: file.agencyId },
      { key: CaseDueAtKey, value: due ? new Date(due) : null },
      { key: CaseOverdueKey, value: file.overdue },
    ]);
  }

  private restore(saved: CaseFile): void {
    for (const key of Object.keys(this.file)) if (!(key in saved)) delete (this.file as unknown as Record<string, unknown>)[key];
    Object.assign(this.file, saved);
  }

  /** The case says the action failed and why, instead of waiting on it for ever. */
  private async recordFailure(name: CaseAction, actor: string): Promise<void> {
    this.publish();
    const reason = `Thao tác "${name}" không thực hiện được: dữ liệu không lưu được / the "${name}" action failed: its data cannot be stored`;
    await acts.recordEvent({ caseId: this.caseId, eventKey: `${this.updateKey(name)}:failed`, type: 'action_failed', actor, tokenId: this.tokenOf(actor), reason });
  }

  private updateKey(what: string): string {
    return `${this.caseId}:${what}:${currentUpdateInfo()?.id}`;
  }

  private tokenOf(actor: string): string | undefined {
    return actor === 'system' ? undefined : this.actionToken;
  }
}
