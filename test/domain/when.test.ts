import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { parseWhen, type When } from '../../src/domain/when.js';
import { zoneOf } from '../../src/domain/zone.js';

const ZONES = ['UTC', 'Europe/Paris', 'America/New_York'] as const;
// Offsets in late November / December 2026, when neither zone is on summer time.
const WINTER_OFFSET_H: Record<string, number> = { UTC: 0, 'Europe/Paris': 1, 'America/New_York': -5 };

/** The UTC instant at which the wall clock in `tz` reads `local` (`YYYY-MM-DD HH:MM`), winter only. */
function winter(local: string, tz: string): string {
  const ms = Date.parse(`${local.replace(' ', 'T')}:00Z`) - WINTER_OFFSET_H[tz]! * 3_600_000;
  return new Date(ms).toISOString();
}

/** Expected result written in local terms: `2026-12-01 15:00` is timed, `2026-12-01` a date. */
function expected(local: string, tz: string, partOfDay?: string): When {
  if (local.length === 10) return partOfDay ? ({ hasTime: false, date: local, partOfDay } as When) : { hasTime: false, date: local };
  return { hasTime: true, at: winter(local, tz), date: local.slice(0, 10) };
}

describe('parseWhen reads every accepted form in the local calendar of the zone', () => {
  // Now is Tuesday 24 Nov 2026, 10:00 on the local wall clock of each zone.
  const rows: [string, string, string?][] = [
    ['2026-12-01', '2026-12-01'],
    ['2026-12-01 15:00', '2026-12-01 15:00'],
    ['2026-12-01T15:00', '2026-12-01 15:00'],
    ['on 2026-12-01', '2026-12-01'],
    ['+3d', '2026-11-27'],
    ['+2w', '2026-12-08'],
    ['+1m', '2026-12-24'],
    ['+4h', '2026-11-24 14:00'],
    ['now', '2026-11-24 10:00'],
    ['today', '2026-11-24'],
    ['tomorrow', '2026-11-25'],
    ['yesterday', '2026-11-23'],
    ['tomorrow 5pm', '2026-11-25 17:00'],
    ['tomorrow at 9:30am', '2026-11-25 09:30'],
    ['today 16:30', '2026-11-24 16:30'],
    ['tue 3pm', '2026-11-24 15:00'],
    ['tuesday 15:00', '2026-11-24 15:00'],
    ['Tue 3PM', '2026-11-24 15:00'],
    ['next monday 10:30', '2026-11-30 10:30'],
    ['wed', '2026-11-25'],
    ['mon', '2026-11-30'],
    ['in 2 weeks', '2026-12-08'],
    ['in 3 days', '2026-11-27'],
    ['in 2 hours', '2026-11-24 12:00'],
    ['dec 3 2pm', '2026-12-03 14:00'],
    ['3 dec', '2026-12-03'],
    ['noon', '2026-11-24 12:00'],
    ['5pm', '2026-11-24 17:00'],
    ['at 5pm on tuesday', '2026-11-24 17:00'],
    ['by friday', '2026-11-27'],
    ['  friday  ', '2026-11-27'],
    ['friday afternoon', '2026-11-27', 'afternoon'],
    ['tuesday afternoon', '2026-11-24', 'afternoon'],
    ['tomorrow morning', '2026-11-25', 'morning'],
    ['friday evening', '2026-11-27', 'evening'],
    ['tonight', '2026-11-24', 'evening'],
  ];
  const cases = ZONES.flatMap((tz) => rows.map(([text, local, part]) => ({ tz, text, local, part })));

  it.each(cases)('in $tz, "$text" is $local', async ({ tz, text, local, part }) => {
    const now = winter('2026-11-24 10:00', tz);
    expect(await parseWhen(text, now, zoneOf(tz))).toEqual(expected(local, tz, part));
  });
});

describe('an explicit Z or offset is that instant, whatever the zone', () => {
  it.each([
    ['2026-12-01T15:00:00Z', 'UTC', '2026-12-01T15:00:00.000Z', '2026-12-01'],
    ['2026-12-01T15:00:00Z', 'Europe/Paris', '2026-12-01T15:00:00.000Z', '2026-12-01'],
    ['2026-12-01T15:00:00.250Z', 'UTC', '2026-12-01T15:00:00.250Z', '2026-12-01'],
    ['2026-12-01T15:00:00+01:00', 'America/New_York', '2026-12-01T14:00:00.000Z', '2026-12-01'],
    ['2026-12-01T15:00-0530', 'UTC', '2026-12-01T20:30:00.000Z', '2026-12-01'],
    ['2026-12-01T03:00:00Z', 'America/New_York', '2026-12-01T03:00:00.000Z', '2026-11-30'],
  ])('"%s" in %s is %s (local date %s)', async (text, tz, at, date) => {
    expect(await parseWhen(text, '2026-11-24T10:00:00Z', zoneOf(tz))).toEqual({ hasTime: true, at, date });
  });
});

describe('forward (the default) resolves weekdays and times to the next occurrence still ahead', () => {
  it.each([
    ['tue 3pm', 'a Tuesday at 10:00 is today', '2026-11-24 10:00', '2026-11-24 15:00'],
    ['tue 3pm', 'a Tuesday at 16:00 is next week', '2026-11-24 16:00', '2026-12-01 15:00'],
    ['tue 3pm', 'a Tuesday at exactly 15:00 is next week', '2026-11-24 15:00', '2026-12-01 15:00'],
    ['tue', 'a Tuesday at 16:00 is today', '2026-11-24 16:00', '2026-11-24'],
    ['5pm', 'at 18:00 is tomorrow', '2026-11-24 18:00', '2026-11-25 17:00'],
    ['noon', 'at 13:00 is tomorrow', '2026-11-24 13:00', '2026-11-25 12:00'],
    ['3 dec', 'on 5 Dec is next year', '2026-12-05 10:00', '2027-12-03'],
    ['dec 3 2pm', 'on 3 Dec at 15:00 is next year', '2026-12-03 15:00', '2027-12-03 14:00'],
    ['2020-01-01', 'an explicit past date is kept', '2026-11-24 10:00', '2020-01-01'],
    ['2020-01-01 10:00', 'an explicit past date and time is kept', '2026-11-24 10:00', '2020-01-01 10:00'],
    ['yesterday', 'yesterday is kept', '2026-11-24 10:00', '2026-11-23'],
    ['today 9am', 'an earlier time today is kept', '2026-11-24 10:00', '2026-11-24 09:00'],
  ])('"%s" on %s', async (text, _label, nowLocal, local) => {
    expect(await parseWhen(text, winter(nowLocal, 'Europe/Paris'), zoneOf('Europe/Paris'))).toEqual(expected(local, 'Europe/Paris'));
  });
});

describe('backward resolves to the latest occurrence not in the future', () => {
  it.each([
    ['mon 10am', 'a Wednesday is this week', '2026-11-25 12:00', '2026-11-23 10:00'],
    ['mon', 'a Monday is today', '2026-11-23 08:00', '2026-11-23'],
    ['mon 10am', 'a Monday at 09:00 is last week', '2026-11-23 09:00', '2026-11-16 10:00'],
    ['mon 10am', 'a Monday at 11:00 is today', '2026-11-23 11:00', '2026-11-23 10:00'],
    ['fri', 'a Wednesday is last week', '2026-11-25 12:00', '2026-11-20'],
    ['5pm', 'at 10:00 is still today', '2026-11-25 10:00', '2026-11-25 17:00'],
    ['3 dec', 'in November is last year', '2026-11-24 10:00', '2025-12-03'],
    ['yesterday 4pm', 'yesterday is yesterday', '2026-11-25 10:00', '2026-11-24 16:00'],
  ])('"%s" on %s', async (text, _label, nowLocal, local) => {
    const when = await parseWhen(text, winter(nowLocal, 'America/New_York'), zoneOf('America/New_York'), {
      direction: 'backward',
    });
    expect(when).toEqual(expected(local, 'America/New_York'));
  });
});

describe('DST: the offset is the one of the target date, not of now', () => {
  it.each([
    ['tue 3pm', 'America/New_York', '2026-10-30T12:00:00Z', '2026-11-03T20:00:00.000Z', '2026-11-03'],
    ['2026-11-02 09:00', 'America/New_York', '2026-10-30T12:00:00Z', '2026-11-02T14:00:00.000Z', '2026-11-02'],
    ['mon 9am', 'Europe/Paris', '2026-10-23T08:00:00Z', '2026-10-26T08:00:00.000Z', '2026-10-26'],
    ['tomorrow 9am', 'Europe/Paris', '2026-10-24T08:00:00Z', '2026-10-25T08:00:00.000Z', '2026-10-25'],
    ['2026-10-24 12:00', 'Europe/Paris', '2026-10-20T08:00:00Z', '2026-10-24T10:00:00.000Z', '2026-10-24'],
    ['2026-10-25 12:00', 'Europe/Paris', '2026-10-20T08:00:00Z', '2026-10-25T11:00:00.000Z', '2026-10-25'],
    // 4 hours of elapsed time across the fall-back hour.
    ['+4h', 'Europe/Paris', '2026-10-25T00:00:00Z', '2026-10-25T04:00:00.000Z', '2026-10-25'],
    ['in 2 hours', 'Europe/Paris', '2026-10-25T00:00:00Z', '2026-10-25T02:00:00.000Z', '2026-10-25'],
  ])('"%s" in %s from %s is %s', async (text, tz, now, at, date) => {
    expect(await parseWhen(text, now, zoneOf(tz))).toEqual({ hasTime: true, at, date });
  });

  it('"+1d" across the Paris fall-back is the next calendar day', async () => {
    expect(await parseWhen('+1d', '2026-10-24T22:30:00Z', zoneOf('Europe/Paris'))).toEqual({ hasTime: false, date: '2026-10-26' });
  });

  it('"+1m" from 31 January is the last day of February', async () => {
    expect(await parseWhen('+1m', '2027-01-31T12:00:00Z', zoneOf('UTC'))).toEqual({ hasTime: false, date: '2027-02-28' });
  });
});

describe('anything not read completely is a usage error that quotes the input', () => {
  it.each([
    ['blursday', undefined],
    ['2026-02-30', 'February has no 30th day'],
    ['2026-13-01', 'there is no month 13'],
    ['25:00', '25:00 is not a time of day'],
    ['2026-12-01 24:30', '24:30 is not a time of day'],
    ['tomorrow 25:00', '25:00 is not a time of day'],
    ['13pm', '13pm is not a time of day'],
    ['10000-01-01', 'year 10000 is out of range'],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['call me in two weeks please', 'only "in two weeks" reads as a date'],
    ['tue 3pm and wed 4pm', undefined],
    ['+3x', undefined],
    ['+99999999d', 'it is too far away'],
  ])('"%s"', async (text, reason) => {
    const error = await parseWhen(text, '2026-11-24T10:00:00Z', zoneOf('Europe/Paris')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(new RegExp(`^cannot read the date "${text.replace(/[+]/g, '\\+')}"`)),
      hint: 'Try 2026-12-01 15:00, tomorrow 5pm, tue 3pm or +3d.',
    });
    if (reason) expect((error as Error).message).toBe(`cannot read the date "${text}": ${reason}`);
  });
});

describe('chrono-node is loaded only when natural language needs it', () => {
  it('ISO, +Nd and tomorrow 5pm leave it unloaded; dec 3 2pm loads it', async () => {
    vi.resetModules();
    const fresh = await import('../../src/domain/when.js');
    for (const text of ['2026-12-01 15:00', '2026-12-01', '+3d', 'today', 'tomorrow 5pm', '5pm']) {
      await fresh.parseWhen(text, '2026-11-24T10:00:00Z', zoneOf('UTC'));
    }
    expect(fresh.chronoLoaded()).toBe(false);
    await fresh.parseWhen('dec 3 2pm', '2026-11-24T10:00:00Z', zoneOf('UTC'));
    expect(fresh.chronoLoaded()).toBe(true);
  });
});

describe('property: +Nd is N local calendar days after today', () => {
  it('holds for any instant and zone', async () => {
    const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Kiritimati'];
    const localDate = (ms: number, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(ms);
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...zones),
        async (now, n, tz) => {
          const when = await parseWhen(`+${n}d`, now.toISOString(), zoneOf(tz));
          const today = localDate(now.getTime(), tz);
          expect(when.hasTime).toBe(false);
          expect((Date.parse(when.date) - Date.parse(today)) / 86_400_000).toBe(n);
        },
      ),
    );
  });
});
