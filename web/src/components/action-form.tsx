import { useState } from 'preact/hooks';
import { api } from '../api';
import { label, lang, t } from '../i18n';
import { ErrorBox, useLoad } from './data';
import { Field, inputValue, useSubmit } from './form';

type Kind = 'reason' | 'optionalReason' | 'note' | 'agency' | 'complexity' | 'optionalComplexity' | 'approved' | 'answer' | 'documents' | 'target' | 'satisfied' | 'accusedSummary';
const FIELDS: Record<string, Kind[]> = {
  assign: ['agency'], reassign: ['agency', 'optionalReason'], accept: ['optionalComplexity', 'note'], return: ['reason'], transfer: ['agency', 'reason'],
  guide: ['reason'], refuse: ['reason'], requestInfo: ['reason'], provideInfo: ['note'], requestExtension: ['reason'], decideExtension: ['approved', 'note'],
  reclassify: ['complexity', 'reason'], answer: ['answer', 'documents'], rate: ['satisfied', 'note'], appeal: ['reason'], withdraw: ['reason'], merge: ['target', 'reason'],
};
const NAME: Record<Kind, string> = {
  reason: 'reason', optionalReason: 'reason', note: 'note', agency: 'agencyId', complexity: 'complexity', optionalComplexity: 'complexity',
  approved: 'approved', answer: 'answer', documents: 'documents', target: 'targetTrackingCode', satisfied: 'satisfied', accusedSummary: 'accusedSummary',
};
/** Fields only some case types take. */
const FOR_TYPE: Record<string, Record<string, Kind[]>> = { DENUNCIATION: { accept: ['accusedSummary'] } };

interface Agency { id: string; name: string; unit: { name: string } }

/** "name | url" per line into document references. */
const documents = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [name, ...rest] = l.split('|');
    return { name: (name ?? '').trim(), url: rest.join('|').trim() };
  });

function bodyOf(kinds: Kind[], v: Record<string, string | boolean>) {
  const body: Record<string, unknown> = {};
  for (const k of kinds) {
    const name = NAME[k];
    const value = v[name];
    if (k === 'approved' || k === 'satisfied') body[name] = value === true;
    else if (k === 'documents') { if (value) body[name] = documents(String(value)); }
    else if (value !== undefined && value !== '') body[name] = value;
    else if (k === 'reason' || k === 'answer' || k === 'agency' || k === 'complexity' || k === 'target') body[name] = '';
  }
  return body;
}

/** One case action as a small form with exactly the fields the action takes. */
export function ActionForm({ caseId, caseType, action, onDone }: { caseId: string; caseType: string; action: string; onDone: () => void }) {
  const kinds = [...(FIELDS[action] ?? []), ...(FOR_TYPE[caseType]?.[action] ?? [])];
  const [v, setV] = useState<Record<string, string | boolean>>({});
  const agencies = useLoad<{ agencies: Agency[] }>(kinds.includes('agency') ? '/api/catalog/agencies' : null);
  const form = useSubmit(() => api(`/api/cases/${caseId}/actions/${action}`, { body: bodyOf(kinds, v) }), () => { setV({}); onDone(); });
  const set = (name: string) => (e: Event) => setV({ ...v, [name]: inputValue(e) });
  const e = form.fields;
  return (
    <form onSubmit={form.submit} noValidate data-action={action}>
      <h3>{label('action', action)}</h3>
      <ErrorBox error={form.error} />
      {kinds.map((k) => {
        const name = NAME[k];
        switch (k) {
          case 'agency':
            return (
              <Field key={k} label={t('agencyTo')} required error={e[name]}>
                {(p) => (
                  <select {...p} value={String(v[name] ?? '')} onChange={set(name)}>
                    <option value="">{t('choose')}</option>
                    {agencies.data?.agencies.map((a) => <option key={a.id} value={a.id}>{a.name} — {a.unit.name}</option>)}
                  </select>
                )}
              </Field>
            );
          case 'complexity':
          case 'optionalComplexity':
            return (
              <Field key={k} label={t('complexity')} required={k === 'complexity'} error={e[name]}>
                {(p) => (
                  <select {...p} value={String(v[name] ?? '')} onChange={set(name)}>
                    <option value="">{t('choose')}</option>
                    {['NORMAL', 'COMPLEX', 'ESPECIALLY_COMPLEX'].map((c) => <option key={c} value={c}>{label('complexity', c)}</option>)}
                  </select>
                )}
              </Field>
            );
          case 'approved':
          case 'satisfied':
            return (
              <label key={k}>
                <input type="checkbox" checked={v[name] === true} onChange={(ev) => setV({ ...v, [name]: (ev.currentTarget as HTMLInputElement).checked })} />
                {k === 'approved' ? t('approved') : t('satisfiedQ')}
              </label>
            );
          case 'answer':
            return <Field key={k} label={t('answer')} required error={e[name]}>{(p) => <textarea {...p} value={String(v[name] ?? '')} onInput={set(name)} />}</Field>;
          case 'documents':
            return (
              <Field key={k} label={t('documents')} hint={t('documentsHint')} error={Object.entries(e).find(([f]) => f.startsWith('documents'))?.[1]}>
                {(p) => <textarea {...p} style={{ minHeight: '4rem' }} value={String(v[name] ?? '')} onInput={set(name)} />}
              </Field>
            );
          case 'accusedSummary':
            return <Field key={k} label={t('accusedSummary')} hint={t('accusedSummaryHint')} error={e[name]}>{(p) => <textarea {...p} style={{ minHeight: '4rem' }} value={String(v[name] ?? '')} onInput={set(name)} />}</Field>;
          case 'target':
            return <Field key={k} label={t('targetCase')} required error={e[name]}>{(p) => <input {...p} autocomplete="off" spellcheck={false} placeholder="PA-…" value={String(v[name] ?? '')} onInput={set(name)} />}</Field>;
          default:
            return (
              <Field key={k} label={k === 'note' ? t('note') : t('reason')} required={k === 'reason'} error={e[name]}>
                {(p) => <textarea {...p} style={{ minHeight: '4rem' }} lang={lang()} value={String(v[name] ?? '')} onInput={set(name)} />}
              </Field>
            );
        }
      })}
      <div class="actions"><button type="submit" disabled={form.busy}>{label('action', action)}</button></div>
    </form>
  );
}
