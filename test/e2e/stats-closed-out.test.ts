/**
 * fu stats counts what ends a sequence without a touch of its own: a contact closed out with
 * fu close (won or lost, with its reason) and a next step missed by a no-show. Figures counted
 * by hand from the history below.
 */
import { describe, expect, it } from 'vitest';
import { session, type Session } from '../helpers.js';

async function ok(run: Session, at: string, ...args: string[]) {
  const r = await run.at(at)(...args);
  expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
}

interface Stats {
  outcomes: { won: number; lost: number; lostReasons: { reason: string | null; count: number }[] };
  nextSteps: { kept: number; missed: number; rescheduled: number };
}

describe('fu stats with close-outs and no-shows', () => {
  it('counts a contact closed out with fu close as won or lost, and a no-show as a missed next step', async () => {
    const run = session({ now: '2026-10-01T09:00:00Z' });
    for (const name of ['Gil', 'Hal', 'Ivy', 'Jo']) await ok(run, '2026-10-01T09:00:00Z', 'add', name);
    // Gil: a call books a walkthrough on Mon 5 Oct, and he does not turn up: one next step missed.
    await ok(run, '2026-10-01T10:00:00Z', 'log', 'gil', '--outcome', 'connected', '--next', 'walkthrough', '--at', '2026-10-05 10:00');
    await ok(run, '2026-10-05T10:30:00Z', 'log', 'gil', '--via', 'meeting', '--outcome', 'no-show');
    // Hal: two unanswered calls, then closed out as lost, "no response": one lost, with its reason.
    await ok(run, '2026-10-02T10:00:00Z', 'log', 'hal', '--outcome', 'no-answer');
    await ok(run, '2026-10-07T10:00:00Z', 'log', 'hal', '--outcome', 'no-answer');
    await ok(run, '2026-10-12T10:00:00Z', 'close', 'hal', '--lost', 'no response');
    // Ivy: closed out as won (signed by post): one won.
    await ok(run, '2026-10-13T10:00:00Z', 'close', 'ivy', '--won');
    // Jo: lost on a call, "budget": one lost through a touch, as before.
    await ok(run, '2026-10-14T10:00:00Z', 'log', 'jo', '--outcome', 'connected', '--lost', 'budget');
    const stats = await run.at('2026-11-02T09:00:00Z').json<Stats>('stats', '--since', '2026-10-01', '--until', '2026-10-31');
    expect(stats.outcomes).toEqual({
      won: 1,
      lost: 2,
      lostReasons: [
        { reason: 'budget', count: 1 },
        { reason: 'no response', count: 1 },
      ],
    });
    expect(stats.nextSteps).toEqual({ kept: 0, missed: 1, rescheduled: 0 });
  });
});
