import { describe, expect, it } from 'vitest';
import { pickAgency, type RoutingRuleView } from './routing';

const chain = ['commune', 'province'];
const rule = (agencyId: string, unitId: string, caseType: RoutingRuleView['caseType'] = null, priority = 0): RoutingRuleView => ({ agencyId, unitId, caseType, priority });

describe('routing', () => {
  it('prefers a rule on the case’s own unit over one inherited from above', () => {
    expect(pickAgency([rule('so', 'province'), rule('phong', 'commune')], chain, 'FEEDBACK')).toBe('phong');
  });

  it('inherits the superior unit’s rule when the unit has none', () => {
    expect(pickAgency([rule('so', 'province')], chain, 'FEEDBACK')).toBe('so');
  });

  it('prefers a rule for the exact case type, then priority', () => {
    const rules = [rule('generic', 'province'), rule('inspectorate', 'province', 'DENUNCIATION'), rule('urgent', 'province', null, 5)];
    expect(pickAgency(rules, chain, 'DENUNCIATION')).toBe('inspectorate');
    expect(pickAgency(rules, chain, 'FEEDBACK')).toBe('urgent');
  });

  it('ignores rules of other units and other case types, and returns null when nothing matches', () => {
    expect(pickAgency([rule('x', 'other-commune'), rule('y', 'province', 'COMPLAINT_FIRST')], chain, 'FEEDBACK')).toBeNull();
  });
});
