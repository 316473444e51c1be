import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseWhen, parseWhenWithChrono } from '../../src/domain/when.js';
import { zoneOf } from '../../src/domain/zone.js';

/**
 * The forms fu reads itself must give exactly what chrono-node gives for them.
 * Each zone runs as the process's own zone, as fu does (chrono-node does its
 * arithmetic in the process's local time).
 */
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const TIMES = ['3pm', '10am', '10:30', '9:30am', '5:30 pm', 'noon', 'midnight', '12am', '12pm', '00:30', '2:30', '23:59', '13pm', '24:00'];
const WEEKDAY_NAMES = ['sunday', 'mon', 'Tue', 'tue.', 'wednesday', 'thu', 'thur', 'thurs', 'Friday', 'sat'];
const PARTS = ['morning', 'afternoon', 'evening', 'night', 'tonight'];

const inputs = [
  ...WEEKDAY_NAMES.flatMap((day, i) => [
    day,
    ...TIMES.filter((_, j) => (i + j) % 4 === 0).flatMap((t) => [`${day} ${t}`, `${day}, ${t}`, `${day} at ${t}`, `${t} ${day}`, `at ${t} on ${day}`]),
    ...['this', 'next', 'last', 'past'].flatMap((m) => [`${m} ${day}`, `${m} ${day} ${TIMES[i % TIMES.length]}`]),
    `${day} ${PARTS[i % PARTS.length]}`,
    `next ${day} ${PARTS[(i + 1) % PARTS.length]}`,
  ]),
  ...[0, 1, 2, 3, 13].flatMap((n) => [
    `+${n}d 10:00`,
    `+${n}w 3pm`,
    `+${n} d noon`,
    `+${n}w, 9:30am`,
    `+${n}d at 00:30`,
    `in ${n} days`,
    `in ${n} day 10am`,
    `in ${n} weeks`,
    `in ${n} weeks 10am`,
    `in ${n} weeks at 23:59`,
    `in ${n} days, 2:30`,
  ]),
  'in a week',
  'in one week',
  'in a day 3pm',
  'In 2 Weeks 10AM',
  'in 2 weeks morning',
  'tomorrow 5pm',
  'today 2:30',
  '5pm',
];

/** The forms of `inputs` that fu leaves to chrono-node: "tonight" after a weekday, a part of the day after "in 2 weeks". */
const CHRONO_FORMS = ['next tue. tonight', 'wednesday tonight', 'next Friday tonight', 'sat tonight', 'in 2 weeks morning'];

/** Instants around each zone's changes of offset in 2026, and ordinary days; each read as the local wall clock. */
const CLOCKS: Record<string, string[]> = {
  'Europe/Paris': ['2026-03-28 10:00', '2026-03-29 03:30', '2026-10-24 15:00', '2026-10-25 02:30', '2026-11-22 00:10'],
  'America/New_York': ['2026-03-07 22:00', '2026-03-08 01:59', '2026-10-31 12:00', '2026-11-01 01:30', '2026-12-31 23:45'],
  'Australia/Sydney': ['2026-04-04 12:00', '2026-10-03 23:00', '2026-10-04 03:00'],
  'Australia/Lord_Howe': ['2026-04-05 01:45', '2026-10-04 02:15'],
  UTC: ['2026-11-23 00:00', '2026-11-28 12:00', '2026-11-29 15:00'],
};

/** The instant the wall clock in `zone` first reads `local` (or just after, in a gap). */
function instantOfLocal(local: string, zone: string): string {
  const naive = Date.parse(`${local.replace(' ', 'T')}:00Z`);
  const z = zoneOf(zone);
  let ms = naive - z.offsetMs(naive);
  ms = naive - z.offsetMs(ms);
  return new Date(ms).toISOString();
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    (w) => JSON.stringify(w),
    () => 'unreadable',
  );

describe('the fast forms give what chrono-node gives, on every clock and zone', () => {
  const cases = Object.entries(CLOCKS).flatMap(([zone, clocks]) => clocks.map((local) => ({ zone, local })));
  it.each(cases)('in $zone at $local', async ({ zone, local }) => {
    process.env.TZ = zone;
    const now = instantOfLocal(local, zone);
    const differences: string[] = [];
    for (const direction of ['forward', 'backward'] as const) {
      for (const text of inputs) {
        const fast = await outcome(parseWhen(text, now, zoneOf(zone), { direction }));
        const chrono = await outcome(parseWhenWithChrono(text, now, zoneOf(zone), { direction }));
        if (fast !== chrono) differences.push(`${direction} "${text}": fast ${fast}, chrono ${chrono}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('chrono-node is not loaded for the forms fu reads itself', () => {
  it('reads every form of the comparison above itself but those chrono-node must read', async () => {
    const loadedBy: string[] = [];
    for (const text of inputs) {
      vi.resetModules();
      const fresh = await import('../../src/domain/when.js');
      await fresh.parseWhen(text, '2026-11-24T10:00:00Z', zoneOf('UTC')).catch(() => undefined);
      if (fresh.chronoLoaded()) loadedBy.push(text);
    }
    expect(loadedBy).toEqual(CHRONO_FORMS);
  });

  it('leaves it unloaded for a weekday with a time, +2w 10:00 and in 2 weeks 10am; loads it for dec 3', async () => {
    vi.resetModules();
    const fresh = await import('../../src/domain/when.js');
    for (const text of [
      'tue 3pm',
      'fri 10am',
      'monday 10:30',
      'next monday 10:30',
      'wed',
      '3pm tue',
      '+2w 10:00',
      '+3d 3pm',
      'in 2 weeks',
      'in 2 weeks 10am',
      'in 3 days',
    ]) {
      await fresh.parseWhen(text, '2026-11-24T10:00:00Z', zoneOf('UTC'));
    }
    expect(fresh.chronoLoaded()).toBe(false);
    await fresh.parseWhen('dec 3', '2026-11-24T10:00:00Z', zoneOf('UTC'));
    expect(fresh.chronoLoaded()).toBe(true);
  });
});
