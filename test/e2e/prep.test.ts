/** fu prep: the brief before a call, on the demo, and the key points kept on the next touch. */
import { describe, expect, it } from 'vitest';
import { session, snapshot } from '../helpers.js';

// The demo loaded on Mon 23 Nov 2026 at 09:00 in Paris; piped output is cut to 80 columns.
const MONDAY = '2026-11-23T08:00:00Z';
const TZ = 'Europe/Paris';

async function demo() {
  const run = session({ now: MONDAY, tz: TZ });
  expect((await run('demo')).code).toBe(0);
  return run;
}

describe('fu prep', () => {
  it('briefs the call with Dana on one 80-column screen: story, open both ways, last time, proposal, points, the close', async () => {
    const run = await demo();
    const r = await run('prep', 'dana', '--points', 'route planning costs them two days a week', '--points', 'a pilot the CFO can sign');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        '#1 Dana Reyes · Acme Logistics · active',
        'source: referral · tags: saas, warm',
        '',
        'Story so far',
        '  First touch Mon 16 Nov, meeting connected',
        '  Last talked Sat 21 Nov, email: The CFO joins the demo; they will send the rou…',
        '  Since then  no unanswered attempt',
        '',
        'Open both ways',
        '  You owe     c2 send the integration notes, by Sun 22 Nov (missed)',
        "  They owe    c16 send last quarter's route volumes, by Sun 22 Nov (passed)",
        '  Next step   c1 demo to the finance team, Mon 23 Nov 15:00',
        '',
        'Last time',
        '  Said        The CFO joins the demo; they will send the route volumes first.',
        "  Agreed      they: send last quarter's route volumes (Sun 22 Nov)",
        '  Proposal    sent Fri 20 Nov: Proposal: a pilot on the two northern depots.',
        '',
        'Key points for this call',
        '  1. route planning costs them two days a week',
        '  2. a pilot the CFO can sign',
        '',
        'The close',
        "  Open with   send last quarter's route volumes (due Sun 22 Nov): where is it?",
        '  Confirm     c1 demo to the finance team, Mon 23 Nov 15:00',
        '  Then        agree the step after it, with a date and a time',
        '  Not ready   ask for the smaller step: a 15-minute call',
        '',
      ].join('\n'),
    );
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('offers two free slots from the draft slot finder when nothing is booked', async () => {
    const run = await demo();
    const brief = await run.json<{ close: { confirm: unknown; slots: string[]; smaller: string } }>('prep', 'marco');
    // Tue 24 Nov 15:00 is free; Wed 25 Nov at 10:00: the slot finder's afternoon, then morning.
    expect(brief.close).toMatchObject({ confirm: null, slots: ['2026-11-24T15:00:00+01:00', '2026-11-25T10:00:00+01:00'], smaller: 'a 15-minute call' });
    expect((await run('prep', 'marco')).stdout).toContain('  Ask for     the next step at Tue 24 Nov 15:00 or Wed 25 Nov 10:00\n');
  });

  it('keeps the points on the next touch logged, shown in fu show and its JSON, and clears them from the brief', async () => {
    const run = await demo();
    await run('prep', 'dana', '--points', 'two days a week lost', '--points', 'a pilot the CFO can sign');
    run.at('2026-11-23T16:00:00Z');
    expect((await run('log', 'dana', '--via', 'meeting', '--outcome', 'connected', '--next', 'rollout plan', '--at', 'thu 3pm')).code).toBe(0);
    expect((await run('show', 'dana')).stdout).toMatch(
      /\n {2}Mon 23 Nov 17:00 {2}touch \S+ meeting connected \(points made: two days a week lost; a pilot the CFO can sign\)\n/,
    );
    const shown = await run.json<{ touches: { outcome: string; points: string[] }[]; pendingPoints: string[] }>('show', 'dana');
    expect(shown.touches.map((t) => t.points)).toEqual([[], [], [], ['two days a week lost', 'a pilot the CFO can sign']]);
    expect(shown.pendingPoints).toEqual([]);
    expect((await run('prep', 'dana')).stdout).not.toContain('Key points');
  });

  it('refuses a third key point (exit 2), changing nothing', async () => {
    const run = await demo();
    const before = await snapshot(run.db);
    const r = await run('prep', 'dana', '--points', 'a', '--points', 'b', '--points', 'c');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^fu: Prepare 2 key points at most/);
    expect(await snapshot(run.db)).toBe(before);
  });
});
