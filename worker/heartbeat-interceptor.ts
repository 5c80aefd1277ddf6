import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';

const EVERY_MS = 2_000;

/**
 * Every activity heartbeats while it runs. A worker that dies (SIGKILL, OOM, a lost node) stops
 * heartbeating, so Temporal retries its activities after the workflows' `heartbeatTimeout` instead
 * of waiting out the whole start-to-close timeout.
 */
export const heartbeatWhileRunning = (ctx: Context): ActivityInterceptors => ({
  inbound: {
    async execute(input, next) {
      ctx.heartbeat();
      const timer = setInterval(() => ctx.heartbeat(), EVERY_MS);
      try {
        return await next(input);
      } finally {
        clearInterval(timer);
      }
    },
  },
});
