import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { expectText, launchBrowser, openPage, screenshot } from './support/browser';
import { petitioner } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// Uploads from the console, on the real clamd and disk storage: a citizen on a phone, an officer at a desk.
const policy = testPolicy('test-web-documents', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 3600, 3600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(3600) },
});
const officer = 'canbo.snnmt@hoason.gov.test';
const UPLOAD = 'Tải tài liệu lên (bản chụp đơn, ảnh, văn bản)';

/** A scanned letter as a phone's scanner app saves it: a PDF. */
const scannedLetter = Buffer.concat([Buffer.from('%PDF-1.4\n% Đơn kiến nghị, bản chụp\n'), Buffer.alloc(40_000, 0x20), Buffer.from('\n%%EOF\n')]);
// EICAR's test string, in two pieces so this file is not itself a detection.
const infected = Buffer.from('%PDF-1.4\n' + 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' + '\n%%EOF\n');

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

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

describe('documents in the web console', () => {
  const title = 'Đường vào trường học bị sạt lở';
  let citizen: Page;
  let trackingCode = '';

  it('a citizen on a phone uploads a scanned letter with the petition; an infected file is refused on the field', async () => {
    const opened = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    citizen = opened.page;
    pageErrors.push(...opened.errors);
    citizen.on('pageerror', (e) => pageErrors.push(e.message));
    await citizen.goto(`${sys.baseUrl}/submit`);
    await citizen.getByLabel('Loại đơn').selectOption('FEEDBACK');
    await citizen.getByLabel('Đơn vị hành chính').selectOption('HS');
    await citizen.getByLabel('Lĩnh vực').selectOption('dat-dai');
    await citizen.getByLabel('Tiêu đề').fill(title);
    await citizen.getByLabel('Nội dung').fill('Mưa lớn làm sạt lở đường vào trường tiểu học; đơn kèm bản chụp.');

    const picker = citizen.getByLabel(UPLOAD);
    await picker.setInputFiles({ name: 'Đơn kiến nghị.pdf', mimeType: 'application/pdf', buffer: scannedLetter });
    const uploaded = citizen.getByRole('list', { name: 'Tệp đã tải lên' });
    await expectText(uploaded, 'Đơn kiến nghị.pdf');
    await expectText(uploaded.getByTestId('scan-status'), 'Đã quét: sạch');

    await picker.setInputFiles({ name: 'anh-chup.pdf', mimeType: 'application/pdf', buffer: infected });
    await expectText(citizen.locator('.upload .field-error'), /anh-chup\.pdf: Tệp chứa mã độc \(Eicar-Test-Signature/);
    expect(await uploaded.getByRole('listitem').count()).toBe(1);
    await screenshot(citizen, 'citizen-phone-upload');

    await citizen.getByLabel('Họ và tên').fill(petitioner.fullName);
    await citizen.getByLabel('Địa chỉ').fill(petitioner.address);
    await citizen.getByRole('button', { name: 'Gửi', exact: true }).click();
    trackingCode = (await citizen.getByTestId('tracking-code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^PA-[0-9A-Z]{16}$/);

    const stored = await sys.db.case.findUniqueOrThrow({ where: { trackingCode }, include: { documents: true } });
    expect(stored.documents).toMatchObject([{ name: 'Đơn kiến nghị.pdf', contentType: 'application/pdf', size: scannedLetter.length, scanStatus: 'CLEAN', attachedWith: 'submission' }]);
    expect(await sys.db.document.count({ where: { scanStatus: 'INFECTED', caseId: null } })).toBe(1);
  });

  it('the citizen sees the letter on the tracking page with its scan status and downloads it with the secret', async () => {
    await citizen.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await citizen.getByRole('button', { name: 'Xem tài liệu (cần mã bí mật)' }).click();
    const item = citizen.getByTestId('document').filter({ hasText: 'Đơn kiến nghị.pdf' });
    await expectText(item, 'kèm đơn');
    await expectText(item.getByTestId('scan-status'), 'Đã quét: sạch');
    await screenshot(citizen, 'citizen-phone-documents');
    const file = await downloaded(citizen, () => item.getByRole('button', { name: 'Đơn kiến nghị.pdf' }).click());
    expect(file.name).toBe('Đơn kiến nghị.pdf');
    expect(file.bytes.equals(scannedLetter)).toBe(true);
  });

  it('the officer downloads it from the case page and answers with a decision uploaded in the answer form', async () => {
    const c = await sys.db.case.findUniqueOrThrow({ where: { trackingCode } });
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('ASSIGNED'));
    const { page, errors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    pageErrors.push(...errors);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel('Email').fill(officer);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
    await page.goto(`${sys.baseUrl}/cases/${c.id}`);

    const file = await downloaded(page, () => page.getByRole('link', { name: 'Đơn kiến nghị.pdf' }).click());
    expect(file.bytes.equals(scannedLetter)).toBe(true);

    const group = page.getByRole('group', { name: 'Thao tác được phép' });
    await group.getByRole('button', { name: 'Thụ lý', exact: true }).click();
    await page.locator('form[data-action=accept]').getByRole('button', { name: 'Thụ lý' }).click();
    await expectText(page.getByTestId('case-status'), 'Đang giải quyết');
    await group.getByRole('button', { name: 'Trả lời', exact: true }).click();
    const answer = page.locator('form[data-action=answer]');
    await answer.getByLabel('Câu trả lời').fill('UBND xã đã gia cố đoạn đường sạt lở; kèm quyết định.');
    await answer.getByLabel(UPLOAD).setInputFiles({ name: 'Quyết định số 12.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nQuyết định\n%%EOF\n') });
    await expectText(answer.getByRole('list', { name: 'Tệp đã tải lên' }), 'Quyết định số 12.pdf');
    await answer.getByRole('button', { name: 'Trả lời' }).click();
    await expectText(page.getByTestId('case-status'), 'Đã trả lời');
    await expectText(page.getByRole('list', { name: 'Tài liệu của hồ sơ' }), 'Quyết định số 12.pdf');
    await screenshot(page, 'officer-case-documents');

    await citizen.reload();
    await citizen.getByRole('button', { name: 'Xem tài liệu (cần mã bí mật)' }).click();
    await expectText(citizen.getByTestId('document').filter({ hasText: 'Quyết định số 12.pdf' }), 'kèm trả lời');
  });
});
