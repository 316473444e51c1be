import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fu, fuProcess, session, snapshot } from '../helpers.js';

const NEW_YORK = 'America/New_York';

interface Shown {
  chaseDueOn: string | null;
  nurtureDueOn: string | null;
}

describe('computed due days fall on working days (mon-fri unless day.workdays says otherwise)', () => {
  it('moves a chase that would be due Saturday 7 March to Monday 9 March', async () => {
    const run = session({ now: '2026-03-04T15:00:00Z', tz: NEW_YORK });
    await run('add', 'Marcus Lee');
    const r = await run('log', 'marcus', '--outcome', 'no-answer');
    expect(r.stdout).toContain('Attempt 1 of 3: next chase due Mon 9 Mar.');
    expect((await run.json<Shown>('show', 'marcus')).chaseDueOn).toBe('2026-03-09');
  });

  it('takes the dates the user types as typed, a Saturday or a Sunday too', async () => {
    // Wednesday 25 November.
    const run = session({ now: '2026-11-25T12:00:00Z', tz: 'UTC' });
    await run('add', 'Dana Reyes');
    const r = await run('log', 'dana', '--outcome', 'connected', '--next', 'site visit', '--at', 'sat 10am', '--promise', 'send the plan', '--by', 'sun');
    expect(r.stdout).toContain('Next: site visit, Sat 28 Nov 10:00');
    expect(r.stdout).toContain('send the plan, by Sun 29 Nov');
    expect((await run('next', 'dana', 'site visit', '--at', '2026-11-29 11:00')).stdout).toContain('Sun 29 Nov 11:00');
  });

  it('moves a value touch due Sunday 19 April and a check-in due Sunday 31 May to the Monday after', async () => {
    const run = session({ now: '2026-03-20T15:00:00Z', tz: NEW_YORK });
    await run('add', 'Pat Lane');
    await run('log', 'pat', '--outcome', 'connected', '--nurture');
    expect((await run.json<Shown>('show', 'pat')).nurtureDueOn).toBe('2026-04-20');
    await run.at('2026-03-02T15:00:00Z')('add', 'Nina Petrova');
    await run('log', 'nina', '--outcome', 'connected', '--not-fit');
    expect((await run.json<Shown>('show', 'nina')).nurtureDueOn).toBe('2026-06-01');
  });

  it('counts attempts.gapDays in working days: an attempt on Friday with a gap of 3 makes the next one due Wednesday', async () => {
    const run = session({ now: '2026-03-06T15:00:00Z', tz: NEW_YORK });
    await run('add', 'Sam Okafor');
    expect((await run('log', 'sam', '--outcome', 'no-answer')).stdout).toContain('next chase due Wed 11 Mar.');
  });

  it('refuses (R5) an attempt on Tuesday after one on Friday, two working days, and allows it on Wednesday', async () => {
    const run = session({ now: '2026-03-06T15:00:00Z', tz: NEW_YORK });
    await run('add', 'Sam Okafor');
    await run('log', 'sam', '--outcome', 'no-answer');
    run.at('2026-03-10T15:00:00Z');
    const before = await snapshot(run.db);
    const refused = await run('log', 'sam', '--via', 'email', '--outcome', 'sent');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(
      'fu: R5: The last attempt was Fri 6 Mar; space attempts 3 working days apart: the next one is due Wed 11 Mar.\n' + 'Add --force to record it anyway.\n',
    );
    expect(await snapshot(run.db)).toBe(before);
    expect((await run.at('2026-03-11T15:00:00Z')('log', 'sam', '--via', 'email', '--outcome', 'sent')).code).toBe(0);
  });

  it('recomputes every stored due day when day.workdays changes, in the same write', async () => {
    // An attempt on Tuesday 3 March: three working days of mon-fri end on Friday 6, of sun-thu on Sunday 8.
    const run = session({ now: '2026-03-03T15:00:00Z', tz: NEW_YORK });
    await run('add', 'Ana Costa');
    await run('log', 'ana', '--outcome', 'no-answer');
    expect((await run.json<Shown>('show', 'ana')).chaseDueOn).toBe('2026-03-06');
    expect((await run('config', 'day.workdays', 'Sun-Thu')).stdout).toBe('day.workdays = sun-thu\n');
    expect((await run.json<Shown>('show', 'ana')).chaseDueOn).toBe('2026-03-08');
    expect((await run('today', '--on', '2026-03-08')).stdout).toContain('Ana Costa');
    // fu undo takes the setting and the due days back together.
    expect((await run('undo')).code).toBe(0);
    expect((await run('config', 'day.workdays')).stdout).toBe('mon-fri\n');
    expect((await run.json<Shown>('show', 'ana')).chaseDueOn).toBe('2026-03-06');
  });

  it.each([[''], ['none'], ['mon-'], ['weekdays']])('refuses day.workdays %j (exit 2), changing nothing', async (value) => {
    const run = session();
    await run('add', 'Dana');
    const before = await snapshot(run.db);
    const r = await run('config', 'day.workdays', value);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fu: day\.workdays must name the days worked, as mon-fri, sun-thu or mon,tue,thu, not ".*"\.\n/);
    expect(await snapshot(run.db)).toBe(before);
  });
});

describe('config zone: one zone for every day computation', () => {
  // Thursday 5 March, 19:00 in Los Angeles, is already Friday 6 March in UTC.
  const EVENING = '2026-03-06T03:00:00Z';

  it('gives the same due day to a cron job in UTC and a laptop in Los Angeles', async () => {
    const dues: string[] = [];
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const run = session({ now: EVENING, tz });
      await run('config', 'zone', 'America/Los_Angeles');
      await run('add', 'Marcus Lee');
      await run('log', 'marcus', '--outcome', 'no-answer');
      dues.push((await run.json<Shown>('show', 'marcus')).chaseDueOn!);
    }
    // Thursday + 3 working days.
    expect(dues).toEqual(['2026-03-10', '2026-03-10']);
  });

  it('recomputes the stored due days when the zone is set, and again when it is unset', async () => {
    const run = session({ now: EVENING, tz: 'UTC' });
    await run('add', 'Marcus Lee');
    await run('log', 'marcus', '--outcome', 'no-answer');
    expect((await run.json<Shown>('show', 'marcus')).chaseDueOn).toBe('2026-03-11');
    expect((await run('config', 'zone', 'america/los_angeles')).stdout).toBe('zone = America/Los_Angeles\n');
    expect((await run.json<Shown>('show', 'marcus')).chaseDueOn).toBe('2026-03-10');
    expect((await run('config', 'zone', '')).code).toBe(0);
    expect((await run.json<Shown>('show', 'marcus')).chaseDueOn).toBe('2026-03-11');
    // Undoing the unset puts Los Angeles back, and its due days with it.
    expect((await run('undo')).code).toBe(0);
    expect((await run('config', 'zone')).stdout).toBe('America/Los_Angeles\n');
    expect((await run.json<Shown>('show', 'marcus')).chaseDueOn).toBe('2026-03-10');
  });

  it('keeps a date without a time as that date when the zone changes, and a time as the same instant', async () => {
    const run = session({ now: '2026-11-23T12:00:00Z', tz: 'UTC' });
    await run('add', 'Dana Reyes');
    await run('add', 'Sam Okafor');
    await run('log', 'dana', '--outcome', 'connected', '--next', 'call', '--at', '2026-11-25', '--soft', '--promise', 'send the notes', '--by', '2026-11-26');
    await run('log', 'sam', '--outcome', 'connected', '--next', 'demo', '--at', '2026-11-25 15:00');
    type Dues = { commitments: { what: string; dueAt: string; dueDate: string }[] };
    const dues = async () => [
      ...(await run.json<Dues>('show', 'dana')).commitments.map((c) => [c.what, c.dueDate]),
      ...(await run.json<Dues>('show', 'sam')).commitments.map((c) => [c.what, Date.parse(c.dueAt)]),
    ];
    const before = await dues();
    expect(before).toEqual([
      ['call', '2026-11-25'],
      ['send the notes', '2026-11-26'],
      ['demo', Date.parse('2026-11-25T15:00:00Z')],
    ]);
    expect((await run('config', 'zone', 'Pacific/Kiritimati')).code).toBe(0);
    expect(await dues()).toEqual(before);
  });

  it.each([['Mars/Olympus'], ['<+14>-14'], ['+14']])('refuses zone %j (exit 2), changing nothing', async (value) => {
    const run = session();
    await run('add', 'Dana');
    const before = await snapshot(run.db);
    const r = await run('config', 'zone', value);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fu: zone must be a time zone name such as America/New_York, not "${value}".`);
    expect(await snapshot(run.db)).toBe(before);
  });

  it('is not needed by a command that needs no database: fu check runs beside a file that is no database', async () => {
    const run = session();
    fs.writeFileSync(run.db, 'not a database at all, '.repeat(100));
    const r = await run('check', 'Hi Dana, can we meet on Tuesday at 10:00?');
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('an unknown TZ', () => {
  it.each([['Mars/Olympus'], ['America/New_York '], ['<+14>-14']])('TZ=%j warns once on stderr that days are counted in UTC', async (tz) => {
    const run = session({ now: '2026-03-06T15:00:00Z', tz });
    await run('add', 'Sam Okafor');
    const r = await run('log', 'sam', '--outcome', 'no-answer');
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('is not a time zone'));
    expect(warnings).toEqual([`warning: TZ "${tz}" is not a time zone fu knows: days are counted in UTC. Set one with: fu config zone America/New_York`]);
  });

  it('says nothing once a zone is configured, and nothing for a zone it knows', async () => {
    const run = session({ now: '2026-03-06T15:00:00Z', tz: 'Mars/Olympus' });
    expect((await run('config', 'zone', 'Europe/Paris')).code).toBe(0);
    expect((await run('today')).stderr).toBe('');
    expect((await fu(['today'], { db: run.db, tz: 'Europe/Berlin', now: '2026-03-06T15:00:00Z' })).stderr).toBe('');
  });

  it('warns from the real binary too, where the zone is read through Date', async () => {
    const r = await fuProcess(['today'], { tz: 'Mars/Olympus', now: '2026-03-06T15:00:00Z', db: `${session().dir}/fu.db` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: TZ "Mars/Olympus" is not a time zone fu knows: days are counted in UTC.');
  });
});
