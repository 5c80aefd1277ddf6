import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { newTrackingCode } from '../infra/tracking-code';
import { caseUpdates } from '../workflows/case-messages';
import { expectAttribute, expectText, launchBrowser, openPage, screenshot } from './support/browser';
import { submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

/*
 * Issue 17: the console for people who handle fifty cases a day. Each test is a defect seen in the
 * browser (or a check, in the browser, of one already fixed), as the role that met it.
 */

// A first complaint misses its acceptance step in 2 s; the other types keep the legal limits.
const policy = testPolicy('test-workday', { rules: { COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 2, 3600) } });

const officer = 'canbo.snnmt@hoason.gov.test';
const officerName = 'Phan Văn Long';
const reception = 'tiepnhan@hoason.gov.test';
const head = 'chutich@hoason.gov.test';
const front = 'mttq@hoason.gov.test';
const admin = 'quantri@hoason.gov.test';

/** Words of zod's own messages and of the technical ones people met. */
const TECHNICAL = /Invalid|Too small|Too big|expected|received|ISO 8601|http\(s\)|UUID|Unrecognized/;

let sys: TestSystem;
let browser: Browser;
const pageErrors: string[][] = [];
beforeAll(async () => {
  [sys, browser] = await Promise.all([startSystem({ clockPolicy: policy }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
  expect(pageErrors.flat()).toEqual([]);
});

async function newPage(options: Parameters<typeof openPage>[1] = { viewport: { width: 1366, height: 768 } }): Promise<Page> {
  const { page, errors } = await openPage(browser, options);
  pageErrors.push(errors); // script errors and CSP violations, checked when the file ends
  return page;
}

async function staffPage(email: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${sys.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  return page;
}

const fieldErrors = (page: Page) => page.locator('.field-error').allTextContents();
const toEnglish = async (page: Page) => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang=en]').waitFor();
};

describe('already fixed, checked in the browser', () => {
  it('a wrong password says so; a complaint offers no extension request; a merge asks for a tracking code', async () => {
    const page = await newPage();
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel('Email').fill(officer);
    await page.getByLabel('Mật khẩu').fill('not the password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expectText(page.getByRole('alert'), 'Sai email hoặc mật khẩu');
    expect(await page.getByText('Cần đăng nhập để xem trang này').count()).toBe(0);

    const complaint = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Khiếu nại mức bồi thường', petitioner: { fullName: 'Lục Văn Tâm', address: 'Bằng Vân' } });
    await complaint.handle.executeUpdate(caseUpdates.accept, { args: [{ actor: officer }] });
    const desk = await staffPage(officer);
    await desk.goto(`${sys.baseUrl}/cases/${complaint.id}`);
    const group = desk.getByRole('group', { name: 'Thao tác được phép' });
    await group.getByRole('button', { name: 'Trả lời', exact: true }).waitFor();
    expect(await group.getByRole('button', { name: 'Đề nghị gia hạn' }).count()).toBe(0);
    await group.getByRole('button', { name: 'Gộp hồ sơ' }).click();
    await desk.locator('form[data-action=merge]').getByLabel('Mã theo dõi hồ sơ gộp vào').waitFor();
  });
});

describe('validation messages people read', () => {
  it('are Vietnamese words in the Vietnamese console, English in English, on the login, petition and session forms', async () => {
    const page = await newPage();
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel('Email').fill('khong-phai-email');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Email không hợp lệ').waitFor();
    await page.getByText('Không được để trống').waitFor(); // the password
    expect((await fieldErrors(page)).join(' ')).not.toMatch(TECHNICAL);

    // A document named but its link missing: "the link is required", not "http(s) only".
    await page.goto(`${sys.baseUrl}/submit`);
    await page.getByRole('button', { name: 'Thêm tài liệu' }).click();
    await page.getByLabel('Tên tài liệu 1').fill('Ảnh hiện trường');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Vui lòng sửa các trường được đánh dấu.').waitFor();
    await expectAttribute(page.getByLabel('Đường dẫn 1'), 'aria-invalid', 'true');
    await page.getByText('Cần đường dẫn tới tài liệu').waitFor();
    expect((await fieldErrors(page)).join(' ')).not.toMatch(TECHNICAL);
    await screenshot(page, 'workday-citizen-errors-vi');
    await toEnglish(page);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('the link is required').waitFor();
    expect((await fieldErrors(page)).join(' ')).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);

    const desk = await staffPage(reception);
    await desk.goto(`${sys.baseUrl}/sessions`);
    await desk.getByLabel('Số người dự').fill('-3');
    await desk.getByRole('button', { name: 'Ghi buổi đối thoại' }).click();
    await expectAttribute(desk.getByLabel('Thời gian'), 'aria-invalid', 'true');
    await desk.getByText('Không được nhỏ hơn 0').waitFor();
    const errors = (await fieldErrors(desk)).join(' ');
    expect(errors).toContain('Không được để trống');
    expect(errors).not.toMatch(TECHNICAL);
    await screenshot(desk, 'workday-session-errors-vi');
    await toEnglish(desk);
    await desk.getByRole('button', { name: 'Record a dialogue session' }).click();
    await desk.getByText('must be at least 0').waitFor();
    expect((await fieldErrors(desk)).join(' ')).toContain('required');
    await screenshot(desk, 'workday-session-errors-en');
  });
});

describe('the session form', () => {
  it('does not pre-fill the receptionist as the chair, nor tick "chaired by the head"', async () => {
    const page = await staffPage(reception);
    await page.goto(`${sys.baseUrl}/sessions`);
    expect(await page.getByLabel('Người chủ trì').inputValue()).toBe('');
    expect(await page.getByLabel('Người đứng đầu trực tiếp chủ trì').isChecked()).toBe(false);
  });
});

describe('administration', () => {
  it('shows routing rules and organisations by name, and deletes a rule only after a confirmation that says what will change', async () => {
    const page = await staffPage(admin);
    await page.goto(`${sys.baseUrl}/admin/organisations`);
    await page.getByRole('cell', { name: 'Ủy ban nhân dân', exact: true }).first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/PEOPLES_COMMITTEE|FRONT_COMMITTEE|SECTOR_AGENCY/);

    await page.goto(`${sys.baseUrl}/admin/routing-rules`);
    // The province's denunciations about officials go to its inspectorate.
    const rule = page.getByRole('row').filter({ hasText: 'Cán bộ, công chức (can-bo)' }).filter({ hasText: 'Tố cáo' });
    await expectText(rule, 'Thanh tra tỉnh Hòa Sơn (HS-TT)');
    await expectText(rule, 'Tỉnh Hòa Sơn (HS)');
    await screenshot(page, 'workday-admin-routing-rules');

    await rule.getByRole('button', { name: 'Xóa' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Xóa quy tắc chuyển đơn?' });
    await expectText(dialog.getByTestId('removal-effect'), 'Tố cáo: Thanh tra tỉnh Hòa Sơn → Văn phòng UBND tỉnh');
    await screenshot(page, 'workday-admin-confirm-delete');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const count = () => sys.db.routingRule.count({ where: { caseType: 'DENUNCIATION', category: { code: 'can-bo' }, unit: { code: 'HS' } } });
    expect(await count()).toBe(1);

    await rule.getByRole('button', { name: 'Xóa' }).click();
    await dialog.getByRole('button', { name: 'Xác nhận xóa' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await rule.count()).toBe(0));
    expect(await count()).toBe(0);
  });
});

describe('codes and addresses shown to people', () => {
  it('the case page names notices, recalculations and the people on the timeline, in either language', async () => {
    const c = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Cống thoát nước bị tắc' });
    await c.handle.executeUpdate(caseUpdates.accept, { args: [{ actor: officer }] });
    const page = await staffPage(officer);
    await page.goto(`${sys.baseUrl}/cases/${c.id}`);
    const timeline = page.getByTestId('timeline');
    await expectText(timeline, `Thụ lý · ${officerName}`);
    expect(await timeline.textContent()).not.toContain(officer);
    await expectText(timeline, 'Tiếp nhận · Công dân');
    const notices = page.locator('table', { has: page.getByRole('columnheader', { name: 'Người nhận' }) });
    await expectText(notices, 'Giao giải quyết');
    expect(await notices.textContent()).not.toMatch(/assignment|citizen_update|citizen_receipt/);
    await page.getByText('Các lần tính lại').first().click();
    await page.getByText(/— Tính thời hạn:/).first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/— (computed|paused|resumed|extended):/);
    await screenshot(page, 'workday-case-names-vi');

    await toEnglish(page);
    await expectText(timeline, `Accepted · ${officerName}`);
    await page.getByText(/— Computed:/).first().waitFor();
    await screenshot(page, 'workday-case-names-en');
  });
});

/** Overdue cases written straight to the database (no workflow needed for the lists): `n` for an agency. */
async function overdueRows(agencyCode: string, n: number, titlePrefix: string) {
  const [agency, unit, category] = await Promise.all([
    sys.db.organisation.findUniqueOrThrow({ where: { code: agencyCode } }),
    sys.db.unit.findUniqueOrThrow({ where: { code: 'HS' } }),
    sys.db.category.findUniqueOrThrow({ where: { code: 'dat-dai' } }),
  ]);
  const now = Date.now();
  await sys.db.case.createMany({
    data: Array.from({ length: n }, (_, i) => {
      const id = randomUUID();
      return {
        id, trackingCode: newTrackingCode(), idempotencyKey: `overdue-${id}`, requestHash: 'x', workflowId: `none-${id}`, type: 'FEEDBACK' as const, status: 'ASSIGNED' as const,
        title: `${titlePrefix} ${i + 1}`, content: 'Hồ sơ quá hạn để thử danh sách.', categoryId: category.id, unitId: unit.id, agencyId: agency.id,
        receivedAt: new Date(now - (40 + i) * 86_400_000), firstStepDueAt: new Date(now - (30 + i) * 86_400_000 - 3_600_000), policyVersion: 'test-workday',
      };
    }),
  });
}

describe('the head’s and the Front’s overdue lists', () => {
  it('are grouped by agency with counts and how late, paginated and sortable; the Front’s recommendation form comes first', async () => {
    await overdueRows('HS-SNNMT', 30, 'Quá hạn đất đai');
    await overdueRows('HS-SXD', 4, 'Quá hạn xây dựng');
    const page = await staffPage(head);
    await page.waitForURL(/\/escalations$/);
    const byAgency = page.getByTestId('overdue-by-agency');
    const snnmt = byAgency.getByRole('row').filter({ hasText: 'Sở Nông nghiệp và Môi trường' });
    await eventually(async () => expect(Number(await snnmt.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(30));
    await expectText(snnmt, /quá hạn (59|6\d) ngày/); // the oldest: 59 days and an hour
    const rows = page.getByTestId('overdue-row');
    await eventually(async () => expect(await rows.count()).toBe(25));
    await expectText(rows.first(), 'quá hạn');
    await page.getByText(/Trang 1 \/ 2/).waitFor();
    await screenshot(page, 'workday-head-overdue');

    await page.getByRole('navigation', { name: 'Hồ sơ quá hạn của đơn vị' }).getByRole('button', { name: 'Trang sau' }).click();
    await page.getByText(/Trang 2 \/ 2/).waitFor();
    await eventually(async () => expect(await rows.count()).toBeGreaterThanOrEqual(9));

    await byAgency.getByRole('button', { name: 'Sở Xây dựng' }).click();
    await page.getByText('Trang 1 / 1 · 4 hồ sơ').waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain('Sở Xây dựng');

    // Least overdue first, then back.
    await byAgency.getByRole('button', { name: 'Sở Xây dựng' }).click();
    await page.getByRole('columnheader', { name: /Mức quá hạn/ }).getByRole('button').click();
    await expectAttribute(page.getByRole('columnheader', { name: /Mức quá hạn/ }), 'aria-sort', 'ascending');
    await eventually(async () => expect(await rows.first().textContent()).not.toContain('Quá hạn đất đai 30'));

    const board = await staffPage(front);
    await board.waitForURL(/\/supervision$/);
    const form = board.getByRole('heading', { name: 'Ghi kiến nghị giám sát' });
    const list = board.getByTestId('overdue-by-agency');
    await list.waitFor();
    const [formBox, listBox] = [await form.boundingBox(), await list.boundingBox()];
    expect(formBox!.y).toBeLessThan(listBox!.y);
    await eventually(async () => expect(await board.getByTestId('overdue-row').count()).toBe(25));
    await screenshot(board, 'workday-front-board');
  });
});

describe('the extension decision', () => {
  it('shows the due date now and after approval, and a refusal needs its reason', async () => {
    const request = async (title: string) => {
      const c = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'dat-dai', unitCode: 'HS', title, petitioner: { fullName: 'Hà Thị Mai', address: 'Yên Phong' } });
      await c.handle.executeUpdate(caseUpdates.accept, { args: [{ actor: officer, complexity: 'COMPLEX' }] });
      await c.handle.executeUpdate(caseUpdates.requestExtension, { args: [{ actor: officer, reason: 'Cần xác minh tại ba xã.' }] });
      return c;
    };
    const refused = await request('Tố cáo cấp đất sai đối tượng');
    const approved = await request('Tố cáo thu tiền sử dụng đất sai');
    const before = (await sys.db.case.findUniqueOrThrow({ where: { id: approved.id } })).resolutionDueAt!;

    const page = await staffPage(head);
    const refuseCard = page.getByTestId('extension-request').filter({ hasText: 'Tố cáo cấp đất sai đối tượng' });
    await expectText(refuseCard, `Người đề nghị${officerName}`);
    await refuseCard.getByRole('button', { name: 'Không đồng ý' }).click();
    await refuseCard.getByText('Cần nêu lý do không đồng ý gia hạn.').waitFor();
    await screenshot(page, 'workday-extension-decision');
    expect(await sys.db.caseEvent.count({ where: { caseId: refused.id, type: 'extension_refused' } })).toBe(0);
    await refuseCard.getByLabel('Ý kiến về quyết định').fill('Đủ thời gian xác minh trong hạn hiện tại.');
    await refuseCard.getByRole('button', { name: 'Không đồng ý' }).click();
    await expectText(page.getByTestId('decision'), 'không đồng ý gia hạn');
    const event = await eventually(() => sys.db.caseEvent.findFirstOrThrow({ where: { caseId: refused.id, type: 'extension_refused' } }));
    expect(event.reason).toContain('Đủ thời gian xác minh');

    const approveCard = page.getByTestId('extension-request').filter({ hasText: 'Tố cáo thu tiền sử dụng đất sai' });
    const preview = (await approveCard.getByTestId('due-if-approved').locator('strong').textContent()) ?? '';
    expect(preview).toMatch(/\d\d\/\d\d\/\d{4}/);
    await approveCard.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await expectText(page.getByTestId('decision'), `đã đồng ý gia hạn. Hạn giải quyết: ${preview}`);
    const after = (await sys.db.case.findUniqueOrThrow({ where: { id: approved.id } })).resolutionDueAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });
});

describe('the tracking page while the agency waits for the citizen', () => {
  it('says what is asked, refuses an empty answer, refreshes after sending, and offers withdrawal only while the case is open', async () => {
    const c = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Khiếu nại thu hồi đất ruộng', petitioner: { fullName: 'Lò Thị Nhung', address: 'Nam Cường' } });
    await c.handle.executeUpdate(caseUpdates.accept, { args: [{ actor: officer }] });
    await c.handle.executeUpdate(caseUpdates.requestInfo, { args: [{ actor: officer, reason: 'Đề nghị gửi bản sao quyết định thu hồi đất số 12/QĐ-UBND.' }] });

    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${sys.baseUrl}/track/${c.trackingCode}`);
    await expectText(page.getByTestId('status'), 'Chờ bổ sung');
    await expectText(page.getByTestId('info-request'), 'bản sao quyết định thu hồi đất số 12/QĐ-UBND');
    await page.getByLabel('Mã bí mật').fill(c.secret);
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Cần nêu thông tin bổ sung').waitFor();
    expect((await sys.db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('AWAITING_INFO');
    await screenshot(page, 'workday-citizen-info-request');

    await page.getByLabel('Thông tin bổ sung').fill('Bản sao quyết định: https://anh.example.test/qd-12.pdf');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expectText(page.getByTestId('status'), 'Đang giải quyết'); // no reload
    await page.getByText('Đã gửi thông tin bổ sung').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi bổ sung' }).count()).toBe(0);
    expect(await page.getByTestId('info-request').count()).toBe(0);
    await page.getByText('Rút đơn').first().waitFor(); // open: the complaint may be withdrawn
    const event = await sys.db.caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'info_provided' } });
    expect(event.reason).toContain('qd-12.pdf');

    await c.handle.executeUpdate(caseUpdates.answer, { args: [{ actor: officer, answer: 'Giữ nguyên quyết định thu hồi.' }] });
    await page.reload();
    await expectText(page.getByTestId('answer'), 'Giữ nguyên');
    expect(await page.getByText('Rút đơn').count()).toBe(0);
  });
});

describe('finding cases and filtering the inbox', () => {
  it('finds "xả thải" typed without diacritics from the inbox, and keeps a saved filter for next time', async () => {
    const c = await submitCase(sys, {
      type: 'FEEDBACK', categoryCode: 'moi-truong', unitCode: 'HS-X-YENPHONG', title: 'Nhà máy xả thải ra sông Lô',
      content: 'Nước thải chưa qua xử lý chảy thẳng ra sông, cá chết hàng loạt.',
    });
    const page = await staffPage(reception);
    await page.waitForURL(/\/inbox$/);
    const box = page.getByRole('search');
    await box.getByRole('searchbox').fill('xa thai song lo');
    await box.getByRole('button', { name: 'Tìm' }).click();
    const hit = page.getByTestId('search-row').filter({ hasText: 'Nhà máy xả thải ra sông Lô' });
    await expectText(hit, 'khớp: tiêu đề');
    await expectText(hit, c.trackingCode);
    await screenshot(page, 'workday-search-vi');

    const filters = page.getByRole('group', { name: 'Lọc hồ sơ' });
    await filters.getByLabel('Lĩnh vực').selectOption('moi-truong');
    await filters.getByLabel('Đơn vị hành chính').selectOption('HS-X-YENPHONG');
    const rows = page.getByTestId('inbox-row');
    await eventually(async () => expect(await rows.allTextContents()).toEqual([expect.stringContaining('Nhà máy xả thải ra sông Lô')]));
    await page.getByLabel('Tên bộ lọc').fill('Môi trường Yên Phong');
    await page.getByRole('button', { name: 'Lưu bộ lọc' }).click();
    await screenshot(page, 'workday-inbox-filters');

    // Another day: the saved filter is there for this account.
    await page.reload();
    await page.getByRole('button', { name: 'Môi trường Yên Phong', exact: true }).click();
    expect(await filters.getByLabel('Lĩnh vực').inputValue()).toBe('moi-truong');
    await eventually(async () => expect(await rows.count()).toBe(1));
    await expectAttribute(page.getByRole('button', { name: 'Môi trường Yên Phong', exact: true }), 'aria-pressed', 'true');

    await toEnglish(page);
    await page.getByRole('searchbox').fill('ca chet');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expectText(page.getByTestId('search-row').first(), 'matched on: content');
    await screenshot(page, 'workday-search-en');
    await hit.getByRole('link').click();
    await page.waitForURL(new RegExp(`/cases/${c.id}$`));
  });

  it('works on a phone', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel('Email').fill(head);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/escalations$/);
    await page.getByRole('searchbox').fill('nha may xa thai');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('search-row').first().waitFor();
    await screenshot(page, 'workday-search-phone');
  });
});

describe('sharing out work', () => {
  it('lets reception assign several unrouted cases to one agency at once, each through its own assign action', async () => {
    const titles = ['Đề nghị sửa nhà văn hóa thôn', 'Đề nghị lắp đèn đường ngõ 4'];
    const cases = await Promise.all(titles.map((title) => submitCase(sys, { type: 'FEEDBACK', categoryCode: 'khac', unitCode: 'HS', title })));
    for (const c of cases) expect((await sys.db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('UNROUTED');
    const page = await staffPage(reception);
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('group', { name: 'Lọc hồ sơ' }).getByLabel('Trạng thái').selectOption('UNROUTED');
    for (const title of titles) await page.getByRole('checkbox', { name: `Chọn: ${title}` }).check();
    const bulk = page.getByTestId('bulk-assign');
    await expectText(bulk, 'Số hồ sơ đã chọn: 2');
    await bulk.getByLabel('Cơ quan').selectOption({ label: 'Văn phòng UBND tỉnh — Tỉnh Hòa Sơn' });
    await screenshot(page, 'workday-bulk-assign');
    await bulk.getByRole('button', { name: 'Phân công các hồ sơ đã chọn' }).click();
    await expectText(page.getByTestId('bulk-result'), 'Đã phân công: 2 / 2');
    const agency = await sys.db.organisation.findUniqueOrThrow({ where: { code: 'HS-VP' } });
    for (const c of cases) {
      await eventually(async () => expect(await sys.db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: 'ASSIGNED', agencyId: agency.id }));
      expect(await sys.db.caseEvent.count({ where: { caseId: c.id, type: 'assigned', actor: reception } })).toBe(1);
    }
  });
});

describe('internal notes', () => {
  it('are on the staff timeline by name and never on the citizen’s tracking page', async () => {
    const c = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Lấn chiếm hành lang đường' });
    const page = await staffPage(officer);
    await page.goto(`${sys.baseUrl}/cases/${c.id}`);
    await page.getByRole('group', { name: 'Thao tác được phép' }).getByRole('button', { name: 'Ghi chú nội bộ' }).click();
    const form = page.locator('form[data-action=note]');
    await form.getByLabel('Nội dung').fill('Đã gọi UBND phường, chờ biên bản kiểm tra hiện trường.');
    await form.getByRole('button', { name: 'Ghi chú nội bộ' }).click();
    await expectText(page.getByTestId('timeline'), `Ghi chú nội bộ · ${officerName}: Đã gọi UBND phường`);

    const citizen = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await citizen.goto(`${sys.baseUrl}/track/${c.trackingCode}`);
    await citizen.getByTestId('status').waitFor();
    expect(await citizen.locator('main').textContent()).not.toContain('chờ biên bản');
  });
});
