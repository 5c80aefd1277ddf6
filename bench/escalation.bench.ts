// Benchmark 2 (issue 7): N open cases whose acceptance deadlines fall at the same instant; the delay
// from that instant to each escalation mail reaching the SMTP server (p50 / p99 / max), against N bare
// Temporal timers due at one instant on the same server. Prints its figures; not part of `npm test`.
import { Worker } from '@temporalio/worker';
import { DEFAULT_CLOCK_POLICY } from '../domain/legal-clock';
import { storePolicy } from '../infra/clock-config';
import { newTrackingCode } from '../infra/tracking-code';
import { caseWorkflowId } from '../workflows/ids';
import { petitionWorkflow } from '../workflows/petition.workflow';
import { createWorker } from '../worker/create-worker';
import { timerWorkflow } from './baseline.workflows';
import { machine, percentile, pool, startBenchStack } from './support/stack';

const N = Number(process.env.BENCH_CASES ?? 200);
const LEAD_S = Number(process.env.BENCH_LEAD_SECONDS ?? 45);
const seconds = (amount: number) => ({ amount, unit: 'seconds' as const });
const summary = (delays: number[]) => {
  const s = [...delays].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50)} ms, p99 ${percentile(s, 99)} ms, max ${s.at(-1)} ms (n=${s.length})`;
};

const stack = await startBenchStack();
try {
  const { db, client, native, mailer, received } = stack;

  // Baseline: N timers due at the same instant.
  const baselineWorker = await Worker.create({ connection: native, taskQueue: 'bench-timers', workflowsPath: new URL('./baseline.workflows.ts', import.meta.url).pathname });
  const timerDelays = await baselineWorker.runUntil(async () => {
    const due = Date.now() + 20_000;
    const delays: number[] = [];
    await Promise.all(Array.from({ length: N }, async (_, i) => {
      await client.workflow.execute(timerWorkflow, { workflowId: `timer-${i}-${due}`, taskQueue: 'bench-timers', args: [due] });
      delays.push(Date.now() - due);
    }));
    return delays;
  });

  // Cases: all received at one instant with an acceptance limit of LEAD_S seconds, so all fall due together.
  const base = DEFAULT_CLOCK_POLICY;
  await storePolicy(db, {
    ...base,
    version: 'bench-escalation',
    effectiveFrom: new Date(Date.now() - 60_000).toISOString(),
    rules: { ...base.rules, FEEDBACK: { ...base.rules.FEEDBACK, firstStep: seconds(LEAD_S) } },
    ladder: { reminderBefore: seconds(100_000), graceAfterDue: seconds(100_000) },
  }, 'benchmark');
  const unit = await db.unit.findUniqueOrThrow({ where: { code: 'HS-X-BANGVAN' } });
  const category = await db.category.findUniqueOrThrow({ where: { code: 'dat-dai' } });
  const receivedAt = new Date();
  const due = receivedAt.getTime() + LEAD_S * 1000;
  const codes: string[] = [];
  for (let i = 0; i < N; i += 1) {
    const id = crypto.randomUUID();
    const trackingCode = newTrackingCode();
    codes.push(trackingCode);
    await db.case.create({ data: { id, trackingCode, idempotencyKey: id, requestHash: 'bench', type: 'FEEDBACK', title: `Phản ánh ${i}`, content: 'Thử tải.', categoryId: category.id, unitId: unit.id, receivedAt, policyVersion: 'bench-escalation', workflowId: caseWorkflowId(id), petitioner: { create: { fullName: 'Người dân' } } } });
  }
  const worker = await createWorker({ connection: native, namespace: 'default', taskQueue: 'bench-cases', deps: { db, mailer, mailFrom: 'bench@local', publicUrl: 'http://bench', language: 'vi' } });
  const caseDelays = await worker.runUntil(async () => {
    const ids = await db.case.findMany({ where: { policyVersion: 'bench-escalation' }, select: { id: true } });
    await pool(ids.length, 16, (i) => client.workflow.start(petitionWorkflow, { workflowId: caseWorkflowId(ids[i]!.id), taskQueue: 'bench-cases', args: [{ caseId: ids[i]!.id }] }));
    if (Date.now() > due) throw new Error(`starting ${N} cases took longer than the ${LEAD_S}s lead; raise BENCH_LEAD_SECONDS`);
    const head = 'truong.hs-x-bangvan-ubnd@hoason.gov.test';
    const escalations = () => received.filter((m) => m.to.includes(head) && m.subject.includes('Quá hạn'));
    while (escalations().length < N) await new Promise((r) => setTimeout(r, 200));
    return escalations().map((m) => m.at - due);
  });

  console.log(`machine: ${machine()}; ${N} cases due at one instant (lead ${LEAD_S} s)`);
  console.log(`baseline: bare timers fired and completed      ${summary(timerDelays)}`);
  console.log(`cases:    escalation mail at the SMTP server   ${summary(caseDelays)}`);
  console.log(`ratio:    p99 cases / p99 timers               ${(percentile([...caseDelays].sort((a, b) => a - b), 99) / Math.max(1, percentile([...timerDelays].sort((a, b) => a - b), 99))).toFixed(1)}`);
} finally {
  await stack.close();
}
