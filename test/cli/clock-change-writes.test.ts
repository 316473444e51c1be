/** Writes near a clock change (Time, docs/rules.md): the time as typed, the offset when it happens twice, a skipped time refused. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

describe('writing a time near a clock change', () => {
  it('prints the offset of a time that happens twice', async () => {
    const run = session({ now: '2026-10-20T14:00:00Z', tz: 'America/New_York' });
    expect((await run('add', 'Dana')).code).toBe(0);
    const r = await run('next', '1', 'call', '--at', '2026-11-01 01:30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sun 1 Nov 01:30 (UTC-04:00)');
  });

  it('prints no offset for a time the clock reads once', async () => {
    const run = session({ now: '2026-10-20T14:00:00Z', tz: 'America/New_York' });
    await run('add', 'Dana');
    const r = await run('next', '1', 'call', '--at', '2026-11-01 03:30');
    expect(r.stdout).toContain('Sun 1 Nov 03:30');
    expect(r.stdout).not.toContain('UTC');
  });

  it('keeps 17:00 in Sydney the day before the clocks go back', async () => {
    const run = session({ now: '2026-04-01T10:00:00+11:00', tz: 'Australia/Sydney' });
    await run('add', 'Dana');
    const r = await run('next', '1', 'demo', '--at', '2026-04-04 17:00');
    expect(r.stdout).toContain('Sat 4 Apr 17:00');
  });

  it('refuses a skipped time with exit 2, naming the zone and the first valid time, and changes nothing', async () => {
    const run = session({ now: '2026-03-01T15:00:00Z', tz: 'America/New_York' });
    await run('add', 'Dana');
    const r = await run('next', '1', 'call', '--at', '2026-03-08 02:30');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('America/New_York');
    expect(r.stderr).toContain('2026-03-08 03:30');
    expect((await run('show', '1')).stdout).toContain('No next step.');
  });
});
