/**
 * fu stale decides missed and soft from the commitments, lets SQL decide and order the other categories, and reads
 * whole only the contacts shown. The oracle is the plain rule: every live contact read whole, ranked by the domain
 * (rankStale). On random books, clocks, zones and settings, both give the same rows, in the same order, and the
 * same counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stalePage } from '../../src/app/stale.js';
import { groupStale, rankStale, staleRowsOf } from '../../src/domain/stale.js';
import { addDays, localDateOf } from '../../src/domain/time.js';
import { type Config, DEFAULT_CONFIG, type DerivedState } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';
import { freshContext, person } from './context.js';
import { unansweredAttempt } from '../domain/fixtures.js';
import { everyLiveContact } from '../store/live-contacts.js';

const NOW = Date.parse('2026-11-23T09:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Zones that turn their clocks at midnight (Santiago, Beirut, Havana), by half an hour (Lord Howe), and plain ones.
const ZONES = ['UTC', 'Europe/Paris', 'America/Santiago', 'Asia/Beirut', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Auckland'];

/** An instant up to `days` days before NOW (a few after, for what is due), on a quarter hour: days fall on every side of midnight. */
const instant = (before: number, after = 0) => fc.integer({ min: -before * 96, max: after * 96 }).map((q) => new Date(NOW + q * 15 * 60_000).toISOString());
const date = (before: number, after: number) => fc.integer({ min: -before, max: after }).map((d) => addDays('2026-11-23', d));
/**
 * Most instants on a few days, at a few hours (either side of midnight in every zone), so that the same instant, the
 * same local day at other hours, and the days the settings count to are common.
 */
const tied = fc
  .tuple(fc.constantFrom(-200, -91, -90, -89, -31, -30, -15, -14, -13, -1, 0), fc.constantFrom(-10, -9, -1, 0, 2.5, 13, 14.5))
  .map(([d, h]) => new Date(NOW + d * DAY + h * HOUR).toISOString());
const when = fc.oneof({ weight: 3, arbitrary: tied }, { weight: 1, arbitrary: instant(220) });

const commitmentArb = fc.record({
  kind: fc.constantFrom('next-step' as const, 'promise' as const, 'expectation' as const),
  due: fc.oneof(
    instant(30, 30).map((at) => ({ at })),
    date(30, 30).map((d) => ({ date: d })),
  ),
  soft: fc.boolean(),
  open: fc.boolean(),
});

const contactArb = fc.record({
  status: fc.constantFrom('active' as const, 'active' as const, 'nurture' as const, 'won' as const, 'lost' as const),
  createdAt: when,
  touches: fc.array(when, { maxLength: 3 }),
  lastTouchAt: fc.option(when),
  lastTwoWayAt: fc.option(when),
  unanswered: fc.integer({ min: 0, max: 4 }),
  valueUnanswered: fc.integer({ min: 0, max: 4 }),
  chaseDueOn: fc.option(date(10, 10)),
  email: fc.boolean(),
  commitments: fc.array(commitmentArb, { maxLength: 3 }),
});

const settingsArb = fc.record({
  now: fc.integer({ min: 0, max: 3 * 96 }).map((q) => new Date(NOW + q * 15 * 60_000).toISOString()),
  zone: fc.constantFrom(...ZONES),
  staleDays: fc.oneof(fc.constantFrom(1, 13, 14, 15, 30), fc.integer({ min: 1, max: 30 })),
  staleDropDays: fc.oneof(fc.constantFrom(14, 30, 89, 90, 91), fc.integer({ min: 1, max: 120 })),
  attemptsLimit: fc.constantFrom(2 as const, 3 as const),
  dayEnd: fc.constantFrom('17:00', '00:30', '23:45'),
});

type BookContact = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes the book as fu's writes leave it: the derived columns as given, next_step_id on the one open next step. */
function write(ctx: ReturnType<typeof freshContext>, book: BookContact[]): void {
  const { store } = ctx;
  book.forEach((c, i) => {
    const id = store.insertContact(person(`Contact ${i}`), c.createdAt);
    if (c.status !== 'active') store.setStatus(id, c.status, c.createdAt);
    for (const at of c.touches) {
      store.insertTouch(unansweredAttempt(id, at, 'email'), [], c.createdAt);
    }
    let step: number | null = null;
    for (const m of c.commitments) {
      // One open next step at most (a unique index; each is written open, then closed); soft only without a time, as fu writes it.
      if (m.kind === 'next-step' && step !== null) continue;
      const made = store.insertCommitment(
        { contactId: id, kind: m.kind, what: m.kind, due: m.due, soft: m.kind === 'next-step' && 'date' in m.due && m.soft, touchId: null },
        c.createdAt,
      );
      if (!m.open) store.closeCommitment(made, 'kept', c.createdAt, null);
      else if (m.kind === 'next-step') step = made;
    }
    const lastTouchAt = c.lastTouchAt ?? (c.lastTwoWayAt === null ? null : c.lastTwoWayAt);
    const derived: DerivedState = {
      lastTouchAt,
      lastTwoWayAt: c.lastTwoWayAt,
      unanswered: c.unanswered,
      lastAttemptAt: lastTouchAt,
      lastAttemptChannel: lastTouchAt === null ? null : c.email ? 'email' : 'call',
      sameChannelRun: c.email ? 2 : 1,
      chaseDueOn: c.chaseDueOn,
      nurtureDueOn: null,
      valueUnanswered: c.valueUnanswered,
    };
    store.saveDerived(id, derived, step);
  });
}

describe('fu stale ranked by SQL and by the plain rule', () => {
  it('shows the same rows in the same order, and the same counts, on random books at random clocks and settings', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { minLength: 1, maxLength: 20 }), fc.array(settingsArb, { minLength: 1, maxLength: 4 }), (book, settings) => {
        const ctx = freshContext();
        write(ctx, book);
        const all = everyLiveContact(ctx.store.db);
        for (const s of settings) {
          const config: Config = {
            ...DEFAULT_CONFIG,
            staleDays: s.staleDays,
            staleDropDays: s.staleDropDays,
            attemptsLimit: s.attemptsLimit,
            dayEnd: s.dayEnd,
          };
          const at = { now: s.now, zone: zoneOf(s.zone), config };
          expect(localDateOf(s.now, at.zone)).toMatch(/^2026-11-2[3-7]$/);
          const oracle = rankStale(all, at);
          const rows = staleRowsOf(oracle.shown, at);
          for (const limit of [0, 1, 2]) {
            const page = stalePage({ store: ctx.store, ...at }, limit);
            expect(page.counts).toEqual(oracle.counts);
            // The first `limit` rows of each category, in the whole list's order.
            const kept = limit === 0 ? rows : Object.values(groupStale(rows)).flatMap((g) => g.slice(0, limit));
            expect(page.rows).toEqual(kept);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('fu stale ranks by local days, then by id', () => {
  it('puts the lower id first among contacts silent for as many days, whatever the hour of their last touch', () => {
    const ctx = freshContext();
    const silent = (lastTouchAt: string): BookContact => ({
      status: 'active',
      createdAt: '2026-01-05T09:00:00.000Z',
      touches: [],
      lastTouchAt,
      lastTwoWayAt: null,
      unanswered: 0,
      valueUnanswered: 0,
      chaseDueOn: null,
      email: false,
      commitments: [],
    });
    // In Paris (UTC+1): 1, 2 and 3 on Thu 5 Nov (late, early, midday), 4 on Wed 4 Nov in the evening.
    write(ctx, [
      silent('2026-11-05T22:30:00.000Z'),
      silent('2026-11-04T23:30:00.000Z'),
      silent('2026-11-05T11:00:00.000Z'),
      silent('2026-11-04T20:00:00.000Z'),
    ]);
    const at = { store: ctx.store, now: '2026-11-23T09:00:00.000Z', zone: zoneOf('Europe/Paris'), config: DEFAULT_CONFIG };
    expect(stalePage(at, 0).rows.map((r) => [r.contactId, r.daysSilent])).toEqual([
      [4, 19],
      [1, 18],
      [2, 18],
      [3, 18],
    ]);
    expect(stalePage(at, 2).rows.map((r) => r.contactId)).toEqual([4, 1]);
  });
});
