import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { caseRow, eventTypes, submitCase } from './support/cases';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// Uploaded documents on the real clamd (the project's EICAR signature) and the disk storage.
const policy = testPolicy('test-documents', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600), DENUNCIATION: secondsRule('DENUNCIATION', 600, 600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) },
});
const MAX_FILE = 256 * 1024;
const MAX_CASE = 600 * 1024;

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy, documentLimits: { maxFileBytes: MAX_FILE, maxCaseBytes: MAX_CASE } });
});
afterAll(async () => {
  await sys?.stop();
});

const officer = 'canbo.snnmt@hoason.gov.test';
const head = 'chutich@hoason.gov.test';
const land = { categoryCode: 'dat-dai', unitCode: 'HS' };

/** A PDF of about `size` bytes: the magic file-type reads, then filler. */
const pdf = (size = 2048, body = '') => Buffer.concat([Buffer.from(`%PDF-1.4\n${body}\n`), Buffer.alloc(Math.max(0, size - 40), 0x20), Buffer.from('\n%%EOF\n')]);
// EICAR's test string, in two pieces so this source file is not itself a detection.
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const cookies = new Map<string, string>();
async function cookieOf(who: string) {
  if (!cookies.has(who)) {
    const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who, password: DEMO_PASSWORD }) });
    cookies.set(who, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  return cookies.get(who)!;
}

async function upload(bytes: Buffer, name: string, who?: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${sys.baseUrl}/api/documents`, { method: 'POST', headers: { 'x-requested-with': 'fetch', ...(who ? { cookie: await cookieOf(who) } : {}) }, body: form });
  return { status: res.status, body: (await res.json()) as Json };
}

async function call(method: string, path: string, opts: { who?: string; body?: unknown; secret?: string } = {}) {
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.who ? { cookie: await cookieOf(opts.who) } : {}),
      ...(opts.secret ? { 'x-case-secret': opts.secret } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return res;
}
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });

/** Every file the disk storage holds, as paths under its folder (uploads in progress included). */
function storedFiles(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(sys.documentsDir, join(dir, e.name))]));
  return walk(sys.documentsDir);
}

describe('an upload is checked before anything is kept', () => {
  it('refuses an infected file (422), keeps it only in quarantine, and it can never join a case or be downloaded', async () => {
    const res = await upload(pdf(4096, EICAR), 'Đơn.pdf');
    expect(res).toMatchObject({ status: 422, body: { code: 'upload_infected' } });
    expect(res.body.detail).toContain('Eicar-Test-Signature');
    const row = await sys.db.document.findFirstOrThrow({ where: { scanStatus: 'INFECTED' } });
    expect(row).toMatchObject({ caseId: null, scanFinding: 'Eicar-Test-Signature.UNOFFICIAL', storageKey: `quarantine/${row.id}` });
    expect(storedFiles()).toContain(`quarantine/${row.id}`);

    const submitted = await call('POST', '/api/petitions', { body: { type: 'FEEDBACK', ...land, title: 'Đơn', content: 'Nội dung', anonymous: true, documentIds: [row.id] } });
    expect(await json(submitted)).toMatchObject({ status: 422, body: { fields: [{ field: 'documentIds' }] } });
    expect(await sys.db.case.count({ where: { title: 'Đơn', content: 'Nội dung' } })).toBe(0);
  });

  it('refuses a file over the limit (413), whether its length is declared or only found while streaming, storing nothing', async () => {
    const before = { rows: await sys.db.document.count(), files: storedFiles() };
    expect(await upload(pdf(MAX_FILE + 1024), 'lon.pdf')).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    expect(await upload(pdf(MAX_FILE * 3), 'rat-lon.pdf')).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    expect(await sys.db.document.count()).toBe(before.rows);
    expect(storedFiles()).toEqual(before.files);
  });

  it('takes the type from the content, not the name: a program or plain text named .pdf is refused (415), storing nothing', async () => {
    const before = { rows: await sys.db.document.count(), files: storedFiles() };
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(2000)]);
    program.writeUInt32LE(64, 0x3c);
    for (const [bytes, name] of [[program, 'thu.pdf'], [Buffer.from('<html><script>alert(1)</script></html>'), 'anh.jpg'], [Buffer.from('chỉ là chữ'), 'don.docx']] as const) {
      const res = await upload(bytes, name);
      expect(res, name).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
      expect(res.body.detail).toContain('PDF');
    }
    expect(await upload(Buffer.alloc(0), 'rong.pdf')).toMatchObject({ status: 422, body: { fields: [{ field: 'file' }] } });
    expect(await sys.db.document.count()).toBe(before.rows);
    expect(storedFiles()).toEqual(before.files);
  });

  it('refuses a multipart upload without X-Requested-With (a cross-site form could send it), and a malformed one with a 4xx', async () => {
    const form = new FormData();
    form.append('file', new Blob([pdf()]), 'thu.pdf');
    expect((await fetch(`${sys.baseUrl}/api/documents`, { method: 'POST', body: form })).status).toBe(415);

    const raw = (type: string, body: string) => fetch(`${sys.baseUrl}/api/documents`, { method: 'POST', headers: { 'x-requested-with': 'fetch', 'content-type': type }, body });
    expect((await raw('multipart/form-data', 'x')).status).toBe(415); // no boundary
    expect((await raw('application/json', '{}')).status).toBe(415);
    expect((await raw('multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut')).status).toBe(400);
    expect((await raw('multipart/form-data; boundary=b', '--b--\r\n')).status).toBe(422);
    const rows = await sys.db.document.count();
    expect(storedFiles().filter((f) => f.startsWith('staging/'))).toEqual([]);
    expect(await sys.db.document.count()).toBe(rows);
  });
});

describe('a document joins the case with its submission or action, and is downloaded like the case is read', () => {
  it('a citizen uploads a scan and a photo, submits with them, and downloads them with the secret only', async () => {
    const letter = pdf(3000, 'Thư gửi UBND');
    const scan = await upload(letter, 'Đơn kiến nghị (bản chụp).pdf');
    expect(scan).toMatchObject({ status: 201, body: { name: 'Đơn kiến nghị (bản chụp).pdf', contentType: 'application/pdf', size: letter.length, scanStatus: 'CLEAN', attachedWith: null } });
    const photo = await upload(PNG, 'IMG_0042.jpg');
    expect(photo.body).toMatchObject({ contentType: 'image/png', scanStatus: 'CLEAN' });
    const stored = await sys.db.document.findUniqueOrThrow({ where: { id: scan.body.id } });
    expect(stored.storageKey).toBe(`documents/${stored.id}`);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const c = await submitCase(sys, { ...land, type: 'FEEDBACK', documentIds: [scan.body.id, photo.body.id] });
    const path = `/api/track/${c.trackingCode}/documents`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, { secret: 'AAAAA-BBBBB-CCCCC-DDDDD' })).status).toBe(403);
    const listed = await json(await call('GET', path, { secret: c.secret }));
    expect(listed.body.documents).toMatchObject([
      { id: scan.body.id, name: 'Đơn kiến nghị (bản chụp).pdf', scanStatus: 'CLEAN', attachedWith: 'submission' },
      { id: photo.body.id, contentType: 'image/png', attachedWith: 'submission' },
    ]);

    expect((await call('GET', `${path}/${scan.body.id}`)).status).toBe(401);
    const download = await call('GET', `${path}/${scan.body.id}`, { secret: c.secret });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Don kien nghi (ban chup).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20ki%E1%BA%BFn%20ngh%E1%BB%8B%20%28b%E1%BA%A3n%20ch%E1%BB%A5p%29.pdf`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(letter)).toBe(true);

    // The same upload cannot join a second case.
    const again = await call('POST', '/api/petitions', { body: { type: 'FEEDBACK', ...land, title: 'Lần hai', content: 'x', anonymous: true, documentIds: [scan.body.id] } });
    expect(await json(again)).toMatchObject({ status: 422, body: { fields: [{ field: 'documentIds' }] } });
  });

  it('staff download within their scope; a case outside it does not exist for them', async () => {
    const doc = await upload(pdf(), 'ban-ve.pdf');
    const inScope = await submitCase(sys, { ...land, type: 'FEEDBACK', documentIds: [doc.body.id] });
    const res = await call('GET', `/api/cases/${inScope.id}/documents/${doc.body.id}`, { who: officer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ban-ve.pdf"/);

    const other = await upload(pdf(), 'duong.pdf');
    const outOfScope = await submitCase(sys, { categoryCode: 'giao-thong', unitCode: 'HS', type: 'FEEDBACK', documentIds: [other.body.id] });
    expect((await call('GET', `/api/cases/${outOfScope.id}/documents`, { who: officer })).status).toBe(404);
    expect((await call('GET', `/api/cases/${outOfScope.id}/documents/${other.body.id}`, { who: officer })).status).toBe(404);
    expect((await call('GET', `/api/cases/${outOfScope.id}/documents/${other.body.id}`, { who: head })).status).toBe(200);
  });

  it('a denouncer’s documents are shown only to those who may see the identity, and each reading is recorded', async () => {
    const doc = await upload(pdf(), 'Đơn tố cáo - Nguyễn Văn A.pdf');
    const c = await submitCase(sys, { ...land, type: 'DENUNCIATION', accused: { fullName: 'Lê Văn Cán' }, documentIds: [doc.body.id] });
    const listed = await json(await call('GET', `/api/cases/${c.id}/documents`, { who: officer }));
    expect(listed.body.documents).toMatchObject([{ id: doc.body.id, name: null }]);
    expect((await call('GET', `/api/cases/${c.id}/documents/${doc.body.id}`, { who: officer })).status).toBe(403);
    expect((await call('GET', `/api/cases/${c.id}/documents/${doc.body.id}`, { who: head })).status).toBe(200);
    expect(await eventTypes(sys, c.id)).toContain('document_read');
  });

  it('an officer answers with a document; a refused action gives its documents back', async () => {
    const c = await submitCase(sys, { ...land, type: 'FEEDBACK' });
    const decision = await upload(pdf(5000, 'Quyết định'), 'Quyết định giải quyết.pdf', officer);
    expect(decision.status).toBe(201);
    // Not accepted yet: the answer is refused and the document is free again.
    const early = await call('POST', `/api/cases/${c.id}/actions/answer`, { who: officer, body: { answer: 'Trả lời', documentIds: [decision.body.id] } });
    expect(early.status).toBe(409);
    expect((await sys.db.document.findUniqueOrThrow({ where: { id: decision.body.id } })).caseId).toBeNull();

    expect((await call('POST', `/api/cases/${c.id}/actions/accept`, { who: officer, body: {} })).status).toBe(200);
    const answered = await call('POST', `/api/cases/${c.id}/actions/answer`, { who: officer, body: { answer: 'Đã sửa đường', documentIds: [decision.body.id] } });
    expect(answered.status).toBe(200);
    expect((await caseRow(sys, c.id)).status).toBe('ANSWERED');
    const listed = await json(await call('GET', `/api/track/${c.trackingCode}/documents`, { secret: c.secret }));
    expect(listed.body.documents).toMatchObject([{ id: decision.body.id, name: 'Quyết định giải quyết.pdf', attachedWith: 'answer' }]);
    expect((await call('GET', `/api/track/${c.trackingCode}/documents/${decision.body.id}`, { secret: c.secret })).status).toBe(200);
  });

  it('a case holds at most its total: the document that would pass it is refused on the field', async () => {
    const first = await Promise.all([1, 2].map(async () => (await upload(pdf(MAX_FILE - 1024), 'trang.pdf')).body.id as string));
    const c = await submitCase(sys, { ...land, type: 'FEEDBACK', documentIds: first });
    await call('POST', `/api/cases/${c.id}/actions/accept`, { who: officer, body: {} });
    await call('POST', `/api/cases/${c.id}/actions/requestInfo`, { who: officer, body: { reason: 'Bổ sung sổ đỏ' } });
    const third = await upload(pdf(MAX_FILE - 1024), 'so-do.pdf');
    const refused = await call('POST', `/api/track/${c.trackingCode}/actions/provideInfo`, { secret: c.secret, body: { note: 'Sổ đỏ', documentIds: [third.body.id] } });
    expect(await json(refused)).toMatchObject({ status: 422, body: { fields: [{ field: 'documentIds' }] } });
    expect((await caseRow(sys, c.id)).status).toBe('AWAITING_INFO');

    const small = await upload(pdf(1000), 'so-do-trang-1.pdf');
    const provided = await call('POST', `/api/track/${c.trackingCode}/actions/provideInfo`, { secret: c.secret, body: { note: 'Sổ đỏ trang 1', documentIds: [small.body.id] } });
    expect(provided.status).toBe(200);
    const listed = await json(await call('GET', `/api/track/${c.trackingCode}/documents`, { secret: c.secret }));
    expect(listed.body.documents.map((d: Json) => d.attachedWith)).toEqual(['submission', 'submission', 'provideInfo']);
  });
});
