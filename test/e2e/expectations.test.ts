/** What they said they would do by a date (--expect WHAT --by WHEN), through the binary. */
import { describe, expect, it } from 'vitest';
import { session, snapshot } from '../helpers.js';

// Mon 23 Nov 2026 09:00 UTC.
const MONDAY = '2026-11-23T09:00:00Z';

interface Row {
  id: number;
  kind: string;
  contactId: number;
  what: string;
  dueDate: string;
  late: boolean;
  hint: string | null;
  why: string;
}
type Today = Record<'appointments' | 'overdue' | 'promises' | 'expected' | 'chases' | 'nurture', Row[]> & { summary: Record<string, number> };
interface Shown {
  commitments: { id: number; kind: string; what: string; dueDate: string; state: string }[];
  touches: { id: number; points: string[] }[];
}

async function withDana() {
  const run = session({ now: MONDAY });
  expect((await run('add', 'Dana Reyes', '--company', 'Acme')).code).toBe(0);
  return run;
}

async function refused(run: ReturnType<typeof session>, ...args: string[]) {
  const before = await snapshot(run.db);
  const r = await run(...args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(await snapshot(run.db)).toBe(before);
  return r.stderr;
}

describe('fu log --expect WHAT --by WHEN', () => {
  it('records what they will do beside a promise, each --by dating the flag just before it', async () => {
    const run = await withDana();
    const r = await run(
      'log',
      'dana',
      '--outcome',
      'connected',
      '--next',
      'decision call',
      '--at',
      'fri 11am',
      '--expect',
      'review it with the team',
      '--by',
      'wed',
      '--promise',
      'send the pricing',
      '--by',
      'tomorrow 5pm',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Logged call connected with Dana Reyes (Acme), Mon 23 Nov 09:00 (touch t1).\n' +
        'Next: decision call, Fri 27 Nov 11:00 (c1).\n' +
        'Promise c2: send the pricing, by Tue 24 Nov 17:00.\n' +
        'Expected from them c3: review it with the team, by Wed 25 Nov 17:00.\n',
    );
    const shown = await run.json<Shown>('show', 'dana');
    expect(shown.commitments.map((c) => [c.id, c.kind, c.what, c.dueDate, c.state])).toEqual([
      [1, 'next-step', 'decision call', '2026-11-27', 'open'],
      [2, 'promise', 'send the pricing', '2026-11-24', 'open'],
      [3, 'expectation', 'review it with the team', '2026-11-25', 'open'],
    ]);
    expect((await run('show', 'dana')).stdout).toContain('Expected from them c3: review it with the team, by Wed 25 Nov [open]\n');
  });

  it.each([
    ['a --by before any --promise or --expect', ['--by', 'wed', '--expect', 'review it'], /^fu: --by "wed" has no --promise or --expect just before it/],
    ['an --expect without its --by', ['--expect', 'review it'], /^fu: --expect "review it" needs its own --by right after it/],
    [
      'an --expect whose --by went to the --promise typed after it',
      ['--expect', 'review it', '--promise', 'send it', '--by', 'wed'],
      /^fu: --expect "review it" needs its own --by/,
    ],
    ['two --by after one --promise', ['--promise', 'send it', '--by', 'tue', '--by', 'wed'], /^fu: --by "wed" has no --promise or --expect just before it/],
  ])('refuses %s (exit 2), changing nothing', async (_what, extra, message) => {
    const run = await withDana();
    expect(await refused(run, 'log', 'dana', '--outcome', 'connected', '--next', 'call', '--at', 'fri 11am', ...extra)).toMatch(message);
  });

  it('refuses a date already past (R2, exit 3)', async () => {
    const run = await withDana();
    const r = await run('log', 'dana', '--outcome', 'connected', '--next', 'call', '--at', 'fri 11am', '--expect', 'review it', '--by', '2026-11-20');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fu: R2: What they will do \("review it"\) would be due Fri 20 Nov 17:00, which is in the past/);
  });

  it('is taken by fu add --met too', async () => {
    const run = session({ now: MONDAY });
    const r = await run(
      'add',
      'Ivo Brandt',
      '--met',
      'Logistics Expo',
      '--next',
      'intro call',
      '--at',
      'fri 10am',
      '--expect',
      'send their route data',
      '--by',
      'thu',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Expected from them c2: send their route data, by Thu 26 Nov.\n');
    expect((await run('add', 'Lee Park', '--expect', 'x', '--by', 'thu')).stderr).toMatch(/go with --met EVENT/);
  });
});

describe('fu today: expected from them', () => {
  async function booked() {
    const run = await withDana();
    await run(
      'log',
      'dana',
      '--outcome',
      'connected',
      '--next',
      'decision call',
      '--at',
      '2026-11-30 11:00',
      '--expect',
      'review it with the team',
      '--by',
      'wed',
    );
    return run;
  }

  it('shows it on its day under its own heading, and never on the days before', async () => {
    const run = await booked();
    expect((await run.at('2026-11-24T09:00:00Z').json<Today>('today')).summary.expected).toBe(0);
    const wed = await run.at('2026-11-25T09:00:00Z').json<Today>('today');
    expect(wed.expected.map((r) => [r.id, r.kind, r.what, r.late, r.hint, r.why])).toEqual([
      [2, 'expectation', 'review it with the team', false, null, 'expected from them'],
    ]);
    expect(wed.summary).toMatchObject({ expected: 1, overdue: 0, promises: 0 });
    const text = (await run('today', '--limit', '0')).stdout;
    expect(text).toContain('expected\tc2\tDana Reyes\tAcme\treview it with the team\t2026-11-25\texpected from them\n');
  });

  it('once passed, it is the reason to call: on its own row and as the hint of the appointment, never overdue', async () => {
    const run = await booked();
    const mon = await run.at('2026-11-30T09:00:00Z').json<Today>('today');
    const reason = 'they were to review it with the team by Wed 25 Nov: ask where it landed';
    expect(mon.expected.map((r) => [r.id, r.late, r.hint, r.why])).toEqual([[2, true, reason, 'fu prep 1; passed']]);
    expect(mon.appointments.map((r) => [r.id, r.hint, r.why])).toEqual([[1, reason, 'fu prep 1; next step']]);
    expect(mon.overdue).toEqual([]);
    // It binds no rule: fu stale does not call it missed.
    expect((await run.json<Record<string, unknown[]>>('stale')).missed).toEqual([]);
  });

  it('fu done and fu cancel close it; it then leaves the agenda', async () => {
    const run = await booked();
    run.at('2026-11-26T09:00:00Z');
    const done = await run('done', 'c2');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toBe('Done c2 (expected from them for Dana Reyes): review it with the team, due Wed 25 Nov, kept late.\n');
    expect((await run.json<Today>('today')).expected).toEqual([]);
    await run('log', 'dana', '--outcome', 'replied', '--expect', 'send the signed order', '--by', 'fri');
    expect((await run('cancel', 'c3')).stdout).toBe('Cancelled c3 (expected from them for Dana Reyes): send the signed order, due Fri 27 Nov.\n');
    expect((await run.json<Shown>('show', 'dana')).commitments.filter((c) => c.kind === 'expectation').map((c) => c.state)).toEqual(['kept', 'cancelled']);
  });

  it('never counts as an attempt and starts no chase', async () => {
    const run = await withDana();
    await run('log', 'dana', '--via', 'email', '--outcome', 'replied', '--expect', 'send the floor plans', '--by', 'wed');
    const shown = await run.json<{ unansweredAttempts: number; chaseDueOn: string | null }>('show', 'dana');
    expect(shown).toMatchObject({ unansweredAttempts: 0, chaseDueOn: null });
  });
});
