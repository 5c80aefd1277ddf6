import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_SCHEDULE_ID, overdueDigestWorkflow } from '../workflows/overdue-digest.workflow';
import { caseUpdates } from '../workflows/case-messages';
import { ensureDigestSchedule } from '../worker/digest-schedule';
import { inject } from 'vitest';
import { caseRow, eventTypes, mailsFor, rejectionReason, sleep, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';
import { reportFaults } from './support/fault-figures';
import { ADMIN, login } from './support/http';
import { deliver, type MailNotice } from '../activities/outbox';
import { CLAIM_LEASE_SECONDS } from '../activities/notice-claim';
import { sendNotices } from '../activities/send-notices';

const policy = testPolicy('test-notifications', {
  rules: {
    FEEDBACK: secondsRule('FEEDBACK', 600, 600),
    DENUNCIATION: secondsRule('DENUNCIATION', 3, 600),
    COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 2, 600),
  },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(2) },
  ratingWindow: seconds(600),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

const officer = { actor: 'canbo' };
const feedback = { type: 'FEEDBACK', categoryCode: 'moi-truong', unitCode: 'HS-P-DUCXUAN' };
const agency = 'hs-p-ducxuan-pkt@hoason.gov.test';

describe('notice content', () => {
  it('writes Vietnamese by default and English to a citizen who asked for it, in text and HTML', async () => {
    const citizen = { fullName: 'John Nguyen', email: 'john@example.test', address: 'Phường Đức Xuân' };
    const { trackingCode, handle, id } = await submitCase(sys, { ...feedback, language: 'en', petitioner: citizen });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    const toCitizen = await eventually(() => {
      const got = mailsFor(sys, trackingCode, citizen.email);
      expect(got).toHaveLength(2); // the receipt, then the acceptance
      return got[1]!;
    });
    expect(mailsFor(sys, trackingCode, citizen.email)[0]!.subject).toBe(`[${trackingCode}] Receipt for your petition`);
    expect(toCitizen.subject).toBe(`[${trackingCode}] Your petition has been accepted for resolution`);
    expect(toCitizen.text).toContain('Dear John Nguyen');
    expect(toCitizen.html).toContain('<html lang="en">');

    const toAgency = mailsFor(sys, trackingCode, agency)[0]!;
    expect(toAgency.subject).toBe(`[${trackingCode}] Giao xử lý: Đường liên xóm xuống cấp`);
    expect(toAgency.text).toContain('Phòng Kinh tế phường Đức Xuân được giao xử lý phản ánh, kiến nghị');
    expect(toAgency.html).toContain('<html lang="vi">');
    expect(toAgency.html).toContain(`http://console.test/cases/${id}`);
    const rows = await sys.db.notification.findMany({ where: { caseId: id } });
    expect(rows.map((r) => [r.template, r.language, r.status])).toEqual(
      expect.arrayContaining([
        ['assignment', 'vi', 'SENT'],
        ['citizen_update', 'en', 'SENT'],
      ]),
    );
  });

  it('never shows a denouncer’s identity to anyone but the denouncer', async () => {
    const denouncer = { fullName: 'Vương Thị Bích', email: 'bich@example.test', phone: '0987 654 321', address: 'Số 12 ngõ Hòa Bình, phường Đức Xuân' };
    const { trackingCode, handle } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN', petitioner: denouncer });
    // Let the acceptance ladder run to the superior unit, then accept and answer.
    await eventually(() => expect(mailsFor(sys, trackingCode, 'truong.hs-ubnd@hoason.gov.test')).toHaveLength(1), 20_000);
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Kết luận nội dung tố cáo.' }] });
    await eventually(() => expect(mailsFor(sys, trackingCode, denouncer.email).length).toBeGreaterThanOrEqual(2));

    const toOthers = mailsFor(sys, trackingCode).filter((m) => !m.to.includes(denouncer.email));
    expect(toOthers.length).toBeGreaterThanOrEqual(5); // agency, reminder, head, Front, superior head and Front
    for (const m of toOthers) {
      for (const secret of [denouncer.fullName, denouncer.email, denouncer.phone, '12 ngõ Hòa Bình']) {
        expect(m.text + m.html + m.subject).not.toContain(secret);
      }
    }
    expect(mailsFor(sys, trackingCode, denouncer.email)[0]!.text).toContain('Kính gửi ông/bà Vương Thị Bích');
  });
});

describe('a template passed is the template sent', () => {
  it('tells reception of a returned case with the needs_routing notice and the agency’s reason', async () => {
    const { id, trackingCode, handle } = await submitCase(sys, feedback);
    await handle.executeUpdate(caseUpdates.return, { args: [{ ...officer, reason: 'Không thuộc lĩnh vực của phòng.' }] });
    const [mail] = await eventually(() => {
      const got = mailsFor(sys, trackingCode).filter((m) => m.subject.includes('Cần phân công xử lý'));
      expect(got.length).toBeGreaterThanOrEqual(1);
      return got;
    });
    expect(mail!.text).toContain('Lý do: Không thuộc lĩnh vực của phòng.');
    const rows = await sys.db.notification.findMany({ where: { caseId: id, event: { contains: ':return:' } } });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(new Set(rows.map((r) => r.template))).toEqual(new Set(['needs_routing']));
  });

  it('sends each audience the template the request names, whatever it usually gets', async () => {
    const { id, trackingCode } = await submitCase(sys, feedback);
    const front = 'truong.hs-p-ducxuan-mttq@hoason.gov.test';
    const send = sendNotices(sys.activityDeps);
    const sent = await send({ caseId: id, eventKey: `${id}:template-test`, to: [{ audience: 'unit_front', template: 'overdue_head' }, { audience: 'assigned_agency', template: 'needs_routing' }], step: 'first_step' });
    expect(sent.recipients).toBeGreaterThanOrEqual(2);
    expect(mailsFor(sys, trackingCode, front).map((m) => m.subject)).toEqual([`[${trackingCode}] Quá hạn: Đường liên xóm xuống cấp`]);
    expect(mailsFor(sys, trackingCode, agency).map((m) => m.subject)).toContain(`[${trackingCode}] Cần phân công xử lý: Đường liên xóm xuống cấp`);
  });
});

describe('the accused of a denunciation', () => {
  it('is told once of the acceptance, with the agency’s summary and nothing of the denouncer or the case', async () => {
    const denouncer = { fullName: 'Lê Văn Tố', email: 'to.lv@example.test', address: 'Thôn Đông, xã Bằng Vân' };
    const accused = { fullName: 'Phạm Quốc Khánh', position: 'Cán bộ địa chính phường Đức Xuân', email: 'khanh.pq@example.test' };
    const { id, trackingCode, handle } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN', title: 'Tố cáo của Lê Văn Tố ở thôn Đông', petitioner: denouncer, accused });
    expect(sys.smtp.to(accused.email)).toHaveLength(0); // not before the acceptance
    await handle.executeUpdate(caseUpdates.accept, { args: [{ ...officer, accusedSummary: 'Việc thu phí đo đạc đất trái quy định.' }] });
    const [mail] = await eventually(() => {
      const m = sys.smtp.to(accused.email);
      expect(m).toHaveLength(1);
      return m;
    });
    expect(mail!.subject).toContain('Thông báo thụ lý tố cáo');
    expect(mail!.text).toContain('Kính gửi ông/bà Phạm Quốc Khánh');
    expect(mail!.text).toContain('Nội dung tố cáo: Việc thu phí đo đạc đất trái quy định.');
    for (const secret of [denouncer.fullName, denouncer.email, 'Thôn Đông', trackingCode, id]) {
      expect(mail!.subject + mail!.text + mail!.html).not.toContain(secret);
    }
    await sleep(1500);
    expect(sys.smtp.to(accused.email)).toHaveLength(1);
    expect(await eventTypes(sys, id)).not.toContain('accused_notice_in_writing');
  });

  it('is left to the agency in writing when the denunciation gave no email, and the case says so', async () => {
    const { id, handle } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN', accused: { fullName: 'Đỗ Văn Hùng' } });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await eventually(async () => expect(await eventTypes(sys, id)).toContain('accused_notice_in_writing'));
  });

  it('does not exist for other case types: a summary for the accused is refused', async () => {
    const { id, handle } = await submitCase(sys, feedback);
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.accept, { args: [{ ...officer, accusedSummary: 'x' }] }))).toMatch(/only a denunciation/);
    expect((await caseRow(sys, id)).status).toBe('ASSIGNED');
  });
});

describe('delivery', () => {
  it('delivers every notice exactly once after an SMTP outage', async () => {
    sys.smtp.setRefusing(true);
    const cases = await Promise.all([1, 2, 3].map(() => submitCase(sys, feedback)));
    await eventually(() => expect(sys.smtp.refusedConnections()).toBeGreaterThanOrEqual(3));
    await sleep(1500);
    // Each case: the citizen's receipt (tried by the API) and the agency's assignment (by the workflow).
    const pending = await sys.db.notification.findMany({ where: { caseId: { in: cases.map((c) => c.id) }, channel: 'EMAIL' } });
    expect(pending.map((n) => n.status)).toEqual(Array(6).fill('PENDING'));
    expect(pending.every((n) => n.attempts >= 1 && n.lastError?.includes('421'))).toBe(true);

    sys.smtp.setRefusing(false);
    // The workflow sends the receipt after the agency's notice, in the order its intake asked for them.
    await eventually(() => {
      for (const c of cases) expect(mailsFor(sys, c.trackingCode, agency)).toHaveLength(1);
      for (const c of cases) expect(mailsFor(sys, c.trackingCode, 'hoa@example.test')).toHaveLength(1);
    }, 40_000);
    await sleep(2000); // nothing more arrives later
    for (const c of cases) expect(mailsFor(sys, c.trackingCode, agency)).toHaveLength(1);
    for (const c of cases) expect(mailsFor(sys, c.trackingCode, 'hoa@example.test')).toHaveLength(1); // the receipt, from the workflow
    const sent = await sys.db.notification.findMany({ where: { caseId: { in: cases.map((c) => c.id) }, channel: 'EMAIL' } });
    expect(sent.map((n) => n.status)).toEqual(Array(6).fill('SENT'));
    const ids = cases.flatMap((c) => mailsFor(sys, c.trackingCode).map((m) => m.messageId));
    reportFaults('SMTP refusing mail', { casesInFlight: cases.length, faultsInjected: sys.smtp.refusedConnections(), casesLost: 0, duplicateEmails: ids.length - new Set(ids).size });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps a case open to its next action while the relay is down, and sends every notice once, in order, when it is back', async () => {
    const citizen = { fullName: 'Hà Văn Nam', email: 'nam.hv@example.test' };
    const officerCookie = await login(sys, 'canbo.snnmt@hoason.gov.test');
    const act = (caseId: string, action: string, body: object) =>
      fetch(`${sys.baseUrl}/api/cases/${caseId}/actions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: officerCookie }, body: JSON.stringify(body) });
    sys.smtp.setRefusing(true);
    let submitted: Awaited<ReturnType<typeof submitCase>>;
    try {
      submitted = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', petitioner: citizen });
      const { id, handle } = submitted;
      // Each action is taken once its facts are recorded; its notices wait for the relay, not the case.
      expect((await act(id, 'accept', {})).status).toBe(200);
      expect((await act(id, 'answer', { answer: 'Đã thu hồi phần đất lấn chiếm.' })).status).toBe(200);
      await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
      expect((await caseRow(sys, id)).status).toBe('CLOSED');
      expect(sys.smtp.to(citizen.email)).toHaveLength(0);
      // Closed, but its workflow stays until the notices it owes are out.
      expect((await handle.describe()).status.name).toBe('RUNNING');
    } finally {
      sys.smtp.setRefusing(false);
    }
    const { id, trackingCode, handle } = submitted;
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    await sleep(1500); // nothing more arrives later
    expect(mailsFor(sys, trackingCode, citizen.email).map((m) => m.subject)).toEqual([
      `[${trackingCode}] Biên nhận đơn của ông/bà`,
      `[${trackingCode}] Đơn của ông/bà đã được thụ lý giải quyết`,
      `[${trackingCode}] Đơn của ông/bà đã có kết quả trả lời`,
    ]);
    expect(mailsFor(sys, trackingCode, 'hs-snnmt@hoason.gov.test')).toHaveLength(1);
    const rows = await sys.db.notification.findMany({ where: { caseId: id } });
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    const ids = mailsFor(sys, trackingCode).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);

  describe('claims: one live attempt per notice', () => {
    // `deliver` called directly, as two workers would call it, with the worker's own dependencies.
    const notice = (event: string): MailNotice => ({
      event,
      caseId: null,
      template: 'assignment',
      language: 'vi',
      recipient: { email: 'claims@example.test', name: 'Phòng Kinh tế' },
      rendered: { subject: `Thử ${event}`, text: 'Nội dung.', html: '<p>Nội dung.</p>' },
    });
    const arrived = (id: string) => sys.smtp.messages.filter((m) => m.messageId === `<${id}@petitions.local>`);

    it('keeps a second attempt from sending while the first is still at a slow relay, past the lease', async () => {
      const n = notice(`claim-overlap-${Date.now()}`);
      sys.smtp.answerAfter((CLAIM_LEASE_SECONDS + 3) * 1000);
      try {
        const first = deliver(sys.activityDeps, n);
        const row = await eventually(async () => {
          const r = await sys.db.notification.findUnique({ where: { key: `${n.event}:${n.recipient.email}` } });
          expect(r?.claimedBy).toBeTruthy();
          return r!;
        });
        await sleep((CLAIM_LEASE_SECONDS + 1) * 1000); // without renewal the claim would have lapsed
        await expect(deliver(sys.activityDeps, n)).rejects.toMatchObject({ type: 'NoticeInProgress' });
        expect(await first).toBe('sent');
        expect(await deliver(sys.activityDeps, n)).toBe('already_sent');
        expect(arrived(row.id)).toHaveLength(1);
        expect(await sys.db.notification.findUnique({ where: { id: row.id } })).toMatchObject({ status: 'SENT', claimedBy: null, claimedUntil: null });
      } finally {
        sys.smtp.answerAfter(0);
      }
    }, 60_000);

    it('waits while a claim is live and sends once the claim of a dead attempt has lapsed', async () => {
      const n = notice(`claim-lapsed-${Date.now()}`);
      const row = await sys.db.notification.create({
        data: {
          key: `${n.event}:${n.recipient.email}`,
          event: n.event,
          template: n.template,
          language: n.language,
          recipientEmail: n.recipient.email,
          recipientName: n.recipient.name,
          subject: n.rendered.subject,
          claimedBy: 'a worker that died',
          claimedUntil: new Date(Date.now() + 60_000),
        },
      });
      await expect(deliver(sys.activityDeps, n)).rejects.toMatchObject({ type: 'NoticeInProgress' });
      expect(arrived(row.id)).toHaveLength(0);
      await sys.db.notification.update({ where: { id: row.id }, data: { claimedUntil: new Date(Date.now() - 1000) } });
      expect(await deliver(sys.activityDeps, n)).toBe('sent');
      expect(arrived(row.id)).toHaveLength(1);
    });
  });

  it('marks a permanent refusal as failed, shows it on the case, and carries on', async () => {
    sys.smtp.rejectAddress('bounce@example.test');
    const { id, handle } = await submitCase(sys, { ...feedback, petitioner: { fullName: 'Trịnh Văn Hải', email: 'bounce@example.test' } });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    const failed = await eventually(async () => {
      const row = await sys.db.notification.findFirst({ where: { caseId: id, template: 'citizen_update' } });
      expect(row?.status).toBe('FAILED');
      return row!;
    });
    expect(failed.lastError).toContain('550');
    expect(await eventTypes(sys, id)).toContain('notice_failed');
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã xử lý.' }] });
    expect((await caseRow(sys, id)).status).toBe('ANSWERED');

    const view = (await (await fetch(`${sys.baseUrl}/api/petitions/${id}`, { headers: { cookie: await login(sys, ADMIN) } })).json()) as { notices: Array<Record<string, unknown>> };
    expect(view.notices).toEqual(expect.arrayContaining([expect.objectContaining({ template: 'citizen_update', status: 'FAILED', recipient: 'người gửi đơn / petitioner' })]));
    expect(JSON.stringify(view.notices)).not.toContain('bounce@example.test');
  });
});

describe('overdue digest', () => {
  it('mails each head and Front committee their overdue cases, once per run', async () => {
    const { trackingCode } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS-X-BANGVAN' });
    await eventually(async () => expect((await caseRow(sys, (await sys.db.case.findFirstOrThrow({ where: { trackingCode } })).id)).firstStepDueAt!.getTime()).toBeLessThan(Date.now()));

    const run = () => sys.client.workflow.execute(overdueDigestWorkflow, { workflowId: `digest-${trackingCode}`, taskQueue: sys.taskQueue });
    const first = await run();
    expect(first.mails).toBeGreaterThanOrEqual(4);
    const digestTo = (to: string) => sys.smtp.to(to).filter((m) => m.subject.startsWith('Tổng hợp hồ sơ quá hạn'));
    for (const to of ['truong.hs-x-bangvan-ubnd@hoason.gov.test', 'truong.hs-x-bangvan-mttq@hoason.gov.test', 'truong.hs-ubnd@hoason.gov.test', 'truong.hs-mttq@hoason.gov.test']) {
      expect(digestTo(to)).toHaveLength(1);
      expect(digestTo(to)[0]!.text).toContain(`[${trackingCode}] Đường liên xóm xuống cấp — Phòng Kinh tế xã Bằng Vân (Xã Bằng Vân): quá thời hạn thụ lý`);
    }
    expect(digestTo('truong.hs-x-yenphong-ubnd@hoason.gov.test')).toHaveLength(0);

    expect((await run()).mails).toBe(0); // the same run again (a retry) sends nothing
    expect(digestTo('truong.hs-ubnd@hoason.gov.test')).toHaveLength(1);
  });

  it('is scheduled by the worker once, in Vietnam time', async () => {
    const address = inject('temporalAddress');
    expect(await ensureDigestSchedule(address, 'default', sys.taskQueue, '30 7 * * 1-5')).toBe('created');
    expect(await ensureDigestSchedule(address, 'default', sys.taskQueue, '30 7 * * 1-5')).toBe('exists');
    const schedule = sys.client.schedule.getHandle(DIGEST_SCHEDULE_ID);
    const described = await schedule.describe();
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'overdueDigestWorkflow' });
    await schedule.delete();
  });
});
