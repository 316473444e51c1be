/**
 * isoWithOffset (--json and piped output) against the Temporal polyfill as an independent oracle: instants all through
 * 2026 (every clock change among them) in zones whole hours from UTC, and half an hour, 45 minutes, and 13 and 14 hours
 * ahead, for the Intl zone and for the process zone. Most take the short way (the instant's own text with its hour
 * moved); those the shift carries to another day, and the zones not whole hours from UTC, the long one.
 */
import { Temporal } from '@js-temporal/polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { processZone } from '../../src/cli/zone.js';
import { isoWithOffset } from '../../src/domain/time.js';
import { type Zone, zoneOf } from '../../src/domain/zone.js';

const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Pacific/Pago_Pago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
];

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** What Temporal says the wall clock reads at `at` in `name`, to the second, with the offset. */
const oracle = (at: string, name: string) =>
  Temporal.Instant.from(at).toZonedDateTimeISO(name).toString({ timeZoneName: 'never', smallestUnit: 'second', roundingMode: 'floor' });

describe('an instant with the offset of a zone', () => {
  it.each(ZONES)('reads as Temporal reads it in %s, through Intl and through Date', (name) => {
    process.env.TZ = name;
    const zones: Zone[] = [zoneOf(name), processZone(name)];
    const wrong: string[] = [];
    // Every 97 minutes and 13.25 seconds through 2026: every hour of the day over time, on every day, with milliseconds.
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 5_833_250) {
      const at = new Date(ms).toISOString();
      const expected = oracle(at, name);
      for (const zone of zones) {
        if (isoWithOffset(at, zone) !== expected) wrong.push(`${at}: ${isoWithOffset(at, zone)}, not ${expected}`);
        // Given the instant to the second, as fu stale gives the seconds the store keeps: the same text.
        const given = isoWithOffset(at, zone, Math.floor(ms / 1000) * 1000);
        if (given !== expected) wrong.push(`${at} given to the second: ${given}, not ${expected}`);
      }
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  // Date.parse reads these too, 24 characters long as fu's own form is: their minutes are not UTC's, so only a UTC text's
  // hour may be moved.
  it.each(['2026-11-24T10:00:00+0530', '2026-11-24T10:00:00-0330'])('reads %s, written with its own offset, as Temporal reads it', (at) => {
    const zone = zoneOf('Europe/Paris');
    expect(isoWithOffset(at, zone)).toBe(oracle(new Date(at).toISOString(), 'Europe/Paris'));
  });
});
