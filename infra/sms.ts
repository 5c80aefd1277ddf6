import smpp, { type PDU, type Session } from 'smpp';
import { gsm7Length } from '../domain/gsm7';

export interface OutgoingSms {
  /** International number, digits only (domain/phone.ts toMsisdn). */
  to: string;
  text: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<{ messageId: string }>;
  close(): Promise<void>;
  /** The centre's texts must be GSM-7 (no Vietnamese diacritics), or may be UCS-2. */
  readonly gsm7: boolean;
}

/** The SMS centre refused a message; `permanent` when sending it again cannot help. */
export class SmsRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SmsRefused';
  }
}

/**
 * SMPP 3.4 statuses that refuse the message itself (its number, its content, a barred
 * destination): sending it again cannot help, so the notice is marked FAILED. Everything else — a
 * busy or throttled centre, a full queue, a system error, a bind refused, a dropped connection, no
 * answer — is an outage, and the activity retries.
 */
const PERMANENT_STATUSES = new Set([
  0x01, // ESME_RINVMSGLEN
  0x0b, // ESME_RINVDSTADR
  0x43, // ESME_RINVESMCLASS
  0x45, // ESME_RSUBMITFAIL
  0x50, // ESME_RINVDSTTON
  0x51, // ESME_RINVDSTNPI
  0x65, // ESME_RX_P_APPN: permanent error at the receiving end
  0x66, // ESME_RX_R_APPN: rejected by the receiving end
  0xfe, // ESME_RDELIVERYFAILURE
  0x101, // ESME_RPROHIBITED
  0x104, // ESME_RINVDCS
]);

export const isPermanentSmsFailure = (err: unknown): boolean => err instanceof SmsRefused && err.permanent;

const statusName = (status: number) => Object.entries(smpp.errors).find(([, v]) => v === status)?.[0] ?? `0x${status.toString(16)}`;

export interface SmppTarget {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
}

/** `smpp://system_id:password@host:2775` (or `ssmpp://` over TLS, port 3550 by default). */
export function parseSmsUrl(url: string): SmppTarget {
  const u = new URL(url);
  if (u.protocol !== 'smpp:' && u.protocol !== 'ssmpp:') throw new Error('SMS_URL must start with smpp:// or ssmpp://');
  if (!u.hostname || !u.username) throw new Error('SMS_URL must name the system_id and the host: smpp://system_id:password@host:2775');
  const tls = u.protocol === 'ssmpp:';
  return { host: u.hostname, port: u.port ? Number(u.port) : tls ? 3550 : 2775, tls, systemId: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/** The URL without its password, for start-up output. */
export const describeSmsUrl = (url: string) => url.replace(/(\/\/[^:@/]*):[^@]*@/, '$1:***@');

/** One SMS fits 160 GSM-7 septets or 70 UCS-2 characters; longer texts travel in message_payload and the centre splits them. */
const fitsOneSms = (text: string, gsm7: boolean) => (gsm7 ? gsm7Length(text) <= 160 : [...text].length <= 70);

/**
 * An SMPP 3.4 client (ESME) that binds as a transmitter to the SMS centre and submits each text
 * with submit_sm. One bound session is kept and reused; a dropped one is rebuilt at the next send.
 * Each send waits at most `timeoutMs` for the centre's answer, so an attempt fits in its activity.
 */
export function createSmppSender({ url, from, alphabet, timeoutMs = 10_000 }: { url: string; from: string; alphabet: 'gsm7' | 'ucs2'; timeoutMs?: number }): SmsSender {
  const target = parseSmsUrl(url);
  const gsm7 = alphabet === 'gsm7';
  let bound: Promise<Session> | null = null;
  let closing = false;

  const withTimeout = <T>(what: string, run: (resolve: (v: T) => void, reject: (e: Error) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`SMPP: no answer to ${what} within ${timeoutMs} ms`)), timeoutMs);
      run(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });

  function bind(): Promise<Session> {
    let session: Session | null = null;
    const attempt = withTimeout<Session>('bind_transmitter', (resolve, reject) => {
      const s = smpp.connect({ host: target.host, port: target.port, tls: target.tls, auto_enquire_link_period: 30_000 });
      session = s;
      const drop = () => {
        if (bound === attempt) bound = null;
      };
      s.on('error', (err: Error) => {
        drop();
        reject(err);
      });
      s.on('close', () => {
        drop();
        reject(new Error('SMPP: connection closed'));
      });
      // The centre's own requests: keep-alives, unbinds, and receipts if it sends any.
      s.on('enquire_link', (pdu: PDU) => s.send(pdu.response()));
      s.on('deliver_sm', (pdu: PDU) => s.send(pdu.response()));
      s.on('unbind', (pdu: PDU) => {
        drop();
        s.send(pdu.response());
        s.close();
      });
      s.on(target.tls ? 'secureConnect' : 'connect', () => {
        s.bind_transmitter({ system_id: target.systemId, password: target.password, interface_version: 0x34 }, (pdu) => {
          if (pdu.command_status === 0) return resolve(s);
          s.destroy();
          reject(new SmsRefused(`SMPP bind refused: ${statusName(pdu.command_status)}`, pdu.command_status, false));
        });
      });
    });
    attempt.catch(() => {
      if (bound === attempt) bound = null;
      (session as Session | null)?.destroy();
    });
    return attempt;
  }

  const alphanumericSender = /[^0-9+]/.test(from);
  return {
    gsm7,
    async send(sms) {
      if (closing) throw new Error('SMPP: sender closed');
      bound ??= bind();
      const session = await bound;
      const message = sms.text;
      const body = fitsOneSms(message, gsm7) ? { short_message: message } : { message_payload: message };
      return withTimeout<{ messageId: string }>('submit_sm', (resolve, reject) => {
        const sent = session.submit_sm(
          {
            source_addr: from, source_addr_ton: alphanumericSender ? 5 : 1, source_addr_npi: alphanumericSender ? 0 : 1,
            destination_addr: sms.to, dest_addr_ton: 1, dest_addr_npi: 1,
            data_coding: gsm7 ? 0x00 : 0x08, registered_delivery: 0, ...body,
          },
          (pdu) => {
            if (pdu.command_status === 0) return resolve({ messageId: pdu.message_id ?? '' });
            const status = pdu.command_status;
            reject(new SmsRefused(`SMPP submit_sm refused: ${statusName(status)}`, status, PERMANENT_STATUSES.has(status)));
          },
        );
        if (!sent) {
          bound = null;
          reject(new Error('SMPP: connection not writable'));
        }
      }).catch((err: unknown) => {
        // No answer: the session may be stuck; the next send binds a fresh one.
        if (!(err instanceof SmsRefused)) {
          bound = null;
          session.destroy();
        }
        throw err;
      });
    },
    async close() {
      closing = true;
      const current = bound;
      bound = null;
      const session = await current?.catch(() => null);
      if (!session) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => session.destroy(() => resolve()), 1_000);
        session.unbind({}, () => {
          clearTimeout(timer);
          session.close(() => resolve());
        });
      });
    },
  };
}

/** The SMS sender the configuration asks for, or null (SMS off), and a line saying which for start-up output. */
export function smsFromConfig(config: { SMS_URL?: string; SMS_FROM: string; SMS_ALPHABET: 'gsm7' | 'ucs2' }): { sms: SmsSender | null; status: string } {
  if (!config.SMS_URL) return { sms: null, status: 'SMS: tắt (chưa đặt SMS_URL) / off (SMS_URL is not set): notices go by mail only' };
  return {
    sms: createSmppSender({ url: config.SMS_URL, from: config.SMS_FROM, alphabet: config.SMS_ALPHABET }),
    status: `SMS: SMPP ${describeSmsUrl(config.SMS_URL)}, from ${config.SMS_FROM}, ${config.SMS_ALPHABET === 'gsm7' ? 'GSM-7 (không dấu / without diacritics)' : 'UCS-2'}`,
  };
}
