// The local stand-ins for the province's mail relay and SMS centre, run by `npm start` and
// `npm run cluster` as supervised services: maildev (SMTP, web inbox) and the SMPP catcher
// (scripts/sms-catcher.ts, inbox page). Both listen on loopback only.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, waitForHttp } from './child';
import type { LocalStackConfig } from '../../infra/config';
import type { ServiceSpec, Supervisor } from './supervisor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function mailCatcherService(opts: { smtpPort: number; webPort: number; mailDir: string }): { spec: ServiceSpec<ChildProcess>; smtpUrl: string; inbox: string } {
  const bin = join(root, 'node_modules', 'maildev', 'bin', 'maildev');
  const args = [bin, '--ip', '127.0.0.1', '--smtp', String(opts.smtpPort), '--web', String(opts.webPort), '--mail-directory', opts.mailDir, '--silent'];
  const inbox = `http://127.0.0.1:${opts.webPort}`;
  return {
    smtpUrl: `smtp://127.0.0.1:${opts.smtpPort}`,
    inbox,
    spec: {
      name: 'mail',
      start: () => {
        mkdirSync(opts.mailDir, { recursive: true });
        return startChild('mail', process.execPath, args);
      },
      ready: (child) => waitForHttp(inbox, child),
    },
  };
}

export function smsCatcherService(opts: { smppPort: number; webPort: number }): { spec: ServiceSpec<ChildProcess>; smsUrl: string; inbox: string } {
  const inbox = `http://127.0.0.1:${opts.webPort}`;
  const args = ['--import', 'tsx', join(root, 'scripts', 'sms-catcher.ts'), String(opts.smppPort), String(opts.webPort), 'petitions', 'catcher'];
  return {
    smsUrl: `smpp://petitions:catcher@127.0.0.1:${opts.smppPort}`,
    inbox,
    spec: { name: 'sms', start: () => startChild('sms', process.execPath, args), ready: (child) => waitForHttp(inbox, child) },
  };
}

/** The summary's SMS line: the local inbox, the external centre (password hidden), or off. */
export function describeSms(s: { smsUrl: string; inbox: string | null }, smppPort: number): string {
  if (s.inbox) return `${s.inbox}   (SMPP 127.0.0.1:${smppPort})`;
  return s.smsUrl ? `(external SMS centre ${s.smsUrl.replace(/(\/\/[^:@/]*):[^@]*@/, '$1:***@')})` : 'tắt / off (SMS_URL is empty)';
}

type Catching = Pick<LocalStackConfig, 'SMTP_URL' | 'MAIL_SMTP_PORT' | 'MAIL_WEB_PORT' | 'SMS_URL' | 'SMS_SMPP_PORT' | 'SMS_WEB_PORT'>;

/** Mail: the relay SMTP_URL names, else a supervised local catcher keeping its mail under `dataDir`. */
export async function mailService(supervisor: Supervisor, local: Catching, dataDir: string): Promise<{ smtpUrl: string; inbox: string | null }> {
  if (local.SMTP_URL) return { smtpUrl: local.SMTP_URL, inbox: null };
  const catcher = mailCatcherService({ smtpPort: local.MAIL_SMTP_PORT, webPort: local.MAIL_WEB_PORT, mailDir: join(dataDir, 'mail') });
  await supervisor.add(catcher.spec);
  return catcher;
}

/** SMS: the SMS centre SMS_URL names (empty: SMS off), else a supervised local SMPP catcher with an inbox page. */
export async function smsService(supervisor: Supervisor, local: Catching): Promise<{ smsUrl: string; inbox: string | null }> {
  if (local.SMS_URL !== undefined) return { smsUrl: local.SMS_URL, inbox: null };
  const catcher = smsCatcherService({ smppPort: local.SMS_SMPP_PORT, webPort: local.SMS_WEB_PORT });
  await supervisor.add(catcher.spec);
  return catcher;
}
