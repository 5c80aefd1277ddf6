import { useState } from 'preact/hooks';
import { api } from '../api';
import { Async, ErrorBox, useLoad } from '../components/data';
import { Field, inputValue, useSubmit } from '../components/form';
import { dateTime, vietnamInstant } from '../format';
import { label, lang, t } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import type { Catalog } from './submit';
import { type BoardSession, SessionTable } from './supervision';

const RECORDERS = ['RECEPTION_OFFICER', 'HEAD_OF_GOVERNMENT'];

export function SessionsPage() {
  const list = useLoad<{ sessions: Array<Omit<BoardSession, 'unit' | 'closed'> & { unit: { name: string } }> }>('/api/sessions');
  const { me } = useSession();
  return (
    <>
      <h1>{t('sessions')}</h1>
      {me && RECORDERS.includes(me.role) && <NewSession />}
      <Async loaded={list}>{(d) => <SessionTable sessions={d.sessions.map((s) => ({ ...s, unit: s.unit.name }))} />}</Async>
    </>
  );
}

function NewSession() {
  const catalog = useLoad<Catalog>('/api/catalog');
  // Nothing is guessed: whoever types the session in is rarely the one who chaired it.
  const [f, setF] = useState({ unitCode: '', heldOn: '', kind: 'PERIODIC', topic: '', chairName: '', chairTitle: '', chairedByHead: false, attendees: '' });
  const [key] = useState(() => crypto.randomUUID());
  const form = useSubmit(
    () => api<{ id: string }>('/api/sessions', {
      headers: { 'Idempotency-Key': key },
      body: { ...f, topic: f.topic || undefined, heldOn: f.heldOn ? vietnamInstant(f.heldOn) : '', attendees: Number(f.attendees || 'NaN') },
    }),
    (r) => navigate(`/sessions/${r.id}`),
  );
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: inputValue(e) });
  const e = form.fields;
  return (
    <details class="card" open>
      <summary><strong>{t('newSession')}</strong></summary>
      <form onSubmit={form.submit} noValidate>
        <ErrorBox error={form.error} />
        <div class="grid">
          <Field label={t('unit')} required error={e.unitCode}>
            {(p) => <select {...p} value={f.unitCode} onChange={set('unitCode')}><option value="">{t('choose')}</option>{catalog.data?.units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}</select>}
          </Field>
          <Field label={t('heldOn')} required error={e.heldOn}>{(p) => <input {...p} type="datetime-local" value={f.heldOn} onInput={set('heldOn')} />}</Field>
          <Field label={t('kind')} required error={e.kind}>
            {(p) => <select {...p} value={f.kind} onChange={set('kind')}><option value="PERIODIC">{t('periodic')}</option><option value="THEMATIC">{t('thematic')}</option></select>}
          </Field>
          <Field label={t('topic')} error={e.topic}>{(p) => <input {...p} value={f.topic} onInput={set('topic')} />}</Field>
          <Field label={t('chairName')} required error={e.chairName}>{(p) => <input {...p} value={f.chairName} onInput={set('chairName')} />}</Field>
          <Field label={t('chairTitle')} required error={e.chairTitle}>{(p) => <input {...p} value={f.chairTitle} onInput={set('chairTitle')} />}</Field>
          <Field label={t('attendees')} required error={e.attendees}>{(p) => <input {...p} type="number" min={0} inputMode="numeric" value={f.attendees} onInput={set('attendees')} />}</Field>
        </div>
        <label><input type="checkbox" checked={f.chairedByHead} onChange={(ev) => setF({ ...f, chairedByHead: (ev.currentTarget as HTMLInputElement).checked })} />{t('chairedByHead')}</label>
        <div class="actions"><button type="submit" disabled={form.busy}>{t('newSession')}</button></div>
      </form>
    </details>
  );
}

interface SessionDetail {
  id: string; unit: { name: string }; heldOn: string; kind: string; topic: string | null; chairName: string; chairTitle: string; attendees: number; status: string;
  noticeDueAt: string | null; noticePublishedAt: string | null; conclusion: string | null;
  cases: Array<{ id: string; trackingCode: string; title: string; status: string; outcome: string | null }>;
}
const blank = () => ({ categoryCode: '', title: '', content: '', citizenName: '', citizenEmail: '', citizenPhone: '' });

/** A session and its opinions: typed in quickly during or after the meeting, each becoming a case. */
export function SessionPage({ id }: { id: string }) {
  const s = useLoad<SessionDetail>(`/api/sessions/${id}`);
  const catalog = useLoad<Catalog>('/api/catalog');
  const { me } = useSession();
  const [rows, setRows] = useState([blank()]);
  const [conclusion, setConclusion] = useState('');
  const save = useSubmit(
    () => api(`/api/sessions/${id}/opinions`, {
      body: { opinions: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== '' || !k.startsWith('citizen')))) },
    }),
    () => { setRows([blank()]); s.reload(); },
  );
  const conclude = useSubmit(() => api(`/api/sessions/${id}/conclude`, { body: { conclusion } }), s.reload);
  const canRecord = me && RECORDERS.includes(me.role);
  const set = (i: number, k: keyof ReturnType<typeof blank>) => (e: Event) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: inputValue(e) } : r)));
  return (
    <Async loaded={s}>
      {(d) => (
        <>
          <h1>{t('session')}: {d.unit.name}, {dateTime(d.heldOn)}</h1>
          <section class="card">
            <dl class="facts">
              <dt>{t('kind')}</dt><dd>{d.kind === 'PERIODIC' ? t('periodic') : t('thematic')}{d.topic && `: ${d.topic}`}</dd>
              <dt>{t('chairName')}</dt><dd>{d.chairName}, {d.chairTitle}</dd>
              <dt>{t('attendees')}</dt><dd>{d.attendees}</dd>
              <dt>{t('status')}</dt><dd>{label('sessionStatus', d.status)}</dd>
              <dt>{t('noticeDue')}</dt><dd>{dateTime(d.noticeDueAt)}</dd>
              {d.noticePublishedAt && <><dt>{t('noticePublished')}</dt><dd>{dateTime(d.noticePublishedAt)}</dd></>}
            </dl>
            {d.conclusion && <><h3>{t('conclusion')}</h3><p class="pre">{d.conclusion}</p></>}
          </section>
          <h2>{t('opinions')} ({d.cases.length})</h2>
          {d.cases.length > 0 && (
            <ul data-testid="session-cases">{d.cases.map((c) => <li key={c.id}><a href={`/cases/${c.id}`}>{c.title}</a> <span class="hint code">{c.trackingCode}</span> — {label('status', c.status)}{c.outcome && ` (${label('outcome', c.outcome)})`}</li>)}</ul>
          )}
          {canRecord && (
            <form class="card" onSubmit={save.submit} noValidate>
              <h3>{t('addOpinion')}</h3>
              <ErrorBox error={save.error} />
              {rows.map((r, i) => (
                <fieldset key={i}>
                  <legend>{t('opinions')} {i + 1}</legend>
                  <div class="grid">
                    <Field label={t('category')} required error={save.fields[`opinions.${i}.categoryCode`]}>
                      {(p) => <select {...p} value={r.categoryCode} onChange={set(i, 'categoryCode')}><option value="">{t('choose')}</option>{catalog.data?.categories.map((c) => <option key={c.code} value={c.code}>{lang() === 'vi' ? c.nameVi : c.nameEn}</option>)}</select>}
                    </Field>
                    <Field label={t('title')} required error={save.fields[`opinions.${i}.title`]}>{(p) => <input {...p} value={r.title} onInput={set(i, 'title')} />}</Field>
                    <Field label={t('citizenName')} error={save.fields[`opinions.${i}.citizenName`]}>{(p) => <input {...p} value={r.citizenName} onInput={set(i, 'citizenName')} />}</Field>
                    <Field label={t('citizenEmail')} error={save.fields[`opinions.${i}.citizenEmail`]}>{(p) => <input {...p} type="email" value={r.citizenEmail} onInput={set(i, 'citizenEmail')} />}</Field>
                    <Field label={t('citizenPhone')} error={save.fields[`opinions.${i}.citizenPhone`]}>{(p) => <input {...p} type="tel" value={r.citizenPhone} onInput={set(i, 'citizenPhone')} />}</Field>
                  </div>
                  <Field label={t('content')} required error={save.fields[`opinions.${i}.content`]}>{(p) => <textarea {...p} style={{ minHeight: '4rem' }} value={r.content} onInput={set(i, 'content')} />}</Field>
                  {rows.length > 1 && <button type="button" class="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('remove')}</button>}
                </fieldset>
              ))}
              <div class="actions">
                <button type="button" class="secondary" onClick={() => setRows([...rows, blank()])}>{t('addOpinion')}</button>
                <button type="submit" disabled={save.busy}>{t('saveOpinions')}</button>
              </div>
            </form>
          )}
          {me?.role === 'HEAD_OF_GOVERNMENT' && !d.noticePublishedAt && (
            <form class="card" onSubmit={conclude.submit} noValidate>
              <h3>{t('conclude')}</h3>
              <ErrorBox error={conclude.error} />
              <Field label={t('conclusion')} required error={conclude.fields.conclusion}>{(p) => <textarea {...p} value={conclusion} onInput={(e) => setConclusion(inputValue(e))} />}</Field>
              <div class="actions"><button type="submit" disabled={conclude.busy}>{t('conclude')}</button></div>
            </form>
          )}
        </>
      )}
    </Async>
  );
}
