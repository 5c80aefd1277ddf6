import { sleep } from '@temporalio/workflow';

/** The cheapest workflow the same server can start and complete. */
export async function emptyWorkflow(): Promise<void> {}

/** A bare timer due at `dueMs`: how late the server fires timers when many fall at once. */
export async function timerWorkflow(dueMs: number): Promise<void> {
  await sleep(Math.max(1, dueMs - Date.now()));
}
