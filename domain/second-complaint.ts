/**
 * Who takes a second complaint (khiếu nại lần hai): the direct superior of whoever decided the first
 * (Complaints Law 2011 art. 7(2)), not the parent unit of the case. Local government has two levels
 * since 1 July 2025 (province, commune); a district exists only in history.
 */

export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Who signed the first decision: the head of the agency (Giám đốc sở, trưởng phòng) or the People's Committee chairman. */
export const DECIDER_ROLES = ['AGENCY_HEAD', 'PEOPLES_COMMITTEE_CHAIRMAN'] as const;
export type DeciderRole = (typeof DECIDER_ROLES)[number];

export interface FirstDecider {
  role: DeciderRole;
  /** The level of the unit the decider's agency belongs to. */
  level: UnitLevel;
}

export type SecondComplaintAuthority =
  /** The People's Committee chairman of the decider's own unit, or of the province above it. */
  | { kind: 'chairman'; of: 'same_unit' | 'province'; basis: string }
  /** Beyond the province: the minister of the sector, or the administrative court. */
  | { kind: 'beyond_province'; basis: string };

const TWO_TIER = 'chính quyền địa phương hai cấp từ 01/7/2025';

/** The law, row by row (art. 18, 21, 23 of the Complaints Law 2011), as it applies with two-tier local government. */
const AUTHORITY: Record<DeciderRole, Record<UnitLevel, SecondComplaintAuthority>> = {
  AGENCY_HEAD: {
    // Giám đốc sở → Chủ tịch UBND tỉnh.
    PROVINCE: { kind: 'chairman', of: 'same_unit', basis: 'Luật Khiếu nại 2011, Điều 21 khoản 2' },
    // Trưởng phòng of a commune: the chairman of the committee the office belongs to, as the district chairman was (art. 18(2)).
    COMMUNE: { kind: 'chairman', of: 'same_unit', basis: `Luật Khiếu nại 2011, Điều 18 khoản 2 (${TWO_TIER})` },
    DISTRICT: { kind: 'chairman', of: 'same_unit', basis: 'Luật Khiếu nại 2011, Điều 18 khoản 2' },
  },
  PEOPLES_COMMITTEE_CHAIRMAN: {
    PROVINCE: { kind: 'beyond_province', basis: 'Luật Khiếu nại 2011, Điều 23 khoản 3 (Bộ trưởng) và Điều 7 (khởi kiện tại Tòa án)' },
    // No district any more: the provincial chairman takes the commune chairman's second complaints.
    COMMUNE: { kind: 'chairman', of: 'province', basis: `Luật Khiếu nại 2011, Điều 21 khoản 2 (${TWO_TIER})` },
    DISTRICT: { kind: 'chairman', of: 'province', basis: 'Luật Khiếu nại 2011, Điều 21 khoản 2' },
  },
};

export function secondComplaintAuthority(decider: FirstDecider): SecondComplaintAuthority {
  return AUTHORITY[decider.role][decider.level];
}

/**
 * Who decided a first complaint: as the officer recorded it with the answer, else the head of the
 * agency that answered (the chairman when that agency is the People's Committee itself).
 */
export function firstDeciderOf(recorded: DeciderRole | null, agency: { kind: string; level: UnitLevel }): FirstDecider {
  const role = recorded ?? (agency.kind === 'PEOPLES_COMMITTEE' ? 'PEOPLES_COMMITTEE_CHAIRMAN' : 'AGENCY_HEAD');
  return { role, level: agency.level };
}

/** What the complainant is told when the second complaint is not for anyone in the province. */
export function beyondProvinceWayOn(basis: string): string {
  return (
    `Khiếu nại lần đầu do Chủ tịch UBND tỉnh giải quyết: khiếu nại lần hai gửi Bộ trưởng bộ quản lý ngành, lĩnh vực, hoặc khởi kiện vụ án hành chính tại Tòa án (${basis}) / ` +
    'the Chairman of the provincial People’s Committee decided the first complaint: appeal to the minister responsible for the sector, or sue in the administrative court (Complaints Law 2011 art. 23(3), art. 7)'
  );
}
