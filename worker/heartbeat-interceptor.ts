import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';
import { HEARTBEAT_EVERY_MS } from '../workflows/activity-heartbeat';

/**
 * Every activity heartbeats while it runs. A worker that dies (SIGKILL, OOM, a lost node) stops
 * heartbeating, so Temporal retries its activities after `HEARTBEAT_TIMEOUT_MS` instead
 * of waiting out the whole start-to-close timeout.
 */
export const heartbeatWhileRunning = (ctx: Context): ActivityInterceptors => ({
  inbound: {
    async execute(input, next) {
      ctx.heartbeat();
      const timer = setInterval(() => ctx.heartbeat(), HEARTBEAT_EVERY_MS);
      try {
        return await next(input);
      } finally {
        clearInterval(timer);
      }
    },
  },
});
