import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deadline } from '../domain/legal-clock';
import { formatVnDateTime } from '../domain/local-time';
import { caseStateQuery, caseUpdates } from '../workflows/case-messages';
import { caseRow, eventTypes, sleep, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { login } from './support/http';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

/**
 * A denunciation's own rules on the real Temporal server and PostgreSQL (Denunciations Law 2018 as
 * amended by Law 136/2025): verification at several places, transfer when not competent, the result
 * to whoever forwarded it, the written notice to the accused with its own ladder, and the accused
 * told of each extension. The main limits are long so that only the rule under test escalates.
 */
const rule = (s: number, basis: string, basisEn: string) => ({ limit: seconds(s), basis, basisEn });
const policy = testPolicy('test-denunciation', {
  rules: { DENUNCIATION: secondsRule('DENUNCIATION', 600, 600, 600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(2) },
  ratingWindow: seconds(600),
  denunciation: {
    severalPlaces: rule(900, 'Luật Tố cáo 2018, Điều 24 khoản 1', 'Denunciations Law 2018 art. 24(1)'),
    transfer: rule(300, 'Luật Tố cáo 2018, Điều 24 khoản 2', 'Denunciations Law 2018 art. 24(2)'),
    forwarderResult: rule(600, 'Luật Tố cáo 2018, Điều 26 khoản 2', 'Denunciations Law 2018 art. 26(2)'),
    accusedNotice: rule(4, 'Luật Tố cáo 2018, Điều 29', 'Denunciations Law 2018 art. 29'),
  },
});

const OFFICER = 'canbo.snnmt@hoason.gov.test';
const RECEPTION = 'tiepnhan@hoason.gov.test';
const denouncer = { fullName: 'Lê Văn Tố', email: 'to.lv@example.test', address: 'Thôn Đông, xã Bằng Vân' };
/** Routed to the provincial Department of Agriculture and Environment, whose officer acts over HTTP. */
const landDenunciation = { type: 'DENUNCIATION', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Tố cáo của Lê Văn Tố về cấp đất', petitioner: denouncer };
/** Routed to a ward's office: its ladder reaches the ward's head and then the province's. */
const wardDenunciation = { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN', petitioner: denouncer };
const mail = { ward: 'hs-p-ducxuan-vp@hoason.gov.test', wardHead: 'truong.hs-p-ducxuan-ubnd@hoason.gov.test', provinceHead: 'truong.hs-ubnd@hoason.gov.test' };
const system = { actor: 'canbo@hoason.gov.test' };

// Response bodies are asserted field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

let sys: TestSystem;
let officer = '';
let reception = '';
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
  [officer, reception] = await Promise.all([login(sys, OFFICER), login(sys, RECEPTION)]);
});
afterAll(async () => {
  await sys?.stop();
});

async function call(cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sys.baseUrl}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}
const act = (cookie: string, id: string, action: string, body: unknown) => call(cookie, 'POST', `/api/cases/${id}/actions/${action}`, body);
const deadlines = async (id: string) => (await caseRow(sys, id)).deadlines as unknown as Record<string, Deadline>;
const mailsTo = (address: string) => sys.smtp.to(address);
const eventsOf = (id: string, type: string) => sys.db.caseEvent.findMany({ where: { caseId: id, type }, orderBy: { at: 'asc' } });
const orgId = async (code: string) => (await sys.db.organisation.findUniqueOrThrow({ where: { code } })).id;

describe('initial handling of a denunciation (art. 24)', () => {
  it('takes 10 working days instead of 7 when the officer records verification at several places, once', async () => {
    const { id } = await submitCase(sys, landDenunciation);
    const before = await call(officer, 'GET', `/api/cases/${id}`);
    expect(before.body.allowedActions).toContain('verifyAtSeveralPlaces');
    expect(Object.keys(before.body.actionForms.verifyAtSeveralPlaces.properties)).toEqual(['reason']);

    const after = await act(officer, id, 'verifyAtSeveralPlaces', { reason: 'Phải xác minh tại ba xã' });
    expect(after.status).toBe(200);
    const received = new Date(after.body.receivedAt).getTime();
    expect(new Date(after.body.firstStepDueAt).getTime()).toBe(received + 900_000);
    const first = after.body.deadlines.first_step as Deadline;
    expect(first).toMatchObject({ legalBasis: 'Luật Tố cáo 2018, Điều 24 khoản 1', inputs: { severalPlaces: true } });
    expect(first.history.at(-1)!.note).toMatch(/^Luật Tố cáo 2018, Điều 24 khoản 1: Phải xác minh tại ba xã: .* \/ Denunciations Law 2018 art. 24\(1\): Phải xác minh tại ba xã/);
    expect(after.body.allowedActions).not.toContain('verifyAtSeveralPlaces');
    expect((await act(officer, id, 'verifyAtSeveralPlaces', { reason: 'lần nữa' })).status).toBe(409);
  });

  it('returned as not competent, owes the transfer within 5 working days of receipt; reception’s assignment is the transfer', async () => {
    const { id, handle } = await submitCase(sys, landDenunciation);
    const returned = await act(officer, id, 'return', { reason: 'Không thuộc thẩm quyền của Sở' });
    expect(returned.status).toBe(200);
    expect(new Date(returned.body.firstStepDueAt).getTime()).toBe(new Date(returned.body.receivedAt).getTime() + 300_000);
    expect(returned.body.deadlines.first_step).toMatchObject({ legalBasis: 'Luật Tố cáo 2018, Điều 24 khoản 2', inputs: { notCompetent: true } });
    const toReception = await eventually(() => {
      const m = mailsTo(RECEPTION).filter((x) => x.subject.includes(returned.body.trackingCode));
      expect(m).toHaveLength(1);
      return m[0]!;
    });
    expect(toReception.text).toContain(formatVnDateTime(new Date(returned.body.firstStepDueAt)));

    const assigned = await act(reception, id, 'assign', { agencyId: await orgId('HS-SXD') });
    expect(assigned.status).toBe(200);
    const first = assigned.body.deadlines.first_step as Deadline;
    expect(first.inputs.notCompetent).toBeUndefined();
    expect(new Date(first.startedAt).getTime()).toBeGreaterThan(new Date(returned.body.receivedAt).getTime());
    expect(new Date(assigned.body.firstStepDueAt).getTime()).toBe(new Date(first.startedAt).getTime() + 600_000);
    await eventually(() => expect(mailsTo(denouncer.email).filter((m) => m.subject.includes(returned.body.trackingCode) && m.subject.includes('chuyển đến cơ quan có thẩm quyền'))).toHaveLength(1));
    expect((await handle.query(caseStateQuery)).status).toBe('ASSIGNED');
  });
});

describe('the written notice to the accused (art. 29)', () => {
  it('is a deadline with its own ladder when the accused has no email: reminder, the head, the superior unit', async () => {
    const { id, handle, trackingCode } = await submitCase(sys, { ...wardDenunciation, accused: { fullName: 'Đỗ Văn Hùng' } });
    await handle.executeUpdate(caseUpdates.accept, { args: [system] });
    await eventually(async () => expect((await deadlines(id)).accused_notice).toMatchObject({ legalBasis: 'Luật Tố cáo 2018, Điều 29' }));
    expect(await eventTypes(sys, id)).toContain('accused_notice_in_writing');

    await eventually(async () => {
      expect((await eventsOf(id, 'escalated_to_superior')).map((e) => (e.data as Json).step)).toEqual(['accused_notice']);
    }, 20_000);
    expect((await eventsOf(id, 'overdue')).map((e) => (e.data as Json).step)).toEqual(['accused_notice']);
    const about = (address: string) => mailsTo(address).filter((m) => m.subject.includes(trackingCode));
    await eventually(() => {
      expect(about(mail.ward).find((m) => m.subject.includes('Nhắc hạn'))?.text).toContain('thời hạn thông báo bằng văn bản cho người bị tố cáo');
      expect(about(mail.wardHead)).toHaveLength(1);
      expect(about(mail.provinceHead)).toHaveLength(1);
    });
    expect(about(mail.wardHead)[0]!.text).toContain('đã quá thời hạn thông báo bằng văn bản cho người bị tố cáo');

    // Recorded late: the deadline says so and its ladder is over.
    const done = await handle.executeUpdate(caseUpdates.recordWrittenNotice, { args: [{ ...system, to: 'accused', letter: 'Công văn số 15/TB-VP ngày 02/12/2026' }] });
    expect(done.duties?.accused_notice).toBeUndefined();
    const met = (await deadlines(id)).accused_notice!;
    expect(met.metAt).toBeDefined();
    expect(met.history.at(-1)!.note).toContain('quá hạn: Công văn số 15/TB-VP ngày 02/12/2026');
    expect(await eventTypes(sys, id)).toContain('written_notice_sent_accused');
  });

  it('stops its ladder once the officer records the letter sent, from the console', async () => {
    const { id, trackingCode } = await submitCase(sys, { ...landDenunciation, accused: { fullName: 'Trịnh Văn Nam' } });
    expect((await act(officer, id, 'accept', {})).status).toBe(200);
    const owed = await eventually(async () => {
      const view = await call(officer, 'GET', `/api/cases/${id}`);
      expect(view.body.allowedActions).toContain('recordWrittenNotice');
      return view.body;
    });
    expect(owed.actionForms.recordWrittenNotice).toMatchObject({ properties: { to: { enum: ['accused', 'forwarder'] }, letter: { type: 'string' } }, required: ['to', 'letter'] });
    expect((await act(officer, id, 'recordWrittenNotice', { to: 'forwarder', letter: 'x' })).status).toBe(409);

    const recorded = await act(officer, id, 'recordWrittenNotice', { to: 'accused', letter: 'Công văn số 12/TB-SNNMT' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.deadlines.accused_notice.metAt).toBeDefined();
    expect(recorded.body.deadlines.accused_notice.history.at(-1).note).toContain('đúng hạn: Công văn số 12/TB-SNNMT');
    expect(recorded.body.allowedActions).not.toContain('recordWrittenNotice');
    await sleep(7000); // past the notice's due date and grace period
    expect(await eventTypes(sys, id)).not.toContain('overdue');
    expect(mailsTo('hs-snnmt@hoason.gov.test').filter((m) => m.subject.includes(trackingCode) && m.subject.includes('Nhắc hạn'))).toHaveLength(0);
  });
});

describe('each extension (art. 30(4))', () => {
  it('is told to the accused by mail, with the new due date and nothing of the denouncer', async () => {
    const accused = { fullName: 'Phạm Quốc Khánh', email: 'khanh.pq@example.test' };
    const { id, handle, trackingCode } = await submitCase(sys, { ...landDenunciation, accused });
    await handle.executeUpdate(caseUpdates.accept, { args: [{ ...system, complexity: 'COMPLEX' }] });
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...system, reason: 'Cần giám định tài liệu' }] });
    const extended = await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ actor: 'chutich@hoason.gov.test', approved: true }] });
    const told = await eventually(() => {
      const m = mailsTo(accused.email);
      expect(m).toHaveLength(2); // the acceptance, then the extension
      return m[1]!;
    });
    expect(told.subject).toBe('Thông báo gia hạn giải quyết tố cáo — Sở Nông nghiệp và Môi trường');
    expect(told.text).toContain(`Thời hạn giải quyết sau khi gia hạn: ${formatVnDateTime(new Date(extended.resolution!.dueAt!))} (giờ Việt Nam).`);
    expect(told.text).toContain('Điều 30 khoản 4');
    for (const secret of [denouncer.fullName, denouncer.email, 'Thôn Đông', trackingCode, id, landDenunciation.title]) {
      expect(told.subject + told.text + told.html).not.toContain(secret);
    }
    expect((await caseRow(sys, id)).deadlines).not.toHaveProperty('accused_notice');
  });

  it('is left to the agency in writing when the accused has no email, and the case says so', async () => {
    const { id, handle } = await submitCase(sys, { ...landDenunciation, accused: { fullName: 'Đỗ Văn Hùng' } });
    await handle.executeUpdate(caseUpdates.accept, { args: [{ ...system, complexity: 'COMPLEX' }] });
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...system, reason: 'Cần giám định' }] });
    await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ actor: 'chutich@hoason.gov.test', approved: true }] });
    const inWriting = await eventually(async () => {
      const e = await eventsOf(id, 'accused_notice_in_writing');
      expect(e).toHaveLength(2);
      return e;
    });
    expect(inWriting[0]!.reason).toContain('Điều 29');
    expect(inWriting[1]!.reason).toContain('Điều 30 khoản 4');
  });
});

describe('a denunciation forwarded by a body or the press (art. 26(2))', () => {
  const forwarder = { name: 'Báo Hòa Sơn', email: 'toasoan@baohoason.test' };

  it('owes the forwarder the result within 20 days of receipt, and meets it by mail when accepted', async () => {
    const submitted = await call(reception, 'POST', '/api/petitions', { ...landDenunciation, content: 'Báo chuyển đơn của bạn đọc.', forwardedBy: forwarder });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    const owed = await eventually(async () => {
      const dl = (await deadlines(id)).forwarder_result;
      expect(dl).toBeDefined();
      return dl!;
    });
    expect(owed).toMatchObject({ legalBasis: 'Luật Tố cáo 2018, Điều 26 khoản 2', startedAt: new Date(submitted.body.receivedAt).toISOString() });
    expect(owed.history[0]!.note).toContain('/ Denunciations Law 2018 art. 26(2)');
    await eventually(async () => expect((await call(officer, 'GET', `/api/cases/${id}`)).body.forwardedBy).toEqual(forwarder));

    expect((await act(officer, id, 'accept', {})).status).toBe(200);
    const told = await eventually(() => {
      const m = mailsTo(forwarder.email);
      expect(m).toHaveLength(1);
      return m[0]!;
    });
    expect(told.subject).toBe('Thông báo kết quả xử lý đơn tố cáo do quý cơ quan chuyển đến — Sở Nông nghiệp và Môi trường');
    expect(told.text).toContain('đã được thụ lý giải quyết');
    for (const secret of [denouncer.fullName, landDenunciation.title, submitted.body.trackingCode]) expect(told.subject + told.text).not.toContain(secret);
    await eventually(async () => expect((await deadlines(id)).forwarder_result!.metAt).toBeDefined());
  });

  it('without an email, is told in writing: the deadline runs on until the officer records the letter', async () => {
    const submitted = await call(reception, 'POST', '/api/petitions', { ...landDenunciation, content: 'Đoàn ĐBQH chuyển đơn.', forwardedBy: { name: 'Đoàn đại biểu Quốc hội tỉnh' } });
    const id = submitted.body.id as string;
    await eventually(async () => expect((await caseRow(sys, id)).status).toBe('ASSIGNED'));
    expect((await deadlines(id)).forwarder_result).toBeDefined();
    expect((await act(officer, id, 'accept', {})).status).toBe(200);
    await eventually(async () => expect(await eventTypes(sys, id)).toContain('forwarder_result_in_writing'));
    expect((await deadlines(id)).forwarder_result!.metAt).toBeUndefined();
    const recorded = await act(officer, id, 'recordWrittenNotice', { to: 'forwarder', letter: 'Công văn số 7/SNNMT-TTr' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.deadlines.forwarder_result.metAt).toBeDefined();
  });
});
