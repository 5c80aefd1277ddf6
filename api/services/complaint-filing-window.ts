import { filingRule, filingWindow, type FilingWindow } from '../../domain/complaint-windows';
import type { ClockPolicy } from '../../domain/legal-clock';
import { loadCalendar } from '../../infra/clock-config';
import type { Database } from '../../infra/database';
import type { SubmitPetition } from '../routes/petitions.schema';

/**
 * A complaint's window to be lodged, when the complainant said when they learned of the decision:
 * computed once, at receipt, under the case's policy and the calendar as it is then.
 */
export async function complaintFilingWindow(db: Database, input: SubmitPetition, unitId: string, receivedAt: Date, policy: ClockPolicy): Promise<FilingWindow | null> {
  if (!input.learnedOfDecisionOn) return null;
  const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { remoteArea: true } });
  const rule = filingRule(policy, input.type, unit.remoteArea);
  if (!rule) return null;
  const said = { learnedOn: input.learnedOfDecisionOn, obstacleDays: input.obstacle?.days ?? 0, obstacleReason: input.obstacle?.reason ?? null };
  return filingWindow(said, receivedAt, rule, await loadCalendar(db));
}
