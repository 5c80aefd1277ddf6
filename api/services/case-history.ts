import type { Client } from '@temporalio/client';
import { optionalTsToDate } from '@temporalio/common/lib/time';
import protos from '@temporalio/proto';
import { z } from 'zod';
import type { Database } from '../../infra/database';
import { isoInstant, responseType } from '../response-schemas';
import { caseViewSchema } from '../routes/case-view';
import { caseWorkflowId } from '../../workflows/ids';

// CommonJS without named exports Node can detect: take the namespace from the default export.
const proto = protos.temporal;
type HistoryEvent = protos.temporal.api.history.v1.IHistoryEvent;

const timelineEntrySchema = z.object({
  at: isoInstant,
  source: z.enum(['audit', 'temporal']),
  type: z.string(),
  detail: z.string().nullable(),
  actor: z.string().optional(),
  data: z.unknown().optional(),
});
type TimelineEntry = z.output<typeof timelineEntrySchema>;

/** A case's audit trail and its workflow's events in one timeline, and where to see the run in Temporal. */
export const caseHistorySchema = responseType(
  'CaseHistory',
  z.object({
    caseId: z.string(),
    workflowId: z.string(),
    temporalUiUrl: z.string(),
    /** Why the workflow's events are missing, when Temporal could not be read. */
    temporalError: z.string().nullable(),
    timeline: z.array(timelineEntrySchema),
    deadlines: caseViewSchema.shape.deadlines,
  }),
);

const seconds = (d: { seconds?: unknown; nanos?: number | null } | null | undefined) => (d ? Number(d.seconds ?? 0) + (d.nanos ?? 0) / 1e9 : 0);

/** What an administrator wants to see of a Temporal event: timers, activities and their retries, updates. */
function describe(ev: HistoryEvent): string | null {
  const a = ev;
  if (a.timerStartedEventAttributes) return `timer ${seconds(a.timerStartedEventAttributes.startToFireTimeout)} s`;
  if (a.activityTaskScheduledEventAttributes) return `activity ${a.activityTaskScheduledEventAttributes.activityType?.name ?? ''}`;
  if (a.activityTaskStartedEventAttributes) return `attempt ${a.activityTaskStartedEventAttributes.attempt ?? 1}`;
  if (a.activityTaskFailedEventAttributes) return a.activityTaskFailedEventAttributes.failure?.message ?? 'failed';
  if (a.workflowExecutionUpdateAcceptedEventAttributes) return `update ${a.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest?.input?.name ?? ''}`;
  if (a.workflowExecutionContinuedAsNewEventAttributes) return `continued as new: run ${a.workflowExecutionContinuedAsNewEventAttributes.newExecutionRunId ?? ''}`;
  return null;
}

const SKIPPED = new Set(['WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED', 'WORKFLOW_TASK_COMPLETED', 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES']);

/**
 * One timeline for a case: its audit trail merged with the Temporal event history of its current
 * run (timers started and fired, activities and their retries, updates), plus a link to the run in
 * the Temporal Web UI.
 */
export async function caseHistory(db: Database, temporal: Client, caseId: string, ui: { url: string; namespace: string }): Promise<Omit<z.output<typeof caseHistorySchema>, 'deadlines'>> {
  const workflowId = caseWorkflowId(caseId);
  const audit: TimelineEntry[] = (await db.caseEvent.findMany({ where: { caseId }, orderBy: { at: 'asc' } })).map((e) => ({
    at: e.at.toISOString(), source: 'audit', type: e.type, actor: e.actor, detail: e.reason, data: e.data,
  }));
  let engine: TimelineEntry[] = [];
  let temporalError: string | null = null;
  try {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    engine = (history.events ?? [])
      .map((ev) => ({ ev, type: proto.api.enums.v1.EventType[ev.eventType ?? 0]?.replace(/^EVENT_TYPE_/, '') ?? 'UNKNOWN' }))
      .filter(({ type }) => !SKIPPED.has(type))
      .map(({ ev, type }) => ({ at: optionalTsToDate(ev.eventTime)?.toISOString() ?? '', source: 'temporal' as const, type, detail: describe(ev) }));
  } catch (err) {
    temporalError = String(err);
  }
  const timeline = [...audit, ...engine].sort((a, b) => a.at.localeCompare(b.at));
  return {
    caseId,
    workflowId,
    temporalUiUrl: `${ui.url}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(workflowId)}`,
    temporalError,
    timeline,
  };
}
