import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePrefix, searchWords, tsQueryOf } from '../api/services/search-cases';
import { submitCase, type Submitted } from './support/cases';
import { eventually } from './support/eventually';
import { login } from './support/http';
import { secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

/*
 * Issue 17: finding cases (GET /api/cases/search), the inbox's filters, and the overdue lists'
 * pages, as each role; the words of Vietnamese petitions typed with or without their diacritics.
 */
const policy = testPolicy('test-search', { rules: { COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 1, 3600) } });

const officer = 'canbo.snnmt@hoason.gov.test';
const reception = 'tiepnhan@hoason.gov.test';
const head = 'chutich@hoason.gov.test';
const front = 'mttq@hoason.gov.test';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
let sys: TestSystem;
const cookies = new Map<string, string>();
let discharge: Submitted;
let denunciation: Submitted;
let pothole: Submitted;
let landCase: Submitted;

beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
  for (const who of [officer, reception, head, front]) cookies.set(who, await login(sys, who));
  [discharge, denunciation, pothole, landCase] = await Promise.all([
    submitCase(sys, {
      type: 'FEEDBACK', categoryCode: 'moi-truong', unitCode: 'HS-X-YENPHONG', title: 'Nhà máy xả thải ra sông Lô',
      content: 'Nước thải chưa qua xử lý chảy thẳng ra sông, cá chết hàng loạt.', petitioner: { fullName: 'Đặng Văn Hùng', email: 'hung@example.test' },
    }),
    submitCase(sys, {
      type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS', title: 'Tố cáo cán bộ địa chính nhận tiền',
      content: 'Cán bộ địa chính nhận tiền để ký hồ sơ đất.', petitioner: { fullName: 'Trịnh Thị Đào', address: 'Phường Đức Xuân' },
    }),
    submitCase(sys, { type: 'FEEDBACK', categoryCode: 'giao-thong', unitCode: 'HS-P-HOASON', title: 'Ổ gà trên đường Lê Lợi', content: 'Mặt đường hỏng nặng, xe máy dễ ngã.' }),
    submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Khiếu nại thu hồi đất', content: 'Không đồng ý mức bồi thường khi thu hồi đất.', petitioner: { fullName: 'Mạc Văn Tài', address: 'Hòa Sơn' } }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

async function get(path: string, who?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: who ? { cookie: cookies.get(who)! } : {} });
  return { status: res.status, body: (await res.json()) as Json };
}
const search = async (who: string, q: string, extra: Record<string, string> = {}) => {
  const res = await get(`/api/cases/search?${new URLSearchParams({ q, ...extra }).toString()}`, who);
  expect(res.status).toBe(200);
  return res.body as { total: number; items: Array<{ id: string; matchedOn: string[] } & Json> };
};
const ids = (r: { items: Array<{ id: string }> }) => r.items.map((i) => i.id);

describe('the words of a query', () => {
  it('lose their diacritics and punctuation as the index does, the last one also as a prefix', () => {
    expect(searchWords('Xả THẢI, Đồng Tâm!')).toEqual(['xa', 'thai', 'dong', 'tam']);
    expect(searchWords('xả thải'.normalize('NFD'))).toEqual(['xa', 'thai']);
    expect(tsQueryOf(['xa', 'tha'])).toBe('xa & tha:*');
    expect(searchWords("'; DROP TABLE \"Case\" --")).toEqual(['drop', 'table', 'case']);
    expect(codePrefix('pa-7k3m 9q')).toBe('PA-7K3M9Q');
    expect(codePrefix('PA-OIL1')).toBe('PA-0111');
    expect(codePrefix('xa thai')).toBeNull();
  });
});

describe('GET /api/cases/search', () => {
  it('finds "xả thải" typed without diacritics, in the title or the content, and by a tracking code or its start', async () => {
    for (const q of ['xa thai', 'XẢ THẢI', 'xả thai', 'song lo']) {
      const r = await search(reception, q);
      expect(ids(r)).toContain(discharge.id);
      expect(r.items.find((i) => i.id === discharge.id)!.matchedOn).toContain('title');
    }
    const byContent = await search(reception, 'ca chet hang loat');
    expect(ids(byContent)).toEqual([discharge.id]);
    expect(byContent.items[0]!.matchedOn).toEqual(['content']);
    expect(byContent.items[0]).toMatchObject({ trackingCode: discharge.trackingCode, unit: { code: 'HS-X-YENPHONG', name: 'Xã Yên Phong' } });
    expect(ids(await search(reception, 'nha may xa th'))).toEqual([discharge.id]); // typing, mid-word
    expect(ids(await search(reception, 'xa thai ga'))).toEqual([]); // every word must match

    const byCode = await search(reception, discharge.trackingCode.toLowerCase());
    expect(byCode.items[0]).toMatchObject({ id: discharge.id, matchedOn: ['code'] });
    expect(ids(await search(reception, discharge.trackingCode.slice(0, 9)))).toContain(discharge.id);
  });

  it('finds by unit and agency name, and narrows by unit, type and status', async () => {
    const byUnit = await search(reception, 'yen phong');
    expect(ids(byUnit)).toContain(discharge.id);
    expect(byUnit.items.find((i) => i.id === discharge.id)!.matchedOn).toEqual(expect.arrayContaining(['unit']));
    expect(ids(await search(reception, 'duong', { unit: 'HS-P-HOASON' }))).toEqual([pothole.id]);
    expect(ids(await search(reception, 'can bo dia chinh', { type: 'DENUNCIATION' }))).toEqual([denunciation.id]);
    expect(ids(await search(reception, 'can bo dia chinh', { type: 'FEEDBACK' }))).toEqual([]);
    expect(ids(await search(reception, 'o ga', { status: 'CLOSED' }))).toEqual([]);
  });

  it('matches a petitioner’s name only for roles that may read it: never a denouncer’s for reception, never any for the Front', async () => {
    const hung = await search(reception, 'dang van hung');
    expect(hung.items).toEqual([expect.objectContaining({ id: discharge.id, matchedOn: ['petitioner'] })]);
    expect(JSON.stringify(hung)).not.toMatch(/Đặng Văn Hùng|hung@example/); // the match, never the identity
    expect(ids(await search(reception, 'trinh thi dao'))).toEqual([]);
    expect(ids(await search(head, 'trinh thi dao'))).toEqual([denunciation.id]);
    expect(ids(await search(front, 'dang van hung'))).toEqual([]);
    expect(ids(await search(front, 'xa thai'))).toContain(discharge.id); // the Front reads the case itself
  });

  it('stays within the caller’s scope, and says what is wrong with a query in words', async () => {
    // The provincial land and environment department holds none of these (the commune's office has the discharge).
    expect(ids(await search(officer, 'xa thai'))).toEqual([]);
    expect(ids(await search(officer, 'thu hoi dat'))).toEqual([landCase.id]);
    expect((await get('/api/cases/search?q=xa')).status).toBe(401);
    const short = await get('/api/cases/search?q=x', reception);
    expect(short.status).toBe(422);
    expect(short.body.fields).toEqual([{ field: 'q', message: 'Tối thiểu 2 ký tự / at least 2 characters' }]);
    expect((await get('/api/cases/search?q=xa&pageSize=500', reception)).status).toBe(422);
  });

  it('uses the GIN index for the words (the query repeats the index expression exactly)', async () => {
    const plan = await sys.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
        `EXPLAIN SELECT c.id FROM "Case" c WHERE to_tsvector('simple'::regconfig, vn_unaccent(c.title || ' ' || c.content)) @@ to_tsquery('simple'::regconfig, 'xa & thai')`,
      );
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('Case_search_idx');
  });
});

describe('GET /api/inbox filters', () => {
  it('narrows reception’s open cases by category, unit (and below), type and running deadline', async () => {
    const inbox = async (query: string) => ((await get(`/api/inbox?${query}`, reception)).body.items as Json[]).map((i) => i.id);
    expect(await inbox('category=moi-truong')).toEqual([discharge.id]);
    expect(await inbox('unit=HS-X-YENPHONG')).toEqual([discharge.id]);
    const province = await inbox('unit=HS&pageSize=100');
    expect(province).toEqual(expect.arrayContaining([discharge.id, denunciation.id, pothole.id, landCase.id]));
    expect(await inbox('type=DENUNCIATION&category=can-bo')).toEqual([denunciation.id]);
    expect(await inbox('step=resolution')).toEqual([]);
    expect(await inbox('step=first_step&category=giao-thong')).toEqual([pothole.id]);
    expect((await get('/api/inbox?step=rating', reception)).status).toBe(422);
  });
});

describe('overdue lists', () => {
  it('page, sort and narrow to one agency; the summary counts by agency', async () => {
    const board = async (query = '') => {
      const res = await get(`/api/escalations?${query}`, head);
      expect(res.status).toBe(200);
      return res.body;
    };
    // The complaint misses its 1-second acceptance step.
    const all = await eventually(async () => {
      const body = await board('pageSize=1');
      expect(body.overdue.map((r: Json) => r.id)).toEqual([landCase.id]);
      return body;
    });
    expect(all.overdue[0]).toMatchObject({ missedStep: 'first_step', agency: 'Sở Nông nghiệp và Môi trường', daysOverdue: 0 });
    expect(all.overdueSummary).toMatchObject({ total: 1, page: 1, pageSize: 1, sort: 'most_overdue', agency: null });
    expect(all.overdueSummary.byAgency).toEqual([expect.objectContaining({ agency: 'Sở Nông nghiệp và Môi trường', count: 1, mostDaysOverdue: 0 })]);
    const agencyId = all.overdueSummary.byAgency[0].agencyId;
    expect((await board(`agency=${agencyId}`)).overdueSummary.total).toBe(1);
    expect((await board('agency=none')).overdue).toEqual([]);
    expect((await board('page=2&pageSize=1')).overdue).toEqual([]);
    const sorted = await board('sort=agency');
    expect(sorted.overdueSummary.sort).toBe('agency');
    const bad = await get('/api/supervision?sort=newest', front);
    expect(bad.status).toBe(422);
    expect(bad.body.fields[0].field).toBe('sort');
    expect(bad.body.fields[0].message).toMatch(/^Chọn một trong/);
  });
});
