import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseUpdates } from '../workflows/case-messages';
import { caseRow, mailsFor, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-law-136', {
  rules: { COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 600, 600) },
});
const officer = { actor: 'canbo@hoason.gov.test' };
const complaint = { type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS-P-HOASON' };
const forwarder = { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh Hòa Sơn', email: 'vanphong.dbqh@hoason.gov.test' };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

describe('whoever forwarded a complaint (Complaints Law 2011 art. 27)', () => {
  it('is recorded at intake and told of the acceptance, with the due date, by mail', async () => {
    const { id, trackingCode, handle } = await submitCase(sys, { ...complaint, forwardedBy: forwarder });
    expect(await caseRow(sys, id)).toMatchObject({ forwarderName: forwarder.name, forwarderEmail: forwarder.email });
    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await eventually(() => expect(mailsFor(sys, trackingCode, forwarder.email)).toHaveLength(1));
    const [told] = mailsFor(sys, trackingCode, forwarder.email);
    expect(told!.subject).toBe(`[${trackingCode}] Thông báo thụ lý khiếu nại lần đầu: Đường liên xóm xuống cấp`);
    expect(told!.text).toContain('do quý cơ quan, tổ chức chuyển đến đã được thụ lý giải quyết');
    expect(told!.text).toContain('Thời hạn giải quyết:');
    expect(accepted.resolution?.dueAt).toBeTruthy();
    // Nothing about the complainant, and no way into the console.
    expect(told!.text).not.toContain('Nguyễn Thị Hoa');
    expect(told!.text).not.toContain('/cases/');
  });

  it('is told of a refusal with its reason; a complaint nobody forwarded tells no one else', async () => {
    const forwarded = await submitCase(sys, { ...complaint, forwardedBy: forwarder });
    await forwarded.handle.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: 'Quá thời hiệu khiếu nại' }] });
    await eventually(() => expect(mailsFor(sys, forwarded.trackingCode, forwarder.email).map((m) => m.subject)).toEqual([expect.stringContaining('Thông báo không thụ lý khiếu nại lần đầu')]));
    expect(mailsFor(sys, forwarded.trackingCode, forwarder.email)[0]!.text).toContain('Lý do: Quá thời hiệu khiếu nại');

    const direct = await submitCase(sys, complaint);
    await direct.handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    expect(await sys.db.notification.count({ where: { caseId: direct.id, template: 'forwarder_notice' } })).toBe(0);
  });

  it('refuses a forwarder without a name (422), and stores nothing', async () => {
    const res = await fetch(`${sys.baseUrl}/api/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...complaint, title: 't', content: 'c', petitioner: { fullName: 'A', address: 'B' }, forwardedBy: { email: forwarder.email } }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('forwardedBy.name');
  });
});
