import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

const TZ = 'America/New_York';
const FRIDAY = '2026-11-27T15:00:00Z'; // Fri 27 Nov, 10:00 in New York.
const CLASH = 'warning: Clashes with: demo with Dana Reyes (Acme), Mon 30 Nov 09:30\n';

type Run = ReturnType<typeof session>;

async function ok(run: Run, ...args: string[]) {
  const r = await run(...args);
  expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** Dana's demo is booked for Monday 09:30; Sam is another prospect. */
async function booked(): Promise<Run> {
  const run = session({ now: FRIDAY, tz: TZ });
  await ok(run, 'add', 'Dana Reyes', '--company', 'Acme');
  await ok(run, 'next', 'dana', 'demo', '--at', '2026-11-30 09:30');
  await ok(run, 'add', 'Sam Okafor', '--company', 'Brightline');
  return run;
}

describe('double booking', () => {
  it("accepts a next step within 30 minutes of another contact's, warning with the clash named (fu next)", async () => {
    const run = await booked();
    const r = await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30 09:45');
    expect(r.stderr).toBe(CLASH);
    expect(r.stdout).toContain('Next for Sam Okafor: contract call, Mon 30 Nov 09:45');
    expect((await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30 09:05')).stderr).toBe(CLASH);
  });

  it("says nothing 30 minutes apart or more, for a step without a time, or for the contact's own step it moves", async () => {
    const run = await booked();
    expect((await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30 10:00')).stderr).toBe('');
    expect((await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30 09:00')).stderr).toBe('');
    expect((await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30', '--soft')).stderr).toBe('');
    expect((await ok(run, 'next', 'dana', 'demo', '--at', '2026-11-30 09:40')).stderr).toBe('');
  });

  it('names every clash, soonest first, and no step that is done', async () => {
    const run = await booked();
    await ok(run, 'add', 'Lee Park');
    await ok(run, 'next', 'lee', 'pricing review', '--at', '2026-11-30 09:20');
    await ok(run, 'add', 'Kim Vo');
    await ok(run, 'next', 'kim', 'intro call', '--at', '2026-11-30 09:40');
    await ok(run, 'cancel', 'c3');
    const r = await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30 09:30');
    expect(r.stderr).toBe('warning: Clashes with: pricing review with Lee Park, Mon 30 Nov 09:20; demo with Dana Reyes (Acme), Mon 30 Nov 09:30\n');
  });

  it('names the three soonest clashes and counts the rest, so the warning stays one readable line', async () => {
    const run = await booked();
    for (const [name, at] of [
      ['Lee Park', '09:20'],
      ['Kim Vo', '09:40'],
      ['Ada Lund', '09:50'],
      ['Bo Chen', '09:55'],
    ]) {
      await ok(run, 'add', name!);
      await ok(run, 'next', name!, 'intro call', '--at', `2026-11-30 ${at}`);
    }
    const r = await ok(run, 'next', 'sam', 'contract call', '--at', '2026-11-30 09:35');
    expect(r.stderr).toBe(
      'warning: Clashes with: intro call with Lee Park, Mon 30 Nov 09:20; demo with Dana Reyes (Acme), Mon 30 Nov 09:30; intro call with Kim Vo, Mon 30 Nov 09:40; and 2 more\n',
    );
  });

  it('warns from fu log --next, and lists the clash among the warnings in --json', async () => {
    const run = await booked();
    const r = await ok(run, 'log', 'sam', '--outcome', 'connected', '--next', 'contract call', '--at', '2026-11-30 09:30');
    expect(r.stderr).toBe(CLASH);
    const json = await run.json<{ warnings: { rule: string | null; message: string }[] }>(
      'log',
      'sam',
      '--outcome',
      'connected',
      '--next',
      'contract call',
      '--at',
      '2026-11-30 09:50',
    );
    expect(json.warnings).toEqual([{ rule: null, message: 'Clashes with: demo with Dana Reyes (Acme), Mon 30 Nov 09:30' }]);
  });

  it('warns from fu add --met with a next step', async () => {
    const run = await booked();
    const r = await ok(run, 'add', 'Lee Park', '--met', 'SaaStr Europe', '--next', '15-minute intro call', '--at', '2026-11-30 09:30');
    expect(r.stderr).toBe(CLASH);
    expect(r.stdout).toContain('Added #3 Lee Park');
  });
});
