import { useState } from 'preact/hooks';
import { api, type ApiType } from '../api';
import { ActionForm } from '../components/action-form';
import { Async, ErrorBox, useLoad } from '../components/data';
import { ComplaintWindows } from '../components/complaint-windows';
import { Deadlines } from '../components/deadlines';
import { DocumentList } from '../components/documents';
import { dateTime } from '../format';
import { eventLabel, label, lang, pick, t } from '../i18n';
import { useSession } from '../session';

export type CaseView = ApiType<'StaffCaseView'>;
type TimelineEvent = ApiType<'CaseTimeline'>['events'][number];

/** A person by name; the system and the citizen in words; an unknown account (a removed user) as recorded. */
const actorOf = (e: TimelineEvent) => e.actorName ?? label('actor', e.actor);

export function CasePage({ id }: { id: string }) {
  const c = useLoad<CaseView>(`/api/cases/${id}`);
  const timeline = useLoad<ApiType<'CaseTimeline'>>(`/api/cases/${id}/timeline`);
  const documents = useLoad<ApiType<'DocumentList'>>(`/api/cases/${id}/documents`);
  const { me } = useSession();
  const [action, setAction] = useState<string | null>(null);
  const reload = () => { setAction(null); c.reload(); timeline.reload(); documents.reload(); };
  return (
    <Async loaded={c}>
      {(k) => (
        <>
          <h1>{k.title}</h1>
          <div class="grid">
            <section class="card" aria-labelledby="facts">
              <h2 id="facts">{t('caseDetails')}</h2>
              <dl class="facts">
                <dt>{t('trackingCode')}</dt><dd class="code">{k.trackingCode}</dd>
                <dt>{t('caseType')}</dt><dd>{label('type', k.type)}</dd>
                <dt>{t('status')}</dt><dd><span class="badge" data-testid="case-status">{label('status', k.status)}</span>{k.outcome && <> — {label('outcome', k.outcome)}</>}</dd>
                {k.terminationGround && <><dt>{t('terminationGround')}</dt><dd>{label('ground', k.terminationGround)}</dd></>}
                <dt>{t('category')}</dt><dd>{lang() === 'vi' ? k.category.nameVi : k.category.nameEn}</dd>
                <dt>{t('unit')}</dt><dd>{k.unit.name}</dd>
                <dt>{t('agency')}</dt><dd>{k.agency?.name ?? '—'}</dd>
                <dt>{t('complexity')}</dt><dd>{label('complexity', k.complexity)}</dd>
                <dt>{t('receivedAt')}</dt><dd>{dateTime(k.receivedAt)}</dd>
                <dt>{t('firstStepDue')}</dt><dd>{dateTime(k.firstStepDueAt)}</dd>
                <dt>{t('resolutionDue')}</dt><dd>{dateTime(k.resolutionDueAt)}</dd>
                {k.decidedBy && <><dt>{t('decidedBy')}</dt><dd>{label('decidedBy', k.decidedBy)}</dd></>}
                <ComplaintWindows c={k} />
                <dt>{t('version')}</dt><dd>{k.policyVersion}</dd>
              </dl>
              {me?.role === 'ADMINISTRATOR' && <p><a href={`/cases/${k.id}/history`}>{t('fullHistory')}</a></p>}
              {me && me.role !== 'FRONT_SUPERVISOR' && <Petitioner id={k.id} />}
            </section>
            <section class="card" aria-labelledby="actions-title">
              <h2 id="actions-title">{t('availableActions')}</h2>
              {k.allowedActions.length === 0 ? <p>{t('noActions')}</p> : (
                <div class="actions" role="group" aria-label={t('availableActions')}>
                  {k.allowedActions.map((a) => (
                    <button key={a} type="button" class={action === a ? '' : 'secondary'} aria-pressed={action === a} onClick={() => setAction(action === a ? null : a)}>{label('action', a)}</button>
                  ))}
                </div>
              )}
              {action && k.actionForms[action] && <ActionForm key={action} caseId={k.id} action={action} form={k.actionForms[action]} onDone={reload} />}
            </section>
          </div>
          <section class="card">
            <h2>{t('content')}</h2>
            <p class="pre">{k.content}</p>
            {k.accused && (
              <>
                <h3>{t('accused')}</h3>
                <p>{[k.accused.fullName, k.accused.position, k.accused.email].filter(Boolean).join(' · ')}</p>
              </>
            )}
            {k.respondent && (
              <>
                <h3>{t('respondent')}</h3>
                <p>{[k.respondent.fullName, k.respondent.position, k.respondent.email].filter(Boolean).join(' · ')}</p>
              </>
            )}
            {k.forwardedBy && (
              <>
                <h3>{t('forwardedBy')}</h3>
                <p>{[k.forwardedBy.name, k.forwardedBy.email].filter(Boolean).join(' · ')}</p>
              </>
            )}
            <h3>{t('caseDocuments')}</h3>
            <Async loaded={documents}>{(d) => <DocumentList documents={d.documents} href={(doc) => `/api/cases/${k.id}/documents/${doc.id}`} />}</Async>
            <h3>{t('attachments')}</h3>
            {k.attachments.length === 0 ? <p>—</p> : <ul>{k.attachments.map((d) => <li key={d.url}><a href={d.url} target="_blank" rel="noopener noreferrer">{d.name}</a></li>)}</ul>}
            {k.answer && (<><h3>{t('answer')}</h3><p class="pre">{k.answer}</p></>)}
            {k.answerDocuments && k.answerDocuments.length > 0 && <ul aria-label={t('documents')}>{k.answerDocuments.map((d) => <li key={d.url}><a href={d.url} target="_blank" rel="noopener noreferrer">{d.name}</a></li>)}</ul>}
          </section>
          <h2>{t('deadlines')}</h2>
          <Deadlines deadlines={k.deadlines} />
          <section class="card">
            <h2>{t('timeline')}</h2>
            <Async loaded={timeline}>
              {(tl) => (
                <ol class="timeline" data-testid="timeline">
                  {tl.events.map((e, i) => <li key={i}><time dateTime={e.at}>{dateTime(e.at)}</time> — <strong>{eventLabel(e.type)}</strong> · <span title={e.actorName ? e.actor : undefined}>{actorOf(e)}</span>{e.reason && <>: {e.actorName ? e.reason : pick(e.reason)}</>}</li>)}
                </ol>
              )}
            </Async>
          </section>
          <section class="card">
            <h2>{t('notices')}</h2>
            <div class="table-wrap">
              <table class="responsive">
                <thead><tr><th scope="col">{t('recipient')}</th><th scope="col">{t('channel')}</th><th scope="col">{t('status')}</th><th scope="col">{t('attempts')}</th><th scope="col">{t('sentAt')}</th></tr></thead>
                <tbody>
                  {k.notices.map((n, i) => (
                    <tr key={i}>
                      <td data-label={t('recipient')}>{pick(n.recipient)}<br /><span class="hint">{label('template', n.template)}</span></td>
                      <td data-label={t('channel')}>{t(n.channel === 'sms' ? 'channelSms' : 'channelEmail')}</td>
                      <td data-label={t('status')}><span class={`badge ${n.status === 'FAILED' ? 'bad' : n.status === 'SENT' ? 'ok' : ''}`}>{label('notice', n.status)}</span>{n.error && <div class="hint">{n.error}</div>}</td>
                      <td data-label={t('attempts')}>{n.attempts}</td>
                      <td data-label={t('sentAt')}>{dateTime(n.sentAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Async>
  );
}

/** Identity is fetched only on request: every read is audited, and a denouncer's is for heads and administrators. */
function Petitioner({ id }: { id: string }) {
  const [data, setData] = useState<Partial<NonNullable<ApiType<'CasePetitioner'>['petitioner']>> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const show = () => api<ApiType<'CasePetitioner'>>(`/api/cases/${id}/petitioner`).then((r) => setData(r.petitioner ?? {}), setError);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <button type="button" class="linklike" onClick={show}>{t('showIdentity')}</button>;
  if (data.anonymous) return <p>{t('identityHidden')}</p>;
  return (
    <dl class="facts">
      {(['fullName', 'email', 'phone', 'address'] as const).map((f) => (data[f] ? <><dt key={f}>{t(f)}</dt><dd>{String(data[f])}</dd></> : null))}
    </dl>
  );
}
