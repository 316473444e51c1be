/**
 * The summary fu stats reads (stats_touch_days and stats_due_days, kept by triggers) after random
 * writes: fu log / next / done / cancel / config (a new attempts.limit rewrites
 * the attempt marks), touches deleted or moved in time directly in the
 * database, clock moves. After every step it equals the same counts grouped
 * over the touches and commitments themselves, and fu stats over the whole history reads the
 * same figures as the touches counted one by one.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu } from '../helpers.js';
import { scratch } from './support.js';

const START = Date.parse('2026-11-23T09:00:00Z');

type Step = { kind: 'clock'; minutes: number } | { kind: 'fu'; args: string[] } | { kind: 'sql'; sql: string; id: number };

const CONTACT = fc.constantFrom('#1', '#1', '#2', '#3');
const WHEN = fc.constantFrom('tomorrow 10am', 'today 4pm', '+3d', 'in 2 weeks', 'yesterday 3pm');

const logArb = fc
  .record({
    contact: CONTACT,
    outcome: fc.constantFrom('connected', 'replied', 'no-answer', 'no-answer', 'voicemail', 'sent'),
    via: fc.constantFrom('call', 'email', 'linkedin'),
    plan: fc.constantFrom<string[]>(
      [],
      ['--next', 'demo', '--at', 'tomorrow 10am'],
      ['--next', 'demo', '--at', '+3d', '--soft'],
      ['--won'],
      ['--lost', 'budget'],
      ['--lost', 'timing'],
      ['--promise', 'send the deck', '--by', 'tomorrow 5pm'],
      ['--promise', 'send the deck', '--by', '+2d', '--expect', 'their budget', '--by', 'fri'],
    ),
    force: fc.boolean(),
  })
  .map((o) => ['log', o.contact, '--outcome', o.outcome, '--via', o.via, ...o.plan, ...(o.force ? ['--force'] : [])]);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: logArb.map((args) => ({ kind: 'fu' as const, args })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(CONTACT, WHEN, fc.boolean())
      .map(([c, at, soft]) => ({ kind: 'fu' as const, args: ['next', c, 'call back', '--at', at, ...(soft ? ['--soft'] : [])] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('done', 'cancel'), fc.integer({ min: 1, max: 8 }))
      .map(([cmd, id]) => ({ kind: 'fu' as const, args: [cmd, String(id)] })),
  },
  { weight: 1, arbitrary: fc.constantFrom('2', '3', '5').map((n) => ({ kind: 'fu' as const, args: ['config', 'attempts.limit', n] })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }).map((id) => ({ kind: 'sql' as const, sql: 'DELETE FROM touches WHERE id = ?', id })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 }).map((id) => ({ kind: 'sql' as const, sql: 'DELETE FROM commitments WHERE id = ?', id })) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 30 })
      .map((id) => ({ kind: 'sql' as const, sql: "UPDATE touches SET happened_at = strftime('%Y-%m-%dT%H:%M:%fZ', happened_at, '-1 day') WHERE id = ?", id })),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 20 * 60, max: 4 * 24 * 60 }))
      .map((minutes) => ({ kind: 'clock' as const, minutes })),
  },
);

const KEY = 'day, channel, attempt, answered, connected, step, disposition, lost_reason, forced';

const DUE_KEY = 'kind, state, late, timed, day';

/** The summary's rows, and the same counts grouped over the touches and commitments by this test. */
function summaryAndRecount(file: string): { summary: unknown[]; recount: unknown[] } {
  const raw = new Database(file, { readonly: true });
  try {
    return {
      summary: [
        ...raw.prepare(`SELECT ${KEY}, n FROM stats_touch_days ORDER BY ${KEY}`).all(),
        ...raw.prepare(`SELECT ${DUE_KEY}, n FROM stats_due_days ORDER BY ${DUE_KEY}`).all(),
      ],
      recount: [
        ...raw
          .prepare(
            `SELECT ${KEY}, count(*) AS n FROM (SELECT substr(happened_at, 1, 10) AS day, channel, attempt, answered, outcome = 'connected' AS connected,
                  step, disposition, lost_reason, forced FROM touches) GROUP BY ${KEY} ORDER BY ${KEY}`,
          )
          .all(),
        ...raw
          .prepare(
            `SELECT ${DUE_KEY}, count(*) AS n FROM (SELECT kind, state, late, due_at IS NOT NULL AS timed, coalesce(substr(due_at, 1, 10), due_date) AS day FROM commitments)
              GROUP BY ${DUE_KEY} ORDER BY ${DUE_KEY}`,
          )
          .all(),
      ],
    };
  } finally {
    raw.close();
  }
}

/** fu stats's touch figures as the touches counted one by one (won, lost with reasons, overrides, conversations, weekly total). */
function countedByHand(file: string): { won: number; lost: Record<string, number>; forced: Record<string, number>; conversations: number; touches: number } {
  const raw = new Database(file, { readonly: true });
  try {
    const rows = raw.prepare('SELECT outcome, disposition, lost_reason, forced FROM touches').all() as {
      outcome: string;
      disposition: string | null;
      lost_reason: string | null;
      forced: string | null;
    }[];
    const lost: Record<string, number> = {};
    const forced: Record<string, number> = {};
    for (const r of rows) {
      if (r.disposition === 'lost') lost[String(r.lost_reason)] = (lost[String(r.lost_reason)] ?? 0) + 1;
      for (const rule of r.forced?.split(',') ?? []) forced[rule] = (forced[rule] ?? 0) + 1;
    }
    return {
      won: rows.filter((r) => r.disposition === 'won').length,
      lost,
      forced,
      conversations: rows.filter((r) => r.outcome === 'connected').length,
      touches: rows.length,
    };
  } finally {
    raw.close();
  }
}

describe('the stats summary kept on write', () => {
  it('equals the touches grouped by day and figure after any sequence of writes, and fu stats reads the same totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'),
        async (steps, tz) => {
          const file = path.join(scratch('fu-stats-summary-'), 'fu.db');
          let clock = START;
          const now = () => new Date(clock).toISOString();
          for (const name of ['Dana Reyes', 'Sam Okafor', 'Lee Park']) expect((await fu(['add', name], { db: file, now: now(), tz })).code).toBe(0);
          for (const step of steps) {
            if (step.kind === 'clock') clock += step.minutes * 60_000;
            else if (step.kind === 'sql') {
              const raw = new Database(file);
              raw.prepare(step.sql).run(step.id);
              raw.close();
            } else {
              const r = await fu(step.args, { db: file, now: now(), tz });
              expect([0, 2, 3, 4], `fu ${step.args.join(' ')}: ${r.stderr}`).toContain(r.code);
            }
            const { summary, recount } = summaryAndRecount(file);
            expect(summary, JSON.stringify(step)).toEqual(recount);
          }
          // Over a period holding every touch, in the drawn zone: the part-days at either end and the whole days between add up.
          const r = await fu(['stats', '--since', '2026-11-01', '--json'], { db: file, now: now(), tz });
          expect(r.code, r.stderr).toBe(0);
          const stats = JSON.parse(r.stdout);
          const hand = countedByHand(file);
          expect(stats.weekly.reduce((sum: number, w: { touches: number }) => sum + w.touches, 0)).toBe(hand.touches);
          expect(stats.conversations.total).toBe(hand.conversations);
          expect(stats.outcomes.won).toBe(hand.won);
          expect(Object.fromEntries(stats.outcomes.lostReasons.map((l: { reason: string | null; count: number }) => [String(l.reason), l.count]))).toEqual(
            hand.lost,
          );
          expect(Object.fromEntries(stats.overrides.map((o: { rule: string; count: number }) => [o.rule, o.count]))).toEqual(hand.forced);
        },
      ),
      { numRuns: 25 },
    );
  });
});
