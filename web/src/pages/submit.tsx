import { useRef, useState } from 'preact/hooks';
import { api, type ApiType } from '../api';
import { rememberSecret } from '../citizen-secret';
import { Async, ErrorBox, useLoad } from '../components/data';
import { documentIdsOf, UploadField, type DocumentInfo } from '../components/documents';
import { Field, inputValue, useSubmit } from '../components/form';
import { dateTime } from '../format';
import { label, lang, t, type MessageKey } from '../i18n';
import { useSession } from '../session';

export type Catalog = ApiType<'Catalog'>;

const CITIZEN_TYPES = ['FEEDBACK', 'COMPLAINT_FIRST', 'DENUNCIATION'];

/** What POST /api/petitions answers: the secret once, and the receipt sent by each channel the citizen gave. */
type Submitted = ApiType<'SubmittedPetition'>;

const LIMIT_UNITS = { vi: { calendar_days: 'ngày', working_days: 'ngày làm việc', seconds: 'giây' }, en: { calendar_days: 'days', working_days: 'working days', seconds: 'seconds' } };
const limitInWords = (l: Submitted['acceptance']['limit']) => `${l.amount} ${LIMIT_UNITS[lang()][l.unit]}`;

/** The printable receipt (giấy biên nhận): what was received, the code and the secret, what comes next and by when. */
function Receipt({ done, form, unitName, onNew }: { done: Submitted; form: typeof empty; unitName: string; onNew: () => void }) {
  const due = `${t('within')} ${limitInWords(done.acceptance.limit)}${done.acceptance.dueAt ? `, ${t('until')} ${dateTime(done.acceptance.dueAt)}` : ''}`;
  return (
    <section class="card receipt" aria-live="polite">
      <h1>{t('receiptTitle')}</h1>
      <p>{t('submitted')}</p>
      <p>{t('trackingCode')}:</p>
      <p class="code big-code" data-testid="tracking-code">{done.trackingCode}</p>
      <p>{t('keepCode')}</p>
      {done.secret && (
        <>
          <p>{t('citizenSecret')}:</p>
          <p class="code big-code" data-testid="citizen-secret">{done.secret}</p>
          <p class="alert" role="note">{t('keepSecret')}</p>
        </>
      )}
      {!done.secret && done.receipt.length > 0 && <p class="alert" role="note">{t('secretInReceipt')}</p>}
      <dl class="facts">
        <dt>{t('caseType')}</dt><dd>{label('type', form.type)}</dd>
        <dt>{t('title')}</dt><dd>{form.title}</dd>
        <dt>{t('unit')}</dt><dd>{unitName}</dd>
        <dt>{t('receivedAt')}</dt><dd>{dateTime(done.receivedAt)}</dd>
        <dt>{t('acceptanceDue')}</dt><dd data-testid="acceptance-due">{due}</dd>
      </dl>
      <p>{t('receiptNext')}</p>
      {done.receipt.length > 0 ? (
        <p data-testid="receipt-channels">
          {t('receiptSentBy')}{' '}
          {done.receipt.map((r, i) => (
            <span key={r.channel}>{i > 0 && ', '}{t(r.channel === 'sms' ? 'channelSms' : 'channelEmail')} ({t(`delivery${r.status}` as MessageKey)})</span>
          ))}
          .
        </p>
      ) : (
        <p>{t('receiptNone')}</p>
      )}
      <div class="actions">
        <a class="button" href={`/track/${done.trackingCode}`}>{t('followCase')}</a>
        <button type="button" class="secondary" onClick={() => window.print()}>{t('printReceipt')}</button>
        <button type="button" class="secondary" onClick={onNew}>{t('newPetition')}</button>
      </div>
    </section>
  );
}
const empty = { type: 'FEEDBACK', unitCode: '', categoryCode: '', title: '', content: '', anonymous: false, language: 'vi', fullName: '', email: '', phone: '', address: '', accusedName: '', accusedPosition: '', accusedEmail: '', forwarderName: '', forwarderEmail: '', respondentName: '', respondentPosition: '', respondentEmail: '', learnedOn: '', obstacleDays: '', obstacleReason: '' };

/** The request body: empty optional fields are left out rather than sent blank. */
function bodyOf(f: typeof empty, attachments: Array<{ name: string; url: string }>, uploads: DocumentInfo[]) {
  const petitioner = Object.fromEntries(Object.entries({ fullName: f.fullName, email: f.email, phone: f.phone, address: f.address }).filter(([, v]) => v.trim() !== ''));
  return {
    type: f.type, unitCode: f.unitCode, categoryCode: f.categoryCode, title: f.title, content: f.content, anonymous: f.anonymous, language: f.language,
    ...(attachments.length ? { attachments } : {}),
    ...documentIdsOf(uploads),
    ...(f.anonymous ? {} : { petitioner }),
    ...(f.type === 'DENUNCIATION' ? accusedOf(f) : {}),
    ...(f.type === 'COMPLAINT_FIRST' || f.type === 'COMPLAINT_SECOND' ? respondentOf(f) : {}),
    ...forwarderOf(f),
    ...(f.type.startsWith('COMPLAINT') ? filingWindowOf(f) : {}),
  };
}

function respondentOf(f: typeof empty) {
  const given = Object.entries({ fullName: f.respondentName, position: f.respondentPosition, email: f.respondentEmail }).filter(([, v]) => v.trim() !== '');
  return given.length ? { respondent: { fullName: f.respondentName, ...Object.fromEntries(given) } } : {};
}

/** When the complainant learned of the decision, and any time an obstacle cost them (Complaints Law 2011 art. 9). */
function filingWindowOf(f: typeof empty) {
  const obstacle = f.obstacleDays.trim() || f.obstacleReason.trim() ? { obstacle: { days: Number(f.obstacleDays), reason: f.obstacleReason } } : {};
  return { ...(f.learnedOn ? { learnedOfDecisionOn: f.learnedOn } : {}), ...obstacle };
}

function forwarderOf(f: typeof empty) {
  if (!f.forwarderName.trim() && !f.forwarderEmail.trim()) return {};
  return { forwardedBy: { name: f.forwarderName, ...(f.forwarderEmail.trim() ? { email: f.forwarderEmail } : {}) } };
}

function accusedOf(f: typeof empty) {
  const given = Object.entries({ fullName: f.accusedName, position: f.accusedPosition, email: f.accusedEmail }).filter(([, v]) => v.trim() !== '');
  // A position or an email without a name still goes, so the server can say the name is missing.
  return given.length ? { accused: { fullName: f.accusedName, ...Object.fromEntries(given) } } : {};
}

export function SubmitPage() {
  const catalog = useLoad<Catalog>('/api/catalog');
  const { me } = useSession();
  const [f, setF] = useState({ ...empty, language: lang() });
  const [attachments, setAttachments] = useState<Array<{ name: string; url: string }>>([]);
  const [uploads, setUploads] = useState<DocumentInfo[]>([]);
  const [done, setDone] = useState<Submitted | null>(null);
  // A retry of the same content reuses its key, so a lost response never makes a second case.
  const lastAttempt = useRef<{ body: string; key: string } | null>(null);
  const set = (k: keyof typeof empty) => (e: Event) => setF({ ...f, [k]: inputValue(e) });

  const form = useSubmit(
    () => {
      const body = bodyOf(f, attachments, uploads);
      const serialized = JSON.stringify(body);
      if (lastAttempt.current?.body !== serialized) lastAttempt.current = { body: serialized, key: crypto.randomUUID() };
      return api<Submitted>('/api/petitions', { body, headers: { 'Idempotency-Key': lastAttempt.current.key } });
    },
    (r) => {
      setDone(r);
      if (r.secret) rememberSecret(r.trackingCode, r.secret);
      lastAttempt.current = null;
    },
  );

  if (done) {
    const unitName = catalog.data?.units.find((u) => u.code === f.unitCode)?.name ?? f.unitCode;
    return <Receipt done={done} form={f} unitName={unitName} onNew={() => { setDone(null); setF({ ...empty, language: lang() }); setAttachments([]); setUploads([]); }} />;
  }

  const e = form.fields;
  return (
    <Async loaded={catalog}>
      {(c) => (
        <form class="card" onSubmit={form.submit} noValidate aria-labelledby="submit-title">
          <h1 id="submit-title">{t('submit')}</h1>
          <ErrorBox error={form.error} />
          {Object.keys(e).length > 0 && <p class="field-error">{t('fixErrors')}</p>}
          <Field label={t('caseType')} required error={e.type}>
            {(p) => (
              <select {...p} value={f.type} onChange={(ev) => setF({ ...f, type: inputValue(ev), anonymous: inputValue(ev) === 'FEEDBACK' && f.anonymous })}>
                {CITIZEN_TYPES.map((ty) => <option key={ty} value={ty}>{label('type', ty)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('unit')} required error={e.unitCode}>
            {(p) => (
              <select {...p} value={f.unitCode} onChange={set('unitCode')}>
                <option value="">{t('choose')}</option>
                {c.units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('category')} required error={e.categoryCode}>
            {(p) => (
              <select {...p} value={f.categoryCode} onChange={set('categoryCode')}>
                <option value="">{t('choose')}</option>
                {c.categories.map((k) => <option key={k.code} value={k.code}>{lang() === 'vi' ? k.nameVi : k.nameEn}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('title')} required error={e.title}>
            {(p) => <input {...p} maxLength={300} value={f.title} onInput={set('title')} />}
          </Field>
          <Field label={t('content')} required error={e.content}>
            {(p) => <textarea {...p} maxLength={20000} value={f.content} onInput={set('content')} />}
          </Field>
          <UploadField label={t('uploadDocuments')} value={uploads} onChange={setUploads} error={e.documentIds} />
          <fieldset>
            <legend>{t('attachments')}</legend>
            <p class="hint">{t('attachmentHint')}</p>
            {attachments.map((a, i) => (
              <div key={i} class="grid">
                <Field label={`${t('attachmentName')} ${i + 1}`} error={e[`attachments.${i}.name`]}>
                  {(p) => <input {...p} value={a.name} onInput={(ev) => setAttachments(attachments.map((x, j) => (j === i ? { ...x, name: inputValue(ev) } : x)))} />}
                </Field>
                <Field label={`${t('attachmentUrl')} ${i + 1}`} error={e[`attachments.${i}.url`]}>
                  {(p) => <input {...p} type="url" value={a.url} onInput={(ev) => setAttachments(attachments.map((x, j) => (j === i ? { ...x, url: inputValue(ev) } : x)))} />}
                </Field>
                <div class="actions"><button type="button" class="secondary" onClick={() => setAttachments(attachments.filter((_, j) => j !== i))}>{t('remove')}</button></div>
              </div>
            ))}
            {attachments.length < 20 && <button type="button" class="secondary" onClick={() => setAttachments([...attachments, { name: '', url: '' }])}>{t('addAttachment')}</button>}
          </fieldset>
          {f.type === 'FEEDBACK' && (
            <label>
              <input type="checkbox" checked={f.anonymous} onChange={(ev) => setF({ ...f, anonymous: (ev.currentTarget as HTMLInputElement).checked })} />
              {t('anonymous')}
            </label>
          )}
          {e.anonymous && <div class="field-error">{e.anonymous}</div>}
          {!f.anonymous && (
            <fieldset>
              <legend>{t('petitioner')}</legend>
              {e.petitioner && <div class="field-error" role="alert">{e.petitioner}</div>}
              <Field label={t('fullName')} required error={e['petitioner.fullName']}>
                {(p) => <input {...p} autoComplete="name" value={f.fullName} onInput={set('fullName')} />}
              </Field>
              <Field label={t('email')} error={e['petitioner.email']}>
                {(p) => <input {...p} type="email" autoComplete="email" value={f.email} onInput={set('email')} />}
              </Field>
              <Field label={t('phone')} hint={t('phoneHint')} error={e['petitioner.phone']}>
                {(p) => <input {...p} type="tel" autoComplete="tel" value={f.phone} onInput={set('phone')} />}
              </Field>
              <Field label={t('address')} hint={t('addressHint')} required={f.type !== 'FEEDBACK'} error={e['petitioner.address']}>
                {(p) => <input {...p} autoComplete="street-address" value={f.address} onInput={set('address')} />}
              </Field>
            </fieldset>
          )}
          {f.type.startsWith('COMPLAINT') && (
            <fieldset>
              <legend>{t('filingWindow')}</legend>
              <p class="hint">{t('filingWindowHint')}</p>
              <Field label={t('learnedOfDecisionOn')} error={e.learnedOfDecisionOn}>
                {(p) => <input {...p} type="date" value={f.learnedOn} onInput={set('learnedOn')} />}
              </Field>
              <Field label={t('obstacleDays')} hint={t('obstacleHint')} error={e['obstacle.days'] ?? e.obstacle}>
                {(p) => <input {...p} type="number" min={1} inputMode="numeric" value={f.obstacleDays} onInput={set('obstacleDays')} />}
              </Field>
              <Field label={t('obstacleReason')} error={e['obstacle.reason']}>
                {(p) => <input {...p} value={f.obstacleReason} onInput={set('obstacleReason')} />}
              </Field>
            </fieldset>
          )}
          {f.type === 'DENUNCIATION' && (
            <fieldset>
              <legend>{t('accused')}</legend>
              {e.accused && <div class="field-error" role="alert">{e.accused}</div>}
              <Field label={t('fullName')} error={e['accused.fullName']}>
                {(p) => <input {...p} value={f.accusedName} onInput={set('accusedName')} />}
              </Field>
              <Field label={t('accusedPosition')} error={e['accused.position']}>
                {(p) => <input {...p} value={f.accusedPosition} onInput={set('accusedPosition')} />}
              </Field>
              <Field label={t('email')} hint={t('accusedEmailHint')} error={e['accused.email']}>
                {(p) => <input {...p} type="email" value={f.accusedEmail} onInput={set('accusedEmail')} />}
              </Field>
            </fieldset>
          )}
          {(f.type === 'COMPLAINT_FIRST' || f.type === 'COMPLAINT_SECOND') && (
            <fieldset>
              <legend>{t('respondent')}</legend>
              {e.respondent && <div class="field-error" role="alert">{e.respondent}</div>}
              <Field label={t('fullName')} error={e['respondent.fullName']}>
                {(p) => <input {...p} value={f.respondentName} onInput={set('respondentName')} />}
              </Field>
              <Field label={t('accusedPosition')} error={e['respondent.position']}>
                {(p) => <input {...p} value={f.respondentPosition} onInput={set('respondentPosition')} />}
              </Field>
              <Field label={t('email')} hint={t('respondentEmailHint')} error={e['respondent.email']}>
                {(p) => <input {...p} type="email" value={f.respondentEmail} onInput={set('respondentEmail')} />}
              </Field>
            </fieldset>
          )}
          {me && (
            <fieldset>
              <legend>{t('forwardedBy')}</legend>
              <Field label={t('forwarderName')} error={e['forwardedBy.name']}>
                {(p) => <input {...p} value={f.forwarderName} onInput={set('forwarderName')} />}
              </Field>
              <Field label={t('email')} hint={t('forwarderEmailHint')} error={e['forwardedBy.email']}>
                {(p) => <input {...p} type="email" value={f.forwarderEmail} onInput={set('forwarderEmail')} />}
              </Field>
            </fieldset>
          )}
          <Field label={t('noticeLanguage')} error={e.language}>
            {(p) => (
              <select {...p} value={f.language} onChange={set('language')}>
                <option value="vi">Tiếng Việt</option>
                <option value="en">English</option>
              </select>
            )}
          </Field>
          <div class="actions">
            <button type="submit" disabled={form.busy}>{form.busy ? t('sending') : t('send')}</button>
          </div>
        </form>
      )}
    </Async>
  );
}
