import { useState } from 'preact/hooks';
import type { ApiType } from '../api';
import { dateTime } from '../format';
import { label, t } from '../i18n';
import { Async, useLoad } from './data';

/**
 * One box for everything staff look a case up by: its tracking code, words of its title or
 * content (with or without diacritics), its unit or agency, or the petitioner's name where the role
 * may read it. PostgreSQL does the finding (GET /api/cases/search).
 */
export function CaseSearch({ initial = '', onQuery }: { initial?: string; onQuery?: (q: string) => void }) {
  const [input, setInput] = useState(initial);
  const [q, setQ] = useState(initial);
  const [page, setPage] = useState(1);
  const results = useLoad<ApiType<'CaseSearchResults'>>(q.trim().length >= 2 ? `/api/cases/search?${new URLSearchParams({ q, page: String(page), pageSize: '20' }).toString()}` : null);
  const submit = (e: Event) => {
    e.preventDefault();
    setQ(input.trim());
    setPage(1);
    onQuery?.(input.trim());
  };
  const clear = () => { setInput(''); setQ(''); onQuery?.(''); };
  return (
    <section class="card" aria-labelledby="case-search-title">
      <h2 id="case-search-title">{t('searchCases')}</h2>
      <form role="search" class="actions" onSubmit={submit}>
        <label for="case-search" class="hint" style={{ width: '100%', margin: 0 }}>{t('searchHint')}</label>
        <input id="case-search" type="search" style={{ flex: '1 1 18rem', width: 'auto' }} value={input} onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">{t('search')}</button>
        {q && <button type="button" class="secondary" onClick={clear}>{t('clearSearch')}</button>}
      </form>
      {q && q.length < 2 && <p class="field-error">{t('searchTooShort')}</p>}
      {q.length >= 2 && (
        <Async loaded={results}>
          {(r) => (
            <div aria-live="polite">
              <p>{t('searchResults')}: {r.total}</p>
              {r.items.length > 0 && (
                <div class="table-wrap">
                  <table class="responsive" data-testid="search-results">
                    <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('status')}</th><th scope="col">{t('agency')}</th><th scope="col">{t('receivedAt')}</th></tr></thead>
                    <tbody>
                      {r.items.map((c) => (
                        <tr key={c.id} data-testid="search-row">
                          <td data-label={t('title')}>
                            <a href={`/cases/${c.id}`}>{c.title}</a><br />
                            <span class="hint code">{c.trackingCode}</span> <span class="hint">{label('type', c.type)} · {t('matchedOn')}: {c.matchedOn.map((m) => label('match', m)).join(', ')}</span>
                            <div class="hint">{c.excerpt}{c.excerpt.length >= 240 ? '…' : ''}</div>
                          </td>
                          <td data-label={t('status')}>{label('status', c.status)}</td>
                          <td data-label={t('agency')}>{c.agency ?? '—'}<br /><span class="hint">{c.unit.name}</span></td>
                          <td data-label={t('receivedAt')}>{dateTime(c.receivedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {r.total > r.pageSize && (
                <nav class="actions" aria-label={t('searchResults')}>
                  <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('previous')}</button>
                  <span>{t('page')} {r.page} / {Math.ceil(r.total / r.pageSize)}</span>
                  <button type="button" class="secondary" disabled={page * r.pageSize >= r.total} onClick={() => setPage(page + 1)}>{t('next')}</button>
                </nav>
              )}
            </div>
          )}
        </Async>
      )}
    </section>
  );
}
