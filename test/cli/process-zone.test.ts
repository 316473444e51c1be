/**
 * The CLI builds the user's own zone (cli/zone.ts) so that its offsets come
 * from Date's local-time methods instead of starting Intl on every run. Both
 * zones must give the same answers, to the second, across DST changes, in
 * zones with half-hour and 45-minute offsets too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { processZone, userZone } from '../../src/cli/zone.js';
import { addDays, daysBetween, instantAt, isoWithOffset, localDateOf, localTimeOf, offsetMs, wallClock } from '../../src/domain/time.js';
import { zoneOf, type Zone } from '../../src/domain/zone.js';

const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Everything time.ts answers about `ms` in `zone`, as one string. */
function answers(ms: number, zone: Zone): string {
  const iso = new Date(ms).toISOString();
  const date = localDateOf(ms, zone);
  return JSON.stringify([
    wallClock(ms, zone),
    offsetMs(ms, zone),
    date,
    localTimeOf(iso, zone),
    isoWithOffset(iso, zone),
    instantAt(date, '02:30', zone), // in the gap on the day clocks go forward
    instantAt(addDays(date, 1), '00:00', zone),
    daysBetween(date, addDays(date, 40)),
  ]);
}

describe('the process zone', () => {
  it.each(['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'UTC'])('gives what Intl gives in %s', (tz) => {
    process.env.TZ = tz; // Node passes a change of TZ on to Date at once
    const instants: number[] = [];
    // Every 21 hours 40 minutes and a bit for 8 years: every day (so every DST change) at least once, at every hour over time.
    for (let ms = Date.UTC(2022, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 78_010_251) instants.push(ms);
    const viaIntl = instants.map((ms) => answers(ms, zoneOf(tz)));
    const viaDate = instants.map((ms) => answers(ms, processZone(tz)));
    const differences = instants
      .filter((_, i) => viaIntl[i] !== viaDate[i])
      .map((ms, i) => ({ at: new Date(ms).toISOString(), intl: viaIntl[i], date: viaDate[i] }));
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it('is the one $TZ names, read through Date', () => {
    process.env.TZ = 'Asia/Kathmandu';
    const zone = userZone({ TZ: 'Asia/Kathmandu' }, true);
    expect(zone.name).toBe('Asia/Kathmandu');
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', zone)).toBe('2026-07-01T17:45:00+05:45');
  });

  it('leaves other zones to Intl', () => {
    process.env.TZ = 'Europe/Paris';
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', zoneOf('America/New_York'))).toBe('2026-07-01T08:00:00-04:00');
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', processZone('Europe/Paris'))).toBe('2026-07-01T14:00:00+02:00');
  });
});
