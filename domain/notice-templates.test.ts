import { describe, expect, it } from 'vitest';
import { NOTICE_TEMPLATES, renderNotice, type NoticeContext } from './notice-templates';

const ctx: NoticeContext = {
  recipientName: 'Chủ tịch UBND Nguyễn Văn Thành',
  caseTitle: 'Đường <b>ngập</b> & hỏng',
  caseType: 'COMPLAINT_FIRST',
  trackingCode: 'PA-TEST',
  unitName: 'Tỉnh Hòa Sơn',
  agencyName: 'Sở Xây dựng',
  dueAt: new Date('2026-11-30T16:59:59.999Z'),
  step: 'first_step',
  caseUrl: 'https://console.example/cases/1',
};

describe('notice templates', () => {
  it('writes Vietnamese with diacritics, dates in Vietnam time, and a link to the case', () => {
    const n = renderNotice('overdue_head', 'vi', ctx);
    expect(n.subject).toBe('[PA-TEST] Quá hạn: Đường <b>ngập</b> & hỏng');
    expect(n.text).toContain('Kính gửi đồng chí Chủ tịch UBND Nguyễn Văn Thành');
    expect(n.text).toContain('khiếu nại lần đầu');
    expect(n.text).toContain('30/11/2026 23:59 (giờ Việt Nam)');
    expect(n.text).toContain('https://console.example/cases/1');
  });

  it('escapes case text in HTML', () => {
    const n = renderNotice('assignment', 'vi', ctx);
    expect(n.html).toContain('Đường &lt;b&gt;ngập&lt;/b&gt; &amp; hỏng');
    expect(n.html).not.toContain('<b>ngập</b>');
  });

  it('has an English version of every template', () => {
    for (const t of NOTICE_TEMPLATES) {
      const n = renderNotice(t, 'en', ctx);
      expect(n.text).toContain('Dear Chủ tịch UBND Nguyễn Văn Thành');
      if (t !== 'accused_notice' && t !== 'forwarder_notice') expect(n.text).toContain('Open the case');
    }
  });
});

describe('citizen notices', () => {
  it('say what happened, with the officer’s note', () => {
    const n = renderNotice('citizen_update', 'vi', { ...ctx, recipientName: 'Nguyễn Thị Hoa', citizenEvent: 'guided', note: 'Đề nghị gửi đơn đến Tòa án nhân dân.' });
    expect(n.subject).toBe('[PA-TEST] Đơn của ông/bà không thuộc thẩm quyền; xin hướng dẫn như sau');
    expect(n.text).toContain('Kính gửi ông/bà Nguyễn Thị Hoa');
    expect(n.text).toContain('Đề nghị gửi đơn đến Tòa án nhân dân.');
  });
});

describe('the forwarder’s notice', () => {
  it('tells whoever forwarded a complaint of its acceptance, with the due date and the law, without a link to the console', () => {
    const vi = renderNotice('forwarder_notice', 'vi', { ...ctx, recipientName: 'Văn phòng Đoàn ĐBQH tỉnh Hòa Sơn', citizenEvent: 'accepted', step: 'resolution' });
    expect(vi.subject).toBe('[PA-TEST] Thông báo thụ lý khiếu nại lần đầu: Đường <b>ngập</b> & hỏng');
    expect(vi.text).toContain('do quý cơ quan, tổ chức chuyển đến đã được thụ lý giải quyết; cơ quan giải quyết: Sở Xây dựng (Tỉnh Hòa Sơn)');
    expect(vi.text).toContain('Thời hạn giải quyết: 30/11/2026 23:59 (giờ Việt Nam)');
    expect(vi.text).toContain('Điều 27 Luật Khiếu nại năm 2011');
    expect(vi.text).not.toContain('console.example');
    const refused = renderNotice('forwarder_notice', 'en', { ...ctx, recipientName: 'Hòa Sơn Newspaper', citizenEvent: 'refused', note: 'Out of time', dueAt: null });
    expect(refused.subject).toBe('[PA-TEST] first complaint not accepted: Đường <b>ngập</b> & hỏng');
    expect(refused.text).toContain('Reason: Out of time');
  });
});

describe('the accused’s notice', () => {
  const denunciation = { ...ctx, caseType: 'DENUNCIATION' as const, recipientName: 'Trần Văn Bình', caseTitle: 'Tố cáo của bà Hà Thị Mai ở Yên Phong', step: 'resolution' as const };

  it('tells of the acceptance with the agency’s summary and the due date, in both languages', () => {
    const vi = renderNotice('accused_notice', 'vi', { ...denunciation, note: 'Việc cấp giấy chứng nhận quyền sử dụng đất năm 2025.' });
    expect(vi.subject).toBe('Thông báo thụ lý tố cáo — Sở Xây dựng');
    expect(vi.text).toContain('Kính gửi ông/bà Trần Văn Bình');
    expect(vi.text).toContain('Nội dung tố cáo: Việc cấp giấy chứng nhận quyền sử dụng đất năm 2025.');
    expect(vi.text).toContain('30/11/2026 23:59 (giờ Việt Nam)');
    expect(vi.text).toContain('Điều 29 Luật Tố cáo năm 2018');
    expect(renderNotice('accused_notice', 'en', denunciation).text).toContain('The agency will inform you directly of what it concerns.');
  });

  it('carries nothing the denouncer wrote and nothing that leads to the case', () => {
    for (const lang of ['vi', 'en'] as const) {
      const n = renderNotice('accused_notice', lang, denunciation);
      for (const part of [n.subject, n.text, n.html]) {
        expect(part).not.toContain('Hà Thị Mai');
        expect(part).not.toContain('PA-TEST');
        expect(part).not.toContain('console.example');
      }
    }
  });

  it('words a digest line’s lateness in hours under a day, never "0 days", and says "overdue" once', () => {
    const line = { trackingCode: 'PA-1', title: 'Đường hỏng', agencyName: 'Sở Xây dựng', unitName: 'Tỉnh Hòa Sơn', step: 'first_step' as const, dueAt: new Date('2026-11-20T16:59:59.999Z') };
    const digest = (overdueMs: number, lang: 'vi' | 'en') => renderNotice('overdue_digest', lang, { ...ctx, digest: [{ ...line, overdueMs }] }).text;
    expect(digest(5 * 3_600_000, 'vi')).toContain('Tỉnh Hòa Sơn): quá thời hạn thụ lý 5 giờ (hạn 20/11/2026 23:59)');
    expect(digest(5 * 3_600_000, 'en')).toContain('Tỉnh Hòa Sơn): 5 hours past the acceptance deadline (due 20/11/2026 23:59)');
    expect(digest(3 * 86_400_000 + 3_600_000, 'vi')).toContain('quá thời hạn thụ lý 3 ngày 1 giờ');
    expect(digest(5 * 3_600_000, 'vi')).not.toContain('0 ngày');
  });
});


describe('the receipt', () => {
  const receipt = { ...ctx, recipientName: 'Nguyễn Thị Hoa', caseUrl: 'https://console.example/track/PA-TEST', firstStepLimit: { amount: 10, unit: 'calendar_days' as const } };

  it('gives the code, the secret, what happens next and the first due date, in words and as a date', () => {
    const n = renderNotice('citizen_receipt', 'vi', { ...receipt, secret: 'ABCDE-FGHJK-MNPQR-STVWX' });
    expect(n.subject).toBe('[PA-TEST] Biên nhận đơn của ông/bà');
    expect(n.text).toContain('Mã hồ sơ: PA-TEST');
    expect(n.text).toContain('Mã bí mật: ABCDE-FGHJK-MNPQR-STVWX');
    expect(n.text).toContain('trong 10 ngày, hạn thụ lý 30/11/2026 23:59 (giờ Việt Nam)');
    expect(n.text).toContain('https://console.example/track/PA-TEST');
  });

  it('says the limit in words while the date is not known, and how to get a new secret when it cannot carry one', () => {
    const n = renderNotice('citizen_receipt', 'en', { ...receipt, dueAt: null });
    expect(n.text).toContain('within 10 days.');
    expect(n.text).toContain('Send a new secret');
    expect(n.subject).not.toContain('ABCDE');
  });
});
