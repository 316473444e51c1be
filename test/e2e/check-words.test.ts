import { describe, expect, it } from 'vitest';
import { fu, session } from '../helpers.js';

describe('fu check on what fu draft leaves to fill in', () => {
  it('finds the unfilled placeholders of a draft without a reason or a name', async () => {
    const run = session({ now: '2027-03-02T09:00:00Z' });
    await run('add', 'Priya Shah', '--company', 'Northwind');
    const draft = await run('draft', 'priya');
    expect(draft.code).toBe(0);
    const r = await fu(['check', '-'], { db: run.db, now: '2027-03-02T09:00:00Z', input: draft.stdout });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('unfilled placeholder "[WHY NOW: ');
    expect(r.stdout).toContain('unfilled placeholder "[YOUR NAME]"');
  });

  it('dates the example slots from the day it runs', async () => {
    const r = await fu(['check', 'Hi Dana, we spoke on Thu.'], { now: '2027-03-05T09:00:00Z' });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('"Would Mon 8 Mar at 15:00 or Tue 9 Mar at 10:00 suit you for 15 minutes?"');
  });
});
