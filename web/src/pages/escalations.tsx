import { useState } from 'preact/hooks';
import { api } from '../api';
import { CaseSearch } from '../components/case-search';
import { Async, ErrorBox, useLoad } from '../components/data';
import { duration } from '../components/deadlines';
import { Field, inputValue, useSubmit } from '../components/form';
import { OverdueBoard, type OverdueRow, type OverdueSummary, useOverdueQuery } from '../components/overdue-board';
import { dateTime } from '../format';
import { label, t } from '../i18n';

export interface EscalationRow { caseId: string; trackingCode: string; title: string; type: string; at: string }
interface ExtensionRequest {
  caseId: string; trackingCode: string; title: string; requestedBy: string; requestedByName: string | null; reason: string | null; requestedAt: string;
  resolutionDueAt: string | null; resolutionDueIfApproved: string | null; extension: { amount: number; unit: string; basis: string; number: number };
}
interface Decided { trackingCode: string; approved: boolean; resolutionDueAt: string | null }

export function EscalationList({ rows }: { rows: EscalationRow[] }) {
  if (rows.length === 0) return <p>{t('none')}</p>;
  return (
    <ol class="timeline" data-testid="escalations">
      {rows.map((e, i) => <li key={i}><time dateTime={e.at}>{dateTime(e.at)}</time> — <strong>{label('event', e.type)}</strong>: <a href={`/cases/${e.caseId}`}>{e.title}</a> <span class="hint code">{e.trackingCode}</span></li>)}
    </ol>
  );
}

/**
 * One extension request: who asked and why, the due date now and after approval, and a note that
 * goes with the decision (required to refuse: the officer must know why).
 */
function Decide({ r, onDone }: { r: ExtensionRequest; onDone: (d: Decided) => void }) {
  const [note, setNote] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const decide = (approved: boolean) =>
    api<{ trackingCode: string; resolutionDueAt: string | null }>(`/api/cases/${r.caseId}/actions/decideExtension`, { body: { approved, ...(note.trim() ? { note } : {}) } })
      .then((c) => ({ trackingCode: c.trackingCode, approved, resolutionDueAt: c.resolutionDueAt }));
  const yes = useSubmit(() => decide(true), onDone);
  const no = useSubmit(() => decide(false), onDone);
  const refuse = () => {
    setReasonMissing(!note.trim());
    if (note.trim()) void no.submit();
  };
  const error = (reasonMissing && !note.trim() ? t('refusalNeedsReason') : undefined) ?? no.fields.note ?? yes.fields.note;
  return (
    <li class="card" data-testid="extension-request">
      <h3><a href={`/cases/${r.caseId}`}>{r.title}</a> <span class="hint code">{r.trackingCode}</span></h3>
      <dl class="facts">
        <dt>{t('requestedBy')}</dt><dd>{r.requestedByName ?? r.requestedBy} · {dateTime(r.requestedAt)}</dd>
        {r.reason && <><dt>{t('reason')}</dt><dd class="pre">{r.reason}</dd></>}
        <dt>{t('resolutionDue')}</dt><dd>{dateTime(r.resolutionDueAt)}</dd>
        <dt>{t('ifApproved')}</dt>
        <dd data-testid="due-if-approved">
          <strong>{r.resolutionDueIfApproved ? dateTime(r.resolutionDueIfApproved) : t('clockStopped')}</strong>
          <br /><span class="hint">{t('extensionNumber')} {r.extension.number}: + {duration(r.extension)} ({r.extension.basis})</span>
        </dd>
      </dl>
      <ErrorBox error={yes.error ?? no.error} />
      <Field label={t('decisionNote')} hint={t('decisionNoteHint')} error={error}>
        {(p) => <textarea {...p} style={{ minHeight: '3rem' }} value={note} onInput={(e) => setNote(inputValue(e))} />}
      </Field>
      <div class="actions">
        <button type="button" disabled={yes.busy || no.busy} onClick={() => void yes.submit()}>{t('approve')}</button>
        <button type="button" class="secondary" disabled={yes.busy || no.busy} onClick={refuse}>{t('refuse')}</button>
      </div>
    </li>
  );
}

/** The head's desk: extension requests to decide, the unit's overdue cases by agency, the latest escalations. */
export function EscalationsPage() {
  const overdue = useOverdueQuery();
  const d = useLoad<{ overdue: OverdueRow[]; overdueSummary: OverdueSummary; extensionRequests: ExtensionRequest[]; recentEscalations: EscalationRow[] }>(`/api/escalations?${overdue.search}`);
  const [decided, setDecided] = useState<Decided | null>(null);
  return (
    <>
      <h1>{t('escalations')}</h1>
      {decided && (
        <p class="alert ok" role="status" data-testid="decision">
          {decided.trackingCode}: {decided.approved ? t('extensionApproved') : t('extensionRefused')}. {t('resolutionDue')}: <strong>{dateTime(decided.resolutionDueAt)}</strong>
        </p>
      )}
      <CaseSearch />
      <Async loaded={d}>
        {(x) => (
          <>
            <h2>{t('extensionRequests')}</h2>
            {x.extensionRequests.length === 0 ? <p>{t('none')}</p> : <ul style={{ listStyle: 'none', padding: 0 }}>{x.extensionRequests.map((r) => <Decide key={r.caseId} r={r} onDone={(res) => { setDecided(res); d.reload(); }} />)}</ul>}
            <h2>{t('overdueList')}</h2>
            <OverdueBoard rows={x.overdue} summary={x.overdueSummary} query={overdue.q} onQuery={overdue.setQ} />
            <h2>{t('recentEscalations')}</h2>
            <EscalationList rows={x.recentEscalations} />
          </>
        )}
      </Async>
    </>
  );
}
