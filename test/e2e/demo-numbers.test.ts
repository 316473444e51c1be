/** The demo is rich enough that fu today's expected section, fu prep dana and fu stats show every part. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

interface Stats {
  sequences: { repliedAfter: { count: number }[]; breakUp: number; givenUpAfter: { count: number }[] };
  replyRate: { byChannel: unknown[]; byAttempt: unknown[] };
  conversations: Record<string, number>;
  nextSteps: Record<string, number>;
  promises: Record<string, number>;
  expectations: Record<string, number>;
  overrides: unknown[];
  outcomes: { won: number; lost: number; lostReasons: unknown[] };
  weekly: { touches: number }[];
}

describe('fu demo, for fu prep and fu stats', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('gives every figure of fu stats something to count (TZ=%s)', async (tz) => {
    const run = session({ now: '2026-11-23T08:00:00Z', tz });
    expect((await run('demo')).code).toBe(0);
    const s = await run.json<Stats>('stats');
    expect(s.sequences.repliedAfter.map((r) => r.count > 0)).toEqual([true, true, true]);
    expect(s.sequences.breakUp).toBeGreaterThan(0);
    expect(s.sequences.givenUpAfter[0]!.count).toBeGreaterThan(0);
    expect(s.replyRate.byChannel.length).toBeGreaterThan(1);
    expect(s.replyRate.byAttempt).toHaveLength(3);
    for (const group of [s.conversations, s.nextSteps, s.promises, s.expectations]) {
      for (const [name, n] of Object.entries(group)) expect(n, name).toBeGreaterThan(0);
    }
    expect(s.overrides).not.toHaveLength(0);
    expect(s.outcomes.won).toBeGreaterThan(0);
    expect(s.outcomes.lostReasons.length).toBeGreaterThan(1);
    expect(s.weekly.filter((w) => w.touches > 0).length).toBeGreaterThan(4);
    const today = await run.json<{ expected: unknown[] }>('today');
    expect(today.expected).not.toHaveLength(0);
  });

  it('gives fu prep dana every part of the brief', async () => {
    const run = session({ now: '2026-11-23T08:00:00Z' });
    await run('demo');
    const brief = await run.json<{
      contact: { source: string | null; tags: string[] };
      story: { first: unknown; lastTwoWay: { note: string | null } | null };
      open: { promises: unknown[]; expectations: unknown[]; nextStep: unknown };
      agreed: unknown[];
      proposal: unknown;
      close: { confirm: unknown; opener: unknown; smaller: string };
    }>('prep', 'dana');
    expect(brief.contact.source).not.toBeNull();
    expect(brief.contact.tags).not.toHaveLength(0);
    expect(brief.story.first).not.toBeNull();
    expect(brief.story.lastTwoWay?.note).toBeTruthy();
    expect(brief.open.promises).not.toHaveLength(0);
    expect(brief.open.expectations).not.toHaveLength(0);
    expect(brief.open.nextStep).not.toBeNull();
    expect(brief.agreed).not.toHaveLength(0);
    expect(brief.proposal).not.toBeNull();
    expect(brief.close.confirm).not.toBeNull();
    expect(brief.close.opener).not.toBeNull();
  });
});
