import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { pickAgency } from '../../../domain/routing';
import type { CaseType } from '../../../domain/case-types';
import { api, caseIdByCode } from '../api';
import { ConfirmDialog } from '../components/confirm';
import { Async, ErrorBox, useLoad } from '../components/data';
import { Field, inputValue, useSubmit } from '../components/form';
import { dateTime } from '../format';
import { label, lang, type MessageKey, t } from '../i18n';
import { navigate } from '../router';
import type { Catalog } from './submit';

type Row = Record<string, unknown>;

/** Names of units, categories and organisations by code, so people read names, with the code beside. */
interface Names {
  unit: (code: unknown) => string;
  category: (code: unknown) => string;
  org: (code: unknown) => string;
  /** Units in force with their parent, for working out what a routing rule reaches. */
  units: Catalog['units'];
  categoryOptions: Array<[string, string]>;
  unitOptions: Array<[string, string]>;
  agencyOptions: Array<[string, string]>;
  orgOptions: Array<[string, string]>;
}

interface FieldSpec {
  name: string; key: MessageKey; type?: 'text' | 'number' | 'checkbox' | 'password' | 'date' | 'email'; options?: Array<[string, string]>; required?: boolean;
  /** Choices taken from the names (categories, units, agencies) rather than typed as codes. */
  choices?: 'categoryOptions' | 'unitOptions' | 'agencyOptions' | 'orgOptions';
}
interface Resource {
  path: string;
  columns: Array<[string, MessageKey, ((v: unknown, row: Row, names: Names) => string)?]>;
  fields: FieldSpec[];
  /** Where a new row is written; by default POST to the list's path. */
  write?: (values: Record<string, unknown>) => { path: string; method: string; body: Record<string, unknown> };
  remove?: (row: Row) => string;
  /** What removing a row changes, said before it is removed. */
  removal?: { title: MessageKey; describe: (row: Row, rows: Row[], names: Names) => ComponentChildren };
  /** PATCH target of a row and the fields it may change (left blank: unchanged). */
  edit?: { path: (row: Row) => string; fields: FieldSpec[] };
}

const opts = (group: string, values: string[]): Array<[string, string]> => values.map((v) => [v, label(group, v)]);
const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const ROLES = ['RECEPTION_OFFICER', 'AGENCY_OFFICER', 'HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR', 'ADMINISTRATOR'];
const TYPES: CaseType[] = ['FEEDBACK', 'COMPLAINT_FIRST', 'COMPLAINT_SECOND', 'DENUNCIATION', 'SESSION_OPINION'];
const KINDS = ['PEOPLES_COMMITTEE', 'FRONT_COMMITTEE', 'SECTOR_AGENCY', 'INSPECTORATE'];
const yesNo = (v: unknown) => (v ? '✓' : '');
/** "Sở Xây dựng (HS-SXD)": the name people know, the code administrators type. */
const named = (name: string, code: unknown) => (name && name !== String(code) ? `${name} (${String(code)})` : String(code ?? ''));

/**
 * Who receives new cases of the rule's category in the rule's unit, for each case type it covers,
 * with every rule and without this one (domain/routing.ts, the rule the workflow applies).
 */
function routingRuleRemoval(rule: Row, rules: Row[], names: Names): ComponentChildren {
  const chain: string[] = [];
  for (let code: string | null | undefined = String(rule.unitCode); code && !chain.includes(code); code = names.units.find((u) => u.code === code)?.parentCode) chain.push(code);
  const view = (r: Row) => ({ agencyId: String(r.agencyCode), unitId: String(r.unitCode), caseType: (r.caseType as CaseType | null) ?? null, priority: Number(r.priority ?? 0) });
  const sameCategory = rules.filter((r) => r.categoryCode === rule.categoryCode);
  const others = sameCategory.filter((r) => r.id !== rule.id);
  const covered = rule.caseType ? [rule.caseType as CaseType] : TYPES;
  const agencyName = (code: string | null) => (code ? names.org(code) : t('noRuleMatches'));
  return (
    <>
      <p>
        {t('routingRuleIs')}: {names.category(rule.categoryCode)} · {names.unit(rule.unitCode)} · {rule.caseType ? label('type', String(rule.caseType)) : t('anyType')} → <strong>{names.org(rule.agencyCode)}</strong>
      </p>
      <p>{t('routingRemovalEffect')}</p>
      <ul data-testid="removal-effect">
        {covered.map((type) => {
          const before = pickAgency(sameCategory.map(view), chain, type);
          const after = pickAgency(others.map(view), chain, type);
          return (
            <li key={type}>
              {label('type', type)}: {before === after ? <>{agencyName(after)} ({t('unchangedRouting')})</> : <><s>{agencyName(before)}</s> → <strong>{agencyName(after)}</strong></>}
            </li>
          );
        })}
      </ul>
      <p class="hint">{t('routingRemovalHint')}</p>
    </>
  );
}

const RESOURCES: Record<string, Resource> = {
  units: {
    path: '/api/admin/units',
    columns: [['code', 'code'], ['name', 'name'], ['level', 'level', (v) => label('level', String(v))], ['remoteArea', 'remoteArea', yesNo], ['dissolvedAt', 'dissolved', (v) => (v ? dateTime(String(v)) : '')]],
    fields: [{ name: 'code', key: 'code', required: true }, { name: 'name', key: 'name', required: true }, { name: 'level', key: 'level', options: opts('level', LEVELS), required: true }, { name: 'parentCode', key: 'parentCode', choices: 'unitOptions' }, { name: 'remoteArea', key: 'remoteArea', type: 'checkbox' }],
    edit: { path: (r) => `/api/admin/units/${String(r.code)}`, fields: [{ name: 'name', key: 'name' }, { name: 'parentCode', key: 'parentCode' }, { name: 'remoteArea', key: 'remoteArea', type: 'checkbox' }, { name: 'dissolvedAt', key: 'dissolved', type: 'date' }] },
  },
  organisations: {
    path: '/api/admin/organisations',
    columns: [['code', 'code'], ['name', 'name'], ['kind', 'kind', (v) => label('orgKind', String(v))], ['unit', 'unit', (v, _r, n) => { const code = (v as { code?: string } | null)?.code; return code ? named(n.unit(code), code) : ''; }], ['headName', 'headName'], ['email', 'email']],
    fields: [
      { name: 'code', key: 'code', required: true }, { name: 'unitCode', key: 'unit', required: true, choices: 'unitOptions' },
      { name: 'kind', key: 'kind', required: true, options: opts('orgKind', KINDS) },
      { name: 'name', key: 'name', required: true }, { name: 'email', key: 'email', type: 'email', required: true },
      { name: 'headName', key: 'headName', required: true }, { name: 'headTitle', key: 'headTitle' }, { name: 'headEmail', key: 'headEmail', type: 'email', required: true },
      { name: 'headPhone', key: 'headPhone' },
    ],
    edit: {
      path: (r) => `/api/admin/organisations/${String(r.code)}`,
      fields: [{ name: 'name', key: 'name' }, { name: 'email', key: 'email', type: 'email' }, { name: 'headName', key: 'headName' }, { name: 'headTitle', key: 'headTitle' }, { name: 'headEmail', key: 'headEmail', type: 'email' }, { name: 'headPhone', key: 'headPhone' }],
    },
  },
  categories: {
    path: '/api/admin/categories',
    columns: [['code', 'code'], ['nameVi', 'nameVi'], ['nameEn', 'nameEn']],
    fields: [{ name: 'code', key: 'code', required: true }, { name: 'nameVi', key: 'nameVi', required: true }, { name: 'nameEn', key: 'nameEn', required: true }],
    edit: { path: (r) => `/api/admin/categories/${String(r.code)}`, fields: [{ name: 'nameVi', key: 'nameVi' }, { name: 'nameEn', key: 'nameEn' }] },
  },
  'routing-rules': {
    path: '/api/admin/routing-rules',
    columns: [
      ['categoryCode', 'category', (v, _r, n) => named(n.category(v), v)], ['unitCode', 'unit', (v, _r, n) => named(n.unit(v), v)],
      ['caseType', 'caseType', (v) => (v ? label('type', String(v)) : t('anyType'))], ['agencyCode', 'agencyTo', (v, _r, n) => named(n.org(v), v)], ['priority', 'priority'],
    ],
    fields: [
      { name: 'categoryCode', key: 'category', required: true, choices: 'categoryOptions' }, { name: 'unitCode', key: 'unit', required: true, choices: 'unitOptions' },
      { name: 'caseType', key: 'caseType', options: [['', t('anyType')], ...opts('type', TYPES)] }, { name: 'agencyCode', key: 'agencyTo', required: true, choices: 'agencyOptions' }, { name: 'priority', key: 'priority', type: 'number' },
    ],
    remove: (r) => `/api/admin/routing-rules/${String(r.id)}`,
    removal: { title: 'removeRoutingRule', describe: routingRuleRemoval },
  },
  users: {
    path: '/api/admin/users',
    columns: [['email', 'email'], ['fullName', 'fullName'], ['role', 'role', (v) => label('role', String(v))]],
    fields: [
      { name: 'email', key: 'email', type: 'email', required: true }, { name: 'fullName', key: 'fullName', required: true }, { name: 'role', key: 'role', options: opts('role', ROLES), required: true },
      { name: 'unitCode', key: 'unit', choices: 'unitOptions' }, { name: 'organisationCode', key: 'organisation', choices: 'orgOptions' }, { name: 'password', key: 'password', type: 'password', required: true },
    ],
    edit: {
      path: (r) => `/api/admin/users/${String(r.id)}`,
      fields: [
        { name: 'fullName', key: 'fullName' }, { name: 'role', key: 'role', options: opts('role', ROLES) }, { name: 'unitCode', key: 'unit', choices: 'unitOptions' },
        { name: 'organisationCode', key: 'organisation', choices: 'orgOptions' }, { name: 'password', key: 'password', type: 'password' }, { name: 'unlock', key: 'unlock', type: 'checkbox' },
      ],
    },
  },
};
const DAY_OVERRIDES: Resource = {
  path: '/api/admin/calendar-overrides',
  columns: [['date', 'date', (v) => String(v).slice(0, 10)], ['dayOff', 'dayOff', yesNo], ['reason', 'reason']],
  fields: [{ name: 'date', key: 'date', type: 'date', required: true }, { name: 'dayOff', key: 'dayOff', type: 'checkbox' }, { name: 'reason', key: 'reason', required: true }],
  write: ({ date, ...body }) => ({ path: `/api/admin/calendar-overrides/${String(date)}`, method: 'PUT', body }),
  remove: (r) => `/api/admin/calendar-overrides/${String(r.date).slice(0, 10)}`,
  removal: {
    title: 'removeDayOverride',
    describe: (r) => <p>{String(r.date).slice(0, 10)} — {String(r.reason ?? '')}. {r.dayOff ? t('dayOffRemovalEffect') : t('workingDayRemovalEffect')}</p>,
  },
};
const pad2 = (v: unknown) => String(v).padStart(2, '0');
const RECURRING_HOLIDAYS: Resource = {
  path: '/api/admin/recurring-holidays',
  columns: [['month', 'monthDay', (_v, r) => `${pad2(r.month)}-${pad2(r.day)}`], ['fromYear', 'fromYear'], ['name', 'name'], ['basis', 'basis']],
  fields: [{ name: 'monthDay', key: 'monthDay', required: true }, { name: 'fromYear', key: 'fromYear', type: 'number', required: true }, { name: 'name', key: 'name', required: true }, { name: 'basis', key: 'basis', required: true }],
  write: ({ monthDay, ...body }) => ({ path: `/api/admin/recurring-holidays/${encodeURIComponent(String(monthDay))}`, method: 'PUT', body }),
  remove: (r) => `/api/admin/recurring-holidays/${pad2(r.month)}-${pad2(r.day)}`,
  removal: {
    title: 'removeRecurringHoliday',
    describe: (r) => <p>{pad2(r.month)}-{pad2(r.day)} — {String(r.name ?? '')}. {t('dayOffRemovalEffect')}</p>,
  },
};

const TABS: Array<[string, MessageKey]> = [['units', 'units'], ['organisations', 'organisations'], ['categories', 'categories'], ['routing-rules', 'routingRules'], ['calendar', 'calendar'], ['users', 'users'], ['policies', 'clockPolicies'], ['changes', 'changeLog'], ['history', 'history']];

export function AdminPage({ tab }: { tab: string }) {
  const resource = RESOURCES[tab];
  return (
    <>
      <h1>{t('admin')}</h1>
      <nav class="tabs" aria-label={t('admin')}>
        {TABS.map(([k, key]) => <a key={k} href={`/admin/${k}`} aria-current={tab === k ? 'page' : undefined}>{t(key)}</a>)}
      </nav>
      {resource ? <ResourceTab key={tab} resource={resource} /> : tab === 'calendar' ? <CalendarTab /> : tab === 'policies' ? <Policies /> : tab === 'changes' ? <ChangeLog /> : tab === 'history' ? <FindCase /> : <p role="alert">{t('notFound')}</p>}
    </>
  );
}

/** The names the tables and forms show instead of codes (a code stays when its name is not known). */
function useNames(): Names {
  const catalog = useLoad<Catalog>('/api/catalog');
  const orgs = useLoad<Array<{ code: string; name: string; kind: string }>>('/api/admin/organisations');
  const by = <T,>(list: T[] | undefined, key: (x: T) => string, name: (x: T) => string) => new Map((list ?? []).map((x) => [key(x), name(x)]));
  const units = by(catalog.data?.units, (u) => u.code, (u) => u.name);
  const categories = by(catalog.data?.categories, (c) => c.code, (c) => (lang() === 'vi' ? c.nameVi : c.nameEn));
  const organisations = by(orgs.data ?? undefined, (o) => o.code, (o) => o.name);
  const lookup = (m: Map<string, string>) => (code: unknown) => m.get(String(code)) ?? String(code ?? '');
  const options = (m: Map<string, string>) => [...m].map(([code, name]): [string, string] => [code, `${name} (${code})`]);
  return {
    unit: lookup(units), category: lookup(categories), org: lookup(organisations), units: catalog.data?.units ?? [],
    categoryOptions: options(categories), unitOptions: options(units),
    agencyOptions: (orgs.data ?? []).filter((o) => o.kind !== 'FRONT_COMMITTEE').map((o): [string, string] => [o.code, `${o.name} (${o.code})`]),
    orgOptions: options(organisations),
  };
}

function ResourceTab({ resource }: { resource: Resource }) {
  const list = useLoad<Row[]>(resource.path);
  const names = useNames();
  const [removing, setRemoving] = useState<Row | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useSubmit(() => api(resource.remove!(removing!), { method: 'DELETE' }), () => { setRemoving(null); list.reload(); });
  return (
    <>
      <AddForm resource={resource} names={names} onDone={list.reload} />
      <Async loaded={list}>
        {(rows) => (
          <div class="table-wrap">
            {removing && (
              <ConfirmDialog
                title={t(resource.removal?.title ?? 'confirmDelete')}
                confirmLabel={t('confirmDelete')}
                busy={remove.busy}
                error={remove.error}
                onConfirm={() => void remove.submit()}
                onCancel={() => setRemoving(null)}
              >
                {resource.removal?.describe(removing, rows, names) ?? <p>{resource.columns.map(([name, , fmt]) => (fmt ? fmt(removing[name], removing, names) : String(removing[name] ?? ''))).filter(Boolean).join(' · ')}</p>}
              </ConfirmDialog>
            )}
            <table class="responsive">
              <thead><tr>{resource.columns.map(([, key]) => <th key={key} scope="col">{t(key)}</th>)}{(resource.remove || resource.edit) && <th scope="col"><span class="hint">{t('actionsColumn')}</span></th>}</tr></thead>
              <tbody>
                {rows.map((r, i) => (
                  <Fragment key={i}>
                    <tr>
                      {resource.columns.map(([name, key, fmt]) => <td key={name} data-label={t(key)}>{fmt ? fmt(r[name], r, names) : String(r[name] ?? '')}</td>)}
                      {(resource.remove || resource.edit) && (
                        <td>
                          <div class="actions">
                            {resource.edit && <button type="button" class="secondary" aria-expanded={editing === i} onClick={() => setEditing(editing === i ? null : i)}>{t('edit')}</button>}
                            {resource.remove && <button type="button" class="secondary" aria-haspopup="dialog" onClick={() => setRemoving(r)}>{t('delete')}</button>}
                          </div>
                        </td>
                      )}
                    </tr>
                    {editing === i && resource.edit && (
                      <tr><td colSpan={resource.columns.length + 1}><EditForm row={r} edit={resource.edit} names={names} onDone={() => { setEditing(null); list.reload(); }} /></td></tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </>
  );
}

/** A field's choices: fixed options, or names loaded from the server. */
const choicesOf = (f: FieldSpec, names: Names) => f.options ?? (f.choices ? names[f.choices] : undefined);

function AddForm({ resource, names, onDone }: { resource: Resource; names: Names; onDone: () => void }) {
  const [v, setV] = useState<Record<string, unknown>>({});
  const form = useSubmit(() => {
    const values = Object.fromEntries(
      resource.fields.map((f) => [f.name, f.type === 'checkbox' ? v[f.name] === true : f.type === 'number' ? (v[f.name] === undefined || v[f.name] === '' ? undefined : Number(v[f.name])) : v[f.name] === '' && !f.required ? undefined : v[f.name] ?? (f.required ? '' : undefined)]),
    );
    const w = resource.write?.(values) ?? { path: resource.path, method: 'POST', body: values };
    return api(w.path, { method: w.method, body: w.body });
  }, () => { setV({}); onDone(); });
  return (
    <details class="card">
      <summary><strong>{t('add')}</strong></summary>
      <form onSubmit={form.submit} noValidate>
        <ErrorBox error={form.error} />
        <div class="grid">
          {resource.fields.map((f) => {
            const choices = choicesOf(f, names);
            return f.type === 'checkbox' ? (
              <label key={f.name}><input type="checkbox" checked={v[f.name] === true} onChange={(e) => setV({ ...v, [f.name]: (e.currentTarget as HTMLInputElement).checked })} />{t(f.key)}</label>
            ) : (
              <Field key={f.name} label={t(f.key)} required={f.required} error={form.fields[f.name]}>
                {(p) => (choices ? (
                  <select {...p} value={String(v[f.name] ?? '')} onChange={(e) => setV({ ...v, [f.name]: inputValue(e) })}>
                    {!choices.some(([o]) => o === '') && <option value="">{t('choose')}</option>}
                    {choices.map(([o, l]) => <option key={o} value={o}>{l}</option>)}
                  </select>
                ) : (
                  <input {...p} type={(f.type ?? 'text') as 'text'} value={String(v[f.name] ?? '')} onInput={(e) => setV({ ...v, [f.name]: inputValue(e) })} />
                ))}
              </Field>
            );
          })}
        </div>
        <div class="actions"><button type="submit" disabled={form.busy}>{t('add')}</button></div>
      </form>
    </details>
  );
}

/** Changes only what is filled in; a checkbox is "leave / yes / no". */
function EditForm({ row, edit, names, onDone }: { row: Row; edit: NonNullable<Resource['edit']>; names: Names; onDone: () => void }) {
  const [v, setV] = useState<Record<string, string>>({});
  const form = useSubmit(() => {
    const body = Object.fromEntries(
      edit.fields.flatMap((f): Array<[string, string | boolean]> => {
        const value = v[f.name] ?? '';
        if (value === '') return [];
        if (f.type === 'checkbox') return [[f.name, value === 'true']];
        if (f.type === 'date') return [[f.name, `${value}T00:00:00+07:00`]];
        return [[f.name, value]];
      }),
    );
    return api(edit.path(row), { method: 'PATCH', body });
  }, onDone);
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('edit')}>
      <ErrorBox error={form.error} />
      <p class="hint">{t('editHint')}</p>
      <div class="grid">
        {edit.fields.map((f) => {
          const choices = choicesOf(f, names);
          return (
            <Field key={f.name} label={t(f.key)} error={form.fields[f.name]}>
              {(p) => (f.type === 'checkbox' ? (
                <select {...p} value={v[f.name] ?? ''} onChange={(e) => setV({ ...v, [f.name]: inputValue(e) })}>
                  <option value="">{t('unchanged')}</option><option value="true">{t('yes')}</option><option value="false">{t('no')}</option>
                </select>
              ) : choices ? (
                <select {...p} value={v[f.name] ?? ''} onChange={(e) => setV({ ...v, [f.name]: inputValue(e) })}>
                  <option value="">{t('unchanged')}</option>
                  {choices.map(([o, l]) => <option key={o} value={o}>{l}</option>)}
                </select>
              ) : (
                <input {...p} type={(f.type ?? 'text') as 'text'} placeholder={row[f.name] == null ? '' : String(row[f.name])} value={v[f.name] ?? ''} onInput={(e) => setV({ ...v, [f.name]: inputValue(e) })} />
              ))}
            </Field>
          );
        })}
      </div>
      <div class="actions"><button type="submit" disabled={form.busy}>{t('save')}</button></div>
    </form>
  );
}

/** The calendar: a year's announcement in one step, recurring holidays, and single-day overrides. */
function CalendarTab() {
  const [reload, setReload] = useState(0);
  return (
    <>
      <h2>{t('calendarYear')}</h2>
      <YearLoad onDone={() => setReload(reload + 1)} />
      <h2>{t('recurringHolidays')}</h2>
      <p class="hint">{t('recurringHint')}</p>
      <ResourceTab resource={RECURRING_HOLIDAYS} />
      <h2>{t('dayOverrides')}</h2>
      <ResourceTab key={reload} resource={DAY_OVERRIDES} />
    </>
  );
}

interface CalendarDay { date: string; dayOff: boolean; reason: string }
interface YearView { year: number; overrides: CalendarDay[]; calendar: CalendarDay[]; stored?: number; notAnnounced?: CalendarDay[] }

/** "2027-02-05 Tết Nguyên đán" a line → {date, reason}. */
const parseDays = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [date, ...reason] = l.split(/\s+/);
    return { date: date!, ...(reason.length ? { reason: reason.join(' ') } : {}) };
  });
const showDays = (days: CalendarDay[]) => days.map((d) => `${d.date} ${d.reason}`).join('\n');

function YearLoad({ onDone }: { onDone: () => void }) {
  const [v, setV] = useState({ year: String(new Date().getFullYear() + 1), basis: '', daysOff: '', workingDays: '' });
  const [result, setResult] = useState<YearView | null>(null);
  const current = useSubmit(() => api<YearView>(`/api/admin/calendar-years/${encodeURIComponent(v.year)}`), (y) => {
    setV({ ...v, daysOff: showDays(y.overrides.filter((o) => o.dayOff)), workingDays: showDays(y.overrides.filter((o) => !o.dayOff)) });
    setResult(null);
  });
  const form = useSubmit(
    () => api<YearView>(`/api/admin/calendar-years/${encodeURIComponent(v.year)}`, { method: 'PUT', body: { basis: v.basis, daysOff: parseDays(v.daysOff), workingDays: parseDays(v.workingDays) } }),
    (y) => { setResult(y); onDone(); },
  );
  const listErrors = (list: string) => Object.entries(form.fields).filter(([f]) => f.startsWith(list)).map(([f, m]) => `${f}: ${m}`).join('; ') || undefined;
  const set = (name: keyof typeof v) => (e: Event) => setV({ ...v, [name]: inputValue(e) });
  return (
    <form class="card" onSubmit={form.submit} noValidate aria-label={t('calendarYear')}>
      <ErrorBox error={form.error ?? current.error} />
      <p class="hint">{t('calendarYearHint')}</p>
      <div class="grid">
        <Field label={t('year')} required error={form.fields.year}>{(p) => <input {...p} type="number" value={v.year} onInput={set('year')} />}</Field>
        <Field label={t('basis')} required error={form.fields.basis}>{(p) => <input {...p} value={v.basis} onInput={set('basis')} />}</Field>
      </div>
      <div class="grid">
        <Field label={t('daysOffList')} error={listErrors('daysOff')}>{(p) => <textarea {...p} class="code" spellcheck={false} value={v.daysOff} onInput={set('daysOff')} />}</Field>
        <Field label={t('workingDaysList')} error={listErrors('workingDays')}>{(p) => <textarea {...p} class="code" spellcheck={false} value={v.workingDays} onInput={set('workingDays')} />}</Field>
      </div>
      <div class="actions">
        <button type="button" class="secondary" disabled={current.busy} onClick={() => void current.submit()}>{t('show')}</button>
        <button type="submit" disabled={form.busy}>{t('loadYear')}</button>
      </div>
      {result && (
        <div role="status">
          <p>{t('yearLoaded')} {result.year}. {t('storedDays')}: {result.stored}.</p>
          {(result.notAnnounced?.length ?? 0) > 0 && (
            <>
              <p>{t('notAnnounced')}:</p>
              <ul>{result.notAnnounced!.map((d) => <li key={d.date}>{d.date} — {d.reason}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}

interface PolicyVersion { version: string; effectiveFrom: string; note: string; policy?: Record<string, unknown> }

function Policies() {
  const d = useLoad<{ builtIn: Array<PolicyVersion & Record<string, unknown>>; versions: PolicyVersion[] }>('/api/admin/clock-policies');
  // A new version starts from the one in force last: the newest stored or built-in version.
  const newest = (p: { builtIn: Array<PolicyVersion & Record<string, unknown>>; versions: PolicyVersion[] }) => {
    const builtIn = p.builtIn.at(-1)!;
    const stored = p.versions.at(-1);
    return stored?.policy && Date.parse(stored.effectiveFrom) >= Date.parse(builtIn.effectiveFrom) ? stored.policy : builtIn;
  };
  return (
    <Async loaded={d}>
      {(p) => (
        <>
          <NewPolicy newest={newest(p)} onDone={d.reload} />
          <table>
            <thead><tr><th scope="col">{t('version')}</th><th scope="col">{t('effectiveFrom')}</th><th scope="col">{t('note')}</th></tr></thead>
            <tbody>
              {p.builtIn.map((x) => <tr key={x.version}><td>{x.version}</td><td>{dateTime(x.effectiveFrom)}</td><td>{t('builtIn')}</td></tr>)}
              {p.versions.map((x) => <tr key={x.version}><td>{x.version}</td><td>{dateTime(x.effectiveFrom)}</td><td>{x.note}</td></tr>)}
            </tbody>
          </table>
        </>
      )}
    </Async>
  );
}

const HEADER_FIELDS = ['version', 'effectiveFrom', 'note'];

/**
 * A new version starts from the newest one's limits, edited as JSON; versions are never changed,
 * and cases keep the version in force when they were received.
 */
function NewPolicy({ newest, onDone }: { newest: Record<string, unknown>; onDone: () => void }) {
  const limits = Object.fromEntries(Object.entries(newest).filter(([k]) => !HEADER_FIELDS.includes(k)));
  const [v, setV] = useState({ version: '', effectiveFrom: '', note: '', limits: JSON.stringify(limits, null, 2) });
  const form = useSubmit(() => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v.limits);
    } catch {
      throw new Error(t('invalidJson'));
    }
    const effectiveFrom = v.effectiveFrom ? `${v.effectiveFrom}:00+07:00` : '';
    return api('/api/admin/clock-policies', { body: { ...(parsed as object), version: v.version, effectiveFrom, note: v.note } });
  }, () => {
    setV({ ...v, version: '', effectiveFrom: '', note: '' });
    onDone();
  });
  const limitErrors = Object.entries(form.fields).filter(([f]) => !HEADER_FIELDS.includes(f)).map(([f, m]) => `${f}: ${m}`).join('; ');
  const set = (name: keyof typeof v) => (e: Event) => setV({ ...v, [name]: inputValue(e) });
  return (
    <details class="card">
      <summary><strong>{t('newPolicy')}</strong></summary>
      <form onSubmit={form.submit} noValidate aria-label={t('newPolicy')}>
        <ErrorBox error={form.error} />
        <div class="grid">
          <Field label={t('version')} required error={form.fields.version}>{(p) => <input {...p} value={v.version} onInput={set('version')} />}</Field>
          <Field label={t('effectiveFrom')} hint={t('vietnamTime')} required error={form.fields.effectiveFrom}>{(p) => <input {...p} type="datetime-local" value={v.effectiveFrom} onInput={set('effectiveFrom')} />}</Field>
          <Field label={t('note')} required error={form.fields.note}>{(p) => <input {...p} value={v.note} onInput={set('note')} />}</Field>
        </div>
        <Field label={t('policyLimits')} hint={t('policyLimitsHint')} error={limitErrors || undefined}>
          {(p) => <textarea {...p} class="code" spellcheck={false} style={{ minHeight: '16rem' }} value={v.limits} onInput={set('limits')} />}
        </Field>
        <div class="actions"><button type="submit" disabled={form.busy}>{t('add')}</button></div>
      </form>
    </details>
  );
}

interface ChangeEntry { id: string; createdAt: string; actor: string; action: string; target: string; data: Record<string, unknown> }

/** Who changed the configuration, newest first; filter by a code, an email or a date. */
function ChangeLog() {
  const [target, setTarget] = useState('');
  const [filter, setFilter] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const query = new URLSearchParams({ limit: '50', ...(filter ? { target: filter } : {}), ...(after ? { after } : {}) });
  const page = useLoad<{ items: ChangeEntry[]; next: string | null }>(`/api/admin/changes?${query.toString()}`);
  const apply = (e: Event) => { e.preventDefault(); setAfter(null); setFilter(target.trim()); };
  return (
    <>
      <form class="card" onSubmit={apply} role="search">
        <Field label={t('filterTarget')}>{(p) => <input {...p} value={target} onInput={(e) => setTarget(inputValue(e))} />}</Field>
        <div class="actions"><button type="submit">{t('show')}</button></div>
      </form>
      <Async loaded={page}>
        {({ items, next }) => (
          <>
            {items.length === 0 ? <p>{t('noChanges')}</p> : (
              <div class="table-wrap">
                <table class="responsive">
                  <thead><tr><th scope="col">{t('changedAt')}</th><th scope="col">{t('changedBy')}</th><th scope="col">{t('change')}</th><th scope="col">{t('changeTarget')}</th><th scope="col">{t('changeDetails')}</th></tr></thead>
                  <tbody>
                    {items.map((c) => (
                      <tr key={c.id}>
                        <td data-label={t('changedAt')}>{dateTime(c.createdAt)}</td>
                        <td data-label={t('changedBy')}>{c.actor}</td>
                        <td data-label={t('change')}>{label('change', c.action)}</td>
                        <td data-label={t('changeTarget')}><code>{c.target}</code></td>
                        <td data-label={t('changeDetails')}>{Object.entries(c.data).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div class="actions">
              {after && <button type="button" class="secondary" onClick={() => setAfter(null)}>{t('firstPage')}</button>}
              {next && <button type="button" class="secondary" onClick={() => setAfter(next)}>{t('nextPage')}</button>}
            </div>
          </>
        )}
      </Async>
    </>
  );
}

/** Any case's full history, found by the tracking code. */
function FindCase() {
  const [code, setCode] = useState('');
  const form = useSubmit(() => caseIdByCode(code), (id) => navigate(`/cases/${id}/history`));
  return (
    <form class="card" onSubmit={form.submit} role="search">
      <ErrorBox error={form.error} />
      <Field label={t('findCase')} required>{(p) => <input {...p} class="code" value={code} onInput={(e) => setCode(inputValue(e))} />}</Field>
      <div class="actions"><button type="submit" disabled={form.busy}>{t('open')}</button></div>
    </form>
  );
}
