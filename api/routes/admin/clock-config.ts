import { Router } from 'express';
import { BUILT_IN_POLICIES, builtInPolicy } from '../../../domain/policy-versions';
import { calendarYear, replaceCalendarYear, storePolicy, type AnnouncedYear } from '../../../infra/clock-config';
import type { Database } from '../../../infra/database';
import { AppError, type FieldProblem } from '../../errors';
import { changeLogger } from './change-log';
import { calendarDateParams, calendarOverrideSchema, calendarYearParams, calendarYearSchema, clockPolicySchema, monthDayParams, recurringHolidaySchema } from './schemas';

const noOverride = () => new AppError('not_found', 'Không có ngày điều chỉnh này / no such override');
const noRecurring = () => new AppError('not_found', 'Không có ngày lễ hằng năm này / no such recurring holiday');

/** Every day of an announcement lies in its year and is either off or worked, once. */
function announcementProblems(year: number, input: AnnouncedYear): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const [list, days] of [['daysOff', input.daysOff], ['workingDays', input.workingDays]] as const) {
    days.forEach((d, i) => {
      if (!d.date.startsWith(`${year}-`)) problems.push({ field: `${list}.${i}.date`, message: `Không thuộc năm ${year} / not in ${year}` });
      else if (seen.has(d.date)) problems.push({ field: `${list}.${i}.date`, message: 'Ngày bị nhắc lại / listed twice' });
      seen.add(d.date);
    });
  }
  return problems;
}

/** Legal-clock policy versions (append-only), each year's announced calendar and per-day overrides, and recurring holidays. */
export function clockConfigRouter(db: Database): Router {
  const router = Router();
  const logged = changeLogger(db);

  router.get('/clock-policies', async (_req, res) => {
    const stored = await db.clockPolicyVersion.findMany({ orderBy: { effectiveFrom: 'asc' } });
    res.json({ builtIn: BUILT_IN_POLICIES, versions: stored });
  });
  router.post('/clock-policies', async (req, res) => {
    const { note, ...policy } = clockPolicySchema.parse(req.body ?? {});
    if (builtInPolicy(policy.version) || (await db.clockPolicyVersion.findUnique({ where: { version: policy.version } }))) {
      throw new AppError('conflict', 'Phiên bản đã tồn tại; tạo phiên bản mới / this version exists; create a new one');
    }
    // The policy itself is kept, append-only, in its version row; the log says which and when.
    const change = { action: 'clock_policy.created', target: policy.version, data: { version: policy.version, effectiveFrom: policy.effectiveFrom, note } } as const;
    await logged(res, change, (tx) => storePolicy(tx, policy, note));
    res.status(201).json(policy);
  });

  router.get('/calendar-overrides', async (_req, res) => {
    res.json(await db.calendarOverride.findMany({ orderBy: { date: 'asc' } }));
  });
  router.put('/calendar-overrides/:date', async (req, res) => {
    const { date } = calendarDateParams.parse(req.params);
    const input = calendarOverrideSchema.parse(req.body ?? {});
    res.json(await logged(res, { action: 'calendar_override.set', target: date, data: input }, (tx) => tx.calendarOverride.upsert({ where: { date }, create: { date, ...input }, update: input })));
  });
  router.delete('/calendar-overrides/:date', async (req, res) => {
    const removed = await db.calendarOverride.findUnique({ where: { date: req.params.date } });
    if (!removed) throw noOverride();
    await logged(res, { action: 'calendar_override.removed', target: removed.date, data: removed }, async (tx) => {
      if ((await tx.calendarOverride.deleteMany({ where: { date: removed.date } })).count === 0) throw noOverride();
    });
    res.status(204).end();
  });

  router.get('/calendar-years/:year', async (req, res) => {
    const { year } = calendarYearParams.parse(req.params);
    res.json(await calendarYear(db, year));
  });
  // A year's announcement in one step: that year's overrides replaced, in one transaction with its log entry.
  router.put('/calendar-years/:year', async (req, res) => {
    const { year } = calendarYearParams.parse(req.params);
    const input = calendarYearSchema.parse(req.body ?? {});
    const problems = announcementProblems(year, input);
    if (problems.length > 0) throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', problems);
    const result = await logged(res, { action: 'calendar_year.loaded', target: String(year), data: input }, (tx) => replaceCalendarYear(tx, year, input));
    const view = await calendarYear(db, year);
    const announced = new Set(input.daysOff.map((d) => d.date));
    // Computed holidays the announcement did not mention stay off: shown so the administrator can check them.
    res.json({ ...result, ...view, notAnnounced: view.calendar.filter((c) => c.dayOff && !announced.has(c.date)) });
  });

  router.get('/recurring-holidays', async (_req, res) => {
    res.json(await db.recurringHoliday.findMany({ orderBy: [{ month: 'asc' }, { day: 'asc' }] }));
  });
  router.put('/recurring-holidays/:monthDay', async (req, res) => {
    const { monthDay } = monthDayParams.parse(req.params);
    const input = recurringHolidaySchema.parse(req.body ?? {});
    const [month, day] = monthDay.split('-').map(Number) as [number, number];
    const change = { action: 'recurring_holiday.set', target: monthDay, data: input } as const;
    res.json(await logged(res, change, (tx) => tx.recurringHoliday.upsert({ where: { month_day: { month, day } }, create: { month, day, ...input }, update: input })));
  });
  router.delete('/recurring-holidays/:monthDay', async (req, res) => {
    const { monthDay } = monthDayParams.parse(req.params);
    const [month, day] = monthDay.split('-').map(Number) as [number, number];
    const removed = await db.recurringHoliday.findUnique({ where: { month_day: { month, day } } });
    if (!removed) throw noRecurring();
    await logged(res, { action: 'recurring_holiday.removed', target: monthDay, data: removed }, async (tx) => {
      if ((await tx.recurringHoliday.deleteMany({ where: { month, day } })).count === 0) throw noRecurring();
    });
    res.status(204).end();
  });

  return router;
}
