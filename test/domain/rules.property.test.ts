import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronological, deriveState, isTwoWay, sequenceOf } from '../../src/domain/derive.js';
import {
  checkReschedule,
  checkTouch,
  plainTouch,
  type ContactState,
  type NextStepInput,
  type PlannedCommitment,
  type TouchInput,
} from '../../src/domain/rules.js';
import { addDays, instantAt, localDateOf } from '../../src/domain/time.js';
import { CHANNELS, DEFAULT_CONFIG, DISPOSITIONS, OUTCOMES, type Commitment, type Config, type Instant } from '../../src/domain/types.js';
import type { When } from '../../src/domain/when.js';
import { zoneOf } from '../../src/domain/zone.js';

/** An in-memory contact that applies accepted plans the way the store does. */
interface Model {
  state: ContactState;
  /** Touches recorded while the contact was won or lost: no rules applied to them. */
  exempt: Set<number>;
  ids: number;
}

const MIN = 60_000;

function whenAt(ms: number, hasTime: boolean, tz: string): When {
  const at = new Date(ms).toISOString();
  return hasTime ? { hasTime: true, at, date: localDateOf(at, zoneOf(tz)) } : { hasTime: false, date: localDateOf(at, zoneOf(tz)) };
}

function addCommitment(m: Model, p: PlannedCommitment, now: Instant): void {
  const c: Commitment = { id: ++m.ids, contactId: 1, ...p, state: 'open', createdAt: now, closedAt: null, late: false };
  m.state.open.push(c);
}

const nextArb = fc.record({
  what: fc.constantFrom('demo', 'pricing review', 'touch base', 'review the proposal together'),
  // Mostly ahead, sometimes behind (an R2 refusal).
  offsetMin: fc.integer({ min: -3 * 24 * 60, max: 14 * 24 * 60 }),
  hasTime: fc.boolean(),
});

const stepArb = fc.record({
  op: fc.constantFrom('touch', 'touch', 'touch', 'touch', 'touch', 'reschedule'),
  advanceMin: fc.oneof(fc.integer({ min: 0, max: 10 * 24 * 60 }), fc.integer({ min: 0, max: 600 })),
  outcome: fc.constantFrom(...OUTCOMES, 'no-answer', 'no-answer', 'sent'),
  channel: fc.constantFrom(...CHANNELS),
  next: fc.option(nextArb, { freq: 3 }),
  soft: fc.boolean(),
  value: fc.option(fc.constant('useful article'), { freq: 5 }),
  force: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  proposal: fc.integer({ min: 0, max: 8 }).map((n) => n === 0),
  disposition: fc.option(fc.constantFrom(...DISPOSITIONS), { freq: 8 }),
  untilDays: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 2 }),
  promiseOffsetMin: fc.option(fc.integer({ min: -2 * 24 * 60, max: 7 * 24 * 60 }), { freq: 5 }),
});

const scenarioArb = fc.record({
  tz: fc.constantFrom('UTC', 'America/New_York'),
  limit: fc.constantFrom(2 as const, 3 as const),
  gap: fc.integer({ min: 1, max: 4 }),
  // Around the New York DST end (1 Nov 2026).
  startMs: fc.integer({ min: Date.parse('2026-10-20T00:00:00Z'), max: Date.parse('2026-11-05T00:00:00Z') }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 30 }),
});

describe('the rules hold over any sequence of touches', () => {
  it('keeps the sequence bounded, conversations booked, one open next step, and refusals side-effect free', () => {
    fc.assert(
      fc.property(scenarioArb, ({ tz, limit, gap, startMs, steps }) => {
        const config: Config = { ...DEFAULT_CONFIG, attemptsLimit: limit, attemptsGapDays: gap };
        const m: Model = { state: { id: 1, status: 'active', touches: [], open: [] }, exempt: new Set(), ids: 0 };
        let clock = startMs;

        for (const s of steps) {
          clock += s.advanceMin * MIN;
          const now = new Date(clock).toISOString();
          const next: NextStepInput | null = s.next && { what: s.next.what, when: whenAt(clock + s.next.offsetMin * MIN, s.next.hasTime, tz) };
          const before = structuredClone(m.state);

          if (s.op === 'reschedule') {
            if (!next) continue;
            const d = checkReschedule(m.state, next, s.soft, now, zoneOf(tz));
            if (!d.ok) {
              expect(m.state).toEqual(before);
              continue;
            }
            if (d.plan.move) {
              const { id, ...to } = d.plan.move;
              const c = m.state.open.find((x) => x.id === id)!;
              Object.assign(c, to);
            }
            if (d.plan.create) addCommitment(m, d.plan.create, now);
            m.state.status = d.plan.status;
          } else {
            const input: TouchInput = {
              at: now,
              channel: s.channel,
              outcome: s.outcome,
              note: null,
              next: s.disposition ? null : next, // the CLI refuses a disposition with --next
              soft: s.soft,
              promises: s.promiseOffsetMin === null ? [] : [{ what: 'send the answers', by: whenAt(clock + s.promiseOffsetMin * MIN, true, tz) }],
              expectations: [],
              disposition: s.disposition && { kind: s.disposition, reason: s.disposition === 'lost' ? 'timing' : null },
              value: s.value,
              until: s.outcome === 'auto-reply' && s.untilDays !== null ? addDays(localDateOf(now, zoneOf(tz)), s.untilDays) : null,
              proposal: s.proposal,
              force: s.force,
            };
            const statusBefore = m.state.status;
            const d = checkTouch(m.state, input, config, now, zoneOf(tz));

            if (!d.ok) {
              // (4) a refusal names a rule and changes nothing.
              expect(d.violation.rule).toMatch(/^R[1-7]$/);
              expect(m.state).toEqual(before);
              continue;
            }

            const id = ++m.ids;
            m.state.touches.push({ id, contactId: 1, ...d.plan.touch });
            if (statusBefore === 'won' || statusBefore === 'lost') m.exempt.add(id);
            for (const c of d.plan.close) {
              const i = m.state.open.findIndex((x) => x.id === c.id);
              expect(i, `closing ${c.id}, which is not open`).toBeGreaterThanOrEqual(0);
              m.state.open.splice(i, 1);
            }
            for (const p of d.plan.create) addCommitment(m, p, now);
            m.state.status = d.plan.status;

            // (2) a conversation leaves a future next step, or a disposition was given.
            if (input.outcome === 'connected' && (statusBefore === 'active' || statusBefore === 'nurture') && !input.disposition) {
              const ahead = m.state.open.filter(
                (c) => c.kind === 'next-step' && ('at' in c.due ? Date.parse(c.due.at) > clock : c.due.date >= localDateOf(now, zoneOf(tz))),
              );
              expect(ahead).toHaveLength(1);
            }
            // forced only when something was overridden
            expect(d.plan.touch.forced).toBe(d.plan.overridden.length > 0);
          }

          // (3) at most one open next step.
          expect(m.state.open.filter((c) => c.kind === 'next-step').length).toBeLessThanOrEqual(1);

          // (1) at most L unanswered attempts in the current sequence, unless one was forced, recorded on a
          // won/lost contact, or closed the contact out with a disposition (not a chase, so not limited).
          const sorted = chronological(m.state.touches);
          const lastTwoWay = sorted.findLastIndex((t) => isTwoWay(t));
          const run = sorted.slice(lastTwoWay + 1);
          const attempts = run.filter((t) => t.attempt).length;
          if (attempts > limit) expect(run.some((t) => t.forced || t.disposition !== null || m.exempt.has(t.id))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never refuses a chase by R5 on the day deriveState says it is due, and refuses it the day before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'America/New_York'),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 6 }), hour: fc.integer({ min: 0, max: 23 }), auto: fc.option(fc.integer({ min: 0, max: 12 })) }), {
          minLength: 1,
          maxLength: 2,
        }),
        (tz, gap, attempts) => {
          const config: Config = { ...DEFAULT_CONFIG, attemptsLimit: 3, attemptsGapDays: gap };
          let day = '2026-10-28';
          const touches: ContactState['touches'] = [];
          for (const [i, a] of attempts.entries()) {
            day = addDays(day, a.days);
            const at = instantAt(day, `${String(a.hour).padStart(2, '0')}:00`, zoneOf(tz));
            const base = {
              contactId: 1,
              channel: 'call' as const,
              note: null,
              value: null,
              proposal: false,
              forced: true,
              disposition: null,
              lostReason: null,
            };
            touches.push({ ...base, id: i * 2 + 1, at, outcome: 'no-answer', until: null, attempt: true });
            if (a.auto !== null) touches.push({ ...base, id: i * 2 + 2, at, outcome: 'auto-reply', until: addDays(day, a.auto), attempt: false });
          }
          const derived = deriveState('active', touches, null, config, zoneOf(tz), null);
          const due = derived.chaseDueOn;
          expect(due).not.toBeNull();
          const lastDay = localDateOf(sequenceOf(chronological(touches)).attempts.at(-1)!.at, zoneOf(tz));
          const state: ContactState = { id: 1, status: 'active', touches, open: [] };
          const tryOn = (date: string) => {
            const at = instantAt(date, '23:30', zoneOf(tz));
            return checkTouch(state, plainTouch(at, 'sent', { channel: 'email' }), config, at, zoneOf(tz));
          };
          expect(tryOn(due!).ok).toBe(true);
          const dayBefore = addDays(due!, -1);
          if (dayBefore >= lastDay) expect(tryOn(dayBefore)).toMatchObject({ ok: false, violation: { rule: 'R5' } });
        },
      ),
      { numRuns: 300 },
    );
  });
});
