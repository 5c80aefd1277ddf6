// The local SMS centre `npm start` runs (like maildev for mail): a real SMPP 3.4 server on loopback
// that accepts the system's binds and keeps every SMS, with an inbox page.
// Usage: node --import tsx scripts/sms-catcher.ts <smpp port> <inbox port> <system_id> <password>
import { startSmppCatcher } from './lib/smpp-catcher';

const [smppPort, inboxPort, systemId, password] = process.argv.slice(2);
const catcher = await startSmppCatcher({ port: Number(smppPort), inboxPort: Number(inboxPort), systemId: systemId ?? 'petitions', password: password ?? 'catcher' });
console.log(`sms catcher: SMPP 127.0.0.1:${catcher.port}, inbox ${catcher.inboxUrl}`);
const stop = () => void catcher.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
