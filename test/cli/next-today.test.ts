/** A next step that resolves to today says so (Time, docs/rules.md). */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

describe('booking a next step for today', () => {
  it('prints "today" when tue 4pm is asked at 15:40 on a Tuesday', async () => {
    const run = session({ now: '2026-11-24T15:40:00Z', tz: 'UTC' });
    await run('add', 'Dana');
    const r = await run('next', '1', 'call', '--at', 'tue 4pm');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('call, today, Tue 24 Nov 16:00');
  });

  it('prints no "today" for a later day', async () => {
    const run = session({ now: '2026-11-24T16:40:00Z', tz: 'UTC' });
    await run('add', 'Dana');
    const r = await run('next', '1', 'call', '--at', 'tue 4pm');
    expect(r.stdout).toContain('call, Tue 1 Dec 16:00');
  });
});
