import { useState } from 'preact/hooks';
import { dateTime, timeLeft } from '../format';
import { label, t } from '../i18n';

export interface OverdueRow {
  id: string; trackingCode: string; type: string; status: string; title: string; unit: string; agencyId: string | null; agency: string | null;
  missedStep: string; dueAt: string; daysOverdue: number;
}
interface AgencyCount { agencyId: string | null; agency: string | null; unit: string | null; count: number; oldestDueAt: string; mostDaysOverdue: number }
export interface OverdueSummary { total: number; page: number; pageSize: number; sort: OverdueSort; agency: string | null; byAgency: AgencyCount[] }
export type OverdueSort = 'most_overdue' | 'least_overdue' | 'agency';
export interface OverdueQuery { page: number; sort: OverdueSort; agency: string | null }

const PAGE_SIZE = 25;

/** The overdue list's state and its query string for /api/escalations and /api/supervision. */
export function useOverdueQuery() {
  const [q, setQ] = useState<OverdueQuery>({ page: 1, sort: 'most_overdue', agency: null });
  const search = new URLSearchParams({ page: String(q.page), pageSize: String(PAGE_SIZE), sort: q.sort, ...(q.agency ? { agency: q.agency } : {}) });
  return { q, setQ, search: search.toString() };
}

const late = (dueAt: string) => timeLeft((Date.parse(dueAt) - Date.now()) / 1000);

/**
 * Overdue cases as people go through them: first how many each agency holds and how late the
 * oldest is (choose one to see only its cases), then a page of cases, sortable by lateness or agency.
 */
export function OverdueBoard({ rows, summary, query, onQuery }: { rows: OverdueRow[]; summary: OverdueSummary; query: OverdueQuery; onQuery: (q: OverdueQuery) => void }) {
  const all = summary.byAgency.reduce((n, g) => n + g.count, 0);
  if (all === 0) return <p>{t('none')}</p>;
  const pages = Math.max(1, Math.ceil(summary.total / summary.pageSize));
  const sortBy = (sort: OverdueSort) => onQuery({ ...query, sort, page: 1 });
  const ariaSort = (active: boolean, dir: 'ascending' | 'descending') => (active ? dir : 'none');
  const agencyName = (g: { agency: string | null }) => g.agency ?? t('noAgencyYet');
  return (
    <>
      <div class="table-wrap">
        <table class="responsive" data-testid="overdue-by-agency">
          <caption class="hint">{t('overdueByAgency')} — {t('total')}: {all}</caption>
          <thead><tr><th scope="col">{t('agency')}</th><th scope="col">{t('overdueCount')}</th><th scope="col">{t('longestOverdue')}</th></tr></thead>
          <tbody>
            {summary.byAgency.map((g) => {
              const key = g.agencyId ?? 'none';
              const chosen = query.agency === key;
              return (
                <tr key={key}>
                  <td data-label={t('agency')}>
                    <button type="button" class="linklike" aria-pressed={chosen} onClick={() => onQuery({ ...query, agency: chosen ? null : key, page: 1 })}>{agencyName(g)}</button>
                    {g.unit && <><br /><span class="hint">{g.unit}</span></>}
                  </td>
                  <td data-label={t('overdueCount')}>{g.count}</td>
                  <td data-label={t('longestOverdue')}><span class="badge bad">{late(g.oldestDueAt)}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {query.agency && (
        <p class="actions">
          {t('showingAgency')}: <strong>{agencyName(summary.byAgency.find((g) => (g.agencyId ?? 'none') === query.agency) ?? { agency: null })}</strong>
          <button type="button" class="secondary" onClick={() => onQuery({ ...query, agency: null, page: 1 })}>{t('allAgencies')}</button>
        </p>
      )}
      <div class="table-wrap">
        <table class="responsive" data-testid="overdue-table">
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col" aria-sort={query.sort === 'most_overdue' ? 'descending' : ariaSort(query.sort === 'least_overdue', 'ascending')}>
                <button type="button" class="linklike" onClick={() => sortBy(query.sort === 'most_overdue' ? 'least_overdue' : 'most_overdue')}>
                  {t('howLate')} {query.sort === 'most_overdue' ? '▼' : query.sort === 'least_overdue' ? '▲' : ''}
                </button>
              </th>
              <th scope="col">{t('dueAt')}</th>
              <th scope="col" aria-sort={ariaSort(query.sort === 'agency', 'ascending')}>
                <button type="button" class="linklike" onClick={() => sortBy('agency')}>{t('agency')} {query.sort === 'agency' ? '▲' : ''}</button>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} class="overdue" data-testid="overdue-row">
                <td data-label={t('title')}><a href={`/cases/${r.id}`}>{r.title}</a><br /><span class="hint code">{r.trackingCode}</span> <span class="hint">{label('type', r.type)}</span></td>
                <td data-label={t('howLate')}><span class="badge bad">{late(r.dueAt)}</span><br /><span class="hint">{t('missedStep')}: {label('step', r.missedStep)}</span></td>
                <td data-label={t('dueAt')}>{dateTime(r.dueAt)}</td>
                <td data-label={t('agency')}>{r.agency ?? t('noAgencyYet')}<br /><span class="hint">{r.unit}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="actions" aria-label={t('overdueList')}>
        <button type="button" class="secondary" disabled={query.page <= 1} onClick={() => onQuery({ ...query, page: query.page - 1 })}>{t('previous')}</button>
        <span>{t('page')} {summary.page} / {pages} · {summary.total} {t('casesWord')}</span>
        <button type="button" class="secondary" disabled={query.page >= pages} onClick={() => onQuery({ ...query, page: query.page + 1 })}>{t('next')}</button>
      </nav>
    </>
  );
}
