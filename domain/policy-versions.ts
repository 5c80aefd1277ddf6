import { LAW_136_COMPLAINT_PROCEDURE } from './complaint-procedure';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from './legal-clock';

/**
 * Law 136/2025/QH15 (in force 1 Jul 2026): the same limits (its summaries show no change to the day
 * counts) with the amended complaint procedure. Cases received before keep the version they started under.
 */
export const POLICY_2026_07_01: ClockPolicy = {
  ...DEFAULT_CLOCK_POLICY,
  version: '2026-07-01',
  effectiveFrom: '2026-07-01T00:00:00+07:00',
  complaintProcedure: LAW_136_COMPLAINT_PROCEDURE,
};

/** The versions the code ships, oldest first; an administrator's stored versions come on top (infra/clock-config.ts). */
export const BUILT_IN_POLICIES: readonly ClockPolicy[] = [DEFAULT_CLOCK_POLICY, POLICY_2026_07_01];

export const builtInPolicy = (version: string): ClockPolicy | undefined => BUILT_IN_POLICIES.find((p) => p.version === version);

/** The built-in version in force at `at` (the oldest before any took effect). */
export function builtInPolicyAt(at: Date): ClockPolicy {
  return BUILT_IN_POLICIES.findLast((p) => new Date(p.effectiveFrom).getTime() <= at.getTime()) ?? BUILT_IN_POLICIES[0]!;
}
