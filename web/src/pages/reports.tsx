import { useState } from 'preact/hooks';
import { Async, useLoad } from '../components/data';
import { BarChart } from '../components/chart';
import { Field, inputValue } from '../components/form';
import { percent } from '../format';
import { label, t } from '../i18n';

interface DialogueRow { level: string; label: string; sessions: number; periodic: number; thematic: number; attendees: number; opinions: number; resolved: number; resolvedShare: number }
interface OverdueRow { agency: string; unit: string; open: number; overdue: number }
const PERIODS = ['monthly', 'quarterly', '6-month', '9-month', 'annual'];

/** Resolution rate by level for a reporting period, overdue cases by agency; each as a chart, a table and CSV. */
export function ReportsPage() {
  const now = new Date();
  const [q, setQ] = useState({ year: String(now.getFullYear()), period: 'annual', index: '1' });
  const [shown, setShown] = useState(q);
  const query = `year=${encodeURIComponent(shown.year)}&period=${encodeURIComponent(shown.period)}&index=${encodeURIComponent(shown.index)}`;
  const dialogue = useLoad<{ period: string; rows: DialogueRow[] }>(`/api/reports/dialogue?${query}`);
  const overdue = useLoad<{ rows: OverdueRow[] }>('/api/reports/overdue');
  const set = (k: keyof typeof q) => (e: Event) => setQ({ ...q, [k]: inputValue(e) });
  return (
    <>
      <h1>{t('reports')}</h1>
      <section class="card">
        <h2>{t('reportDialogue')}</h2>
        <form class="grid" onSubmit={(e) => { e.preventDefault(); setShown(q); }}>
          <Field label={t('year')}>{(p) => <input {...p} type="number" min={2000} max={2100} value={q.year} onInput={set('year')} />}</Field>
          <Field label={t('period')}>{(p) => <select {...p} value={q.period} onChange={set('period')}>{PERIODS.map((x) => <option key={x} value={x}>{label('period', x)}</option>)}</select>}</Field>
          <Field label={t('index')}>{(p) => <input {...p} type="number" min={1} max={12} value={q.index} onInput={set('index')} />}</Field>
          <div class="actions"><button type="submit">{t('show')}</button><a class="button secondary" href={`/api/reports/dialogue?${query}&format=csv`} download>{t('downloadCsv')}</a></div>
        </form>
        <Async loaded={dialogue}>
          {(d) => (
            <>
              <p><strong>{d.period}</strong></p>
              <BarChart title={`${t('resolvedShare')} — ${d.period}`} rows={d.rows.map((r) => ({ label: r.label, value: r.resolvedShare }))} format={percent} />
              <div class="table-wrap">
                <table class="responsive" data-testid="dialogue-report">
                  <thead><tr><th scope="col">{t('level')}</th><th scope="col">{t('sessionsCount')}</th><th scope="col">{t('attendees')}</th><th scope="col">{t('opinions')}</th><th scope="col">{t('resolvedCount')}</th><th scope="col">{t('resolvedShare')}</th></tr></thead>
                  <tbody>{d.rows.map((r) => (
                    <tr key={r.label}><td data-label={t('level')}>{r.label}</td><td data-label={t('sessionsCount')}>{r.sessions} ({r.periodic} {t('periodic').toLowerCase()}, {r.thematic} {t('thematic').toLowerCase()})</td><td data-label={t('attendees')}>{r.attendees}</td><td data-label={t('opinions')}>{r.opinions}</td><td data-label={t('resolvedCount')}>{r.resolved}</td><td data-label={t('resolvedShare')}>{percent(r.resolvedShare)}</td></tr>
                  ))}</tbody>
                </table>
              </div>
            </>
          )}
        </Async>
      </section>
      <section class="card">
        <h2>{t('reportOverdue')}</h2>
        <p><a class="button secondary" href="/api/reports/overdue?format=csv" download>{t('downloadCsv')}</a></p>
        <Async loaded={overdue}>
          {(d) => (
            <>
              <BarChart title={t('reportOverdue')} rows={d.rows.map((r) => ({ label: r.agency, value: r.overdue }))} format={(v) => String(v)} />
              <div class="table-wrap">
                <table class="responsive" data-testid="overdue-report">
                  <thead><tr><th scope="col">{t('agency')}</th><th scope="col">{t('unit')}</th><th scope="col">{t('openCases')}</th><th scope="col">{t('overdueCases')}</th></tr></thead>
                  <tbody>{d.rows.map((r) => <tr key={r.agency}><td data-label={t('agency')}>{r.agency}</td><td data-label={t('unit')}>{r.unit}</td><td data-label={t('openCases')}>{r.open}</td><td data-label={t('overdueCases')}>{r.overdue}</td></tr>)}</tbody>
                </table>
              </div>
            </>
          )}
        </Async>
      </section>
    </>
  );
}
