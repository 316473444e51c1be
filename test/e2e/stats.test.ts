/**
 * fu stats on a scripted history. Every expected figure below is counted by
 * hand from the history in `history()`, touch by touch (see the comments),
 * not computed by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStats } from '../../src/cli/commands/stats.js';
import { bufferIO } from '../../src/cli/io.js';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { session, storeDeps, type Session } from '../helpers.js';

const NOW = '2026-11-23T09:00:00Z';

async function ok(run: Session, at: string, ...args: string[]) {
  const r = await run.at(at)(...args);
  expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
}

async function idOf(run: Session, contact: string, what: string): Promise<string> {
  const shown = await run.json<{ commitments: { handle: string; what: string }[] }>('show', contact);
  return shown.commitments.find((c) => c.what === what)!.handle;
}

/** Six contacts, 1 Oct to 17 Nov 2026 (UTC). */
async function history(): Promise<Session> {
  const run = session({ now: '2026-09-30T09:00:00Z' });
  for (const name of ['Ann', 'Bob', 'Cat', 'Dan', 'Eve', 'Fay']) await ok(run, '2026-09-30T09:00:00Z', 'add', name);
  // Fay: a reply with a promise (never done: missed) and an expectation (never met), then one call and silence (given up after 1).
  await ok(
    run,
    '2026-10-01T10:00:00Z',
    'log',
    'fay',
    '--via',
    'email',
    '--outcome',
    'replied',
    '--promise',
    'send case study',
    '--by',
    '2026-10-03',
    '--expect',
    'forward it to IT',
    '--by',
    '2026-10-05',
  );
  await ok(run, '2026-10-02T10:00:00Z', 'log', 'fay', '--outcome', 'no-answer');
  // Cat: attempt 1 by email, answered by a call with a firm step (then moved: rescheduled) and a promise done on time;
  // the demo keeps the step and books a soft one (never kept: missed) with an expectation met two days late.
  await ok(run, '2026-10-05T10:00:00Z', 'log', 'cat', '--via', 'email', '--outcome', 'sent');
  await ok(
    run,
    '2026-10-06T11:00:00Z',
    'log',
    'cat',
    '--outcome',
    'connected',
    '--next',
    'demo',
    '--at',
    '2026-10-07 15:00',
    '--promise',
    'send deck',
    '--by',
    '2026-10-07',
  );
  await ok(run, '2026-10-06T12:00:00Z', 'next', 'cat', 'demo', '--at', '2026-10-08 10:00');
  await ok(run, '2026-10-07T09:00:00Z', 'done', await idOf(run, 'cat', 'send deck'));
  await ok(
    run,
    '2026-10-08T10:00:00Z',
    'log',
    'cat',
    '--via',
    'meeting',
    '--outcome',
    'connected',
    '--next',
    'pricing',
    '--at',
    '2026-10-13',
    '--soft',
    '--expect',
    'ask the CFO',
    '--by',
    '2026-10-12',
  );
  await ok(run, '2026-10-14T09:00:00Z', 'done', await idOf(run, 'cat', 'ask the CFO'));
  // Dan: a conversation closed out, lost.
  await ok(run, '2026-10-20T10:00:00Z', 'log', 'dan', '--outcome', 'connected', '--lost', 'no budget');
  // Ann: call (1), email (2) answered by a reply with a promise done a day late; then won, with an expectation met on time.
  await ok(run, '2026-11-02T10:00:00Z', 'log', 'ann', '--outcome', 'no-answer');
  await ok(run, '2026-11-05T10:00:00Z', 'log', 'ann', '--via', 'email', '--outcome', 'sent');
  await ok(run, '2026-11-06T10:00:00Z', 'log', 'ann', '--via', 'email', '--outcome', 'replied', '--promise', 'send contract', '--by', '2026-11-06 17:00');
  await ok(run, '2026-11-07T10:00:00Z', 'done', await idOf(run, 'ann', 'send contract'));
  await ok(run, '2026-11-09T10:00:00Z', 'log', 'ann', '--outcome', 'connected', '--won', '--expect', 'sign the order form', '--by', '2026-11-12');
  await ok(run, '2026-11-11T10:00:00Z', 'done', await idOf(run, 'ann', 'sign the order form'));
  // Bob: three calls, no reply: the break-up.
  await ok(run, '2026-11-02T10:00:00Z', 'log', 'bob', '--outcome', 'voicemail');
  await ok(run, '2026-11-05T10:00:00Z', 'log', 'bob', '--outcome', 'no-answer');
  await ok(run, '2026-11-10T10:00:00Z', 'log', 'bob', '--outcome', 'no-answer');
  // Eve: two calls a day apart, the second forced past R5; six days silent is not given up yet.
  await ok(run, '2026-11-16T10:00:00Z', 'log', 'eve', '--outcome', 'no-answer');
  await ok(run, '2026-11-17T10:00:00Z', 'log', 'eve', '--outcome', 'no-answer', '--force');
  return run.at(NOW);
}

describe('fu stats on a scripted history', () => {
  let run: Session;
  let stats: Record<string, unknown>;
  beforeAll(async () => {
    run = await history();
    stats = await run.json<Record<string, unknown>>('stats', '--since', '2026-10-01');
  });

  it('covers the period asked for', () => {
    expect(stats).toMatchObject({ since: '2026-10-01', until: '2026-11-23' });
  });

  it('counts how each sequence of attempts ended', () => {
    expect(stats.sequences).toEqual({
      // attempt 1 answered: Cat's email; attempt 2 answered: Ann's email; no attempt 3 answered.
      repliedAfter: [
        { attempt: 1, count: 1 },
        { attempt: 2, count: 1 },
        { attempt: 3, count: 0 },
      ],
      // Bob's third call.
      breakUp: 1,
      // Fay: one call, then silent 52 days. Eve's two calls are six days old: not given up yet.
      givenUpAfter: [
        { attempts: 1, count: 1 },
        { attempts: 2, count: 0 },
      ],
    });
  });

  it('gives the reply rate by channel and by attempt number, with the counts', () => {
    expect(stats.replyRate).toEqual({
      // Calls: Ann 1, Bob 3, Eve 2, Fay 1 = 7, none answered. Emails: Ann's and Cat's, both answered.
      byChannel: [
        { channel: 'call', count: 0, of: 7, rate: 0 },
        { channel: 'email', count: 2, of: 2, rate: 1 },
      ],
      // First attempts: Ann, Bob, Cat, Eve, Fay (Cat answered). Second: Ann, Bob, Eve (Ann answered). Third: Bob.
      byAttempt: [
        { attempt: 1, count: 1, of: 5, rate: 0.2 },
        { attempt: 2, count: 1, of: 3, rate: 0.333 },
        { attempt: 3, count: 0, of: 1, rate: 0 },
      ],
    });
  });

  it('sorts conversations by how they ended, and counts steps, promises and expectations', () => {
    // Cat 6 Oct (firm), Cat 8 Oct (soft), Dan and Ann (closed out with a disposition).
    expect(stats.conversations).toEqual({ total: 4, firm: 1, soft: 1, closed: 2, none: 0 });
    // Cat's demo kept on 8 Oct after one move; her soft pricing step of 13 Oct never happened.
    expect(stats.nextSteps).toEqual({ kept: 1, missed: 1, rescheduled: 1 });
    // Cat's deck on time, Ann's contract a day late, Fay's case study never sent.
    expect(stats.promises).toEqual({ onTime: 1, late: 1, missed: 1 });
    // Ann's order form on time, Cat's CFO two days late, Fay's IT never.
    expect(stats.expectations).toEqual({ met: 1, metLate: 1, notMet: 1 });
  });

  it('counts overrides by rule, won and lost with the reasons, and touches per week', () => {
    expect(stats.overrides).toEqual([{ rule: 'R5', count: 1 }]);
    expect(stats.outcomes).toEqual({ won: 1, lost: 1, lostReasons: [{ reason: 'no budget', count: 1 }] });
    expect(stats.weekly).toEqual([
      { week: '2026-10-01', touches: 2 }, // Fay 1 and 2 Oct (the week from Mon 28 Sep, cut to the period)
      { week: '2026-10-05', touches: 3 }, // Cat 5, 6, 8 Oct
      { week: '2026-10-12', touches: 0 },
      { week: '2026-10-19', touches: 1 }, // Dan
      { week: '2026-10-26', touches: 0 },
      { week: '2026-11-02', touches: 5 }, // Ann 2, 5, 6 Nov; Bob 2, 5 Nov
      { week: '2026-11-09', touches: 2 }, // Ann 9 Nov, Bob 10 Nov
      { week: '2026-11-16', touches: 2 }, // Eve
      { week: '2026-11-23', touches: 0 },
    ]);
  });

  it('leaves out what lies outside the period', async () => {
    const november = await run.json<{ sequences: { repliedAfter: { count: number }[] }; conversations: { total: number }; promises: Record<string, number> }>(
      'stats',
      '--since',
      '2026-11-01',
      '--until',
      '2026-11-22',
    );
    // Only Ann's answered email; Ann's won conversation; Ann's late contract.
    expect(november.sequences.repliedAfter.map((r) => r.count)).toEqual([0, 1, 0]);
    expect(november.conversations.total).toBe(1);
    expect(november.promises).toEqual({ onTime: 0, late: 1, missed: 0 });
  });
});

describe('fu stats, the words', () => {
  const stores: Store[] = [];
  afterAll(() => {
    for (const s of stores) s.close();
  });

  it('prints the figures without the chart when piped, and draws the weekly chart on a terminal', async () => {
    const run = await history();
    const piped = await run('stats', '--since', '2026-10-01');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('  to attempt 2               1 of 3 (33%)\n');
    expect(piped.stdout).toContain('Promises             on time 1 · late 1 · missed 1\n');
    expect(piped.stdout).not.toContain('Touches per week');
    const store = new Store(openDatabase(run.db));
    stores.push(store);
    const io = bufferIO({ stdoutIsTTY: true, columns: 80 });
    await runStats({ since: '2026-10-01' }, storeDeps(store, io, NOW, 'UTC'));
    const chart = io.stdout.join('').split('Touches per week\n')[1]!.split('\n');
    // The busiest week (5 touches) gets the full 50 cells; a week of 2 gets 20.
    expect(chart[5]).toBe(`  2 Nov      5  ${'█'.repeat(50)}`);
    expect(chart[6]).toBe(`  9 Nov      2  ${'█'.repeat(20)}`);
    expect(chart[2]).toBe('  12 Oct     0  ');
  });

  it('refuses a period that ends before it starts, and a day still ahead (exit 2)', async () => {
    const run = session({ now: NOW });
    expect(await run('stats', '--since', '2026-11-20', '--until', '2026-11-10')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is after --until'),
    });
    expect(await run('stats', '--until', '2026-12-01')).toMatchObject({ code: 2, stderr: expect.stringContaining('is in the future') });
  });
});
