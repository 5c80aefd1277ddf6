-- The 2026 calendar as announced by the Minister of Home Affairs for the civil service (Decree
-- 128/2025: the Tết and National Day days and the swaps are announced each year). Shipped as data
-- so that a fresh install knows it, and amended by an administrator like any override
-- (PUT /api/admin/calendar-years/2026 replaces the year in one step). Rows already entered by an
-- administrator are kept. Weekend days inside a break (3-4 Jan, 14-15 and 21-22 Feb, 2-3 May,
-- 29-30 Aug) are off anyway and need no row. No semicolon in these comments: the migration runner
-- splits statements on it.
INSERT INTO "CalendarOverride" ("date", "dayOff", "reason") VALUES
  ('2026-01-01', true, 'Tết Dương lịch (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-01-02', true, 'Nghỉ Tết Dương lịch hoán đổi, làm bù thứ Bảy 10/01/2026 (lịch nghỉ năm 2026 do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-01-10', false, 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026 (lịch nghỉ năm 2026 do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-02-16', true, 'Tết Nguyên đán Bính Ngọ (nghỉ 14–22/02/2026, lịch do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-02-17', true, 'Tết Nguyên đán Bính Ngọ (nghỉ 14–22/02/2026, lịch do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-02-18', true, 'Tết Nguyên đán Bính Ngọ (nghỉ 14–22/02/2026, lịch do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-02-19', true, 'Tết Nguyên đán Bính Ngọ (nghỉ 14–22/02/2026, lịch do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-02-20', true, 'Tết Nguyên đán Bính Ngọ (nghỉ 14–22/02/2026, lịch do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-04-27', true, 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/04/2026, Bộ luật Lao động 2019, Điều 111 khoản 3)'),
  ('2026-04-30', true, 'Ngày Chiến thắng (nghỉ 30/04–03/05/2026)'),
  ('2026-05-01', true, 'Ngày Quốc tế Lao động (nghỉ 30/04–03/05/2026)'),
  ('2026-08-22', false, 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026 (lịch nghỉ năm 2026 do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-08-31', true, 'Nghỉ Quốc khánh hoán đổi, làm bù thứ Bảy 22/08/2026 (lịch nghỉ năm 2026 do Bộ trưởng Bộ Nội vụ thông báo)'),
  ('2026-09-01', true, 'Quốc khánh (nghỉ 31/08–02/09/2026)'),
  ('2026-09-02', true, 'Quốc khánh (nghỉ 31/08–02/09/2026)')
ON CONFLICT ("date") DO NOTHING;
