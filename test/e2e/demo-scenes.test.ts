/** The demo shows the scenes of an ordinary selling week: a no-show, a deal won with its kickoff, a contact closed out without a touch. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

// Mon 23 Nov 2026: the demo is dated around the day it is loaded.
const NOW = '2026-11-23T08:00:00Z';

interface Row {
  idKind: 'commitment' | 'contact';
  kind: string;
  contactId: number;
  what: string;
  attempt: { number: number } | null;
}

interface Shown {
  id: number;
  status: string;
  nextStep: { what: string } | null;
  touches: { at: string; outcome: string; disposition: string | null }[];
  commitments: { kind: string; state: string; closedAt: string | null }[];
  decisions: { kind: string; lostReason: string | null }[];
}

async function demo(tz = 'UTC') {
  const run = session({ now: NOW, tz });
  expect((await run('demo')).code).toBe(0);
  return run;
}

describe('fu demo scenes', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('shows a no-show: the booked step missed, and the chase to rebook due in fu today (TZ=%s)', async (tz) => {
    const run = await demo(tz);
    const hugo = await run.json<Shown>('show', 'hugo');
    const noShow = hugo.touches.find((t) => t.outcome === 'no-show')!;
    expect(noShow).toBeDefined();
    expect(hugo.commitments).toEqual([expect.objectContaining({ kind: 'next-step', state: 'missed', closedAt: noShow.at })]);
    const today = await run.json<{ chases: Row[] }>('today');
    expect(today.chases.filter((r) => r.contactId === hugo.id)).toEqual([
      expect.objectContaining({ kind: 'chase', attempt: { number: 1, limit: 3, breakUp: false } }),
    ]);
    expect((await run('show', 'hugo')).stdout).toMatch(/ meeting no-show: .*\n/);
  });

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('shows a won contact with its kickoff on the agenda, still won (TZ=%s)', async (tz) => {
    const run = await demo(tz);
    const yuki = await run.json<Shown>('show', 'yuki');
    expect(yuki.status).toBe('won');
    expect(yuki.touches.at(-1)!.disposition).toBe('won');
    expect(yuki.nextStep?.what).toMatch(/kickoff/);
    const today = await run.json<{ appointments: Row[] }>('today');
    expect(today.appointments.filter((r) => r.contactId === yuki.id)).toEqual([
      expect.objectContaining({ idKind: 'commitment', kind: 'next-step', what: yuki.nextStep!.what }),
    ]);
  });

  it('shows a contact closed out as a decision, not a touch: in fu show, and in neither fu stale nor fu today', async () => {
    const run = await demo();
    const karin = await run.json<Shown>('show', 'karin');
    expect(karin.status).toBe('lost');
    expect(karin.decisions).toEqual([expect.objectContaining({ kind: 'lost', lostReason: 'no response' })]);
    expect(karin.touches.every((t) => t.disposition === null)).toBe(true);
    expect((await run('show', 'karin')).stdout).toMatch(/ {2}closed out, no touch: marked lost \(no response\)\n$/);
    const stale = await run.json<Record<string, { contactId: number }[]>>('stale');
    const today = await run.json<Record<string, { contactId: number }[]>>('today');
    for (const rows of [...Object.values(stale), ...Object.values(today)].filter(Array.isArray)) {
      expect(rows.map((r) => r.contactId)).not.toContain(karin.id);
    }
  });
});
