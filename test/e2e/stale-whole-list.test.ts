/** fu stale --limit 0 reads every candidate at once, with the open commitments that decide it: what it must not lose. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

const MONDAY = '2026-11-23T08:00:00Z'; // Mon 23 Nov, 09:00 in Paris.

describe('fu stale --limit 0', () => {
  it('keeps the booked next step of a contact it reads for a passed expectation: booked firm, it is not stale', async () => {
    const run = session({ now: '2026-10-20T08:00:00Z', tz: 'Europe/Paris' });
    expect((await run('add', 'Dana Reyes', '--company', 'Acme')).code).toBe(0);
    const talked = await run(
      'log',
      'dana',
      '--outcome',
      'connected',
      '--next',
      'decision call',
      '--at',
      '2026-12-10 11:00',
      '--expect',
      'review it with the team',
      '--by',
      '2026-10-25',
    );
    expect(talked.code, talked.stderr).toBe(0);
    const monday = run.at(MONDAY);
    const whole = await monday.json<{ summary: Record<string, number> }>('stale', '--limit', '0');
    expect(whole.summary).toEqual({ missed: 0, soft: 0, reEngage: 0, drop: 0, noNextStep: 0 });
    expect(await monday.json('stale', '--limit', '0')).toEqual(await monday.json('stale'));
  });
});
