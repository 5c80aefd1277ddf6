import { startSmppCatcher as startCatcher } from '../../scripts/lib/smpp-catcher';

export type { CaughtSms } from '../../scripts/lib/smpp-catcher';

/**
 * A real SMPP 3.4 server on loopback for one test file (scripts/lib/smpp-catcher.ts, the same one
 * `npm start` runs): it binds the system's sender with these credentials, keeps every SMS, can
 * answer with a system error for a while (an outage) and refuse chosen numbers for good.
 */
export function startSmppCatcher() {
  return startCatcher({ systemId: 'petitions', password: 'test-smsc' });
}
