import { useState } from 'preact/hooks';
import { api, caseIdByCode } from '../api';
import { CaseSearch } from '../components/case-search';
import { Async, ErrorBox, useLoad } from '../components/data';
import { Field, inputValue, useSubmit } from '../components/form';
import { dateOnly, dateTime } from '../format';
import { label, t } from '../i18n';
import { useSession } from '../session';
import { OverdueBoard, type OverdueRow, type OverdueSummary, useOverdueQuery } from '../components/overdue-board';
import { EscalationList, type EscalationRow } from './escalations';

export interface BoardSession {
  id: string; unit: string; heldOn: string; kind: string; topic: string | null; chairName: string; attendees: number; status: string;
  noticeDueAt: string | null; noticePublishedAt: string | null; opinions: number; closed?: number;
}
interface Recommendation { id: string; content: string; createdBy: string; createdAt: string; dueAt: string | null; status: string; response: string | null; respondedAt: string | null; overdue: boolean; caseId: string | null; sessionId: string | null }

/**
 * The Front's board: the recommendation form first (what the Front comes to do), then the overdue
 * cases of its unit by agency, escalations, sessions and their follow-up, recommendations.
 */
export function SupervisionPage() {
  const overdue = useOverdueQuery();
  const board = useLoad<{ overdue: OverdueRow[]; overdueSummary: OverdueSummary; recentEscalations: EscalationRow[]; sessions: BoardSession[] }>(`/api/supervision?${overdue.search}`);
  const recs = useLoad<Recommendation[]>('/api/supervision/recommendations');
  const { me } = useSession();
  return (
    <>
      <h1>{t('board')}</h1>
      <Async loaded={board}>
        {(b) => (
          <>
            {me?.role === 'FRONT_SUPERVISOR' && <RecommendationForm sessions={b.sessions} onDone={recs.reload} />}
            <CaseSearch />
            <h2>{t('overdueList')}</h2>
            <OverdueBoard rows={b.overdue} summary={b.overdueSummary} query={overdue.q} onQuery={overdue.setQ} />
            <h2>{t('recentEscalations')}</h2>
            <EscalationList rows={b.recentEscalations} />
            <h2>{t('sessions')}</h2>
            <SessionTable sessions={b.sessions} />
          </>
        )}
      </Async>
      <h2>{t('recommendations')}</h2>
      <Async loaded={recs}>
        {(list) => (list.length === 0 ? <p>{t('none')}</p> : (
          <ul style={{ listStyle: 'none', padding: 0 }} data-testid="recommendations">
            {list.map((r) => <RecommendationItem key={r.id} r={r} canRespond={me?.role === 'HEAD_OF_GOVERNMENT'} onDone={recs.reload} />)}
          </ul>
        ))}
      </Async>
    </>
  );
}

export function SessionTable({ sessions }: { sessions: BoardSession[] }) {
  if (sessions.length === 0) return <p>{t('none')}</p>;
  return (
    <div class="table-wrap">
      <table class="responsive">
        <thead><tr><th scope="col">{t('heldOn')}</th><th scope="col">{t('topic')}</th><th scope="col">{t('opinions')}</th><th scope="col">{t('noticeDue')}</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td data-label={t('heldOn')}><a href={`/sessions/${s.id}`}>{dateOnly(s.heldOn)}</a><br /><span class="hint">{s.unit}</span></td>
              <td data-label={t('topic')}>{s.kind === 'PERIODIC' ? t('periodic') : t('thematic')}{s.topic && `: ${s.topic}`}<br /><span class="hint">{s.chairName}</span></td>
              <td data-label={t('opinions')}>{s.closed === undefined ? s.opinions : `${s.closed} / ${s.opinions} ${t('closed').toLowerCase()}`}</td>
              <td data-label={t('noticeDue')}>{s.noticePublishedAt ? <span class="badge ok">{t('noticePublished')}</span> : dateTime(s.noticeDueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecommendationForm({ sessions, onDone }: { sessions: BoardSession[]; onDone: () => void }) {
  const [content, setContent] = useState('');
  const [code, setCode] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [ok, setOk] = useState(false);
  // One key per recommendation being written: a retried send records it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const form = useSubmit(
    async () => {
      const caseId = code.trim() ? await caseIdByCode(code) : undefined;
      return api('/api/supervision/recommendations', { body: { content, ...(caseId ? { caseId } : {}), ...(sessionId ? { sessionId } : {}) }, headers: { 'Idempotency-Key': key } });
    },
    () => { setContent(''); setCode(''); setSessionId(''); setOk(true); setKey(crypto.randomUUID()); onDone(); },
  );
  return (
    <form class="card" onSubmit={form.submit} noValidate>
      <h2>{t('newRecommendation')}</h2>
      {ok && <p class="alert ok" role="status">{t('done')}</p>}
      <ErrorBox error={form.error} />
      <Field label={t('recommendationContent')} required error={form.fields.content}>{(p) => <textarea {...p} value={content} onInput={(e) => setContent(inputValue(e))} />}</Field>
      <Field label={t('caseCode')} error={form.fields.caseId}>{(p) => <input {...p} class="code" value={code} onInput={(e) => setCode(inputValue(e))} />}</Field>
      <Field label={t('session')} error={form.fields.sessionId}>
        {(p) => (
          <select {...p} value={sessionId} onChange={(e) => setSessionId(inputValue(e))}>
            <option value="">—</option>
            {sessions.map((s) => <option key={s.id} value={s.id}>{dateOnly(s.heldOn)} · {s.unit}{s.topic ? ` · ${s.topic}` : ''}</option>)}
          </select>
        )}
      </Field>
      <div class="actions"><button type="submit" disabled={form.busy}>{t('send')}</button></div>
    </form>
  );
}

function RecommendationItem({ r, canRespond, onDone }: { r: Recommendation; canRespond: boolean; onDone: () => void }) {
  const [response, setResponse] = useState('');
  const form = useSubmit(() => api(`/api/supervision/recommendations/${r.id}/respond`, { body: { response } }), onDone);
  return (
    <li class="card">
      <p class="pre">{r.content}</p>
      <p class="hint">
        {r.createdBy} · {dateTime(r.createdAt)} · {t('dueAt')}: {dateTime(r.dueAt)}{' '}
        {r.overdue ? <span class="badge bad">{t('overdue')}</span> : <span class="badge">{label('recommendation', r.status)}</span>}
        {r.caseId && <> · <a href={`/cases/${r.caseId}`}>{t('caseDetails')}</a></>}
        {r.sessionId && <> · <a href={`/sessions/${r.sessionId}`}>{t('session')}</a></>}
      </p>
      {r.response && <p class="pre"><strong>{t('response')}:</strong> {r.response} <span class="hint">({dateTime(r.respondedAt)})</span></p>}
      {canRespond && r.status === 'OPEN' && (
        <form onSubmit={form.submit} noValidate>
          <ErrorBox error={form.error} />
          <Field label={t('response')} required error={form.fields.response}>{(p) => <textarea {...p} value={response} onInput={(e) => setResponse(inputValue(e))} />}</Field>
          <div class="actions"><button type="submit" disabled={form.busy}>{t('respond')}</button></div>
        </form>
      )}
    </li>
  );
}
