import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** When the whole message had arrived (Date.now()), before the server answered 250. */
  receivedAt: number;
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server on loopback that keeps what it receives. It can refuse every connection for
 * a while (an outage: 421), reject chosen addresses for good (550), and take its time before
 * answering a message (a slow relay).
 */
export async function startSmtpCatcher() {
  const messages: CaughtMail[] = [];
  const rejected = new Set<string>();
  let refusing = false;
  let refusedConnections = 0;
  let answerAfterMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!refusing) return callback();
      refusedConnections += 1;
      return callback(smtpError('Service temporarily unavailable', 421));
    },
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address)) return callback(smtpError(`Mailbox ${address.address} does not exist`, 550));
      return callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          const html = typeof mail.html === 'string' ? mail.html : '';
          messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', html, messageId: mail.messageId ?? '', receivedAt: Date.now() });
          setTimeout(() => callback(), answerAfterMs);
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address: string) => messages.filter((m) => m.to.includes(address)),
    /** Refuse every connection until called with false. */
    setRefusing(on: boolean) {
      refusing = on;
    },
    refusedConnections: () => refusedConnections,
    /** Keep each message for this long before answering 250 (it is already received). */
    answerAfter(ms: number) {
      answerAfterMs = ms;
    },
    rejectAddress: (address: string) => rejected.add(address),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
