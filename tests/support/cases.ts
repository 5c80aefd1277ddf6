import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { expect } from 'vitest';
import { caseWorkflowId } from '../../workflows/ids';
import { caseStateQuery } from '../../workflows/case-messages';
import { type petitionWorkflow } from '../../workflows/petition.workflow';
import { eventually } from './eventually';
import type { TestSystem } from './system';

export const petitioner = { fullName: 'Nguyễn Thị Hoa', email: 'hoa@example.test', phone: '0912 345 678', address: 'Tổ 5, phường Hòa Sơn' };

export interface Submitted {
  id: string;
  trackingCode: string;
  /** The citizen's secret (header X-Case-Secret on citizen actions). */
  secret: string;
  handle: WorkflowHandle<typeof petitionWorkflow>;
}

/** Submits over HTTP and waits until the workflow has routed the case. */
export async function submitCase(sys: TestSystem, body: Record<string, unknown>): Promise<Submitted> {
  const res = await fetch(`${sys.baseUrl}/api/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Đường liên xóm xuống cấp', content: 'Đường liên xóm hư hỏng nặng sau mưa lũ.', petitioner, ...body }),
  });
  expect(res.status).toBe(201);
  const { id, trackingCode, secret } = (await res.json()) as { id: string; trackingCode: string; secret: string };
  const handle = sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(id));
  await eventually(async () => expect(['ASSIGNED', 'UNROUTED']).toContain((await handle.query(caseStateQuery)).status));
  return { id, trackingCode, secret, handle };
}

/** Mail about one case (by tracking code in the subject), optionally to one address. */
export function mailsFor(sys: TestSystem, trackingCode: string, to?: string) {
  return sys.smtp.messages.filter((m) => m.subject.includes(trackingCode) && (!to || m.to.includes(to)));
}

/** The validator's (or the failed activity's) reason for rejecting an update. */
export async function rejectionReason(update: Promise<unknown>): Promise<string> {
  const err = await update.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as (Error & { cause?: Error }) | undefined;
  return `${cause?.message} ${cause?.cause?.message ?? ''}`;
}

export async function eventTypes(sys: TestSystem, caseId: string): Promise<string[]> {
  return (await sys.db.caseEvent.findMany({ where: { caseId }, orderBy: { at: 'asc' } })).map((e) => e.type);
}

export const caseRow = (sys: TestSystem, id: string) => sys.db.case.findUniqueOrThrow({ where: { id } });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
