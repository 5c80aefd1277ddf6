import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGsm7 } from '../domain/gsm7';
import { citizenSecretMatches } from '../infra/citizen-secret';
import { addOpinionsUpdate, dialogueSessionWorkflow } from '../workflows/dialogue-session.workflow';
import { caseUpdates } from '../workflows/case-messages';
import { caseWorkflowId, sessionWorkflowId } from '../workflows/ids';
import { caseStateQuery } from '../workflows/case-messages';
import { type petitionWorkflow } from '../workflows/petition.workflow';
import { caseRow, eventTypes, mailsFor, sleep } from './support/cases';
import { eventually } from './support/eventually';
import { ADMIN, login } from './support/http';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-receipt', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600), COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 2, 600), SESSION_OPINION: secondsRule('SESSION_OPINION', 600, 600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) },
  ratingWindow: seconds(600),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

const feedback = { type: 'FEEDBACK', categoryCode: 'moi-truong', unitCode: 'HS-P-DUCXUAN', title: 'Đường liên xóm xuống cấp', content: 'Đường liên xóm hư hỏng nặng sau mưa lũ.' };

async function post(body: Record<string, unknown>, key = crypto.randomUUID()) {
  const res = await fetch(`${sys.baseUrl}/api/petitions`, { method: 'POST', headers: { 'content-type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { id: string; trackingCode: string; secret: string | null; receipt: Array<{ channel: string; status: string }>; acceptance: { dueAt: string | null; limit: { amount: number; unit: string } } } };
}

const routed = (id: string) =>
  eventually(async () => expect(['ASSIGNED', 'UNROUTED']).toContain((await sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(id)).query(caseStateQuery)).status));

describe('the receipt', () => {
  it('goes at once by mail and SMS with the tracking code and the secret, exactly once after a retried submission', async () => {
    const petitioner = { fullName: 'Nguyễn Thị Hoa', email: 'hoa.receipt@example.test', phone: '0912 345 601', address: 'Tổ 5, phường Đức Xuân' };
    const key = crypto.randomUUID();
    const first = await post({ ...feedback, petitioner }, key);
    expect(first.status).toBe(201);
    const { trackingCode, secret, id } = first.body;
    expect(first.body.receipt).toEqual([{ channel: 'email', status: 'SENT' }, { channel: 'sms', status: 'SENT' }]);
    expect(first.body.acceptance.limit).toEqual({ amount: 600, unit: 'seconds' });

    // The first answer was lost: the same key again. Same case, no new secret (the receipt carries it), no second receipt.
    const repeat = await post({ ...feedback, petitioner }, key);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id, trackingCode, secret: null, receipt: [{ channel: 'email', status: 'SENT' }, { channel: 'sms', status: 'SENT' }] });
    await routed(id);
    await sleep(1500); // the workflow's own receipt step has run and found both sent

    const mails = mailsFor(sys, trackingCode, petitioner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`[${trackingCode}] Biên nhận đơn của ông/bà`);
    expect(mails[0]!.text).toContain(`Mã bí mật: ${secret}`);
    expect(mails[0]!.text).toContain(`Mã hồ sơ: ${trackingCode}`);
    expect(mails[0]!.text).toContain('Tiếp theo: đơn được chuyển đến cơ quan có thẩm quyền');
    expect(mails[0]!.text).toContain('trong 600 giây, hạn thụ lý');
    expect(mails[0]!.text).toContain(`http://console.test/track/${trackingCode}`);
    expect(mails[0]!.html).not.toContain('/cases/');

    const texts = sys.smsc.to('84912345601');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toContain(trackingCode);
    expect(texts[0]!.text).toContain(`Ma bi mat: ${secret}`);
    expect(texts[0]!.text).toContain(`http://console.test/track/${trackingCode}`);
    expect(texts[0]!.text).toMatch(/^Da nhan don /);
    expect(isGsm7(texts[0]!.text)).toBe(true);
    expect(texts[0]!.dataCoding).toBe(0);
    expect(texts[0]!.from).toBe('PAKN');

    // The secret that went out works, and is stored nowhere but as its hash.
    const row = await caseRow(sys, id);
    expect(citizenSecretMatches(row.citizenSecretHash, secret!)).toBe(true);
    const stored = JSON.stringify([await sys.db.notification.findMany({ where: { caseId: id } }), await sys.db.caseEvent.findMany({ where: { caseId: id } })]);
    expect(stored).not.toContain(secret);
    const history = JSON.stringify(await sys.client.workflow.getHandle(caseWorkflowId(id)).fetchHistory());
    expect(history).not.toContain(secret);

    // Delivery status by channel on the case, without the citizen's address or number.
    const view = (await (await fetch(`${sys.baseUrl}/api/petitions/${id}`, { headers: { cookie: await login(sys, ADMIN) } })).json()) as { notices: Array<Record<string, unknown>> };
    expect(view.notices).toEqual(expect.arrayContaining([
      expect.objectContaining({ template: 'citizen_receipt', channel: 'email', status: 'SENT' }),
      expect.objectContaining({ template: 'citizen_receipt', channel: 'sms', status: 'SENT' }),
    ]));
    expect(JSON.stringify(view.notices)).not.toMatch(/hoa\.receipt|912345601/);
  });

  it('still takes the submission when the relay is down, and the receipt follows without the secret', async () => {
    const petitioner = { fullName: 'Trần Văn Long', email: 'long.receipt@example.test', phone: '+84 912 345 602' };
    sys.smtp.setRefusing(true);
    let submitted;
    try {
      submitted = await post({ ...feedback, petitioner });
      expect(submitted.status).toBe(201);
      expect(submitted.body.secret).toBeTruthy();
      expect(submitted.body.receipt).toEqual([{ channel: 'email', status: 'PENDING' }, { channel: 'sms', status: 'SENT' }]);
      await sleep(1000);
    } finally {
      sys.smtp.setRefusing(false);
    }
    const { trackingCode, secret } = submitted.body;
    const mail = await eventually(() => {
      const m = mailsFor(sys, trackingCode, petitioner.email);
      expect(m).toHaveLength(1);
      return m[0]!;
    }, 30_000);
    expect(mail.subject).toBe(`[${trackingCode}] Biên nhận đơn của ông/bà`);
    expect(mail.text).not.toContain(secret!);
    expect(mail.text).toContain('Gửi lại mã bí mật');
    // The SMS went at once, with the secret; nothing was sent twice.
    expect(sys.smsc.to('84912345602')).toHaveLength(1);
    expect(sys.smsc.to('84912345602')[0]!.text).toContain(secret!);
    await sleep(1000);
    expect(mailsFor(sys, trackingCode, petitioner.email)).toHaveLength(1);
  }, 60_000);

  it('is not sent to an anonymous or contactless petitioner', async () => {
    const { body } = await post({ ...feedback, anonymous: true });
    expect(body.receipt).toEqual([]);
    await routed(body.id);
    expect(await sys.db.notification.count({ where: { caseId: body.id, template: 'citizen_receipt' } })).toBe(0);
  });
});

describe('SMS', () => {
  it('records a refused number like a refused mail: FAILED, notice_failed, on the case, and the rest goes on', async () => {
    sys.smsc.rejectNumber('84912345603');
    const petitioner = { fullName: 'Phạm Thị Lan', phone: '0912345603' };
    const { body } = await post({ ...feedback, petitioner });
    expect(body.receipt).toEqual([{ channel: 'sms', status: 'FAILED' }]);
    const row = await sys.db.notification.findFirstOrThrow({ where: { caseId: body.id, channel: 'SMS' } });
    expect(row).toMatchObject({ status: 'FAILED', recipientPhone: '84912345603', recipientEmail: null });
    expect(row.lastError).toContain('ESME_RINVDSTADR');
    const failed = await sys.db.caseEvent.findFirstOrThrow({ where: { caseId: body.id, type: 'notice_failed' } });
    expect(failed.data).toMatchObject({ template: 'citizen_receipt', channel: 'sms' });
    await routed(body.id);
    const view = (await (await fetch(`${sys.baseUrl}/api/petitions/${body.id}`, { headers: { cookie: await login(sys, ADMIN) } })).json()) as { notices: Array<Record<string, unknown>> };
    expect(view.notices).toEqual(expect.arrayContaining([expect.objectContaining({ template: 'citizen_receipt', channel: 'sms', status: 'FAILED', recipient: 'người gửi đơn / petitioner' })]));
    expect(JSON.stringify(view.notices)).not.toContain('912345603');
  });

  it('waits out an SMS centre outage and sends each later notice once, by both channels', async () => {
    const petitioner = { fullName: 'Đặng Văn Minh', email: 'minh.sms@example.test', phone: '0912 345 604' };
    const { body } = await post({ ...feedback, petitioner });
    await routed(body.id);
    const handle = sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(body.id));
    sys.smsc.setRefusing(true);
    let accepted: Promise<unknown>;
    try {
      // The action completes once its notices are out, so it waits for the SMS centre.
      accepted = handle.executeUpdate(caseUpdates.accept, { args: [{ actor: 'canbo' }] });
      await eventually(() => expect(sys.smsc.refusedSubmissions()).toBeGreaterThan(1), 20_000);
      // The mail did not wait for the SMS.
      expect(mailsFor(sys, body.trackingCode, petitioner.email).filter((m) => m.subject.includes('thụ lý giải quyết'))).toHaveLength(1);
    } finally {
      sys.smsc.setRefusing(false);
    }
    await accepted;
    const texts = await eventually(() => {
      const t = sys.smsc.to('84912345604');
      expect(t).toHaveLength(2); // the receipt, then the acceptance
      return t;
    }, 30_000);
    expect(texts[1]!.text).toBe(`Don ${body.trackingCode} da duoc thu ly. Han: ${texts[1]!.text.match(/Han: ([^.]*)\./)?.[1]}. Xem: http://console.test/track/${body.trackingCode}`);
    expect(await eventTypes(sys, body.id)).not.toContain('notice_failed');
  }, 60_000);

  it('takes a lost secret to the phone on file', async () => {
    const { body } = await post({ ...feedback, petitioner: { fullName: 'Vũ Thị Mai', phone: '0912 345 605' } });
    const res = await fetch(`${sys.baseUrl}/api/track/${body.trackingCode}/secret`, { method: 'POST' });
    expect(res.status).toBe(202);
    const texts = sys.smsc.to('84912345605');
    expect(texts).toHaveLength(2);
    const fresh = texts[1]!.text.match(/Ma bi mat moi cho ho so [^:]+: ([A-Z0-9-]+)\./)?.[1];
    expect(fresh).toBeTruthy();
    expect(citizenSecretMatches((await caseRow(sys, body.id)).citizenSecretHash, fresh!)).toBe(true);
    expect(citizenSecretMatches((await caseRow(sys, body.id)).citizenSecretHash, body.secret!)).toBe(false);
  });

  it('tells a head with a phone on file of an overdue case by SMS too', async () => {
    await sys.db.organisation.updateMany({ where: { unit: { code: 'HS-P-DUCXUAN' }, kind: 'PEOPLES_COMMITTEE' }, data: { headPhone: '0903 000 111' } });
    const { body } = await post({ ...feedback, type: 'COMPLAINT_FIRST', petitioner: { fullName: 'Bùi Văn Tâm', email: 'tam@example.test', address: 'Phường Đức Xuân' } });
    const text = await eventually(() => {
      const t = sys.smsc.to('84903000111').filter((m) => m.text.includes(body.trackingCode));
      expect(t).toHaveLength(1);
      return t[0]!;
    }, 20_000);
    expect(text.text).toMatch(new RegExp(`^\\[${body.trackingCode}\\] Qua han thu ly luc `));
    expect(text.text).toContain(`http://console.test/cases/${body.id}`);
    expect(text.text).not.toContain('Bùi');
    expect(isGsm7(text.text)).toBe(true);
  }, 30_000);
});

describe('a dialogue session opinion with contact details', () => {
  it('gets a secret and a receipt with it; an opinion without them gets neither', async () => {
    const sessionId = crypto.randomUUID();
    const session = await sys.client.workflow.start(dialogueSessionWorkflow, {
      workflowId: sessionWorkflowId(sessionId),
      taskQueue: sys.taskQueue,
      args: [{ session: { sessionId, unitCode: 'HS-P-DUCXUAN', heldOn: new Date().toISOString(), kind: 'PERIODIC', chairName: 'Đinh Văn Bình', chairTitle: 'Chủ tịch UBND phường', chairedByHead: true, attendees: 40 } }],
    });
    const state = await session.executeUpdate(addOpinionsUpdate, {
      args: [{
        actor: 'thuky',
        opinions: [
          { categoryCode: 'y-te', title: 'Trạm y tế thiếu thuốc', content: 'Thường xuyên thiếu thuốc thiết yếu.', citizenName: 'Lò Thị Xuân', citizenPhone: '0912 345 606' },
          { categoryCode: 'y-te', title: 'Giờ làm việc trạm y tế', content: 'Đề nghị mở cửa cả thứ Bảy.' },
        ],
      }],
    });
    const [withPhone, without] = await Promise.all(state.caseIds.map((id) => caseRow(sys, id)));
    const texts = sys.smsc.to('84912345606');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toContain(withPhone!.trackingCode);
    const secret = texts[0]!.text.match(/Ma bi mat: ([A-Z0-9-]+) /)?.[1];
    expect(citizenSecretMatches(withPhone!.citizenSecretHash, secret!)).toBe(true);
    expect(without!.citizenSecretHash).toBeNull();
    expect(JSON.stringify(await session.fetchHistory())).not.toContain(secret!);
    await routed(withPhone!.id);
    await sleep(1000);
    expect(sys.smsc.to('84912345606')).toHaveLength(1);
    expect(await sys.db.notification.count({ where: { caseId: without!.id, template: 'citizen_receipt' } })).toBe(0);
  });
});
