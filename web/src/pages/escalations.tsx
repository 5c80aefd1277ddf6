import { api } from '../api';
import { Async, ErrorBox, useLoad } from '../components/data';
import { useSubmit } from '../components/form';
import { dateTime, timeLeft } from '../format';
import { label, t } from '../i18n';

export interface OverdueRow { id: string; trackingCode: string; type: string; status: string; title: string; unit: string; agency: string | null; missedStep: string; dueAt: string }
export interface EscalationRow { caseId: string; trackingCode: string; title: string; type: string; at: string }
interface ExtensionRequest { caseId: string; trackingCode: string; title: string; requestedBy: string; reason: string | null; requestedAt: string; resolutionDueAt: string | null }

export function OverdueTable({ rows }: { rows: OverdueRow[] }) {
  if (rows.length === 0) return <p>{t('none')}</p>;
  return (
    <div class="table-wrap">
      <table class="responsive" data-testid="overdue-table">
        <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('missedStep')}</th><th scope="col">{t('dueAt')}</th><th scope="col">{t('agency')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} class="overdue">
              <td data-label={t('title')}><a href={`/cases/${r.id}`}>{r.title}</a><br /><span class="hint code">{r.trackingCode}</span></td>
              <td data-label={t('missedStep')}><span class="badge bad">{timeLeft((Date.parse(r.dueAt) - Date.now()) / 1000)}</span> {label('step', r.missedStep)}</td>
              <td data-label={t('dueAt')}>{dateTime(r.dueAt)}</td>
              <td data-label={t('agency')}>{r.agency ?? '—'}<br /><span class="hint">{r.unit}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EscalationList({ rows }: { rows: EscalationRow[] }) {
  if (rows.length === 0) return <p>{t('none')}</p>;
  return (
    <ol class="timeline" data-testid="escalations">
      {rows.map((e, i) => <li key={i}><time dateTime={e.at}>{dateTime(e.at)}</time> — <strong>{label('event', e.type)}</strong>: <a href={`/cases/${e.caseId}`}>{e.title}</a> <span class="hint code">{e.trackingCode}</span></li>)}
    </ol>
  );
}

function Decide({ r, onDone }: { r: ExtensionRequest; onDone: () => void }) {
  const decide = (approved: boolean) => api(`/api/cases/${r.caseId}/actions/decideExtension`, { body: { approved } });
  const yes = useSubmit(() => decide(true), onDone);
  const no = useSubmit(() => decide(false), onDone);
  return (
    <li class="card">
      <a href={`/cases/${r.caseId}`}>{r.title}</a> <span class="hint code">{r.trackingCode}</span>
      <div>{t('requestedBy')}: {r.requestedBy} · {dateTime(r.requestedAt)} · {t('resolutionDue')}: {dateTime(r.resolutionDueAt)}</div>
      {r.reason && <p class="pre">{r.reason}</p>}
      <ErrorBox error={yes.error ?? no.error} />
      <div class="actions">
        <button type="button" disabled={yes.busy || no.busy} onClick={() => void yes.submit()}>{t('approve')}</button>
        <button type="button" class="secondary" disabled={yes.busy || no.busy} onClick={() => void no.submit()}>{t('refuse')}</button>
      </div>
    </li>
  );
}

/** The head's desk: overdue cases of the unit, extension requests to decide, the latest escalations. */
export function EscalationsPage() {
  const d = useLoad<{ overdue: OverdueRow[]; extensionRequests: ExtensionRequest[]; recentEscalations: EscalationRow[] }>('/api/escalations');
  return (
    <>
      <h1>{t('escalations')}</h1>
      <Async loaded={d}>
        {(x) => (
          <>
            <h2>{t('extensionRequests')}</h2>
            {x.extensionRequests.length === 0 ? <p>{t('none')}</p> : <ul style={{ listStyle: 'none', padding: 0 }}>{x.extensionRequests.map((r) => <Decide key={r.caseId} r={r} onDone={d.reload} />)}</ul>}
            <h2>{t('overdueList')}</h2>
            <OverdueTable rows={x.overdue} />
            <h2>{t('recentEscalations')}</h2>
            <EscalationList rows={x.recentEscalations} />
          </>
        )}
      </Async>
    </>
  );
}
