import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { caseUpdates } from '../workflows/case-messages';
import { expectAttribute, expectText, launchBrowser, openPage, screenshot } from './support/browser';
import { petitioner, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// Feedback runs on the legal scale of minutes here; a first complaint misses its first step in 2 s.
const policy = testPolicy('test-console', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 3600, 3600), COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 2, 3600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(3600) },
  ratingWindow: seconds(3600),
});

const officer = 'canbo.snnmt@hoason.gov.test';
const reception = 'tiepnhan@hoason.gov.test';
const head = 'chutich@hoason.gov.test';
const front = 'mttq@hoason.gov.test';
const admin = 'quantri@hoason.gov.test';

let sys: TestSystem;
let browser: Browser;
const pageErrors: string[] = [];
beforeAll(async () => {
  [sys, browser] = await Promise.all([startSystem({ clockPolicy: policy }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
  expect(pageErrors).toEqual([]);
});

async function staffPage(email: string): Promise<Page> {
  const { page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  pageErrors.push(...errors);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${sys.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  return page;
}

const vietnamTime = (iso: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(iso);

describe('the web console in a real browser', () => {
  const title = 'Bãi rác tự phát gây ô nhiễm ở thôn Đồng Tâm';
  let trackingCode = '';
  let citizen: Page;

  it('lets a citizen on a phone submit a petition, with clear errors first, and follow it by its code', async () => {
    const opened = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    citizen = opened.page;
    citizen.on('pageerror', (e) => pageErrors.push(e.message));
    await citizen.goto(`${sys.baseUrl}/`);
    await expectText(citizen.getByRole('heading', { level: 1 }), 'Phản ánh, kiến nghị và đối thoại');
    await citizen.getByRole('link', { name: 'Gửi đơn' }).first().click();

    await citizen.getByRole('button', { name: 'Gửi', exact: true }).click();
    await citizen.getByText('Vui lòng sửa các trường được đánh dấu.').waitFor();
    expect(await citizen.locator('[aria-invalid=true]').count()).toBeGreaterThanOrEqual(3);
    await expectAttribute(citizen.getByLabel('Tiêu đề'), 'aria-invalid', 'true');
    expect(await sys.db.case.count({ where: { title } })).toBe(0);
    await screenshot(citizen, 'citizen-submit-errors');

    // Every control of the form has a label a screen reader announces.
    const unlabelled = await citizen.$$eval('input, select, textarea', (els) =>
      els.filter((el) => (el as { labels?: ArrayLike<unknown> | null }).labels?.length === 0 && !el.closest('label')).map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);

    await citizen.getByLabel('Loại đơn').selectOption('FEEDBACK');
    await citizen.getByLabel('Đơn vị hành chính').selectOption('HS');
    await citizen.getByLabel('Lĩnh vực').selectOption('dat-dai');
    await citizen.getByLabel('Tiêu đề').fill(title);
    await citizen.getByLabel('Nội dung').fill('Bãi rác tự phát cạnh kênh thủy lợi bốc mùi, đề nghị xử lý.');
    await citizen.getByRole('button', { name: 'Thêm tài liệu' }).click();
    await citizen.getByLabel('Tên tài liệu 1').fill('Ảnh hiện trường');
    await citizen.getByLabel('Đường dẫn 1').fill('https://anh.example.test/bai-rac.jpg');
    await citizen.getByLabel('Họ và tên').fill(petitioner.fullName);
    await citizen.getByLabel('Email').fill(petitioner.email);
    await citizen.getByLabel('Địa chỉ').fill(petitioner.address);
    await citizen.getByRole('button', { name: 'Gửi', exact: true }).click();

    trackingCode = (await citizen.getByTestId('tracking-code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^PA-[0-9A-Z]{16}$/);
    // The secret to act on the case is shown this once, and the tracking page of this tab knows it.
    expect(await citizen.getByTestId('citizen-secret').textContent()).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await screenshot(citizen, 'citizen-tracking-code');
    const stored = await sys.db.case.findUniqueOrThrow({ where: { trackingCode } });
    expect(stored.attachments).toEqual([{ name: 'Ảnh hiện trường', url: 'https://anh.example.test/bai-rac.jpg' }]);

    await citizen.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await expectText(citizen.getByTestId('status'), /Đã chuyển cơ quan|Mới tiếp nhận/);
    // Dates read in Vietnam time although this browser is set to London.
    await citizen.getByText(vietnamTime(stored.receivedAt)).first().waitFor();
  });

  it('shows the officer the case in the inbox; the officer accepts and answers it from the case page', async () => {
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { trackingCode } })).status).toBe('ASSIGNED'));
    const page = await staffPage(officer);
    await page.waitForURL(/\/inbox$/);
    const row = page.getByTestId('inbox-row').filter({ hasText: title });
    await expectText(row, /còn \d+/);
    await screenshot(page, 'officer-inbox');
    await row.getByRole('link', { name: title }).click();

    await expectText(page.getByTestId('case-status'), 'Đã chuyển cơ quan');
    await page.getByRole('link', { name: 'Ảnh hiện trường' }).waitFor();
    await page.getByText('Thời hạn và căn cứ').waitFor();
    // Only what the officer may do now: no answer before acceptance, nothing of the head's.
    const group = page.getByRole('group', { name: 'Thao tác được phép' });
    await group.getByRole('button', { name: 'Thụ lý', exact: true }).waitFor();
    expect(await group.getByRole('button', { name: 'Trả lời', exact: true }).count()).toBe(0);
    expect(await group.getByRole('button', { name: 'Quyết định gia hạn' }).count()).toBe(0);
    await screenshot(page, 'officer-case-page');

    await group.getByRole('button', { name: 'Thụ lý', exact: true }).click();
    await page.locator('form[data-action=accept]').getByRole('button', { name: 'Thụ lý' }).click();
    await expectText(page.getByTestId('case-status'), 'Đang giải quyết');

    await group.getByRole('button', { name: 'Trả lời', exact: true }).click();
    const answerForm = page.locator('form[data-action=answer]');
    await answerForm.getByRole('button', { name: 'Trả lời' }).click();
    await answerForm.getByText('Cần nội dung trả lời').waitFor(); // the server's reason, on the field
    await answerForm.getByLabel('Câu trả lời').fill('UBND xã đã thu gom, xử lý bãi rác ngày 20/11; sẽ lắp biển cấm đổ rác.');
    await answerForm.getByLabel('Văn bản kèm theo').fill('Biên bản xử lý | https://hoason.gov.test/bien-ban.pdf');
    await answerForm.getByRole('button', { name: 'Trả lời' }).click();
    await expectText(page.getByTestId('case-status'), 'Đã trả lời');
    await expectText(page.getByTestId('timeline'), 'Trả lời');
    await screenshot(page, 'officer-case-answered');
  });

  it('lets a citizen name the accused of a denunciation, and the officer write what the accused is told', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    pageErrors.push(...errors);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${sys.baseUrl}/submit`);
    await page.getByLabel('Loại đơn').selectOption('DENUNCIATION');
    await page.getByLabel('Đơn vị hành chính').selectOption('HS');
    await page.getByLabel('Lĩnh vực').selectOption('dat-dai');
    await page.getByLabel('Tiêu đề').fill('Tố cáo thu phí đo đạc trái quy định');
    await page.getByLabel('Nội dung').fill('Cán bộ địa chính thu phí đo đạc không có biên lai.');
    const me = page.getByRole('group', { name: 'Người gửi' });
    await me.getByLabel('Họ và tên').fill('Lê Văn Tố');
    await me.getByLabel('Địa chỉ').fill('Thôn Đông, xã Bằng Vân');
    const accused = page.getByRole('group', { name: 'Người bị tố cáo' });
    await accused.getByLabel('Họ và tên').fill('Phạm Quốc Khánh');
    await accused.getByLabel('Chức vụ, nơi công tác').fill('Cán bộ địa chính');
    await accused.getByLabel('Email').fill('khanh.pq@example.test');
    await screenshot(page, 'citizen-denunciation-accused');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    const code = (await page.getByTestId('tracking-code').textContent()) ?? '';
    const stored = await sys.db.case.findUniqueOrThrow({ where: { trackingCode: code } });
    expect(stored).toMatchObject({ type: 'DENUNCIATION', accusedName: 'Phạm Quốc Khánh', accusedPosition: 'Cán bộ địa chính', accusedEmail: 'khanh.pq@example.test' });

    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe('ASSIGNED'));
    const desk = await staffPage(officer);
    await desk.goto(`${sys.baseUrl}/cases/${stored.id}`);
    await desk.getByText('Phạm Quốc Khánh · Cán bộ địa chính').waitFor();
    await desk.getByRole('group', { name: 'Thao tác được phép' }).getByRole('button', { name: 'Thụ lý', exact: true }).click();
    const accept = desk.locator('form[data-action=accept]');
    await accept.getByLabel('Nội dung thông báo cho người bị tố cáo').fill('Việc thu phí đo đạc đất không có biên lai.');
    await accept.getByRole('button', { name: 'Thụ lý' }).click();
    await expectText(desk.getByTestId('case-status'), 'Đang giải quyết');
    const [told] = await eventually(() => {
      const mails = sys.smtp.to('khanh.pq@example.test');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(told!.text).toContain('Nội dung tố cáo: Việc thu phí đo đạc đất không có biên lai.');
    expect(told!.text + told!.subject).not.toMatch(/Lê Văn Tố|Thôn Đông|PA-/);
  });

  it('lets the citizen read the answer and rate it', async () => {
    await citizen.reload();
    await expectText(citizen.getByTestId('answer'), 'đã thu gom');
    await citizen.getByRole('link', { name: 'Biên bản xử lý' }).waitFor();
    await citizen.getByLabel('Hài lòng', { exact: true }).check();
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Đã ghi nhận.').waitFor();
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { trackingCode } })).satisfied).toBe(true));
    await screenshot(citizen, 'citizen-rated');
  });

  it('shows a missed deadline to the head as an escalation and to the Front on its board, without the petitioner', async () => {
    const late = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Khiếu nại quyết định thu hồi đất', petitioner: { fullName: 'Nông Văn Kim', address: 'Bằng Vân' } });
    await eventually(async () => expect(await sys.db.caseEvent.count({ where: { caseId: late.id, type: 'overdue' } })).toBe(1), 20_000);

    const headPage = await staffPage(head);
    await headPage.waitForURL(/\/escalations$/);
    await expectText(headPage.getByTestId('overdue-table'), 'Khiếu nại quyết định thu hồi đất');
    await expectText(headPage.getByTestId('escalations'), 'Quá hạn, đã báo người đứng đầu');
    await screenshot(headPage, 'head-escalations');

    const frontPage = await staffPage(front);
    await frontPage.waitForURL(/\/supervision$/);
    await expectText(frontPage.getByTestId('overdue-table'), 'Khiếu nại quyết định thu hồi đất');
    await frontPage.getByRole('link', { name: 'Khiếu nại quyết định thu hồi đất' }).first().click();
    await frontPage.getByTestId('timeline').waitFor();
    expect(await frontPage.content()).not.toContain('Nông Văn Kim');
    expect(await frontPage.getByText('Xem thông tin người gửi').count()).toBe(0);
    await frontPage.goBack();
    await frontPage.getByTestId('overdue-table').waitFor();
    await screenshot(frontPage, 'front-board');

    await frontPage.getByLabel('Nội dung kiến nghị').fill('Đề nghị UBND tỉnh chỉ đạo thụ lý khiếu nại đúng hạn.');
    await frontPage.getByLabel('Mã tra cứu hồ sơ (không bắt buộc)').fill(late.trackingCode);
    await frontPage.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expectText(frontPage.getByTestId('recommendations'), 'chỉ đạo thụ lý');
  });

  it('lets the head approve an extension request from the escalations page', async () => {
    const denunciation = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Tố cáo sai phạm trong cấp giấy chứng nhận', petitioner: { fullName: 'Hà Thị Mai', address: 'Yên Phong' } });
    await denunciation.handle.executeUpdate(caseUpdates.accept, { args: [{ actor: officer, complexity: 'COMPLEX' }] });
    await denunciation.handle.executeUpdate(caseUpdates.requestExtension, { args: [{ actor: officer, reason: 'Cần xác minh hồ sơ địa chính tại ba xã.' }] });
    const before = (await sys.db.case.findUniqueOrThrow({ where: { id: denunciation.id } })).resolutionDueAt!;

    const page = await staffPage(head);
    const request = page.getByRole('listitem').filter({ hasText: 'Tố cáo sai phạm trong cấp giấy chứng nhận' });
    await expectText(request, 'Cần xác minh hồ sơ địa chính');
    await screenshot(page, 'head-extension-request');
    await request.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await eventually(async () => expect(await sys.db.caseEvent.count({ where: { caseId: denunciation.id, type: 'extension_approved' } })).toBe(1));
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id: denunciation.id } })).resolutionDueAt!.getTime()).toBeGreaterThan(before.getTime()));
    await eventually(async () => expect(await page.getByText('Tố cáo sai phạm trong cấp giấy chứng nhận').count()).toBe(0));
  });

  it('lets reception record a dialogue session and its opinions quickly, each becoming a case', async () => {
    const page = await staffPage(reception);
    await page.getByRole('link', { name: 'Buổi đối thoại' }).click();
    await page.getByLabel('Đơn vị hành chính').selectOption('HS-X-YENPHONG');
    await page.getByLabel('Thời gian').fill('2026-11-20T08:00');
    await page.getByLabel('Người chủ trì').fill('Đinh Văn Bình');
    await page.getByLabel('Chức vụ').fill('Chủ tịch UBND xã');
    await page.getByLabel('Số người dự').fill('85');
    await page.getByRole('button', { name: 'Ghi buổi đối thoại' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    for (const [i, [category, title]] of [['giao-thong', 'Đường vào trường tiểu học lầy lội'], ['an-sinh', 'Chậm chi trả trợ cấp người cao tuổi']].entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Thêm ý kiến' }).click();
      const row = page.getByRole('group', { name: `Ý kiến ${i + 1}` });
      await row.getByLabel('Lĩnh vực').selectOption(category!);
      await row.getByLabel('Tiêu đề').fill(title!);
      await row.getByLabel('Nội dung').fill(`${title} — ý kiến của cử tri thôn.`);
    }
    await page.getByRole('button', { name: 'Ghi các ý kiến' }).click();
    await expectText(page.getByTestId('session-cases'), 'Chậm chi trả trợ cấp người cao tuổi');
    const session = await sys.db.dialogueSession.findFirstOrThrow({ where: { chairName: 'Đinh Văn Bình' }, include: { cases: true } });
    expect(session.attendees).toBe(85);
    expect(session.heldOn.toISOString()).toBe('2026-11-20T01:00:00.000Z'); // 08:00 in Vietnam
    expect(session.cases.map((c) => c.type)).toEqual(['SESSION_OPINION', 'SESSION_OPINION']);
    await screenshot(page, 'reception-session');

    // Keyboard: on a fresh page the first Tab reaches the skip link, and Enter moves to the content.
    await page.goto(page.url());
    await page.getByTestId('session-cases').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Bỏ qua đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');
  });

  it('gives the administrator any case’s full history with a link to Temporal, and the reports with charts and CSV', async () => {
    const page = await staffPage(admin);
    await page.getByRole('link', { name: 'Lịch sử hồ sơ' }).click();
    await page.getByLabel('Tìm hồ sơ theo mã tra cứu').fill(trackingCode);
    await page.getByRole('button', { name: 'Mở' }).click();
    const history = page.getByTestId('history');
    await expectText(history, 'Tiếp nhận');
    await expectText(history, 'WORKFLOW_EXECUTION_STARTED');
    const stored = await sys.db.case.findUniqueOrThrow({ where: { trackingCode } });
    await expectAttribute(page.getByTestId('temporal-link'), 'href', new RegExp(`/workflows/${stored.workflowId}$`));
    await screenshot(page, 'admin-history');

    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await expectText(page.getByTestId('overdue-report'), '1');
    expect(await page.locator('svg.chart').count()).toBe(2);
    const csv = await page.evaluate(async () => (await fetch('/api/reports/overdue?format=csv')).text());
    expect(csv).toContain('agency');
    await screenshot(page, 'admin-reports');

    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('link', { name: 'Lĩnh vực' }).click();
    await page.locator('summary', { hasText: 'Thêm' }).click();
    await page.getByLabel('Mã').fill('moi-truong-test');
    await page.getByLabel('Tên tiếng Việt').fill('Môi trường (thử)');
    await page.getByLabel('Tên tiếng Anh').fill('Environment (test)');
    await page.getByRole('button', { name: 'Thêm' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Môi trường (thử)' });
    await row.getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('form', { name: 'Sửa' });
    await edit.getByLabel('Tên tiếng Anh').fill('Environment (trial)');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Environment (trial)' }).waitFor();
    expect((await sys.db.category.findUniqueOrThrow({ where: { code: 'moi-truong-test' } })).nameVi).toBe('Môi trường (thử)'); // left blank: unchanged
    await screenshot(page, 'admin-categories');

    // The change log names both changes, newest first, with who made them.
    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    const changes = page.locator('table tbody tr');
    await expectText(changes.first(), 'Sửa lĩnh vực');
    await expectText(changes.first(), 'nameEn: Environment (trial)');
    await expectText(changes.first(), 'quantri@hoason.gov.test');
    await expectText(changes.nth(1), 'Thêm lĩnh vực');
    await screenshot(page, 'admin-change-log');

    // A new deadline-policy version, from the newest one's limits (effective in 2030: nothing here changes).
    await page.getByRole('link', { name: 'Chính sách thời hạn' }).click();
    await page.locator('summary', { hasText: 'Thêm phiên bản chính sách thời hạn' }).click();
    const policyForm = page.getByRole('form', { name: 'Thêm phiên bản chính sách thời hạn' });
    expect(await policyForm.getByLabel('Các thời hạn (JSON)').inputValue()).toContain('"FEEDBACK"');
    await policyForm.getByRole('button', { name: 'Thêm' }).click();
    await expectAttribute(policyForm.getByLabel('Phiên bản'), 'aria-invalid', 'true');
    await policyForm.getByLabel('Phiên bản').fill('2030-thu-nghiem');
    await policyForm.getByLabel('Hiệu lực từ').fill('2030-01-01T00:00');
    await policyForm.getByLabel('Nội dung').fill('Thử nghiệm từ năm 2030');
    await policyForm.getByRole('button', { name: 'Thêm' }).click();
    await page.getByRole('cell', { name: '2030-thu-nghiem' }).waitFor();
    const version = await sys.db.clockPolicyVersion.findUniqueOrThrow({ where: { version: '2030-thu-nghiem' } });
    expect(version.effectiveFrom.toISOString()).toBe('2029-12-31T17:00:00.000Z'); // midnight in Vietnam
    await screenshot(page, 'admin-policy-version');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Administration' }).waitFor();
    await expectAttribute(page.locator('html'), 'lang', 'en');
  });
});

describe('a citizen appealing a first complaint in the browser', () => {
  it('opens the second complaint from the tracking page', async () => {
    const complaint = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', title: 'Khiếu nại bồi thường giải phóng mặt bằng', unitCode: 'HS-X-BANGVAN', petitioner: { fullName: 'Lò Văn Sáng', address: 'Bằng Vân' } });
    await complaint.handle.executeUpdate(caseUpdates.accept, { args: [{ actor: officer }] });
    await complaint.handle.executeUpdate(caseUpdates.answer, { args: [{ actor: officer, answer: 'Giữ nguyên mức bồi thường theo bảng giá đất.' }] });
    const { page } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${sys.baseUrl}/track/${complaint.trackingCode}`);
    // Until when, and to whom: the commune office head decided, so the commune chairman (Complaints Law 2011 art. 18(2)).
    await expectText(page.getByTestId('second-complaint-to'), 'Chủ tịch UBND xã Bằng Vân');
    await expectText(page.getByTestId('appeal-due'), 'Điều 44');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Khiếu nại lần hai' }) });
    await form.getByLabel('Lý do').fill('Mức bồi thường thấp hơn giá thị trường.');
    await form.getByRole('button', { name: 'Khiếu nại tiếp' }).click();
    await form.getByText('Cần mã bí mật được cấp khi nộp đơn').waitFor(); // the tracking code alone is not enough
    await page.getByLabel('Mã bí mật').fill(complaint.secret);
    await form.getByLabel('Lý do').fill('');
    await form.getByRole('button', { name: 'Khiếu nại tiếp' }).click();
    await form.getByText('Cần nêu lý do').waitFor(); // the reason is required, said on the field
    await form.getByLabel('Lý do').fill('Mức bồi thường thấp hơn giá thị trường.');
    await form.getByRole('button', { name: 'Khiếu nại tiếp' }).click();
    await expectText(page.getByTestId('status'), 'Đã kết thúc');
    await expectText(page.getByTestId('status').locator('..'), 'Đã khiếu nại tiếp');
    await eventually(async () => expect(await sys.db.case.count({ where: { linkedFromId: complaint.id, type: 'COMPLAINT_SECOND' } })).toBe(1));
    await screenshot(page, 'citizen-appealed');
  });
});
