/**
 * The shortcuts fu stale and fu today take through src/domain/time.ts on
 * thousands of rows give exactly what the long way gives: instantAt's answers
 * remembered per zone, and daysFrom without making the local date.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysFrom, instantAt, localDateOf, resolveLocal } from '../../src/domain/time.js';
import { zoneOf } from '../../src/domain/zone.js';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
// Days around the clock changes of 2026 in those zones, and ordinary ones.
const DATES = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01', '2026-11-23'];
const TIMES = ['00:00', '00:30', '01:30', '02:00', '02:30', '03:00', '18:00', '23:59'];

describe('instantAt, remembered per zone', () => {
  it('gives what resolving the reading gives, asked twice, in every zone', () => {
    for (const name of ZONES) {
      const zone = zoneOf(name);
      for (const date of DATES.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)])) {
        for (const time of TIMES) {
          const r = resolveLocal(date, time, zone);
          const expected = r.kind === 'skipped' ? r.after : r.at;
          expect(instantAt(date, time, zone)).toBe(expected);
          expect(instantAt(date, time, zone)).toBe(expected);
        }
      }
    }
  });

  it('keeps each zone its own answers for the same reading', () => {
    expect(instantAt('2026-11-23', '18:00', zoneOf('Europe/Paris'))).toBe('2026-11-23T17:00:00.000Z');
    expect(instantAt('2026-11-23', '18:00', zoneOf('UTC'))).toBe('2026-11-23T18:00:00.000Z');
    expect(instantAt('2026-11-23', '18:00', zoneOf('America/New_York'))).toBe('2026-11-23T23:00:00.000Z');
  });

  it('still refuses a reading that is no date and time', () => {
    expect(() => instantAt('2026-02-30', '18:00', zoneOf('UTC'))).toThrow('not a local date and time: 2026-02-30 18:00');
    expect(() => instantAt('2026-11-23', '25:00', zoneOf('UTC'))).toThrow('not a local date and time: 2026-11-23 25:00');
  });
});

describe('daysFrom', () => {
  it('counts the days from the local day of an instant as daysBetween of its local date does, across clock changes', () => {
    for (const name of ZONES) {
      const zone = zoneOf(name);
      for (const date of DATES) {
        // Every half hour of two days either side of the date, against a day before and after it.
        const from = Date.parse(`${addDays(date, -2)}T00:00:00.000Z`);
        for (let ms = from; ms < from + 4 * 86_400_000; ms += 1_800_000) {
          const at = new Date(ms).toISOString();
          for (const to of [addDays(date, -1), date, addDays(date, 30)]) {
            expect(daysFrom(at, to, zone)).toBe(daysBetween(localDateOf(at, zone), to));
          }
        }
      }
    }
  });
});
