import { useState } from 'preact/hooks';
import { caseIdByCode } from '../api';
import { Async, ErrorBox, useLoad } from '../components/data';
import { dateTime, timeLeft } from '../format';
import { label, t } from '../i18n';
import { navigate } from '../router';

interface InboxItem {
  id: string; trackingCode: string; type: string; status: string; title: string; unit: { name: string }; agency: { name: string } | null;
  dueAt: string | null; secondsLeft: number | null; overdue: boolean;
}
interface Inbox { total: number; page: number; pageSize: number; items: InboxItem[] }

/** Open cases soonest due first; overdue rows are marked in words as well as colour. */
export function InboxPage() {
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [code, setCode] = useState('');
  const [findError, setFindError] = useState<unknown>(null);
  const inbox = useLoad<Inbox>(`/api/inbox?page=${page}&pageSize=25${overdue ? '&overdue=true' : ''}`);
  const find = async (e: Event) => {
    e.preventDefault();
    setFindError(null);
    await caseIdByCode(code).then((id) => navigate(`/cases/${id}`), setFindError);
  };
  return (
    <>
      <h1>{t('inbox')}</h1>
      <div class="card actions">
        <label><input type="checkbox" checked={overdue} onChange={(e) => { setOverdue((e.currentTarget as HTMLInputElement).checked); setPage(1); }} />{t('overdueOnly')}</label>
        <form onSubmit={find} class="actions" role="search">
          <label for="find-code" class="hint">{t('findCase')}</label>
          <input id="find-code" class="code" style={{ width: '16rem' }} value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="secondary">{t('open')}</button>
        </form>
      </div>
      <ErrorBox error={findError} />
      <Async loaded={inbox}>
        {(d) => (
          <>
            <p>{t('total')}: {d.total}</p>
            {d.items.length === 0 ? <p>{t('noCases')}</p> : (
              <div class="table-wrap">
                <table class="responsive">
                  <thead><tr><th scope="col">{t('dueAt')}</th><th scope="col">{t('title')}</th><th scope="col">{t('caseType')}</th><th scope="col">{t('status')}</th><th scope="col">{t('agency')}</th></tr></thead>
                  <tbody>
                    {d.items.map((c) => (
                      <tr key={c.id} class={c.overdue ? 'overdue' : ''} data-testid="inbox-row">
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
