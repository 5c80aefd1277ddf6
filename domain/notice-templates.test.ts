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
      expect(n.text).toContain('Open the case');
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
