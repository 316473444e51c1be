/**
 * The CLI registers the user's own zone (cli/zone.ts) so that time.ts reads
 * its wall clock with Date's local-time methods instead of starting Intl on
 * every run. Both must give the same answers, to the second, across DST
 * changes, in zones with half-hour and 45-minute offsets too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantAt, isoWithOffset, localDateOf, localTimeOf, offsetMs, setProcessZone, wallClock } from '../../src/domain/time.js';

const originalTz = process.env.TZ;

afterEach(() => {
  setProcessZone(null);
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Everything time.ts answers about `ms` in `tz`, as one string. */
function answers(ms: number, tz: string): string {
  const iso = new Date(ms).toISOString();
  const date = localDateOf(ms, tz);
  return JSON.stringify([
    wallClock(ms, tz),
    offsetMs(ms, tz),
    date,
    localTimeOf(iso, tz),
    isoWithOffset(iso, tz),
    instantAt(date, '02:30', tz), // in the gap on the day clocks go forward
    instantAt(addDays(date, 1), '00:00', tz),
    daysBetween(date, addDays(date, 40)),
  ]);
}

describe('the process zone fast path', () => {
  it.each(['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'UTC'])(
    'gives what Intl gives in %s',
    (tz) => {
      process.env.TZ = tz; // Node passes a change of TZ on to Date at once
      const instants: number[] = [];
      // Every 21 hours 40 minutes and a bit for 8 years: every day (so every DST change) at least once, at every hour over time.
      for (let ms = Date.UTC(2022, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 78_010_251) instants.push(ms);
      const viaIntl = instants.map((ms) => answers(ms, tz));
      setProcessZone(tz);
      const viaDate = instants.map((ms) => answers(ms, tz));
      const differences = instants.filter((_, i) => viaIntl[i] !== viaDate[i]).map((ms, i) => ({ at: new Date(ms).toISOString(), intl: viaIntl[i], date: viaDate[i] }));
      expect(differences.slice(0, 3)).toEqual([]);
    },
  );

  it('is used for the registered zone only: other zones still go through Intl', () => {
    process.env.TZ = 'Europe/Paris';
    setProcessZone('Europe/Paris');
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', 'Europe/Paris')).toBe('2026-07-01T14:00:00+02:00');
  });
});
