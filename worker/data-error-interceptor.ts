import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';
import { isDataError } from '../infra/data-errors';
import { DATA_REJECTED } from '../workflows/activity-failures';

/**
 * An activity whose data PostgreSQL refuses would fail the same way on every retry, and the case
 * would wait on it for ever: fail it once, non-retryably, so the workflow can record it and go on.
 */
export const failDataErrorsAtOnce = (): ActivityInterceptors => ({
  inbound: {
    async execute(input, next) {
      try {
        return await next(input);
      } catch (err) {
        if (!isDataError(err)) throw err;
        throw ApplicationFailure.nonRetryable('Dữ liệu không lưu được / the data cannot be stored', DATA_REJECTED);
      }
    },
  },
});
