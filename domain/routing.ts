import type { CaseType } from './case-types';

export interface RoutingRuleView {
  agencyId: string;
  unitId: string;
  caseType: CaseType | null;
  priority: number;
}

/**
 * Pick the agency for a case from the rules for its category. `unitChain` is the case's unit
 * followed by its ancestors: a rule on the case's own unit beats one inherited from above, a rule
 * for the exact case type beats a generic one, then the higher priority wins.
 */
export function pickAgency(rules: RoutingRuleView[], unitChain: string[], caseType: CaseType): string | null {
  const depth = (r: RoutingRuleView) => unitChain.indexOf(r.unitId);
  const candidates = rules.filter((r) => depth(r) >= 0 && (r.caseType === null || r.caseType === caseType));
  candidates.sort(
    (a, b) =>
      depth(a) - depth(b) ||
      Number(b.caseType !== null) - Number(a.caseType !== null) ||
      b.priority - a.priority ||
      a.agencyId.localeCompare(b.agencyId),
  );
  return candidates[0]?.agencyId ?? null;
}
