/** fu show tells a contact's whole story: a decision made with fu close is in it, though no touch carries it. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

describe('fu show, after fu close', () => {
  it('lists the close-out in the timeline and in --json decisions, at the time it was decided', async () => {
    const run = session({ now: '2026-11-23T09:00:00Z' });
    await run('add', 'Marcus Lee');
    expect((await run('log', 'marcus', '--outcome', 'no-answer')).code).toBe(0);
    expect((await run.at('2026-11-27T10:00:00Z')('close', 'marcus', '--lost', 'no response')).code).toBe(0);
    expect((await run('show', 'marcus')).stdout).toMatch(/\n {2}Fri 27 Nov 10:00 {2}closed out, no touch: marked lost \(no response\)\n$/);
    const shown = await run.json<{ touches: unknown[]; decisions: unknown[] }>('show', 'marcus');
    expect(shown.touches).toHaveLength(1);
    expect(shown.decisions).toEqual([{ id: expect.any(Number), at: '2026-11-27T10:00:00+00:00', kind: 'lost', lostReason: 'no response' }]);
  });

  it('lists every decision in order, a reason only for lost', async () => {
    const run = session({ now: '2026-11-23T09:00:00Z' });
    await run('add', 'Marcus Lee');
    await run.at('2026-11-24T09:00:00Z')('close', 'marcus', '--nurture');
    await run.at('2026-11-25T09:00:00Z')('close', 'marcus', '--won');
    const shown = await run.json<{ decisions: { kind: string; lostReason: string | null }[] }>('show', 'marcus');
    expect(shown.decisions.map((d) => [d.kind, d.lostReason])).toEqual([
      ['nurture', null],
      ['won', null],
    ]);
    expect((await run('show', 'marcus')).stdout).toContain(
      '  Tue 24 Nov 09:00  closed out, no touch: marked nurture\n  Wed 25 Nov 09:00  closed out, no touch: marked won\n',
    );
  });
});
