import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

describe('fu demo', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('shows every status, every section of fu today and every category of fu stale (TZ=%s)', async (tz) => {
    const run = session({ now: '2026-11-23T08:00:00Z', tz });
    expect((await run('demo')).code).toBe(0);
    const statuses = new Set((await run.json<{ status: string }[]>('list', '--status', 'all')).map((c) => c.status));
    expect([...statuses].sort()).toEqual(['active', 'lost', 'nurture', 'won']);
    const today = await run.json<Record<string, unknown[]>>('today');
    for (const section of ['appointments', 'overdue', 'promises', 'chases', 'nurture']) expect(today[section], section).not.toHaveLength(0);
    expect(today.chases!.some((c) => (c as { attempt: { breakUp: boolean } }).attempt.breakUp)).toBe(true);
    const stale = await run.json<Record<string, unknown[]>>('stale');
    for (const category of ['missed', 'soft', 'reEngage', 'drop', 'noNextStep']) expect(stale[category], category).not.toHaveLength(0);
  });

  it('refuses a database that already has contacts, adding nothing', async () => {
    const run = session();
    await run('add', 'Dana Reyes');
    expect(await run('demo')).toMatchObject({ code: 2, stderr: expect.stringContaining('only loads into an empty database') });
    expect(await run.json<unknown[]>('list', '--status', 'all')).toHaveLength(1);
  });
});
