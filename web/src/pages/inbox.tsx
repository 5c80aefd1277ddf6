import { useEffect, useState } from 'preact/hooks';
import { api, type ApiType } from '../api';
import { CaseSearch } from '../components/case-search';
import { Async, ErrorBox, useLoad } from '../components/data';
import { dateTime, timeLeft } from '../format';
import { label, lang, pick, t } from '../i18n';
import { useSession } from '../session';
import type { Catalog } from './submit';

const OPEN_STATUSES = ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED'];
const TYPES = ['FEEDBACK', 'COMPLAINT_FIRST', 'COMPLAINT_SECOND', 'DENUNCIATION', 'SESSION_OPINION'];
const DUE_WINDOWS = ['1', '3', '7', '30'];

/** What the inbox is narrowed to; every value is a query parameter of GET /api/inbox ('' = any). */
const NO_FILTER = { status: '', type: '', category: '', unit: '', step: '', dueWithinDays: '', overdue: '' };
type Filters = typeof NO_FILTER;
interface SavedView { name: string; filters: Filters }

/** Saved views stay in this browser, per staff account. */
const viewsKey = (email: string) => `inbox-views:${email}`;
function loadViews(email: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(viewsKey(email)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]).filter((v) => typeof v?.name === 'string' && typeof v.filters === 'object') : [];
  } catch {
    return [];
  }
}
function storeViews(email: string, views: SavedView[]): void {
  try {
    localStorage.setItem(viewsKey(email), JSON.stringify(views));
  } catch {
    /* private mode: the views last for this page only */
  }
}

interface BulkResult { id: string; title: string; error: string | null }

/**
 * Reception shares out the cases no rule routed: several at once to one agency, each through the
 * case's own 'assign' action (so every rule and audit entry applies), with what failed and why.
 */
function BulkAssign({ chosen, titles, onDone }: { chosen: string[]; titles: Map<string, string>; onDone: (results: BulkResult[]) => void }) {
  const agencies = useLoad<ApiType<'AgencyList'>>('/api/catalog/agencies');
  const [agencyId, setAgencyId] = useState('');
  const [busy, setBusy] = useState(false);
  const assign = async () => {
    setBusy(true);
    const done: BulkResult[] = [];
    for (const id of chosen) {
      const error = await api(`/api/cases/${id}/actions/assign`, { body: { agencyId } }).then(() => null, (e: unknown) => (e instanceof Error ? pick(e.message) : String(e)));
      done.push({ id, title: titles.get(id) ?? id, error });
    }
    setBusy(false);
    onDone(done);
  };
  return (
    <section class="card" aria-labelledby="bulk-title" data-testid="bulk-assign">
      <h2 id="bulk-title">{t('bulkAssign')}</h2>
      <ErrorBox error={agencies.error} />
      <p>{t('selectedCount')}: {chosen.length}</p>
      <div class="actions">
        <label for="bulk-agency" style={{ margin: 0 }}>{t('agencyTo')}</label>
        <select id="bulk-agency" style={{ flex: '1 1 18rem', width: 'auto' }} value={agencyId} onChange={(e) => setAgencyId((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('choose')}</option>
          {(agencies.data?.agencies ?? []).map((a) => <option key={a.id} value={a.id}>{a.name} — {a.unit.name}</option>)}
        </select>
        <button type="button" disabled={busy || !agencyId || chosen.length === 0} onClick={() => void assign()}>{t('assignSelected')}</button>
      </div>
    </section>
  );
}

/** Open cases soonest due first, narrowed by type, status, category, unit, deadline, due window or overdue; a search box above. */
export function InboxPage() {
  const { me } = useSession();
  const catalog = useLoad<Catalog>('/api/catalog');
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  const [page, setPage] = useState(1);
  const [views, setViews] = useState<SavedView[]>([]);
  useEffect(() => setViews(me ? loadViews(me.email) : []), [me?.email]);
  const [viewName, setViewName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [assigned, setAssigned] = useState<BulkResult[] | null>(null);
  const failed = assigned?.filter((r) => r.error) ?? [];
  const canAssign = me?.role === 'RECEPTION_OFFICER';
  const query = new URLSearchParams({ page: String(page), pageSize: '25', ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) });
  const inbox = useLoad<ApiType<'Inbox'>>(`/api/inbox?${query.toString()}`);
  const set = (k: keyof Filters) => (e: Event) => { setFilters({ ...filters, [k]: (e.currentTarget as HTMLSelectElement).value }); setPage(1); };
  const apply = (f: Filters) => { setFilters({ ...NO_FILTER, ...f }); setPage(1); };
  const saveView = (e: Event) => {
    e.preventDefault();
    if (!me || !viewName.trim()) return;
    const next = [...views.filter((v) => v.name !== viewName.trim()), { name: viewName.trim(), filters }];
    setViews(next);
    storeViews(me.email, next);
    setViewName('');
  };
  const removeView = (name: string) => {
    if (!me) return;
    const next = views.filter((v) => v.name !== name);
    setViews(next);
    storeViews(me.email, next);
  };
  const select = (k: keyof Filters, text: string, options: Array<[string, string]>) => (
    <div>
      <label for={`filter-${k}`}>{text}</label>
      <select id={`filter-${k}`} value={filters[k]} onChange={set(k)}>
        <option value="">{t('all')}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
  const active = Object.values(filters).some((v) => v !== '');
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  return (
    <>
      <h1>{t('inbox')}</h1>
      <CaseSearch />
      <section class="card" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('filters')}</h2>
        <div class="grid filters" role="group" aria-labelledby="filters-title">
          {select('type', t('caseType'), TYPES.map((v) => [v, label('type', v)]))}
          {select('status', t('status'), OPEN_STATUSES.map((v) => [v, label('status', v)]))}
          {select('category', t('category'), (catalog.data?.categories ?? []).map((c) => [c.code, lang() === 'vi' ? c.nameVi : c.nameEn]))}
          {select('unit', t('unit'), (catalog.data?.units ?? []).map((u) => [u.code, u.name]))}
          {select('step', t('runningDeadline'), [['first_step', label('step', 'first_step')], ['resolution', label('step', 'resolution')]])}
          {select('dueWithinDays', t('dueWithin'), DUE_WINDOWS.map((d) => [d, `${d} ${t('days')}`]))}
          {select('overdue', t('overdue'), [['true', t('overdueOnly')], ['false', t('notOverdue')]])}
        </div>
        <div class="actions">
          {active && <button type="button" class="secondary" onClick={() => apply(NO_FILTER)}>{t('clearFilters')}</button>}
          {views.map((v) => (
            <span key={v.name} class="saved-view">
              <button type="button" class="secondary" aria-pressed={JSON.stringify(v.filters) === JSON.stringify(filters)} onClick={() => apply(v.filters)}>{v.name}</button>
              <button type="button" class="linklike" aria-label={`${t('removeView')}: ${v.name}`} onClick={() => removeView(v.name)}>×</button>
            </span>
          ))}
        </div>
        {active && (
          <form class="actions" onSubmit={saveView}>
            <label for="view-name" class="hint" style={{ margin: 0 }}>{t('viewName')}</label>
            <input id="view-name" style={{ width: '14rem' }} value={viewName} onInput={(e) => setViewName((e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" class="secondary" disabled={!viewName.trim()}>{t('saveView')}</button>
          </form>
        )}
      </section>
      <Async loaded={inbox}>
        {(d) => (
          <>
            <p aria-live="polite">{t('total')}: {d.total}</p>
            {assigned && (
              <div role="status" class={`alert ${failed.length ? 'error' : 'ok'}`} data-testid="bulk-result">
                {t('assignedCount')}: {assigned.length - failed.length} / {assigned.length}
                {failed.length > 0 && <ul>{failed.map((r) => <li key={r.id}>{r.title}: {r.error}</li>)}</ul>}
              </div>
            )}
            {canAssign && chosen.length > 0 && (
              <BulkAssign chosen={chosen} titles={new Map(d.items.map((c) => [c.id, c.title]))} onDone={(results) => { setAssigned(results); setChosen([]); inbox.reload(); }} />
            )}
            {d.items.length === 0 ? <p>{t('noCases')}</p> : (
              <div class="table-wrap">
                <table class="responsive">
                  <thead><tr>{canAssign && <th scope="col"><span class="hint">{t('select')}</span></th>}<th scope="col">{t('dueAt')}</th><th scope="col">{t('title')}</th><th scope="col">{t('caseType')}</th><th scope="col">{t('status')}</th><th scope="col">{t('agency')}</th></tr></thead>
                  <tbody>
                    {d.items.map((c) => (
                      <tr key={c.id} class={c.overdue ? 'overdue' : ''} data-testid="inbox-row">
                        {canAssign && (
                          <td data-label={t('select')}>
                            {c.status === 'UNROUTED' && <input type="checkbox" aria-label={`${t('select')}: ${c.title}`} checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} />}
                          </td>
                        )}
                        <td data-label={t('dueAt')}>
                          {dateTime(c.dueAt)}
                          <br />
                          {c.secondsLeft !== null && <span class={`badge ${c.overdue ? 'bad' : c.secondsLeft < 2 * 86_400 ? 'warn' : ''}`}>{timeLeft(c.secondsLeft)}</span>}
                        </td>
                        <td data-label={t('title')}><a href={`/cases/${c.id}`}>{c.title}</a><br /><span class="hint code">{c.trackingCode}</span></td>
                        <td data-label={t('caseType')}>{label('type', c.type)}</td>
                        <td data-label={t('status')}>{label('status', c.status)}</td>
                        <td data-label={t('agency')}>{c.agency?.name ?? '—'}<br /><span class="hint">{c.unit.name}</span></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <nav class="actions" aria-label={t('page')}>
              <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('previous')}</button>
              <span>{t('page')} {d.page} / {Math.max(1, Math.ceil(d.total / d.pageSize))}</span>
              <button type="button" class="secondary" disabled={page * d.pageSize >= d.total} onClick={() => setPage(page + 1)}>{t('next')}</button>
            </nav>
          </>
        )}
      </Async>
    </>
  );
}
