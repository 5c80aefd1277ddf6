import { describe, expect, it } from 'vitest';
import { AUDIENCE_TEMPLATE, caseNotice, LEADERS, NOTICE_LADDER, noticesAt, type LadderSubject } from './notice-ladder';
import { TEMPLATES_OF } from './notice-templates';

const head = (level: 'unit' | 'superior') => [`${level}_head overdue_head`, `${level}_front overdue_front`];

describe('the notice ladder', () => {
  it.each<[LadderSubject, string, string[]]>([
    ['case', 'routed', ['assigned_agency assignment']],
    ['case', 'unrouted', ['reception needs_routing']],
    ['case', 'reminder', ['assigned_agency reminder']],
    ['case', 'due', head('unit')],
    ['case', 'superior', head('superior')],
    ['session', 'reminder', ['unit_head reminder']],
    ['session', 'due', head('unit')],
    ['session', 'superior', head('superior')],
    ['session', 'closed', ['unit_front session_rollup']],
    ['recommendation', 'received', ['unit_head recommendation_received']],
    ['recommendation', 'reminder', ['unit_head reminder']],
    ['recommendation', 'due', head('unit')],
    ['recommendation', 'superior', head('superior')],
    ['recommendation', 'answered', ['unit_front recommendation_answered']],
  ])('%s, %s: %j', (subject, at, expected) => {
    expect(noticesAt(subject, at as never).map((t) => `${t.audience} ${t.template}`)).toEqual(expected);
  });

  it('has a row for every rung and occasion above, and no other', () => {
    expect(Object.fromEntries(Object.entries(NOTICE_LADDER).map(([s, rows]) => [s, Object.keys(rows).sort()]))).toEqual({
      case: ['due', 'reminder', 'routed', 'superior', 'unrouted'],
      session: ['closed', 'due', 'reminder', 'superior'],
      recommendation: ['answered', 'due', 'received', 'reminder', 'superior'],
    });
  });

  it('names only templates written for its subject', () => {
    for (const [subject, rows] of Object.entries(NOTICE_LADDER) as Array<[LadderSubject, Record<string, ReadonlyArray<{ template: string }>>]>) {
      for (const t of Object.values(rows).flat()) expect(TEMPLATES_OF[subject] as string[]).toContain(t.template);
    }
  });

  it('gives a copy, so a caller cannot change the table', () => {
    noticesAt('case', 'due').pop();
    expect(noticesAt('case', 'due')).toHaveLength(2);
  });

  it('sends the superior rung to the superior unit’s head and Front, and the due rung to the unit’s', () => {
    expect(LEADERS).toEqual({
      unit_head: { kind: 'PEOPLES_COMMITTEE', level: 'unit' },
      unit_front: { kind: 'FRONT_COMMITTEE', level: 'unit' },
      superior_head: { kind: 'PEOPLES_COMMITTEE', level: 'superior' },
      superior_front: { kind: 'FRONT_COMMITTEE', level: 'superior' },
    });
  });
});

describe('a case step’s notice', () => {
  it.each([
    [{ audience: 'citizen' as const }, 'citizen citizen_update'],
    [{ audience: 'inspectorate' as const }, 'inspectorate inspectorate_notice'],
    [{ audience: 'accused' as const }, 'accused accused_notice'],
    [{ audience: 'reception' as const }, 'reception needs_routing'],
    [{ audience: 'forwarder' as const }, 'forwarder forwarder_notice'],
    [{ audience: 'unit_head' as const, template: 'extension_requested' as const }, 'unit_head extension_requested'],
    // A template passed is the template sent, whatever the audience usually gets.
    [{ audience: 'reception' as const, template: 'assignment' as const }, 'reception assignment'],
    [{ audience: 'citizen' as const, template: 'citizen_receipt' as const }, 'citizen citizen_receipt'],
    [{ audience: 'unit_front' as const, template: 'overdue_head' as const }, 'unit_front overdue_head'],
  ])('%j → %s', (choice, expected) => {
    const t = caseNotice(choice);
    expect(`${t.audience} ${t.template}`).toBe(expected);
  });

  it('has a template of its own only for audiences that get one kind of notice', () => {
    expect(Object.keys(AUDIENCE_TEMPLATE).sort()).toEqual(['accused', 'citizen', 'forwarder', 'inspectorate', 'reception', 'respondent']);
  });
});
