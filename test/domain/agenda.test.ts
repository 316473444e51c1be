import { describe, expect, it } from 'vitest';
import { buildAgenda, type AgendaContact, type AgendaInput } from '../../src/domain/agenda.js';
import { noHistory } from './fixtures.js';
import { DEFAULT_CONFIG, type Commitment, type DerivedState } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';

// Mon 23 Nov 2026, 09:00 UTC.
const MONDAY = '2026-11-23';
const NOW = '2026-11-23T09:00:00.000Z';

let nextId = 100;
function commitment(kind: Commitment['kind'], due: Commitment['due'], extra: Partial<Commitment> = {}): Commitment {
  const id = extra.id ?? nextId++;
  return {
    id,
    contactId: id,
    kind,
    what: `${kind} ${id}`,
    due,
    soft: kind === 'next-step' && 'date' in due,
    state: 'open',
    createdAt: '2026-11-01T09:00:00.000Z',
    closedAt: null,
    late: false,
    ...extra,
  };
}

function contact(id: number, status: AgendaContact['status'], derived: Partial<DerivedState>): AgendaContact {
  return { id, status, derived: { ...noHistory, ...derived } };
}

function agenda(partial: Partial<AgendaInput>) {
  return buildAgenda({
    date: MONDAY,
    now: NOW,
    zone: zoneOf('UTC'),
    config: DEFAULT_CONFIG,
    commitments: [],
    contacts: [],
    nextDate: null,
    limit: 0,
    ...partial,
  });
}

/** Which section each commitment id lands in (or 'none'). */
function sectionsOf(input: Partial<AgendaInput>): Record<number, string> {
  const a = agenda(input);
  const out: Record<number, string> = {};
  for (const c of input.commitments ?? []) out[c.id] = 'none';
  for (const [name, rows] of Object.entries(a.sections)) for (const r of rows) if (r.idKind === 'commitment') out[r.id] = name;
  return out;
}

describe('agenda sections: what belongs to the day', () => {
  it.each([
    ['an appointment Monday 15:00 is an appointment on Monday', commitment('next-step', { at: '2026-11-23T15:00:00.000Z' }, { id: 1 }), NOW, 'appointments'],
    ['an appointment on Tuesday does not show on Monday', commitment('next-step', { at: '2026-11-24T10:00:00.000Z' }, { id: 1 }), NOW, 'none'],
    [
      'an appointment earlier today, not logged yet, is still an appointment (missed only when the day ends)',
      commitment('next-step', { at: '2026-11-23T08:00:00.000Z' }, { id: 1 }),
      '2026-11-23T20:00:00.000Z',
      'appointments',
    ],
    ['a soft next step dated today is an appointment', commitment('next-step', { date: MONDAY }, { id: 1 }), NOW, 'appointments'],
    ['a next step of last Friday still open is overdue', commitment('next-step', { at: '2026-11-20T15:00:00.000Z' }, { id: 1 }), NOW, 'overdue'],
    ['a promise due today later is a promise due', commitment('promise', { at: '2026-11-23T17:00:00.000Z' }, { id: 1 }), NOW, 'promises'],
    ['a promise due today past its time is a promise due, not overdue', commitment('promise', { at: '2026-11-23T08:00:00.000Z' }, { id: 1 }), NOW, 'promises'],
    ['a date-only promise of Friday is overdue (due at day.end)', commitment('promise', { date: '2026-11-20' }, { id: 1 }), NOW, 'overdue'],
    ['a kept next step never shows', commitment('next-step', { at: '2026-11-23T15:00:00.000Z' }, { id: 1, state: 'kept' }), NOW, 'none'],
    ['a cancelled promise never shows', commitment('promise', { date: '2026-11-20' }, { id: 1, state: 'cancelled' }), NOW, 'none'],
  ])('%s', (_name, c, now, section) => {
    expect(sectionsOf({ commitments: [c], now })[c.id]).toBe(section);
  });

  it('on a future day, what is not late yet is not overdue (it is due on another day)', () => {
    const tomorrow = commitment('promise', { at: '2026-11-24T17:00:00.000Z' }, { id: 1 });
    const lateToday = commitment('promise', { at: '2026-11-23T08:00:00.000Z' }, { id: 2 });
    expect(sectionsOf({ date: '2026-11-26', commitments: [tomorrow, lateToday] })).toEqual({ 1: 'none', 2: 'overdue' });
  });

  it('marks a promise past its time late, and one still ahead not late', () => {
    const a = agenda({
      commitments: [commitment('promise', { at: '2026-11-23T08:00:00.000Z' }, { id: 1 }), commitment('promise', { date: MONDAY }, { id: 2 })],
    });
    expect(a.sections.promises.map((r) => [r.id, r.late, r.why])).toEqual([
      [1, true, 'promise, past due'],
      [2, false, 'promise'],
    ]);
  });
});

describe('agenda order', () => {
  it('lists appointments by time, then the soft ones of the day', () => {
    const a = agenda({
      commitments: [
        commitment('next-step', { date: MONDAY }, { id: 1 }),
        commitment('next-step', { at: '2026-11-23T16:00:00.000Z' }, { id: 2 }),
        commitment('next-step', { at: '2026-11-23T10:00:00.000Z' }, { id: 3 }),
        // Later than day.end (17:00): still before the soft one.
        commitment('next-step', { at: '2026-11-23T19:00:00.000Z' }, { id: 4 }),
      ],
    });
    expect(a.sections.appointments.map((r) => r.id)).toEqual([3, 2, 4, 1]);
  });

  it('lists overdue oldest first, next steps and promises together', () => {
    const a = agenda({
      commitments: [
        commitment('promise', { date: '2026-11-20' }, { id: 1 }),
        commitment('next-step', { at: '2026-11-18T15:00:00.000Z' }, { id: 2 }),
        commitment('promise', { at: '2026-11-20T09:00:00.000Z' }, { id: 3 }),
      ],
    });
    expect(a.sections.overdue.map((r) => [r.id, r.late])).toEqual([
      [2, true],
      [3, true],
      [1, true],
    ]);
  });
});

describe('chases and nurture', () => {
  it('labels the L-th attempt as the break-up, "attempt 3 of 3"', () => {
    const a = agenda({
      contacts: [
        contact(1, 'active', { unanswered: 2, chaseDueOn: MONDAY, lastAttemptAt: '2026-11-20T10:00:00.000Z', lastAttemptChannel: 'email', sameChannelRun: 1 }),
        contact(2, 'active', {
          unanswered: 1,
          chaseDueOn: '2026-11-21',
          lastAttemptAt: '2026-11-18T10:00:00.000Z',
          lastAttemptChannel: 'call',
          sameChannelRun: 1,
        }),
      ],
    });
    expect(a.sections.chases.map((r) => [r.id, r.idKind, r.what, r.attempt, r.why])).toEqual([
      [2, 'contact', 'chase', { number: 2, limit: 3, breakUp: false }, 'attempt 2 of 3; last: call Wed 18 Nov'],
      [1, 'contact', 'break-up message', { number: 3, limit: 3, breakUp: true }, 'attempt 3 of 3; last: email Fri 20 Nov'],
    ]);
  });

  it('with attempts.limit 2, the second attempt is the break-up', () => {
    const a = agenda({ config: { ...DEFAULT_CONFIG, attemptsLimit: 2 }, contacts: [contact(1, 'active', { unanswered: 1, chaseDueOn: MONDAY })] });
    expect(a.sections.chases[0]!.attempt).toEqual({ number: 2, limit: 2, breakUp: true });
  });

  it.each([
    ['two unanswered calls in a row: suggests another channel', 2, 'call', '2 unanswered by call in a row: try another channel or a mutual introduction'],
    ['one call after an email: no hint', 1, 'call', null],
  ] as const)('%s', (_name, run, channel, hint) => {
    const a = agenda({ contacts: [contact(1, 'active', { unanswered: 2, chaseDueOn: MONDAY, lastAttemptChannel: channel, sameChannelRun: run })] });
    expect(a.sections.chases[0]!.hint).toBe(hint);
  });

  it.each([
    ['a chase due today', contact(1, 'active', { unanswered: 1, chaseDueOn: MONDAY }), 'chases'],
    ['a chase due last week, not made yet', contact(1, 'active', { unanswered: 1, chaseDueOn: '2026-11-16' }), 'chases'],
    ['a chase due tomorrow', contact(1, 'active', { unanswered: 1, chaseDueOn: '2026-11-24' }), 'none'],
    ['a nurture touch due today', contact(1, 'nurture', { nurtureDueOn: MONDAY }), 'nurture'],
    ['a nurture touch due next week', contact(1, 'nurture', { nurtureDueOn: '2026-11-30' }), 'none'],
    ['a won contact with a stray chase day', contact(1, 'won', { chaseDueOn: MONDAY }), 'none'],
  ])('%s', (_name, c, section) => {
    const a = agenda({ contacts: [c] });
    const found = Object.entries(a.sections).find(([, rows]) => rows.length > 0)?.[0] ?? 'none';
    expect(found).toBe(section);
  });

  it('says when the nurture contact was last touched and how many value touches went unanswered', () => {
    const a = agenda({ contacts: [contact(7, 'nurture', { nurtureDueOn: MONDAY, lastTouchAt: '2026-10-24T10:00:00.000Z', valueUnanswered: 2 })] });
    expect(a.sections.nurture[0]).toMatchObject({
      id: 7,
      idKind: 'contact',
      kind: 'nurture',
      what: 'value touch',
      why: 'nurture, last touch Sat 24 Oct, 2 value touches unanswered',
    });
  });
});
