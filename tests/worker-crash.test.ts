import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitioner } from './support/cases';
import { escalationOutcome, reportFaults, unexplainedRepeats } from './support/fault-figures';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';
import { kill, spawnWorker, type WorkerProcess } from './support/worker-process';

// Routing, a reminder at 4 s and the overdue escalation at 6 s: several activities per case in flight.
const policy = testPolicy('test-worker-crash', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 6, 3600) },
  ladder: { reminderBefore: seconds(2), graceAfterDue: seconds(3600) },
});
const CASES = 16;
const KILLS = 4;
// From the worker writing a mail's last line to the outbox's record of the server's 250: a few to
// tens of milliseconds; generous here because the suite shares two cores with the browser test.
const SEND_TO_RECORD_MS = 2_000;

let sys: TestSystem;
let worker: WorkerProcess | null = null;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy, inProcessWorker: false });
});
afterAll(async () => {
  if (worker) await kill(worker, 'SIGTERM');
  await sys?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a worker killed with SIGKILL at random moments', () => {
  it('brings every case to the right state and sends every notice, once per Message-ID', async () => {
    worker = await spawnWorker(sys);
    // Kills start with the submissions, so they land in routing, reminders and escalations alike.
    const moments: number[] = [];
    const killedAt: number[] = [];
    const killing = (async () => {
      for (let k = 0; k < KILLS; k += 1) {
        const wait = 300 + Math.floor(Math.random() * 2500);
        moments.push(wait);
        await sleep(wait);
        await kill(worker!);
        killedAt.push(Date.now());
        worker = await spawnWorker(sys);
      }
    })();
    const ids: string[] = [];
    for (let i = 0; i < CASES; i += 1) {
      const res = await fetch(`${sys.baseUrl}/api/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title: `Sự cố ${i + 1}: đèn đường hỏng`, content: 'Đèn đường tắt cả tuần.', petitioner }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
      await sleep(100);
    }
    await killing;

    const outcome = await escalationOutcome(sys, ids);
    reportFaults(`worker SIGKILL ${KILLS}× (waits ${moments.join(', ')} ms)`, { casesInFlight: CASES, faultsInjected: KILLS, casesLost: outcome.casesLost, duplicateEmails: outcome.duplicates });

    expect(outcome.casesLost).toBe(0);
    // Every notice the outbox holds reached the SMTP server under its own Message-ID.
    expect(outcome.distinctMails).toBe(outcome.notices.length);
    // No mail is sent twice, except in the one window SMTP leaves open (README, "Notifications"): a
    // kill after the worker wrote a whole mail and before the outbox recorded the server's 250.
    // Claims rule out every other repeat (two live attempts at once, a record lost to a blip).
    expect(unexplainedRepeats(outcome.mails, killedAt, SEND_TO_RECORD_MS)).toEqual([]);
  }, 240_000);
});
