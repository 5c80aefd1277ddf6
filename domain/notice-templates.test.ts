import { describe, expect, it } from 'vitest';
import { renderNotice, TEMPLATES_OF, type CaseNoticeContext, type RecommendationNoticeContext, type SessionNoticeContext } from './notice-templates';

const ctx: CaseNoticeContext = {
  subject: 'case',
  recipientName: 'Chủ tịch UBND Nguyễn Văn Thành',
  caseTitle: 'Đường <b>ngập</b> & hỏng',
  caseType: 'COMPLAINT_FIRST',
  trackingCode: 'PA-TEST',
  unitName: 'Tỉnh Hòa Sơn',
  agencyName: 'Sở Xây dựng',
  dueAt: new Date('2026-11-30T16:59:59.999Z'),
  step: 'first_step',
  url: 'https://console.example/cases/1',
};

/** Notices to people with no account and no right to the case: no link, no tracking code. */
const UNLINKED = ['accused_notice', 'accused_extension', 'forwarder_notice', 'forwarder_result', 'respondent_notice'];

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

  it('has an English version of every template of a case', () => {
    for (const t of TEMPLATES_OF.case) {
      const n = renderNotice(t, 'en', ctx);
      expect(n.text).toContain('Dear Chủ tịch UBND Nguyễn Văn Thành');
      if (!UNLINKED.includes(t)) expect(n.text).toContain('Open the case');
    }
  });

  it('names a case with no agency yet in the notice’s own language', () => {
    expect(renderNotice('overdue_head', 'vi', { ...ctx, agencyName: null }).text).toContain('giao (chưa phân công) (Tỉnh Hòa Sơn)');
    expect(renderNotice('overdue_head', 'en', { ...ctx, agencyName: null }).text).toContain('assigned to (not yet assigned) (Tỉnh Hòa Sơn)');
  });

  it('tells reception why a returned case needs routing again', () => {
    expect(renderNotice('needs_routing', 'vi', ctx).text).toContain('Không có quy tắc phân công phù hợp');
    const returned = renderNotice('needs_routing', 'vi', { ...ctx, note: 'Không thuộc lĩnh vực của Sở.' }).text;
    expect(returned).toContain('Cơ quan được giao đã trả lại khiếu nại lần đầu "Đường <b>ngập</b> & hỏng" (Tỉnh Hòa Sơn). Lý do: Không thuộc lĩnh vực của Sở.');
    expect(returned).not.toContain('quy tắc');
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

describe('the notices of Law 136/2025/QH15', () => {
  it('tell the complainant of a suspension with the decision, and the person complained against without a link', () => {
    const decision = 'Quyết định số 12/QĐ-STNMT ngày 05/08/2026 / decision no. 12/QĐ-STNMT of 05/08/2026: Chờ giám định';
    const citizen = renderNotice('citizen_update', 'vi', { ...ctx, recipientName: 'Nguyễn Thị Hoa', citizenEvent: 'suspended', note: decision, dueAt: null });
    expect(citizen.subject).toBe('[PA-TEST] Đơn của ông/bà bị tạm đình chỉ giải quyết; thời gian tạm đình chỉ không tính vào thời hạn giải quyết');
    expect(citizen.text).toContain(decision);
    const respondent = renderNotice('respondent_notice', 'vi', { ...ctx, recipientName: 'Phòng Quản lý đô thị', citizenEvent: 'resumed', note: decision, step: 'resolution' });
    expect(respondent.subject).toBe('Thông báo về việc giải quyết khiếu nại lần đầu — Sở Xây dựng');
    expect(respondent.text).toContain('liên quan đến ông/bà (quý cơ quan) được tiếp tục giải quyết');
    expect(respondent.text).toContain('Thời hạn giải quyết: 30/11/2026 23:59 (giờ Việt Nam)');
    expect(respondent.text).not.toContain('console.example');
    expect(renderNotice('respondent_notice', 'en', { ...ctx, citizenEvent: 'terminated' }).text).toContain('concerning you has its resolution terminated');
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

  it('tells of each extension with the new due date (art. 30(4)), in both languages', () => {
    const vi = renderNotice('accused_extension', 'vi', denunciation);
    expect(vi.subject).toBe('Thông báo gia hạn giải quyết tố cáo — Sở Xây dựng');
    expect(vi.text).toContain('Sở Xây dựng (Tỉnh Hòa Sơn) đã quyết định gia hạn thời hạn giải quyết tố cáo liên quan đến ông/bà.');
    expect(vi.text).toContain('Thời hạn giải quyết sau khi gia hạn: 30/11/2026 23:59 (giờ Việt Nam).');
    expect(vi.text).toContain('Điều 30 khoản 4 Luật Tố cáo năm 2018');
    expect(renderNotice('accused_extension', 'en', denunciation).text).toContain('Notice under art. 30(4) of the Denunciations Law 2018.');
  });

  it.each(['accused_notice', 'accused_extension', 'forwarder_result'] as const)('%s carries nothing the denouncer wrote and nothing that leads to the case', (template) => {
    for (const lang of ['vi', 'en'] as const) {
      const n = renderNotice(template, lang, denunciation);
      for (const part of [n.subject, n.text, n.html]) {
        expect(part).not.toContain('Hà Thị Mai');
        expect(part).not.toContain('PA-TEST');
        expect(part).not.toContain('console.example');
      }
    }
  });

  it('words a digest line’s lateness in hours under a day, never "0 days", and says "overdue" once', () => {
    const line = { trackingCode: 'PA-1', title: 'Đường hỏng', agencyName: 'Sở Xây dựng', unitName: 'Tỉnh Hòa Sơn', step: 'first_step' as const, dueAt: new Date('2026-11-20T16:59:59.999Z') };
    const digest = (overdueMs: number, lang: 'vi' | 'en') =>
      renderNotice('overdue_digest', lang, { subject: 'digest', recipientName: 'Chủ tịch UBND', unitName: 'Tỉnh Hòa Sơn', url: 'https://console.example/overdue', lines: [{ ...line, overdueMs }] }).text;
    expect(digest(5 * 3_600_000, 'vi')).toContain('Tỉnh Hòa Sơn): quá thời hạn thụ lý 5 giờ (hạn 20/11/2026 23:59)');
    expect(digest(5 * 3_600_000, 'en')).toContain('Tỉnh Hòa Sơn): 5 hours past the acceptance deadline (due 20/11/2026 23:59)');
    expect(digest(3 * 86_400_000 + 3_600_000, 'vi')).toContain('quá thời hạn thụ lý 3 ngày 1 giờ');
    expect(digest(5 * 3_600_000, 'vi')).not.toContain('0 ngày');
  });
});


describe('the result to the body or press that forwarded a denunciation', () => {
  const forwarded = { ...ctx, caseType: 'DENUNCIATION' as const, recipientName: 'Báo Hòa Sơn', receivedAt: new Date('2026-11-02T02:00:00Z') };

  it('names the letter by its date of receipt and says the result, under art. 26(2)', () => {
    const vi = renderNotice('forwarder_result', 'vi', { ...forwarded, citizenEvent: 'accepted' });
    expect(vi.subject).toBe('Thông báo kết quả xử lý đơn tố cáo do quý cơ quan chuyển đến — Sở Xây dựng');
    expect(vi.text).toContain('Kính gửi Báo Hòa Sơn,');
    expect(vi.text).toContain('Đơn tố cáo quý cơ quan chuyển đến, Tỉnh Hòa Sơn tiếp nhận ngày 02/11/2026, đã được thụ lý giải quyết (Sở Xây dựng).');
    expect(vi.text).toContain('Điều 26 khoản 2 Luật Tố cáo năm 2018');
    const en = renderNotice('forwarder_result', 'en', { ...forwarded, citizenEvent: 'refused', note: 'Không đủ điều kiện thụ lý.', dueAt: null });
    expect(en.text).toContain('received by Tỉnh Hòa Sơn on 02/11/2026, was not accepted (Sở Xây dựng).');
    expect(en.text).toContain('Không đủ điều kiện thụ lý.');
  });
});

describe('the receipt', () => {
  const receipt = { ...ctx, recipientName: 'Nguyễn Thị Hoa', url: 'https://console.example/track/PA-TEST', firstStepLimit: { amount: 10, unit: 'calendar_days' as const } };

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

describe('notices about a dialogue session and a supervision recommendation', () => {
  const session: SessionNoticeContext = {
    subject: 'session', recipientName: 'Chủ tịch UBND xã Đinh Văn Bình', title: 'Đối thoại về đường giao thông – Xã Yên Phong, 2026-11-02', unitName: 'Xã Yên Phong',
    chairName: 'Phó Chủ tịch UBND xã Lò Thị Mai', dueAt: new Date('2026-11-16T16:59:59.999Z'), scope: 'unit', rollup: { opinions: 3, resolved: 2, open: 1 }, url: 'https://console.example/sessions/1',
  };
  const recommendation: RecommendationNoticeContext = {
    subject: 'recommendation', recipientName: 'Chủ tịch UBND tỉnh', content: 'Đề nghị chỉ đạo giải quyết dứt điểm vụ lấn chiếm đất công.', response: null,
    unitName: 'Tỉnh Hòa Sơn', frontName: 'Ủy ban MTTQ tỉnh Hòa Sơn', dueAt: new Date('2026-11-30T16:59:59.999Z'), scope: 'superior', url: 'https://console.example/supervision/recommendations/1',
  };

  it('speak of the session and its written conclusion, not of a case with a made-up code', () => {
    const n = renderNotice('overdue_head', 'vi', session);
    expect(n.subject).toBe('Quá hạn ra thông báo kết luận: Đối thoại về đường giao thông – Xã Yên Phong, 2026-11-02');
    expect(n.text).toContain('chủ trì: Phó Chủ tịch UBND xã Lò Thị Mai');
    expect(n.text).toContain('16/11/2026 23:59 (giờ Việt Nam)');
    expect(n.text + n.subject).not.toMatch(/\[ĐT\]|hồ sơ/i);
    expect(renderNotice('session_rollup', 'vi', session).text).toContain('Số ý kiến: 3; đã giải quyết: 2; còn lại: 1.');
  });

  it('speak of the recommendation, its Front committee and its answer', () => {
    const n = renderNotice('overdue_head', 'vi', recommendation);
    expect(n.subject).toBe('Quá hạn trả lời kiến nghị giám sát (báo cáo cấp trên): Đề nghị chỉ đạo giải quyết dứt điểm vụ lấn chiếm đất công.');
    expect(n.text).toContain('Kiến nghị giám sát của Ủy ban MTTQ tỉnh Hòa Sơn (Tỉnh Hòa Sơn)');
    expect(n.text + n.subject).not.toMatch(/\[KN\]/);
    expect(renderNotice('recommendation_answered', 'en', { ...recommendation, response: 'Cưỡng chế trong 15 ngày.' }).text).toContain('Cưỡng chế trong 15 ngày.');
  });

  it('exist in both languages for every template of each subject', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const t of TEMPLATES_OF.session) expect(renderNotice(t, lang, session).text).toContain(session.url);
      for (const t of TEMPLATES_OF.recommendation) expect(renderNotice(t, lang, recommendation).text).toContain(recommendation.url);
    }
  });
});
