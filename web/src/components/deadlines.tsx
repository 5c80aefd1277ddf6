import type { ApiType } from '../api';
import { dateTime } from '../format';
import { label, pick, t } from '../i18n';

type Duration = ApiType<'Deadline'>['limit'];

const UNIT: Record<string, [string, string]> = {
  calendar_days: ['ngày', 'days'], working_days: ['ngày làm việc', 'working days'], seconds: ['giây', 'seconds'],
};
export const duration = (d: Duration) => `${d.amount} ${(UNIT[d.unit] ?? [d.unit, d.unit])[t('days') === 'ngày' ? 0 : 1]}`;

/** Each deadline with how it was computed: limit, start, basis, inputs, every recalculation, the escalation steps. */
export function Deadlines({ deadlines }: { deadlines: Record<string, ApiType<'Deadline'>> | null }) {
  const list = Object.values(deadlines ?? {});
  if (list.length === 0) return <p>—</p>;
  return (
    <>
      {list.map((d) => (
        <section key={d.step} class="card" aria-label={label('step', d.step)}>
          <h3>{label('step', d.step)}: {d.dueAt ? dateTime(d.dueAt) : t('clockStopped')}{d.metAt && <> — {t('dutyMet')} {dateTime(d.metAt)}</>}</h3>
          <dl class="facts">
            <dt>{t('limit')}</dt><dd>{duration(d.limit)}{d.extensions.length > 0 && ` + ${d.extensions.map(duration).join(' + ')}`}</dd>
            <dt>{t('startedAt')}</dt><dd>{dateTime(d.startedAt)}</dd>
            <dt>{t('legalBasis')}</dt><dd>{d.legalBasis}</dd>
            {Object.entries(d.inputs).map(([k, v]) => <><dt key={k}>{label('input', k)}</dt><dd>{typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? dateTime(v) : typeof v === 'boolean' ? (v ? '✓' : '✗') : label('complexity', label('type', String(v)))}</dd></>)}
          </dl>
          <details>
            <summary>{t('recalculations')} ({d.history.length})</summary>
            <ul>{d.history.map((h, i) => <li key={i}>{dateTime(h.at)} — {label('recalculation', h.kind)}: {h.dueAt ? dateTime(h.dueAt) : '—'}. {pick(h.note)}</li>)}</ul>
          </details>
          {d.ladder.length > 0 && (
            <details>
              <summary>{t('ladder')}</summary>
              <ul>{d.ladder.map((s) => <li key={s.kind}>{label('ladder', s.kind)}: {dateTime(s.at)}</li>)}</ul>
            </details>
          )}
        </section>
      ))}
    </>
  );
}
