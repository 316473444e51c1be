/**
 * Local times near a clock change (Time, docs/rules.md), checked against the
 * Temporal polyfill as an independent oracle: every quarter hour of the days
 * around each change of 2026, in zones with one-hour, 30-minute (Lord Howe)
 * and 45-minute-offset (Chatham, east of +12) changes, for the Intl zone and
 * for the process zone (Node honours a TZ set in-process).
 */
import { Temporal } from '@js-temporal/polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { processZone } from '../../src/cli/zone.js';
import { addDays, type LocalInstant, resolveLocal } from '../../src/domain/time.js';
import { parseWhen } from '../../src/domain/when.js';
import { zoneOf, type Zone } from '../../src/domain/zone.js';

const ZONES = [
  'America/New_York',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago', // changes at midnight
  'America/St_Johns',
  'America/Havana', // changes at midnight
];

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** The local dates around each clock change of 2026 in `name`, by Temporal. */
function daysAroundChanges(name: string): string[] {
  const days = new Set<string>();
  let at: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from(`2026-01-01T00:00[${name}]`);
  while ((at = at.getTimeZoneTransition('next')) && at.year === 2026) {
    const day = at.toPlainDate().toString();
    for (const d of [-1, 0, 1]) days.add(addDays(day, d));
  }
  return [...days];
}

/** What Temporal says `date` `time` is in `name`. */
function oracle(date: string, time: string, name: string): LocalInstant {
  const local = Temporal.PlainDateTime.from(`${date}T${time}`);
  const earlier = local.toZonedDateTime(name, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(name, { disambiguation: 'later' });
  const iso = (z: Temporal.ZonedDateTime) => new Date(z.epochMilliseconds).toISOString();
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { kind: 'exact', at: iso(earlier) };
  if (earlier.toPlainDateTime().equals(local)) return { kind: 'overlap', at: iso(earlier) };
  return { kind: 'skipped', after: iso(later) };
}

const TIMES = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

function disagreements(name: string, zone: Zone): string[] {
  const wrong: string[] = [];
  for (const date of daysAroundChanges(name)) {
    for (const time of TIMES) {
      const want = oracle(date, time, name);
      const got = resolveLocal(date, time, zone);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${date} ${time}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
  }
  return wrong;
}

describe('local times around every clock change agree with Temporal', () => {
  it.each(ZONES)('in %s, through Intl', (name) => {
    expect(daysAroundChanges(name).length).toBeGreaterThan(0);
    expect(disagreements(name, zoneOf(name))).toEqual([]);
  });

  it.each(ZONES)('in %s, through the process zone', (name) => {
    process.env.TZ = name;
    expect(disagreements(name, processZone(name))).toEqual([]);
  });
});

describe('the times people type near a clock change', () => {
  const now = (iso: string) => iso;
  const at = async (text: string, name: string, nowIso: string) => {
    const when = await parseWhen(text, now(nowIso), zoneOf(name));
    return when.hasTime ? when.at : when.date;
  };

  it('keeps 17:00 in Sydney on the day before the clocks go back at 17:00', async () => {
    expect(await at('2026-04-04 17:00', 'Australia/Sydney', '2026-04-01T10:00:00+11:00')).toBe('2026-04-04T06:00:00.000Z');
  });

  it('keeps sat 11pm in Sydney on the Saturday', async () => {
    expect(await at('sat 11pm', 'Australia/Sydney', '2026-04-01T10:00:00+11:00')).toBe('2026-04-04T12:00:00.000Z');
  });

  it('keeps 05:00 in New York on the day the clocks go forward at 05:00', async () => {
    expect(await at('2026-03-08 05:00', 'America/New_York', '2026-03-01T10:00:00-05:00')).toBe('2026-03-08T09:00:00.000Z');
  });

  it('takes the earlier 01:30 in Paris when the clocks go back', async () => {
    expect(await at('2026-10-25 01:30', 'Europe/Paris', '2026-10-01T10:00:00+02:00')).toBe('2026-10-24T23:30:00.000Z');
  });

  it('takes the earlier 02:30 in Berlin and in Sydney, and 01:30 in New York', async () => {
    expect(await at('2026-10-25 02:30', 'Europe/Berlin', '2026-10-01T10:00:00+02:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(await at('2026-04-05 02:30', 'Australia/Sydney', '2026-04-01T10:00:00+11:00')).toBe('2026-04-04T15:30:00.000Z');
    expect(await at('2026-11-01 01:30', 'America/New_York', '2026-10-01T10:00:00-04:00')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('keeps sat 5pm on Lord Howe, where the clocks go back half an hour', async () => {
    expect(await at('sat 5pm', 'Australia/Lord_Howe', '2026-04-01T10:00:00+11:00')).toBe('2026-04-04T06:00:00.000Z');
  });

  it('refuses 02:30 in New York on the day it is skipped, naming the zone and offering 03:30', async () => {
    const refused = parseWhen('2026-03-08 02:30', '2026-03-01T10:00:00-05:00', zoneOf('America/New_York'));
    await expect(refused).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('America/New_York'),
      hint: expect.stringContaining('2026-03-08 03:30'),
    });
  });
});
