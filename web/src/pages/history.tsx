import { Async, useLoad } from '../components/data';
import type { ApiType } from '../api';
import { Deadlines } from '../components/deadlines';
import { dateTime } from '../format';
import { eventLabel, t } from '../i18n';

type History = ApiType<'CaseHistory'>;

/** Administrators: the audit trail and the workflow's own events in one timeline, with a link to Temporal. */
export function HistoryPage({ id }: { id: string }) {
  const h = useLoad<History>(`/api/cases/${id}/history`);
  return (
    <Async loaded={h}>
      {(d) => (
        <>
          <h1>{t('fullHistory')}</h1>
          <p><a href={`/cases/${d.caseId}`}>{t('caseDetails')}</a> · <a href={d.temporalUiUrl} target="_blank" rel="noopener noreferrer" data-testid="temporal-link">{t('openTemporal')}</a> <span class="hint code">{d.workflowId}</span></p>
          {d.temporalError && <p class="alert error">{d.temporalError}</p>}
          <section class="card">
            <ol class="timeline" data-testid="history">
              {d.timeline.map((e, i) => (
                <li key={i} class={e.source}>
                  <time dateTime={e.at}>{dateTime(e.at)}</time> — <span class="badge">{e.source}</span> <strong>{e.source === 'audit' ? eventLabel(e.type) : e.type}</strong>
                  {e.actor && <> · {e.actor}</>}{e.detail && <>: {e.detail}</>}
                </li>
              ))}
            </ol>
          </section>
          <h2>{t('deadlines')}</h2>
          <Deadlines deadlines={d.deadlines} />
        </>
      )}
    </Async>
  );
}
