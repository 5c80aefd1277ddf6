import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

let sys: TestSystem;
let cookie: string;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-admin-calendar', {}) });
  const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'quantri@hoason.gov.test', password: DEMO_PASSWORD }) });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await sys?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sys.baseUrl}${path}`, { method, headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
const day = (date: string, dayOff: boolean) => expect.objectContaining({ date, dayOff });

describe('the calendar an administrator keeps', () => {
  it('knows the 2026 announcement on a fresh install (shipped by migration)', async () => {
    const year = await call('GET', '/api/admin/calendar-years/2026');
    expect(year.status).toBe(200);
    expect(year.body.overrides).toHaveLength(15);
    expect(year.body.calendar).toEqual(expect.arrayContaining([day('2026-01-02', true), day('2026-01-10', false), day('2026-04-27', true), day('2026-08-22', false), day('2026-08-31', true), day('2026-09-01', true)]));
  });

  it('loads a year’s announcement in one step, replacing that year, logged', async () => {
    const announcement = {
      basis: 'Thông báo lịch nghỉ năm 2027 (thử nghiệm)',
      daysOff: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date })),
      workingDays: [{ date: '2027-02-20', reason: 'Làm bù cho thứ Năm 04/02/2027' }],
    };
    const loaded = await call('PUT', '/api/admin/calendar-years/2027', announcement);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ removed: 0, stored: 6 });
    expect(loaded.body.overrides).toContainEqual({ date: '2027-02-04', dayOff: true, reason: announcement.basis });
    expect(loaded.body.calendar).toEqual(expect.arrayContaining([day('2027-02-04', true), day('2027-02-20', false)]));
    // Thu 11 Feb 2027 is a computed compensatory day the announcement did not mention: it stays off, and is shown.
    expect(loaded.body.notAnnounced).toContainEqual(expect.objectContaining({ date: '2027-02-11', reason: 'Nghỉ bù Tết Nguyên đán' }));

    const again = await call('PUT', '/api/admin/calendar-years/2027', { ...announcement, daysOff: announcement.daysOff.slice(1), workingDays: [] });
    expect(again.body).toMatchObject({ removed: 6, stored: 4 });
    expect((await call('GET', '/api/admin/calendar-years/2027')).body.overrides.map((o: Json) => o.date)).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect((await call('GET', '/api/admin/calendar-years/2026')).body.overrides).toHaveLength(15); // other years untouched

    const log = await call('GET', '/api/admin/changes?target=2027', undefined);
    expect(log.body.items.map((c: Json) => c.action)).toEqual(['calendar_year.loaded', 'calendar_year.loaded']);
    expect(log.body.items[1].data).toMatchObject({ basis: announcement.basis, workingDays: announcement.workingDays });
  });

  it('refuses an announcement with a day of another year or a day listed twice, and stores nothing', async () => {
    const before = await sys.db.calendarOverride.count();
    const refused = await call('PUT', '/api/admin/calendar-years/2027', { basis: 'x', daysOff: [{ date: '2028-01-03' }, { date: '2027-05-03' }], workingDays: [{ date: '2027-05-03' }] });
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: Json) => f.field)).toEqual(['daysOff.0.date', 'workingDays.0.date']);
    expect((await call('PUT', '/api/admin/calendar-years/2027', { basis: 'x', daysOff: [{ date: '2027-02-30' }] })).status).toBe(422);
    expect((await call('PUT', '/api/admin/calendar-years/27', { basis: 'x', daysOff: [] })).status).toBe(422);
    expect(await sys.db.calendarOverride.count()).toBe(before);
  });

  it('adds a recurring holiday from a given year without code, with weekend compensation', async () => {
    const set = await call('PUT', '/api/admin/recurring-holidays/11-24', { fromYear: 2027, name: 'Ngày Văn hóa Việt Nam (24/11)', basis: 'Nghị quyết 80-NQ/TW; Bộ luật Lao động sửa đổi' });
    expect(set.status).toBe(200);
    expect((await call('GET', '/api/admin/recurring-holidays')).body).toEqual([expect.objectContaining({ month: 11, day: 24, fromYear: 2027 })]);
    expect((await call('GET', '/api/admin/calendar-years/2026')).body.calendar).not.toContainEqual(day('2026-11-24', true));
    expect((await call('GET', '/api/admin/calendar-years/2027')).body.calendar).toContainEqual({ date: '2027-11-24', dayOff: true, reason: 'Ngày Văn hóa Việt Nam (24/11)' });
    expect((await call('GET', '/api/admin/calendar-years/2029')).body.calendar).toContainEqual({ date: '2029-11-26', dayOff: true, reason: 'Nghỉ bù Ngày Văn hóa Việt Nam (24/11)' });

    expect((await call('PUT', '/api/admin/recurring-holidays/02-29', { fromYear: 2027, name: 'x', basis: 'x' })).status).toBe(422);
    expect((await call('PUT', '/api/admin/recurring-holidays/13-01', { fromYear: 2027, name: 'x', basis: 'x' })).status).toBe(422);
    expect((await call('DELETE', '/api/admin/recurring-holidays/11-24')).status).toBe(204);
    expect((await call('DELETE', '/api/admin/recurring-holidays/11-24')).status).toBe(404);
    const log = await call('GET', '/api/admin/changes?target=11-24');
    expect(log.body.items.map((c: Json) => c.action)).toEqual(['recurring_holiday.removed', 'recurring_holiday.set']);
  });
});
