/**
 * One ISO-8601 reader: a WHEN (fu log --at, fu today --on...) and FU_NOW (the
 * CLI's clock and the data generator's, through currentTime) read the same text
 * as the same instant, and refuse the same impossible ones.
 */
import { describe, expect, it } from 'vitest';
import { currentTime } from '../../src/cli/clock.js';
import { startOfDay } from '../../src/domain/time.js';
import { parseIsoInstant, parseWhen } from '../../src/domain/when.js';
import { type Zone, zoneOf } from '../../src/domain/zone.js';
import { FuError } from '../../src/errors.js';

const NOW = '2026-11-24T09:00:00.000Z';
const systemNow = () => Date.parse(NOW);
const UTC = zoneOf('UTC');

/** What a WHEN names, as an instant: a date alone is the start of that day. */
async function asWhen(text: string, zone: Zone): Promise<string> {
  const when = await parseWhen(text, NOW, zone);
  return when.hasTime ? when.at : startOfDay(when.date, zone);
}

describe('an ISO-8601 time', () => {
  const same: [string, string][] = [
    ['2026-12-01', '2026-12-01T05:00:00.000Z'],
    ['2026-12-1', '2026-12-01T05:00:00.000Z'],
    ['2026-12-01T15:00', '2026-12-01T20:00:00.000Z'],
    ['2026-12-01 15:00', '2026-12-01T20:00:00.000Z'],
    ['2026-12-01t15:00', '2026-12-01T20:00:00.000Z'],
    ['2026-12-01T9:05', '2026-12-01T14:05:00.000Z'],
    ['2026-12-01T15:00:30', '2026-12-01T20:00:30.000Z'],
    ['2026-12-01T15:00:30.25', '2026-12-01T20:00:30.250Z'],
    ['2026-12-01T15:00:30.123456789Z', '2026-12-01T15:00:30.123Z'],
    ['2026-12-01T15:00Z', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T15:00z', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T15:00+01:00', '2026-12-01T14:00:00.000Z'],
    ['2026-12-01T15:00+0100', '2026-12-01T14:00:00.000Z'],
    ['2026-12-01T15:00+01', '2026-12-01T14:00:00.000Z'],
    ['2026-12-01 15:00 -05:30', '2026-12-01T20:30:00.000Z'],
  ];

  it.each(same)('reads %s as %s for a WHEN, FU_NOW and parseIsoInstant alike (New York)', async (text, instant) => {
    const zone = zoneOf('America/New_York');
    expect(await asWhen(text, zone)).toBe(instant);
    expect(currentTime(text, zone, systemNow)).toBe(instant);
    expect(parseIsoInstant(text, zone)).toBe(instant);
  });

  it.each(['2026-02-30', '2026-13-01', '10000-01-01', '2026-12-01T24:00', '2026-12-01T15:60', '2026-12-01T15:00:60', '2026-12-01T15:00+24:00'])(
    'refuses %s everywhere',
    async (text) => {
      await expect(parseWhen(text, NOW, UTC)).rejects.toThrow(FuError);
      expect(() => currentTime(text, UTC, systemNow)).toThrow(/FU_NOW is not an ISO-8601 time/);
      expect(parseIsoInstant(text, UTC)).toBeNull();
    },
  );

  it('is not a WHEN in words: FU_NOW takes ISO only', () => {
    expect(parseIsoInstant('tomorrow 5pm', UTC)).toBeNull();
    expect(() => currentTime('tomorrow 5pm', UTC, systemNow)).toThrow(/FU_NOW is not an ISO-8601 time/);
  });
});
