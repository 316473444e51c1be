import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConfigValue } from '../../src/domain/config.js';
import { deriveState } from '../../src/domain/derive.js';
import { checkTouch, plainTouch, type ContactState } from '../../src/domain/rules.js';
import { addDays, instantAt, weekdayOf } from '../../src/domain/time.js';
import { DEFAULT_CONFIG, type Commitment, type Config, type Outcome } from '../../src/domain/types.js';
import { addWorkdays, latestBefore, nextWorkday, parseWorkdays, workdaysOf } from '../../src/domain/workdays.js';
import { zoneOf } from '../../src/domain/zone.js';
import { makeTouch } from './fixtures.js';

const UTC = zoneOf('UTC');
const MON_FRI = workdaysOf('mon-fri');
const at = (date: string, time = '10:00') => instantAt(date, time, UTC);
const cfg = (extra: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, ...extra });

describe('the days worked, as the setting names them', () => {
  it.each([
    ['mon-fri', 'mon-fri', [1, 2, 3, 4, 5]],
    ['mon-sat', 'mon-sat', [1, 2, 3, 4, 5, 6]],
    ['sun-thu', 'sun-thu', [0, 1, 2, 3, 4]],
    ['mon,tue,thu', 'mon,tue,thu', [1, 2, 4]],
    ['Mon - Fri', 'mon-fri', [1, 2, 3, 4, 5]],
    ['fri-mon', 'fri-mon', [0, 1, 5, 6]],
    ['monday,wednesday', 'mon,wed', [1, 3]],
  ])('reads %j as %j', (text, shown, days) => {
    const parsed = parseWorkdays(text)!;
    expect(parsed.text).toBe(shown);
    expect([0, 1, 2, 3, 4, 5, 6].filter((d) => parsed.days[d])).toEqual(days);
  });

  it.each(['', ' ', 'none', 'mon-', 'mon,,fri', 'weekdays', 'mon-fri-sat'])('refuses %j as no set of days', (text) => {
    expect(parseWorkdays(text)).toBeNull();
    expect(checkConfigValue('day.workdays', text, DEFAULT_CONFIG)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^day\.workdays must name the days worked/),
    });
  });
});

describe('working-day arithmetic (mon-fri)', () => {
  it.each([
    ['2026-03-07', '2026-03-09', 'Saturday moves to Monday'],
    ['2026-03-08', '2026-03-09', 'Sunday moves to Monday'],
    ['2026-03-09', '2026-03-09', 'a Monday stays'],
  ])('next working day of %s is %s (%s)', (date, next) => {
    expect(nextWorkday(date, MON_FRI)).toBe(next);
  });

  it.each([
    ['2026-03-06', 3, '2026-03-11', 'Friday + 3 is Wednesday'],
    ['2026-03-04', 3, '2026-03-09', 'Wednesday + 3 is Monday'],
    ['2026-03-02', 3, '2026-03-05', 'Monday + 3 is Thursday'],
    ['2026-03-07', 1, '2026-03-09', 'Saturday + 1 is Monday'],
    ['2026-03-06', 5, '2026-03-13', 'Friday + 5 is the next Friday'],
  ])('%s plus %i working days is %s (%s)', (date, n, due) => {
    expect(addWorkdays(date, n, MON_FRI)).toBe(due);
  });

  it.each([
    ['2026-03-11', 3, '2026-03-08'],
    ['2026-03-09', 3, '2026-03-04'],
    ['2026-03-14', 3, '2026-03-10'],
  ])('the last day an attempt may take before one on %s with a gap of %i is %s', (later, n, latest) => {
    expect(latestBefore(later, n, MON_FRI)).toBe(latest);
    expect(addWorkdays(latest, n, MON_FRI) <= later).toBe(true);
    expect(addWorkdays(addDays(latest, 1), n, MON_FRI) > later).toBe(true);
  });
});

describe('due days fu computes fall on working days', () => {
  const step = (due: Commitment['due'], soft: boolean): Commitment => ({
    id: 1,
    contactId: 1,
    kind: 'next-step',
    what: 'call back',
    due,
    soft,
    state: 'open',
    createdAt: at('2026-03-01'),
    closedAt: null,
    late: false,
  });
  const touch = (date: string, outcome: Outcome, extra = {}) => makeTouch(at(date), outcome, 'call', extra);

  it.each([
    [
      'the next chase, Wednesday + 3 (calendar Saturday 7 March)',
      'active',
      [touch('2026-03-04', 'no-answer', { attempt: true })],
      null,
      null,
      { chaseDueOn: '2026-03-09' },
    ],
    ['the next chase, Friday + 3', 'active', [touch('2026-03-06', 'no-answer', { attempt: true })], null, null, { chaseDueOn: '2026-03-11' }],
    ['a no-show on a Saturday: the rebooking chase', 'active', [touch('2026-03-07', 'no-show')], null, null, { chaseDueOn: '2026-03-09' }],
    [
      'a soft step of Friday 6 March, missed: the chase',
      'active',
      [touch('2026-03-02', 'connected')],
      step({ date: '2026-03-06' }, true),
      null,
      { chaseDueOn: '2026-03-09' },
    ],
    ['the next value touch (Sunday 19 April)', 'nurture', [touch('2026-03-20', 'sent', { value: 'case study' })], null, null, { nurtureDueOn: '2026-04-20' }],
    [
      'the first not-fit check-in (Sunday 31 May)',
      'nurture',
      [touch('2026-03-02', 'connected', { disposition: 'not-fit' })],
      null,
      null,
      { nurtureDueOn: '2026-06-01' },
    ],
  ] as const)('%s', (_, status, touches, nextStep, decision, expected) => {
    expect(deriveState(status, [...touches], nextStep, cfg(), UTC, decision)).toMatchObject(expected);
  });

  it('counts the gap of attempts in working days and keeps a sun-thu week', () => {
    const d = deriveState('active', [touch('2026-03-05', 'no-answer', { attempt: true })], null, cfg({ workdays: 'sun-thu' }), UTC, null);
    // Thursday 5 March + 3 working days of a Sunday-Thursday week: Sun 8, Mon 9, Tue 10.
    expect(d.chaseDueOn).toBe('2026-03-10');
  });

  it('property: a computed chase is on a working day, exactly `gap` working days after the attempt', () => {
    const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    fc.assert(
      fc.property(
        fc.subarray(dayNames, { minLength: 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom('America/New_York', 'UTC', 'Pacific/Kiritimati', 'Australia/Lord_Howe'),
        fc.integer({ min: 0, max: 23 }),
        (days, offset, gap, zoneName, hour) => {
          const zone = zoneOf(zoneName);
          const workdays = days.join(',');
          const date = addDays('2026-01-01', offset);
          const last = makeTouch(instantAt(date, `${String(hour).padStart(2, '0')}:00`, zone), 'no-answer', 'email', { attempt: true });
          const d = deriveState('active', [last], null, cfg({ attemptsGapDays: gap, workdays }), zone, null);
          // Counted here from the names alone, not with the code under test.
          const worked = (day: string) => days.includes(dayNames[weekdayOf(day)]!);
          expect(worked(d.chaseDueOn!)).toBe(true);
          let counted = 0;
          for (let day = addDays(date, 1); day <= d.chaseDueOn!; day = addDays(day, 1)) if (worked(day)) counted++;
          expect(counted).toBe(gap);
        },
      ),
    );
  });
});

describe('R5 counts working days', () => {
  const sam = (touches: ReturnType<typeof makeTouch>[]): ContactState => ({ id: 1, status: 'active', touches, open: [] });
  const friday = makeTouch(at('2026-03-06'), 'no-answer', 'call', { attempt: true });

  it.each([
    ['2026-03-10', false, 'Tuesday, two working days after Friday'],
    ['2026-03-11', true, 'Wednesday, three working days after Friday'],
  ])('after an attempt on Friday 6 March with a gap of 3, an attempt on %s is allowed: %s (%s)', (date, allowed) => {
    const d = checkTouch(sam([friday]), plainTouch(at(date), 'no-answer', { channel: 'email' }), cfg(), at(date, '12:00'), UTC);
    if (allowed) expect(d.ok).toBe(true);
    else expect(d).toMatchObject({ ok: false, violation: { rule: 'R5', reason: 'too-soon', data: { last: '2026-03-06', gapDays: 3, due: '2026-03-11' } } });
  });

  it('refuses a backfilled attempt fewer than 3 working days before a later one, naming the last day allowed', () => {
    const d = checkTouch(
      sam([makeTouch(at('2026-03-11'), 'no-answer', 'call', { attempt: true })]),
      plainTouch(at('2026-03-09'), 'no-answer', { channel: 'email' }),
      cfg(),
      at('2026-03-12'),
      UTC,
    );
    // Monday 9 is two working days before Wednesday 11; from Sunday 8 there are three.
    expect(d).toMatchObject({ ok: false, violation: { rule: 'R5', reason: 'too-close-to-later', data: { later: '2026-03-11', latest: '2026-03-08' } } });
  });
});
