import { describe, expect, it } from 'vitest';
import { firstDeciderOf, secondComplaintAuthority, type DeciderRole, type UnitLevel } from './second-complaint';

describe('who takes the second complaint', () => {
  it.each<[string, DeciderRole, UnitLevel, string, RegExp]>([
    ['a provincial department director (Giám đốc Sở NN&MT)', 'AGENCY_HEAD', 'PROVINCE', 'chairman of same_unit', /Điều 21 khoản 2$/],
    ['the provincial People’s Committee chairman', 'PEOPLES_COMMITTEE_CHAIRMAN', 'PROVINCE', 'beyond_province', /Điều 23 khoản 3.*Điều 7/],
    ['a commune People’s Committee chairman: no district any more, so the province', 'PEOPLES_COMMITTEE_CHAIRMAN', 'COMMUNE', 'chairman of province', /Điều 21 khoản 2 \(chính quyền địa phương hai cấp/],
    ['the head of a commune office (trưởng phòng): the commune chairman, as the district chairman was', 'AGENCY_HEAD', 'COMMUNE', 'chairman of same_unit', /Điều 18 khoản 2 \(chính quyền địa phương hai cấp/],
    ['a district chairman, before 1 July 2025', 'PEOPLES_COMMITTEE_CHAIRMAN', 'DISTRICT', 'chairman of province', /Điều 21 khoản 2$/],
    ['the head of a district office, before 1 July 2025', 'AGENCY_HEAD', 'DISTRICT', 'chairman of same_unit', /Điều 18 khoản 2$/],
  ])('%s', (_who, role, level, expected, basis) => {
    const a = secondComplaintAuthority({ role, level });
    expect(a.kind === 'chairman' ? `chairman of ${a.of}` : a.kind).toBe(expected);
    expect(a.basis).toMatch(basis);
  });
});

describe('who decided the first complaint', () => {
  it.each<[string, DeciderRole | null, string, UnitLevel, DeciderRole]>([
    ['a department answered, nothing recorded: its director', null, 'SECTOR_AGENCY', 'PROVINCE', 'AGENCY_HEAD'],
    ['the inspectorate answered: its chief', null, 'INSPECTORATE', 'PROVINCE', 'AGENCY_HEAD'],
    ['the People’s Committee answered: its chairman', null, 'PEOPLES_COMMITTEE', 'COMMUNE', 'PEOPLES_COMMITTEE_CHAIRMAN'],
    ['a commune office prepared the chairman’s decision, as recorded', 'PEOPLES_COMMITTEE_CHAIRMAN', 'SECTOR_AGENCY', 'COMMUNE', 'PEOPLES_COMMITTEE_CHAIRMAN'],
  ])('%s', (_case, recorded, kind, level, role) => {
    expect(firstDeciderOf(recorded, { kind, level })).toEqual({ role, level });
  });
});
