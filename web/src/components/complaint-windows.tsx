import type { ApiType } from '../api';
import { dateTime } from '../format';
import { lang, pick, t } from '../i18n';

/** A complaint's window to be lodged as the staff view or the tracking page gives it (the latter without the explanation). */
type FilingWindowView = Pick<ApiType<'FilingWindow'>, 'learnedOn' | 'obstacleDays' | 'endsAt' | 'late'> & { explanation?: ApiType<'FilingWindow'>['explanation'] };

/** The complainant's windows: to lodge (art. 9) and to appeal (art. 33), and to whom (art. 21). */
export function ComplaintWindows({ c }: { c: { filingWindow: FilingWindowView | null; appealDueAt: string | null; secondComplaint: ApiType<'SecondComplaint'> | null } }) {
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
