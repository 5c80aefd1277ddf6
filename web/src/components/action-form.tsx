import { useState } from 'preact/hooks';
import { api, type ApiType } from '../api';
import { label, lang, t, type MessageKey } from '../i18n';
import { ErrorBox, useLoad } from './data';
import { documentIdsOf, UploadField, type DocumentInfo } from './documents';
import { Field, inputValue, useSubmit } from './form';

/** An action's form as the API describes it (JSON Schema of its body for this case). */
type ActionFormSchema = ApiType<'ActionForm'>;

/** Field names whose label is not the field's own name in the messages. */
const LABEL: Partial<Record<string, MessageKey>> = { documentIds: 'uploadDocuments', agencyId: 'agencyTo', targetTrackingCode: 'targetCase', satisfied: 'satisfiedQ', to: 'writtenNoticeTo', letter: 'writtenNoticeNote' };
const HINT: Partial<Record<string, MessageKey>> = { documents: 'documentsHint', accusedSummary: 'accusedSummaryHint', decidedBy: 'decidedByHint', refusalGround: 'refusalGroundHint' };
const fieldLabel = (name: string) => t(LABEL[name] ?? (name as MessageKey));

/** "name | url" per line into document references. */
const documents = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [name, ...rest] = l.split('|');
    return { name: (name ?? '').trim(), url: rest.join('|').trim() };
  });

/** The body the form's values make: booleans as such, documents parsed, uploads by id, blanks left out unless required (the server says so on the field). */
function bodyOf(form: ActionFormSchema, v: Record<string, string | boolean>, uploads: DocumentInfo[]) {
  const body: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(form.properties)) {
    const value = v[name];
    if (name === 'documentIds') Object.assign(body, documentIdsOf(uploads));
    else if (field.type === 'boolean') body[name] = value === true;
    else if (field.type === 'array') { if (value) body[name] = documents(String(value)); }
    else if (value !== undefined && value !== '') body[name] = value;
    else if (form.required.includes(name)) body[name] = '';
  }
  return body;
}

/** One case action as a small form with exactly the fields the API says it takes for this case. */
export function ActionForm({ caseId, action, form, onDone }: { caseId: string; action: string; form: ActionFormSchema; onDone: () => void }) {
  const [v, setV] = useState<Record<string, string | boolean>>({});
  const [uploads, setUploads] = useState<DocumentInfo[]>([]);
  const agencies = useLoad<ApiType<'AgencyList'>>('agencyId' in form.properties ? '/api/catalog/agencies' : null);
  const submit = useSubmit(() => api(`/api/cases/${caseId}/actions/${action}`, { body: bodyOf(form, v, uploads) }), () => { setV({}); setUploads([]); onDone(); });
  const set = (name: string) => (e: Event) => setV({ ...v, [name]: inputValue(e) });
  const e = submit.fields;
  return (
    <form onSubmit={submit.submit} noValidate data-action={action}>
      <h3>{label('action', action)}</h3>
      <ErrorBox error={submit.error} />
      {Object.entries(form.properties).map(([name, field]) => {
        const common = { label: fieldLabel(name), required: form.required.includes(name), hint: HINT[name] && t(HINT[name]), error: e[name] ?? Object.entries(e).find(([f]) => f.startsWith(`${name}.`))?.[1] };
        if (name === 'documentIds') return <UploadField key={name} label={common.label} value={uploads} onChange={setUploads} error={common.error} />;
        if (field.type === 'boolean') {
          return (
            <label key={name}>
              <input type="checkbox" checked={v[name] === true} onChange={(ev) => setV({ ...v, [name]: (ev.currentTarget as HTMLInputElement).checked })} />
              {common.label}
            </label>
          );
        }
        if (name === 'agencyId' || field.enum) {
          const options = name === 'agencyId' ? (agencies.data?.agencies ?? []).map((a) => [a.id, `${a.name} — ${a.unit.name}`]) : field.enum!.map((o) => [o, label(name, o)]);
          return (
            <Field key={name} {...common}>
              {(p) => (
                <select {...p} value={String(v[name] ?? '')} onChange={set(name)}>
                  <option value="">{t('choose')}</option>
                  {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                </select>
              )}
            </Field>
          );
        }
        if (field.format === 'date') {
          return <Field key={name} {...common}>{(p) => <input {...p} type="date" value={String(v[name] ?? '')} onInput={set(name)} />}</Field>;
        }
        if (field.type === 'string' && (field.maxLength ?? 0) <= 100) {
          return <Field key={name} {...common}>{(p) => <input {...p} autocomplete="off" spellcheck={false} value={String(v[name] ?? '')} onInput={set(name)} />}</Field>;
        }
        return (
          <Field key={name} {...common}>
            {(p) => <textarea {...p} style={{ minHeight: '4rem' }} lang={lang()} value={String(v[name] ?? '')} onInput={set(name)} />}
          </Field>
        );
      })}
      <div class="actions"><button type="submit" disabled={submit.busy}>{label('action', action)}</button></div>
    </form>
  );
}
