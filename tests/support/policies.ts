import { DEFAULT_CLOCK_POLICY, type ClockPolicy, type ClockRule, type Duration } from '../../domain/legal-clock';
import type { CaseType } from '../../domain/case-types';

export const seconds = (amount: number): Duration => ({ amount, unit: 'seconds' });
const tiers = (x: Duration) => ({ NORMAL: x, COMPLEX: x, ESPECIALLY_COMPLEX: x });

/** A rule whose limits are seconds, so a test watches deadlines pass. */
export function secondsRule(type: CaseType, firstStep: number, resolution: number, extension = resolution): ClockRule {
  const rule = DEFAULT_CLOCK_POLICY.rules[type];
  return {
    ...rule,
    firstStep: seconds(firstStep),
    resolution: tiers(seconds(resolution)),
    remoteResolution: tiers(seconds(resolution)),
    extension: { ...rule.extension, duration: seconds(extension) },
  };
}

/** The legal defaults with the given rules and ladder in seconds; effective from just now. */
export function testPolicy(version: string, changes: Partial<Omit<ClockPolicy, 'rules'>> & { rules?: Partial<ClockPolicy['rules']> }): ClockPolicy {
  return {
    ...DEFAULT_CLOCK_POLICY,
    ...changes,
    version,
    effectiveFrom: new Date(Date.now() - 60_000).toISOString(),
    rules: { ...DEFAULT_CLOCK_POLICY.rules, ...changes.rules },
  };
}
