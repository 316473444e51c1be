/** fu add --met reads --at as fu log does: "today 4pm" is this afternoon in the user's zone. */
import { describe, expect, it } from 'vitest';
import { session, snapshot } from '../helpers.js';

interface Shown {
  nextStep: { what: string; dueAt: string | null } | null;
}

describe('fu add --met --next --at "today 4pm"', () => {
  it('books the next step at 16:00 today in the local zone, as fu log does with the same words', async () => {
    // 09:00 in New York.
    const run = session({ now: '2026-11-23T14:00:00Z', tz: 'America/New_York' });
    const added = await run('add', 'Zoe Park', '--met', 'Data Summit', '--next', 'demo call', '--at', 'today 4pm');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Next: demo call, today, Mon 23 Nov 16:00');
    await run('add', 'Ravi Shah');
    expect((await run('log', 'ravi', '--outcome', 'connected', '--next', 'demo call', '--at', 'today 4pm')).code).toBe(0);
    const zoe = await run.json<Shown>('show', 'zoe');
    expect(zoe.nextStep).toMatchObject({ what: 'demo call', dueAt: '2026-11-23T16:00:00-05:00' });
    expect(zoe.nextStep!.dueAt).toBe((await run.json<Shown>('show', 'ravi')).nextStep!.dueAt);
  });

  it('refuses it once 4pm has passed today, with the words fu log uses, adding nobody', async () => {
    // 23:00 in Tokyo.
    const run = session({ now: '2026-11-23T14:00:00Z', tz: 'Asia/Tokyo' });
    await run('add', 'Ravi Shah');
    const before = await snapshot(run.db);
    const added = await run('add', 'Zoe Park', '--met', 'Data Summit', '--next', 'demo call', '--at', 'today 4pm');
    expect(added).toMatchObject({ code: 3, stderr: expect.stringContaining('Mon 23 Nov 16:00 is in the past') });
    expect(await snapshot(run.db)).toBe(before);
    const logged = await run('log', 'ravi', '--outcome', 'connected', '--next', 'demo call', '--at', 'today 4pm');
    expect([logged.code, logged.stderr]).toEqual([added.code, added.stderr]);
  });
});

describe('a next step booked for today says "today"', () => {
  it('in fu log, and not for another day', async () => {
    // Tuesday 3 March, 15:40 in New York.
    const run = session({ now: '2026-03-03T20:40:00Z', tz: 'America/New_York' });
    await run('add', 'Dana Reyes');
    const r = await run('log', 'dana', '--outcome', 'connected', '--next', 'call about the pilot', '--at', 'tue 4pm');
    expect(r.stdout).toContain('Next: call about the pilot, today, Tue 3 Mar 16:00 (c1).');
    const later = await run('log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'wed 4pm');
    expect(later.stdout).toContain('Next: demo, Wed 4 Mar 16:00');
    expect(later.stdout).not.toContain('today');
  });
});
