import { useEffect, useState } from 'preact/hooks';
import { api, type ApiType } from '../api';
import { rememberedSecret, rememberSecret, SECRET_HEADER } from '../citizen-secret';
import { ComplaintWindows } from '../components/complaint-windows';
import { Async, ErrorBox, useLoad } from '../components/data';
import { citizenDocuments, DocumentList, documentIdsOf, UploadField, type DocumentInfo } from '../components/documents';
import { Field, inputValue, useSubmit } from '../components/form';
import { dateTime } from '../format';
import { label, type MessageKey, pick, t } from '../i18n';
import { navigate } from '../router';

type Tracked = ApiType<'TrackedCase'>;

/** The second complaint's window has closed: the form would only be refused (the server checks again). */
const windowPassed = (dueAt: string | null) => dueAt !== null && Date.now() > new Date(dueAt).getTime();

/** A complaint or denunciation may be withdrawn while it is being handled, not once answered. */
const WITHDRAWABLE = ['COMPLAINT_FIRST', 'COMPLAINT_SECOND', 'DENUNCIATION'];
const OPEN = ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED'];

export function TrackPage({ code }: { code: string }) {
  const [input, setInput] = useState(code);
  return (
    <>
      <form class="card" onSubmit={(e) => { e.preventDefault(); navigate(`/track/${encodeURIComponent(input.trim().toUpperCase())}`); }}>
        <h1>{t('track')}</h1>
        <Field label={t('enterCode')} required hint="PA-XXXXXXXXXXXXXXXX">
          {(p) => <input {...p} class="code" autoComplete="off" spellcheck={false} value={input} onInput={(e) => setInput(inputValue(e))} />}
        </Field>
        <div class="actions"><button type="submit">{t('lookUp')}</button></div>
      </form>
      {code && <TrackedCase key={code} code={code} />}
    </>
  );
}

function TrackedCase({ code }: { code: string }) {
  const loaded = useLoad<Tracked>(`/api/track/${encodeURIComponent(code)}`);
  // The secret opens the case's documents and its actions alike.
  const [secret, setSecret] = useState(() => rememberedSecret(code));
  const [documentsShown, setDocumentsShown] = useState(0);
  const done = () => { loaded.reload(); setDocumentsShown((n) => (n ? n + 1 : n)); };
  return (
    <Async loaded={loaded}>
      {(c) => (
        <>
          <section class="card" aria-labelledby="case-title">
            <h2 id="case-title">{c.title}</h2>
            <dl class="facts">
              <dt>{t('trackingCode')}</dt><dd class="code">{c.trackingCode}</dd>
              <dt>{t('caseType')}</dt><dd>{label('type', c.type)}</dd>
              <dt>{t('status')}</dt><dd><span class="badge" data-testid="status">{label('status', c.status)}</span>{c.outcome && <> — {label('outcome', c.outcome)}</>}</dd>
              {c.terminationGround && <><dt>{t('terminationGround')}</dt><dd>{label('ground', c.terminationGround)}</dd></>}
              <dt>{t('unit')}</dt><dd>{c.unit}</dd>
              <dt>{t('agency')}</dt><dd>{c.agency ?? '—'}</dd>
              <dt>{t('receivedAt')}</dt><dd>{dateTime(c.receivedAt)}</dd>
              <dt>{t('firstStepDue')}</dt><dd>{dateTime(c.firstStepDueAt)}</dd>
              <dt>{t('resolutionDue')}</dt><dd>{dateTime(c.resolutionDueAt)}</dd>
              <dt>{t('answeredAt')}</dt><dd>{dateTime(c.answeredAt)}</dd>
              <ComplaintWindows c={c} />
              {c.closedAt && <><dt>{t('closedAt')}</dt><dd>{dateTime(c.closedAt)}</dd></>}
            </dl>
            {c.infoRequest && (
              <div class="alert" role="note" data-testid="info-request">
                <strong>{t('infoRequested')}</strong> ({dateTime(c.infoRequest.at)}):
                <p class="pre">{c.infoRequest.reason}</p>
              </div>
            )}
            {c.suspension && (
              <div class="alert" role="note" data-testid="suspension">
                <strong>{t('suspendedBy')}</strong> ({dateTime(c.suspension.at)}):
                <p class="pre">{pick(c.suspension.decision ?? '')}</p>
              </div>
            )}
            <h3>{t('answer')}</h3>
            {c.answer ? <p class="pre" data-testid="answer">{c.answer}</p> : <p>{t('noAnswer')}</p>}
            {c.answerDocuments && c.answerDocuments.length > 0 && (
              <ul aria-label={t('documents')}>{c.answerDocuments.map((d) => <li key={d.url}><a href={d.url} rel="noopener noreferrer" target="_blank">{d.name}</a></li>)}</ul>
            )}
          </section>
          <SecretField code={c.trackingCode} value={secret} onChange={setSecret} />
          <section class="card" aria-labelledby="documents-title">
            <h2 id="documents-title">{t('caseDocuments')}</h2>
            {documentsShown ? <CitizenDocuments key={documentsShown} code={c.trackingCode} secret={secret} /> : (
              <button type="button" class="secondary" disabled={!secret.trim()} onClick={() => setDocumentsShown(1)}>{t('showDocuments')}</button>
            )}
          </section>
          <CitizenActions c={c} secret={secret} onDone={done} />
        </>
      )}
    </Async>
  );
}

/** The case's documents, listed and downloaded with the secret. */
function CitizenDocuments({ code, secret }: { code: string; secret: string }) {
  const [state, setState] = useState<{ documents: DocumentInfo[] | null; error: unknown }>({ documents: null, error: null });
  useEffect(() => {
    citizenDocuments(code, secret).then((r) => setState({ documents: r.documents, error: null }), (error: unknown) => setState({ documents: null, error }));
    // Loaded when asked for (a wrong secret counts against the case), not on every keystroke.
  }, [code]);
  if (state.error) return <ErrorBox error={state.error} />;
  if (!state.documents) return <p class="loading">{t('loadingText')}</p>;
  return <DocumentList documents={state.documents} href={(d) => `/api/track/${encodeURIComponent(code)}/documents/${d.id}`} secret={secret.trim()} />;
}

function CitizenActions({ c, secret, onDone }: { c: Tracked; secret: string; onDone: () => void }) {
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  // Each form its own text: what is typed for one never goes with another.
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [info, setInfo] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
  const [ok, setOk] = useState<MessageKey | null>(null);
  const [infoDocs, setInfoDocs] = useState<DocumentInfo[]>([]);
  const [appealDocs, setAppealDocs] = useState<DocumentInfo[]>([]);
  const act = (action: string, body: object, done: MessageKey) =>
    api(`/api/track/${c.trackingCode}/actions/${action}`, { body, headers: { [SECRET_HEADER]: secret.trim() } }).then(() => {
      rememberSecret(c.trackingCode, secret.trim());
      setOk(done);
      onDone(); // the case as it is now: its new status, and only the forms that still apply
    });
  const rate = useSubmit(() => act('rate', { satisfied: satisfied ?? true, ...(comment ? { comment } : {}) }, 'done'));
  const appeal = useSubmit(() => act('appeal', { reason, ...documentIdsOf(appealDocs) }, 'done'), () => setAppealDocs([]));
  const provide = useSubmit(() => act('provideInfo', { note: info, ...documentIdsOf(infoDocs) }, 'infoSent'), () => { setInfo(''); setInfoDocs([]); });
  const withdraw = useSubmit(() => act('withdraw', { reason: withdrawReason }, 'done'));
  const canWithdraw = WITHDRAWABLE.includes(c.type) && OPEN.includes(c.status);
  return (
    <>
      {ok && <p class="alert ok" role="status">{t(ok)}</p>}
      {c.status === 'ANSWERED' && (
        <form class="card" onSubmit={rate.submit}>
          <h2>{t('rateTitle')}</h2>
          <ErrorBox error={rate.error} />
          <fieldset>
            <legend>{t('satisfiedQ')}</legend>
            <label><input type="radio" name="satisfied" checked={satisfied === true} onChange={() => setSatisfied(true)} />{t('satisfied')}</label>
            <label><input type="radio" name="satisfied" checked={satisfied === false} onChange={() => setSatisfied(false)} />{t('notSatisfied')}</label>
          </fieldset>
          <Field label={t('comment')} error={rate.fields.comment}>
            {(p) => <textarea {...p} value={comment} onInput={(e) => setComment(inputValue(e))} />}
          </Field>
          <div class="actions">
            <button type="submit" disabled={rate.busy || satisfied === null}>{t('rate')}</button>
          </div>
        </form>
      )}
      {c.status === 'ANSWERED' && c.type === 'COMPLAINT_FIRST' && c.secondComplaint?.to && !windowPassed(c.appealDueAt) && (
        <form class="card" onSubmit={appeal.submit} noValidate>
          <h2>{t('appealTitle')}</h2>
          <p class="hint">{t('appealHint')}</p>
          <ErrorBox error={appeal.error} />
          <Field label={t('reason')} required error={appeal.fields.reason}>{(p) => <textarea {...p} value={reason} onInput={(e) => setReason(inputValue(e))} />}</Field>
          <UploadField label={t('uploadDocuments')} value={appealDocs} onChange={setAppealDocs} error={appeal.fields.documentIds} />
          <div class="actions"><button type="submit" class="secondary" disabled={appeal.busy}>{t('appeal')}</button></div>
        </form>
      )}
      {c.status === 'AWAITING_INFO' && (
        <form class="card" onSubmit={provide.submit} noValidate>
          <h2>{t('provideInfoTitle')}</h2>
          <ErrorBox error={provide.error} />
          <Field label={t('infoToProvide')} hint={t('provideInfoHint')} required error={provide.fields.note}>{(p) => <textarea {...p} value={info} onInput={(e) => setInfo(inputValue(e))} />}</Field>
          <UploadField label={t('uploadDocuments')} value={infoDocs} onChange={setInfoDocs} error={provide.fields.documentIds} />
          <div class="actions"><button type="submit" disabled={provide.busy}>{t('provideInfo')}</button></div>
        </form>
      )}
      {canWithdraw && (
        <details class="card">
          <summary>{t('withdrawTitle')}</summary>
          <form onSubmit={withdraw.submit} noValidate>
            <ErrorBox error={withdraw.error} />
            <Field label={t('reason')} required error={withdraw.fields.reason}>{(p) => <textarea {...p} value={withdrawReason} onInput={(e) => setWithdrawReason(inputValue(e))} />}</Field>
            <div class="actions"><button type="submit" class="secondary" disabled={withdraw.busy}>{t('withdraw')}</button></div>
          </form>
        </details>
      )}
    </>
  );
}

/** Every citizen action needs the secret given at submission; a lost one is sent again by email. */
function SecretField({ code, value, onChange }: { code: string; value: string; onChange: (v: string) => void }) {
  const [sent, setSent] = useState(false);
  const resend = useSubmit(() => api(`/api/track/${encodeURIComponent(code)}/secret`, { method: 'POST' }).then(() => setSent(true)));
  return (
    <div class="card">
      <Field label={t('citizenSecret')} required hint={t('secretHint')}>
        {(p) => <input {...p} class="code" autoComplete="off" spellcheck={false} value={value} onInput={(e) => onChange(inputValue(e))} />}
      </Field>
      <ErrorBox error={resend.error} />
      {sent ? <p class="alert ok" role="status">{t('lostSecretSent')}</p> : (
        <button type="button" class="linklike" disabled={resend.busy} onClick={() => resend.submit()}>{t('lostSecret')}</button>
      )}
    </div>
  );
}
