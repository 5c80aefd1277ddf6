import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import smpp, { type PDU, type Session } from 'smpp';

export interface CaughtSms {
  /** Destination number as submitted (international, digits only). */
  to: string;
  from: string;
  text: string;
  /** SMPP data_coding: 0 the centre's default alphabet (GSM-7), 8 UCS-2. */
  dataCoding: number;
  /** The id this centre answered with (the outbox's providerMessageId). */
  messageId: string;
  receivedAt: number;
}

const ESME = { ROK: 0x00, RINVPASWD: 0x0e, RINVSYSID: 0x0f, RINVBNDSTS: 0x04, RSYSERR: 0x08, RINVDSTADR: 0x0b };

function textOf(field: PDU['short_message']): string {
  if (field === undefined) return '';
  if (typeof field === 'string') return field;
  if (Buffer.isBuffer(field)) return field.toString('latin1');
  return typeof field.message === 'string' ? field.message : field.message.toString('latin1');
}

/**
 * A real SMPP 3.4 server (an SMS centre stand-in, from the `smpp` package) that accepts binds with
 * the given credentials and keeps every submit_sm it receives. It can answer every submission with
 * a system error for a while (an outage: ESME_RSYSERR, which the sender retries) and refuse chosen
 * numbers for good (ESME_RINVDSTADR, which marks the notice FAILED).
 */
export async function startSmppCatcher({ port = 0, systemId, password, inboxPort }: { port?: number; systemId: string; password: string; inboxPort?: number }) {
  const messages: CaughtSms[] = [];
  const rejected = new Set<string>();
  let refusing = false;
  let refusedSubmissions = 0;
  let nextId = 1;

  const server = smpp.createServer({}, (session: Session) => {
    let bound = false;
    const onBind = (pdu: PDU) => {
      const ok = pdu.system_id === systemId && pdu.password === password;
      bound = ok;
      session.send(pdu.response({ command_status: ok ? ESME.ROK : pdu.system_id === systemId ? ESME.RINVPASWD : ESME.RINVSYSID, system_id: 'catcher' }));
    };
    session.on('bind_transmitter', onBind);
    session.on('bind_transceiver', onBind);
    session.on('submit_sm', (pdu: PDU) => {
      if (!bound) return session.send(pdu.response({ command_status: ESME.RINVBNDSTS }));
      if (refusing) {
        refusedSubmissions += 1;
        return session.send(pdu.response({ command_status: ESME.RSYSERR }));
      }
      const to = pdu.destination_addr ?? '';
      if (rejected.has(to)) return session.send(pdu.response({ command_status: ESME.RINVDSTADR }));
      const messageId = `catcher-${nextId++}`;
      const text = pdu.message_payload !== undefined ? textOf(pdu.message_payload) : textOf(pdu.short_message);
      messages.push({ to, from: pdu.source_addr ?? '', text, dataCoding: pdu.data_coding ?? 0, messageId, receivedAt: Date.now() });
      session.send(pdu.response({ message_id: messageId }));
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as { port: number }).port;

  let inbox: HttpServer | null = null;
  if (inboxPort !== undefined) inbox = await startInbox(inboxPort, messages);

  return {
    url: `smpp://${encodeURIComponent(systemId)}:${encodeURIComponent(password)}@127.0.0.1:${actualPort}`,
    port: actualPort,
    inboxUrl: inbox ? `http://127.0.0.1:${(inbox.address() as { port: number }).port}` : null,
    messages,
    to: (msisdn: string) => messages.filter((m) => m.to === msisdn),
    /** Answer every submission with ESME_RSYSERR until called with false. */
    setRefusing(on: boolean) {
      refusing = on;
    },
    refusedSubmissions: () => refusedSubmissions,
    rejectNumber: (msisdn: string) => rejected.add(msisdn),
    async close() {
      for (const s of [...server.sessions]) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (inbox) await new Promise<void>((resolve) => inbox.close(() => resolve()));
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** The local catcher's inbox page, like maildev's for mail: every SMS received, newest first (loopback only). */
function startInbox(port: number, messages: CaughtSms[]): Promise<HttpServer> {
  const server = createHttpServer((req, res) => {
    if (req.url === '/messages.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(JSON.stringify(messages));
    }
    const rows = [...messages]
      .reverse()
      .map((m) => `<tr><td>${new Date(m.receivedAt).toISOString()}</td><td>+${escapeHtml(m.to)}</td><td>${escapeHtml(m.from)}</td><td>${m.dataCoding === 8 ? 'UCS-2' : 'GSM-7'}</td><td>${escapeHtml(m.text)}</td></tr>`)
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    res.end(
      `<!doctype html><html lang="vi"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>SMS</title>` +
        `<style>body{font:14px sans-serif;margin:1rem}td,th{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style>` +
        `<h1>Tin nhắn SMS đã nhận / SMS received (${messages.length})</h1><table><tr><th>Lúc / at (UTC)</th><th>Đến / to</th><th>Từ / from</th><th>Bảng mã / alphabet</th><th>Nội dung / text</th></tr>${rows}</table></html>`,
    );
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
