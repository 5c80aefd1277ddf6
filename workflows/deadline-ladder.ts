import { condition } from '@temporalio/workflow';
import type { Deadline, LadderStep } from '../domain/legal-clock';

/** Identifies a ladder step of one version of a deadline: an extension yields new keys, re-arming the ladder. */
export const ladderKey = (dl: Deadline, step: LadderStep): string => `${dl.step}:${step.kind}:${dl.dueAt}`;

/** The next step of the deadline's ladder not taken yet; none while the clock is stopped. */
export function nextLadderStep(dl: Deadline | null, taken: readonly string[]): LadderStep | null {
  if (!dl?.dueAt) return null;
  return dl.ladder.find((s) => !taken.includes(ladderKey(dl, s))) ?? null;
}

/** Resolves true when `step` comes due, false as soon as `changed()` says the situation moved on. */
export async function waitForLadderStep(step: LadderStep | null, changed: () => boolean): Promise<boolean> {
  if (!step) {
    await condition(changed);
    return false;
  }
  const ms = Math.max(1, new Date(step.at).getTime() - Date.now());
  return !(await condition(changed, ms));
}

/** Past this many events the workflow continues as new, before the history gets large. */
export function historyTooLong(info: { continueAsNewSuggested: boolean; historyLength: number }, limit = 5000): boolean {
  return info.continueAsNewSuggested || info.historyLength > limit;
}
