export type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
const LEVELS: Level[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const LEVEL_LABELS: Record<Level | 'TOTAL', string> = { PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã', TOTAL: 'Tổng cộng' };

export interface SessionFact {
  level: Level;
  kind: 'PERIODIC' | 'THEMATIC';
  attendees: number;
  opinions: number;
  resolved: number;
}

export interface ReportRow {
  level: Level | 'TOTAL';
  label: string;
  sessions: number;
  periodic: number;
  thematic: number;
  attendees: number;
  opinions: number;
  resolved: number;
  /** Resolved opinions over opinions, 0–1 (null when there were none). */
  resolvedShare: number | null;
}

function row(level: Level | 'TOTAL', facts: SessionFact[]): ReportRow {
  const sum = (f: (s: SessionFact) => number) => facts.reduce((n, s) => n + f(s), 0);
  const opinions = sum((s) => s.opinions);
  const resolved = sum((s) => s.resolved);
  return {
    level,
    label: LEVEL_LABELS[level],
    sessions: facts.length,
    periodic: facts.filter((s) => s.kind === 'PERIODIC').length,
    thematic: facts.filter((s) => s.kind === 'THEMATIC').length,
    attendees: sum((s) => s.attendees),
    opinions,
    resolved,
    resolvedShare: opinions ? Math.round((resolved / opinions) * 10_000) / 10_000 : null,
  };
}

/** The dialogue statistics of the province's reports: sessions, attendees, opinions, resolved, by level. */
export function dialogueReport(facts: SessionFact[]): ReportRow[] {
  return [...LEVELS.map((level) => row(level, facts.filter((f) => f.level === level))), row('TOTAL', facts)];
}
