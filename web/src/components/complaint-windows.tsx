import { dateTime } from '../format';
import { lang, pick, t } from '../i18n';

/** A complaint's window to be lodged, as computed at receipt (domain/complaint-windows.ts). */
export interface FilingWindowView { learnedOn: string; obstacleDays: number; endsAt: string; late: boolean; explanation?: { vi: string; en: string } }
/** Who takes a first complaint's second complaint, or the way on beyond the province. */
export interface SecondComplaintView { to: string | null; basis: string; wayOn: string | null }

/** The complainant's windows: to lodge (art. 9) and to appeal (art. 33), and to whom (art. 21). */
export function ComplaintWindows({ c }: { c: { filingWindow: FilingWindowView | null; appealDueAt: string | null; secondComplaint: SecondComplaintView | null } }) {
  const w = c.filingWindow;
  return (
    <>
      {w && (
        <>
          <dt>{t('filingWindowEnds')}</dt>
          <dd data-testid="filing-window">
            {dateTime(w.endsAt)} <span class={`badge ${w.late ? 'bad' : 'ok'}`}>{t(w.late ? 'filedLate' : 'filedInTime')}</span>
            {w.explanation && <div class="hint">{lang() === 'vi' ? w.explanation.vi : w.explanation.en}</div>}
          </dd>
        </>
      )}
      {c.appealDueAt && <><dt>{t('appealDue')}</dt><dd data-testid="appeal-due">{dateTime(c.appealDueAt)}<div class="hint">{t('appealWindowHint')}</div></dd></>}
      {c.secondComplaint && <><dt>{t('secondComplaintTo')}</dt><dd data-testid="second-complaint-to">{c.secondComplaint.to ?? pick(c.secondComplaint.wayOn ?? '')} <span class="hint">({c.secondComplaint.basis})</span></dd></>}
    </>
  );
}
