import { describe, expect, it } from 'vitest';
import { makeTouch } from './fixtures.js';
import {
  checkMet,
  checkNextStep,
  checkPromise,
  checkReschedule,
  checkTouch,
  dueOf,
  plainTouch,
  vaguePhrase,
  type ContactState,
  type Decision,
  type RuleId,
  type RuleViolation,
  type TouchInput,
  type TouchPlan,
} from '../../src/domain/rules.js';
import { instantAt } from '../../src/domain/time.js';
import { DEFAULT_CONFIG, type Channel, type Commitment, type Config, type LocalDate, type Outcome, type Status, type Touch } from '../../src/domain/types.js';
import type { When } from '../../src/domain/when.js';
import { zoneOf } from '../../src/domain/zone.js';

// 2026: Mon 23 Nov, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29, Mon 30.
// Fri 30 Oct, Sat 31 Oct, Sun 1 Nov (New York leaves DST), Mon 2 Nov.

/** Every day worked: these cases are about local days; the working days have their own (workdays.test.ts). */
const cfg = (limit: 2 | 3 = 3, gap = 3): Config => ({ ...DEFAULT_CONFIG, attemptsLimit: limit, attemptsGapDays: gap, workdays: 'mon-sun' });

/** Test helpers bound to a zone: local wall-clock strings in, instants out. */
function zone(tz: string) {
  const t = (local: string) => {
    const [d, hm] = local.split(' ');
    return instantAt(d!, hm ?? '12:00', zoneOf(tz));
  };
  const at = (local: string): When => ({ hasTime: true, at: t(local), date: local.split(' ')[0]! });
  const on = (date: LocalDate, partOfDay?: 'morning' | 'afternoon' | 'evening'): When =>
    partOfDay ? { hasTime: false, date, partOfDay } : { hasTime: false, date };
  const touch = (local: string, outcome: Outcome, channel: Channel = 'call', extra: Partial<Touch> = {}) => makeTouch(t(local), outcome, channel, extra);
  const input = (local: string, outcome: Outcome, extra: Partial<TouchInput> = {}): TouchInput => plainTouch(t(local), outcome, extra);
  const commitment = (id: number, when: When, extra: Partial<Commitment> = {}): Commitment => ({
    id,
    contactId: 1,
    kind: 'next-step',
    what: 'demo of the reporting module',
    due: dueOf(when),
    soft: !when.hasTime,
    state: 'open',
    createdAt: t('2026-10-01 09:00'),
    closedAt: null,
    late: false,
    ...extra,
  });
  const state = (status: Status, touches: Touch[] = [], open: Commitment[] = []): ContactState => ({ id: 1, status, touches, open });
  const next = (what: string, when: When) => ({ what, when });
  return { t, at, on, touch, input, commitment, state, next };
}

type Case = {
  name: string;
  state: ContactState;
  input: TouchInput;
  config?: Config;
  /** Defaults to the touch's own time: logged as it happens. */
  now?: string;
} & ({ refused: RuleId; reason?: RuleViolation['reason']; data?: object } | { plan: Partial<Record<keyof TouchPlan, unknown>> });

function verify(d: Decision<TouchPlan>, c: Case) {
  if ('refused' in c) {
    expect(d.ok, JSON.stringify(d)).toBe(false);
    if (d.ok) return;
    expect(d.violation.rule).toBe(c.refused);
    if (c.reason) expect(d.violation.reason).toBe(c.reason);
    if (c.data) expect(d.violation.data).toMatchObject(c.data);
  } else {
    expect(d.ok, JSON.stringify(d)).toBe(true);
    if (d.ok) expect(d.plan).toMatchObject(c.plan);
  }
}

describe.each(['UTC', 'America/New_York'])('rules in %s', (tz) => {
  const z = zone(tz);
  const { touch, input, state, commitment, at, on, next, t } = z;
  const run = (c: Case) => verify(checkTouch(c.state, c.input, c.config ?? cfg(), c.now ? t(c.now) : c.input.at, zoneOf(tz)), c);

  describe('R4 attempt limit and R5 spacing', () => {
    const cases: Case[] = [
      {
        name: 'allows the first unanswered call as attempt 1 of 3',
        state: state('active'),
        input: input('2026-11-23 17:00', 'no-answer'),
        plan: { attempt: { number: 1, limit: 3, breakUp: false }, status: 'active', overridden: [], warnings: [] },
      },
      {
        name: 'allows Thu 09:00 after Mon 17:00 with a 3-day gap (calendar days, not hours)',
        state: state('active', [touch('2026-11-23 17:00', 'no-answer')]),
        input: input('2026-11-26 09:00', 'voicemail'),
        plan: { attempt: { number: 2, limit: 3, breakUp: false }, touch: { forced: false } },
      },
      {
        name: 'refuses Wed after Mon with a 3-day gap and names the day it is due',
        state: state('active', [touch('2026-11-23 09:00', 'no-answer')]),
        input: input('2026-11-25 18:00', 'no-answer'),
        refused: 'R5',
        reason: 'too-soon',
        data: { last: '2026-11-23', gapDays: 3, due: '2026-11-26' },
      },
      {
        name: 'refuses a second attempt on the same day',
        state: state('active', [touch('2026-11-23 09:00', 'sent', 'email')]),
        input: input('2026-11-23 16:00', 'no-answer'),
        refused: 'R5',
      },
      {
        name: 'allows Mon 2 Nov 09:00 after Fri 30 Oct 17:00 across the DST change',
        state: state('active', [touch('2026-10-30 17:00', 'no-answer')]),
        input: input('2026-11-02 09:00', 'no-answer'),
        plan: { attempt: { number: 2 } },
      },
      {
        name: 'refuses Sat 31 Oct after Fri 30 Oct 17:00',
        state: state('active', [touch('2026-10-30 17:00', 'no-answer')]),
        input: input('2026-10-31 09:00', 'no-answer'),
        refused: 'R5',
        reason: 'too-soon',
        data: { due: '2026-11-02' },
      },
      {
        name: 'refuses Sun 1 Nov (the DST end) after Fri 30 Oct 17:00',
        state: state('active', [touch('2026-10-30 17:00', 'no-answer')]),
        input: input('2026-11-01 23:30', 'no-answer'),
        refused: 'R5',
      },
      {
        name: 'counts local days: Fri 22:00 then Mon 09:00 is 3 days even where UTC says Sat',
        state: state('active', [touch('2026-10-30 22:00', 'no-answer')]),
        input: input('2026-11-02 09:00', 'no-answer'),
        plan: { attempt: { number: 2 } },
      },
      {
        name: 'counts local days: Fri 18:00 then Sun 20:00 is 2 days even where UTC says Mon',
        state: state('active', [touch('2026-10-30 18:00', 'no-answer')]),
        input: input('2026-11-01 20:00', 'no-answer'),
        refused: 'R5',
      },
      {
        name: 'makes the third attempt the break-up when the limit is 3 and moves the contact to nurture',
        state: state('active', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'sent', 'email')]),
        input: input('2026-11-23 10:00', 'voicemail'),
        plan: { attempt: { number: 3, limit: 3, breakUp: true }, status: 'nurture' },
      },
      {
        name: 'refuses a fourth unanswered call when the limit is 3',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'sent', 'email'), touch('2026-11-23 10:00', 'voicemail')]),
        input: input('2026-11-30 10:00', 'no-answer'),
        refused: 'R4',
        reason: 'attempt-limit',
        data: { count: 3, limit: 3 },
      },
      {
        name: 'makes the second attempt the break-up when the limit is 2',
        config: cfg(2),
        state: state('active', [touch('2026-11-16 10:00', 'no-answer')]),
        input: input('2026-11-23 10:00', 'sent', { channel: 'email' }),
        plan: { attempt: { number: 2, limit: 2, breakUp: true }, status: 'nurture' },
      },
      {
        name: 'refuses a third unanswered attempt when the limit is 2',
        config: cfg(2),
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer')]),
        input: input('2026-11-30 10:00', 'sent', { channel: 'email' }),
        refused: 'R4',
      },
      {
        name: 'makes the next attempt the break-up on an active contact already at L attempts (a lowered limit)',
        config: cfg(2),
        state: state('active', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer')]),
        input: input('2026-11-30 10:00', 'no-answer'),
        plan: { status: 'nurture', attempt: { number: 3, limit: 2, breakUp: true }, overridden: [] },
      },
      {
        name: 'records a fourth call with --force, marked as overriding R4',
        state: state('nurture', [
          touch('2026-11-16 10:00', 'no-answer'),
          touch('2026-11-19 10:00', 'no-answer', 'email'),
          touch('2026-11-23 10:00', 'no-answer'),
        ]),
        input: input('2026-11-30 10:00', 'no-answer', { force: true }),
        plan: { overridden: ['R4'], touch: { forced: true }, attempt: { number: 4, limit: 3, breakUp: false }, status: 'nurture' },
      },
      {
        name: 'records a call one day after the last with --force, marked as overriding R5',
        state: state('active', [touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'no-answer', { force: true }),
        plan: { overridden: ['R5'], touch: { forced: true }, attempt: { number: 2 } },
      },
      {
        name: 'records --force as not forced when it overrode nothing',
        state: state('active'),
        input: input('2026-11-24 10:00', 'no-answer', { force: true }),
        plan: { overridden: [], touch: { forced: false } },
      },
      {
        name: 'overrides both R4 and R5 with one --force',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'no-answer', { force: true }),
        plan: { overridden: ['R4', 'R5'], touch: { forced: true } },
      },
      {
        name: 'reports R4 before R5 when both fail',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'no-answer'),
        refused: 'R4',
      },
      {
        name: 'starts a new sequence after a reply: the next no-answer is attempt 1, unspaced',
        state: state('active', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 09:00', 'replied', 'email')]),
        input: input('2026-11-23 10:00', 'no-answer'),
        plan: { attempt: { number: 1, breakUp: false } },
      },
      {
        name: 'makes a nurture contact active again on a reply',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-12-20 10:00', 'replied', { channel: 'email' }),
        plan: { status: 'active', attempt: null },
      },
      {
        name: 'makes a nurture contact active again on a conversation with a next step',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer')]),
        input: input('2026-12-20 10:00', 'connected', { next: next('pricing review', at('2026-12-22 15:00')) }),
        plan: { status: 'active' },
      },
      {
        name: 'refuses a chase without --value to a nurture contact (R6 via R4)',
        state: state('nurture', [touch('2026-09-01 10:00', 'connected', 'meeting', { disposition: 'not-fit' })]),
        input: input('2026-11-23 10:00', 'sent', { channel: 'email' }),
        refused: 'R4',
        reason: 'nurture',
      },
      {
        name: 'allows a value touch to a nurture contact: no attempt, status unchanged',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', value: 'benchmark report for their sector' }),
        plan: { attempt: null, status: 'nurture', overridden: [], touch: { value: 'benchmark report for their sector', forced: false } },
      },
      {
        name: 'does not space value touches (a value email the day after a call)',
        state: state('active', [touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', value: 'case study' }),
        plan: { attempt: null },
      },
      {
        name: 'does not count value touches toward the limit',
        state: state('active', [
          touch('2026-11-16 10:00', 'no-answer'),
          touch('2026-11-17 10:00', 'sent', 'email', { value: 'case study' }),
          touch('2026-11-18 10:00', 'voicemail', 'call', { value: 'left the webinar link' }),
        ]),
        input: input('2026-11-19 10:00', 'no-answer', { channel: 'linkedin' }),
        plan: { attempt: { number: 2, breakUp: false } },
      },
      {
        name: 'spaces from the last attempt, not from a value touch in between',
        state: state('active', [touch('2026-11-23 10:00', 'no-answer'), touch('2026-11-25 09:00', 'sent', 'email', { value: 'case study' })]),
        input: input('2026-11-25 10:00', 'no-answer'),
        refused: 'R5',
      },
      {
        name: 'records an auto-reply with its until date as no attempt, status unchanged',
        state: state('active', [touch('2026-11-23 10:00', 'sent', 'email')]),
        input: input('2026-11-23 10:05', 'auto-reply', { channel: 'email', until: '2026-12-01' }),
        plan: { attempt: null, status: 'active', touch: { until: '2026-12-01', outcome: 'auto-reply' } },
      },
      {
        name: 'refuses a chase while they are away until a later date',
        state: state('active', [touch('2026-11-16 10:00', 'sent', 'email'), touch('2026-11-16 10:05', 'auto-reply', 'email', { until: '2026-11-27' })]),
        input: input('2026-11-26 10:00', 'no-answer'),
        refused: 'R5',
        reason: 'away',
        data: { until: '2026-11-27' },
      },
      {
        name: 'allows the chase on the day they are back',
        state: state('active', [touch('2026-11-16 10:00', 'sent', 'email'), touch('2026-11-16 10:05', 'auto-reply', 'email', { until: '2026-11-27' })]),
        input: input('2026-11-27 09:00', 'no-answer'),
        plan: { attempt: { number: 2 } },
      },
      {
        name: 'overrides the away date with --force as R5',
        state: state('active', [touch('2026-11-16 10:00', 'sent', 'email'), touch('2026-11-16 10:05', 'auto-reply', 'email', { until: '2026-11-27' })]),
        input: input('2026-11-26 10:00', 'no-answer', { force: true }),
        plan: { overridden: ['R5'], touch: { forced: true } },
      },
      {
        name: 'does not reset the count on an auto-reply',
        state: state('active', [
          touch('2026-11-16 10:00', 'no-answer'),
          touch('2026-11-19 10:00', 'sent', 'email'),
          touch('2026-11-19 10:01', 'auto-reply', 'email'),
        ]),
        input: input('2026-11-23 10:00', 'no-answer'),
        plan: { attempt: { number: 3, breakUp: true }, status: 'nurture' },
      },
      {
        name: 'hints at another channel after two unanswered calls in a row',
        state: state('active', [touch('2026-11-23 10:00', 'voicemail')]),
        input: input('2026-11-26 10:00', 'voicemail'),
        plan: { warnings: [{ rule: 'R5', message: expect.stringMatching(/another channel.*mutual introduction/) }] },
      },
      {
        name: 'gives no channel hint when the channel changed',
        state: state('active', [touch('2026-11-23 10:00', 'voicemail')]),
        input: input('2026-11-26 10:00', 'sent', { channel: 'email' }),
        plan: { warnings: [] },
      },
      {
        name: 'gives no channel hint on the break-up (there is no further chase)',
        config: cfg(2),
        state: state('active', [touch('2026-11-23 10:00', 'voicemail')]),
        input: input('2026-11-26 10:00', 'voicemail'),
        plan: { warnings: [], attempt: { breakUp: true } },
      },
      {
        name: 'judges a backfilled attempt only against the touches before it',
        state: state('active', [touch('2026-11-23 10:00', 'no-answer'), touch('2026-11-26 10:00', 'no-answer')]),
        input: input('2026-11-19 10:00', 'no-answer'),
        now: '2026-11-27 10:00',
        plan: { attempt: { number: 1 } },
      },
    ];
    it.each(cases)('$name', run);
  });

  describe('R1 next step after a conversation', () => {
    const cases: Case[] = [
      {
        name: 'refuses a conversation with no next step and says what to ask for',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected'),
        refused: 'R1',
        reason: 'no-next-step',
        data: { metAt: null },
      },
      {
        name: 'accepts a conversation with a new timed next step',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { next: next('demo for the finance team', at('2026-11-26 15:00')) }),
        plan: {
          create: [{ kind: 'next-step', what: 'demo for the finance team', due: { at: t('2026-11-26 15:00') }, soft: false }],
          close: [],
          status: 'active',
        },
      },
      {
        name: 'accepts a conversation when an open next step ahead stays open',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00'))]),
        input: input('2026-11-24 10:00', 'connected'),
        plan: { close: [], create: [] },
      },
      {
        name: 'refuses when the only open next step is the one this conversation kept',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 15:05', 'connected', { channel: 'meeting' }),
        now: '2026-11-24 16:00',
        refused: 'R1',
      },
      {
        name: 'refuses when the open next step is already past (missed)',
        state: state('active', [], [commitment(7, at('2026-11-23 15:00'))]),
        input: input('2026-11-24 10:00', 'connected'),
        refused: 'R1',
      },
      {
        name: 'accepts a conversation when the open soft step is for today or later',
        state: state('active', [], [commitment(7, on('2026-11-25'))]),
        input: input('2026-11-24 10:00', 'connected'),
        plan: { close: [] },
      },
      {
        name: 'does not require a next step after a written reply',
        state: state('active'),
        input: input('2026-11-24 10:00', 'replied', { channel: 'email' }),
        plan: { create: [], status: 'active' },
      },
      {
        name: 'accepts a conversation ending in --won',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'won', reason: null } }),
        plan: { status: 'won', touch: { disposition: 'won', lostReason: null } },
      },
      {
        name: 'accepts a conversation ending in --lost and records the reason',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'lost', reason: 'went with a competitor' } }),
        plan: { status: 'lost', touch: { disposition: 'lost', lostReason: 'went with a competitor' } },
      },
      {
        name: 'accepts a conversation ending in --nurture',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'nurture', reason: null } }),
        plan: { status: 'nurture' },
      },
      {
        name: 'accepts a conversation ending in --not-fit, into nurture',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'not-fit', reason: null } }),
        plan: { status: 'nurture', touch: { disposition: 'not-fit' } },
      },
      {
        name: 'is not overridden by --force',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { force: true }),
        refused: 'R1',
      },
    ];
    it.each(cases)('$name', run);
  });

  describe('R2 firm, not soft', () => {
    const now = '2026-11-23 12:00'; // Mon 23 Nov
    const cases: Case[] = [
      {
        name: 'refuses a next step with a date but no time and asks for one',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', on('2026-11-24')) }),
        refused: 'R2',
        reason: 'step-without-time',
        data: { date: '2026-11-24', partOfDay: null },
      },
      ...([['morning'], ['afternoon'], ['evening']] as const).map(
        ([part]): Case => ({
          name: `refuses a date-only step in the ${part}, keeping the part of the day for the suggested times`,
          state: state('active'),
          input: input(now, 'connected', { next: next('pricing call', on('2026-11-24', part)) }),
          refused: 'R2',
          reason: 'step-without-time',
          data: { date: '2026-11-24', partOfDay: part },
        }),
      ),
      {
        name: 'accepts a date-only next step with --soft, flagged soft',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', on('2026-11-24')), soft: true }),
        plan: { create: [{ kind: 'next-step', due: { date: '2026-11-24' }, soft: true }] },
      },
      {
        name: 'accepts a soft next step for today',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', on('2026-11-23')), soft: true }),
        plan: { create: [{ due: { date: '2026-11-23' }, soft: true }] },
      },
      {
        name: 'never allows a past date with --soft',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', on('2026-11-20')), soft: true }),
        refused: 'R2',
        reason: 'step-in-past',
        data: { due: { date: '2026-11-20' } },
      },
      {
        name: 'refuses a timed next step in the past and names the resolved date',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', at('2026-11-23 09:00')) }),
        refused: 'R2',
        reason: 'step-in-past',
        data: { due: { at: t('2026-11-23 09:00') } },
      },
      {
        name: 'refuses a next step due exactly now',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', at(now)) }),
        refused: 'R2',
      },
      {
        name: 'treats --soft with a time of day as a firm step',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', at('2026-11-24 15:00')), soft: true }),
        plan: { create: [{ soft: false, due: { at: t('2026-11-24 15:00') } }] },
      },
      {
        name: 'checks the dates before R1 (a past step is R2, not R1)',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', at('2026-11-20 09:00')) }),
        refused: 'R2',
      },
      {
        name: 'is not overridden by --force',
        state: state('active'),
        input: input(now, 'connected', { next: next('pricing call', on('2026-11-24')), force: true }),
        refused: 'R2',
      },
      {
        name: 'checks the dates on a won contact too',
        state: state('won'),
        input: input(now, 'connected', { next: next('kickoff', at('2026-11-20 09:00')) }),
        refused: 'R2',
      },
      {
        name: 'accepts a promise by a date later today, due at day end',
        state: state('active'),
        input: input(now, 'replied', { promises: [{ what: 'send the answers', by: on('2026-11-23') }] }),
        plan: { create: [{ kind: 'promise', what: 'send the answers', due: { date: '2026-11-23' }, soft: false }] },
      },
      {
        name: 'refuses a promise by today once day end has passed',
        state: state('active'),
        input: input('2026-11-23 18:00', 'replied', { promises: [{ what: 'send the answers', by: on('2026-11-23') }] }),
        now: '2026-11-23 18:00',
        refused: 'R2',
        reason: 'promise-in-past',
        data: { what: 'send the answers', due: { date: '2026-11-23' } },
      },
      {
        name: 'refuses a timed promise in the past',
        state: state('active'),
        input: input(now, 'replied', { promises: [{ what: 'send the answers', by: at('2026-11-23 11:00') }] }),
        refused: 'R2',
      },
      {
        name: 'refuses the second of two promises when it is past',
        state: state('active'),
        input: input(now, 'replied', {
          promises: [
            { what: 'send the deck', by: at('2026-11-24 11:00') },
            { what: 'send the answers', by: on('2026-11-22') },
          ],
        }),
        refused: 'R2',
        reason: 'promise-in-past',
        data: { what: 'send the answers' },
      },
      {
        name: 'warns about vague wording without refusing',
        state: state('active'),
        input: input(now, 'connected', { next: next('touch base about the pilot', at('2026-11-24 15:00')) }),
        plan: { warnings: [{ rule: 'R2', message: expect.stringContaining('"touch base"') }], create: [{ what: 'touch base about the pilot' }] },
      },
    ];
    it.each(cases)('$name', (c) => run({ ...c, now: c.now ?? now }));
  });

  describe('R3 keeping', () => {
    const cases: Case[] = [
      {
        name: 'keeps the open next step on a reply that day, even before the appointment',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 09:00', 'replied', { channel: 'email' }),
        plan: { close: [{ id: 7, state: 'kept' }] },
      },
      {
        name: 'keeps by the local day: an appointment at 23:00 and a reply at 08:00',
        state: state('active', [], [commitment(7, at('2026-11-24 23:00'))]),
        input: input('2026-11-24 08:00', 'replied', { channel: 'email' }),
        plan: { close: [{ id: 7, state: 'kept' }] },
      },
      {
        name: 'keeps a soft next step on its date',
        state: state('active', [], [commitment(7, on('2026-11-24'))]),
        input: input('2026-11-24 11:00', 'connected', { next: next('contract review', at('2026-11-30 10:00')) }),
        plan: { close: [{ id: 7, state: 'kept' }], create: [{ kind: 'next-step' }] },
      },
      {
        name: 'keeps nothing with a no-answer at the appointment time',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 15:00', 'no-answer'),
        plan: { close: [], attempt: { number: 1 } },
      },
      {
        name: 'keeps nothing with a conversation on another day',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00'))]),
        input: input('2026-11-24 10:00', 'connected'),
        plan: { close: [] },
      },
      {
        name: 'replaces the open next step with a new one',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00'))]),
        input: input('2026-11-24 10:00', 'connected', { next: next('demo with the CFO', at('2026-11-30 10:00')) }),
        plan: { close: [{ id: 7, state: 'replaced' }], create: [{ kind: 'next-step', what: 'demo with the CFO' }] },
      },
      {
        name: 'closes the kept step as kept, not replaced, when a new one is set',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 15:10', 'connected', { channel: 'meeting', next: next('contract review', at('2026-11-30 10:00')) }),
        now: '2026-11-24 16:00',
        plan: { close: [{ id: 7, state: 'kept' }] },
      },
      {
        name: 'misses the booked step at once when they do not turn up (no-show)',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 15:20', 'no-show', { channel: 'meeting' }),
        plan: { close: [{ id: 7, state: 'missed' }], attempt: null },
      },
      {
        name: 'refuses a no-show when no step was booked to miss',
        state: state('active'),
        input: input('2026-11-24 15:20', 'no-show', { channel: 'meeting' }),
        refused: 'R3',
        reason: 'no-show-without-step',
      },
      {
        name: 'an email sent before a firm step still ahead is no attempt: nothing is being chased',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 09:00', 'sent', { channel: 'email' }),
        plan: { attempt: null, touch: { attempt: false }, close: [] },
      },
      {
        name: 'closing out a chased contact is not a chase: R4 and R5 do not apply',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'no-answer', { disposition: { kind: 'lost', reason: 'no response' } }),
        plan: { status: 'lost', attempt: null, overridden: [] },
      },
    ];
    it.each(cases)('$name', run);
  });

  describe('R7 proposal', () => {
    const cases: Case[] = [
      {
        name: 'refuses a proposal without a review booked',
        state: state('active'),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true }),
        refused: 'R7',
        reason: 'proposal-without-review',
      },
      {
        name: 'accepts a proposal with a new timed review',
        state: state('active'),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true, next: next('review the proposal together', at('2026-11-26 10:00')) }),
        plan: { touch: { proposal: true }, create: [{ kind: 'next-step', soft: false }] },
      },
      {
        name: 'accepts a proposal with an open firm step ahead',
        state: state('active', [], [commitment(7, at('2026-11-26 10:00'))]),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true }),
        plan: { touch: { proposal: true } },
      },
      {
        name: 'refuses a proposal when the only step ahead is soft',
        state: state('active', [], [commitment(7, on('2026-11-26'))]),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true }),
        refused: 'R7',
      },
      {
        name: 'refuses a proposal with a new soft step',
        state: state('active'),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true, next: next('review', on('2026-11-26')), soft: true }),
        refused: 'R7',
      },
      {
        name: 'refuses a proposal handed over in a meeting that kept the only step',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 15:30', 'connected', { channel: 'meeting', proposal: true, disposition: { kind: 'won', reason: null } }),
        now: '2026-11-24 16:00',
        refused: 'R7',
      },
      {
        name: 'reports R1 before R7',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { proposal: true }),
        refused: 'R1',
      },
      {
        name: 'reports R7 before R4',
        state: state('nurture', [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-22 10:00', 'no-answer')]),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true }),
        refused: 'R7',
      },
      {
        name: 'is not overridden by --force',
        state: state('active'),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true, force: true }),
        refused: 'R7',
      },
    ];
    it.each(cases)('$name', run);
  });

  describe('dispositions', () => {
    const promise = commitment(8, at('2026-11-25 17:00'), { kind: 'promise', what: 'send the answers', soft: false });
    const cases: Case[] = [
      {
        name: 'lost cancels every open commitment',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00')), promise]),
        input: input('2026-11-24 10:00', 'replied', { channel: 'email', disposition: { kind: 'lost', reason: 'no budget' } }),
        plan: {
          status: 'lost',
          close: [
            { id: 7, state: 'cancelled' },
            { id: 8, state: 'cancelled' },
          ],
          touch: { lostReason: 'no budget' },
        },
      },
      {
        name: 'nurture cancels the open next step but keeps the promises',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00')), promise]),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'nurture', reason: null } }),
        plan: { status: 'nurture', close: [{ id: 7, state: 'cancelled' }] },
      },
      {
        name: 'not-fit cancels the open next step and moves to nurture',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00'))]),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'not-fit', reason: null } }),
        plan: { status: 'nurture', close: [{ id: 7, state: 'cancelled' }] },
      },
      {
        name: 'won leaves the open next step open',
        state: state('active', [], [commitment(7, at('2026-11-27 15:00'))]),
        input: input('2026-11-24 10:00', 'connected', { disposition: { kind: 'won', reason: null } }),
        plan: { status: 'won', close: [] },
      },
      {
        name: 'a step kept on the day of a loss is kept, not cancelled',
        state: state('active', [], [commitment(7, at('2026-11-24 15:00'))]),
        input: input('2026-11-24 15:30', 'connected', { disposition: { kind: 'lost', reason: 'timing' } }),
        now: '2026-11-24 16:00',
        plan: { close: [{ id: 7, state: 'kept' }] },
      },
    ];
    it.each(cases)('$name', run);
  });

  describe('won and lost contacts', () => {
    const many = [
      touch('2026-11-16 10:00', 'no-answer'),
      touch('2026-11-17 10:00', 'no-answer'),
      touch('2026-11-18 10:00', 'no-answer'),
      touch('2026-11-19 10:00', 'no-answer'),
    ];
    const cases: Case[] = [
      {
        name: 'records a fifth no-answer on a lost contact the next day, without rules',
        state: state('lost', many),
        input: input('2026-11-20 10:00', 'no-answer'),
        plan: { status: 'lost', attempt: null, overridden: [], touch: { forced: false } },
      },
      {
        name: 'records a conversation without a next step on a won contact',
        state: state('won'),
        input: input('2026-11-24 10:00', 'connected'),
        plan: { status: 'won', create: [] },
      },
      {
        name: 'records a proposal on a won contact without a review',
        state: state('won'),
        input: input('2026-11-24 10:00', 'sent', { channel: 'email', proposal: true }),
        plan: { status: 'won' },
      },
      {
        name: 'reopens a lost contact as active with --next',
        state: state('lost', many),
        input: input('2026-11-24 10:00', 'replied', { channel: 'email', next: next('new budget call', at('2026-11-30 10:00')) }),
        plan: { status: 'active', create: [{ kind: 'next-step', what: 'new budget call' }] },
      },
      {
        name: 'keeps a won contact won with a next step (its onboarding)',
        state: state('won'),
        input: input('2026-11-24 10:00', 'connected', { next: next('upsell: second team', at('2026-11-30 10:00')) }),
        plan: { status: 'won' },
      },
      {
        name: 'books the kickoff with the win itself',
        state: state('active'),
        input: input('2026-11-24 10:00', 'connected', { next: next('kickoff', at('2026-11-30 09:30')), disposition: { kind: 'won', reason: null } }),
        plan: { status: 'won', create: [{ kind: 'next-step', what: 'kickoff' }] },
      },
      {
        name: "still keeps a won contact's kickoff on the day",
        state: state('won', [], [commitment(7, at('2026-11-24 10:00'))]),
        input: input('2026-11-24 10:30', 'connected', { channel: 'meeting' }),
        plan: { status: 'won', close: [{ id: 7, state: 'kept' }] },
      },
    ];
    it.each(cases)('$name', run);
  });

  describe('--met', () => {
    const now = t('2026-11-24 18:00');
    it('books the meeting met at an event: a connected meeting touch noted "Met at EVENT"', () => {
      const d = checkMet(
        { at: now, event: 'SaaStr Europe', next: next('demo', at('2026-11-26 10:00')), soft: false, disposition: null },
        cfg(),
        now,
        zoneOf(tz),
      );
      expect(d).toMatchObject({
        ok: true,
        plan: {
          touch: { channel: 'meeting', outcome: 'connected', note: 'Met at SaaStr Europe', forced: false },
          create: [{ kind: 'next-step', what: 'demo' }],
          status: 'active',
          close: [],
        },
      });
    });
    it('refuses a contact met at an event with no next step (R1)', () => {
      const d = checkMet({ at: now, event: 'SaaStr Europe', next: null, soft: false, disposition: null }, cfg(), now, zoneOf(tz));
      expect(d).toMatchObject({ ok: false, violation: { rule: 'R1', reason: 'no-next-step', data: { metAt: 'SaaStr Europe' } } });
    });
    it('accepts a disposition instead of a next step', () => {
      const d = checkMet({ at: now, event: 'SaaStr', next: null, soft: false, disposition: { kind: 'not-fit', reason: null } }, cfg(), now, zoneOf(tz));
      expect(d).toMatchObject({ ok: true, plan: { status: 'nurture', touch: { disposition: 'not-fit' } } });
    });
    it('refuses a date-only next step without --soft (R2)', () => {
      const d = checkMet({ at: now, event: 'SaaStr', next: next('demo', on('2026-11-26')), soft: false, disposition: null }, cfg(), now, zoneOf(tz));
      expect(d).toMatchObject({ ok: false, violation: { rule: 'R2' } });
    });
  });

  describe('fu next (reschedule)', () => {
    const now = t('2026-11-24 10:00');
    const step = next('demo with the CFO', at('2026-11-30 10:00'));
    it('moves the open next step to the new date', () => {
      const d = checkReschedule(state('active', [], [commitment(7, at('2026-11-26 15:00'))]), step, false, now, zoneOf(tz));
      expect(d).toEqual({
        ok: true,
        plan: {
          move: { id: 7, kind: 'next-step', what: 'demo with the CFO', due: { at: t('2026-11-30 10:00') }, soft: false },
          create: null,
          status: 'active',
          warnings: [],
        },
      });
    });
    it('creates a next step when none is open', () => {
      const d = checkReschedule(state('active'), step, false, now, zoneOf(tz));
      expect(d).toMatchObject({ ok: true, plan: { move: null, create: { kind: 'next-step', what: 'demo with the CFO' } } });
    });
    it.each(['lost', 'nurture'] as const)('makes a %s contact active', (status) => {
      const d = checkReschedule(state(status), step, false, now, zoneOf(tz));
      expect(d).toMatchObject({ ok: true, plan: { status: 'active' } });
    });
    it('keeps a won contact won', () => {
      expect(checkReschedule(state('won'), step, false, now, zoneOf(tz))).toMatchObject({ ok: true, plan: { status: 'won' } });
    });
    it('refuses a date-only step without --soft and accepts it with --soft', () => {
      expect(checkReschedule(state('active'), next('demo', on('2026-11-30')), false, now, zoneOf(tz))).toMatchObject({ ok: false, violation: { rule: 'R2' } });
      expect(checkReschedule(state('active'), next('demo', on('2026-11-30')), true, now, zoneOf(tz))).toMatchObject({
        ok: true,
        plan: { create: { due: { date: '2026-11-30' }, soft: true } },
      });
    });
    it('refuses a past date (R2)', () => {
      expect(checkReschedule(state('active'), next('demo', at('2026-11-24 09:59')), false, now, zoneOf(tz))).toMatchObject({
        ok: false,
        violation: { rule: 'R2' },
      });
    });
    it('warns about vague wording', () => {
      const d = checkReschedule(state('active'), next('circle back on pricing', at('2026-11-30 10:00')), false, now, zoneOf(tz));
      expect(d).toMatchObject({ ok: true, plan: { warnings: [{ rule: 'R2' }] } });
    });
  });

  describe('checkNextStep and checkPromise', () => {
    const now = t('2026-11-23 12:00');
    it('accepts a timed step one minute ahead', () => {
      expect(checkNextStep(next('call', at('2026-11-23 12:01')), false, now, zoneOf(tz))).toBeNull();
    });
    it('refuses a past date in another year, even as a soft step', () => {
      expect(checkNextStep(next('call', on('2025-11-20')), true, now, zoneOf(tz))).toEqual({
        rule: 'R2',
        reason: 'step-in-past',
        data: { due: { date: '2025-11-20' } },
      });
    });
    it('accepts a promise due exactly now', () => {
      expect(checkPromise({ what: 'send', by: at('2026-11-23 12:00') }, now, cfg(), zoneOf(tz))).toBeNull();
    });
    it('uses the configured day end for a date-only promise', () => {
      const late = { ...cfg(), dayEnd: '11:00' };
      expect(checkPromise({ what: 'send', by: on('2026-11-23') }, now, late, zoneOf(tz))?.rule).toBe('R2');
    });
  });
});

describe('vaguePhrase', () => {
  it.each([
    ['touch base next week', 'touch base'],
    ['Touching base on pricing', 'Touching base'],
    ['just CHECKING IN', 'CHECKING IN'],
    ['quick check-in', 'check-in'],
    ['circle back on the quote', 'circle back'],
    ['circling back', 'circling back'],
    ['we will be in touch', 'be in touch'],
    ["let's stay in touch", 'stay in touch'],
    ['get back to them about SSO', 'get back to'],
    ['reach out to legal', 'reach out'],
    ['reaching out again', 'reaching out'],
    ['she said call me in two weeks', 'call me in'],
    ['follow up on the demo', 'follow up'],
    ['follow-up call', 'follow-up'],
    ['following up', 'following up'],
    ['demo, then check in and follow up', 'check in'],
  ])('finds the vague phrase in %j', (text, phrase) => {
    expect(vaguePhrase(text)).toBe(phrase);
  });
  it.each(['demo of the reporting module for the finance team', 'check inventory numbers', 'review the proposal together', 'sign the contract'])(
    'finds nothing vague in %j',
    (text) => {
      expect(vaguePhrase(text)).toBeNull();
    },
  );
});

describe('dueOf', () => {
  it('is an instant when a time was given, else a date', () => {
    expect(dueOf({ hasTime: true, at: '2026-11-24T15:00:00.000Z', date: '2026-11-24' })).toEqual({ at: '2026-11-24T15:00:00.000Z' });
    expect(dueOf({ hasTime: false, date: '2026-11-24', partOfDay: 'morning' })).toEqual({ date: '2026-11-24' });
  });
});

describe('purity', () => {
  it('does not change the state it is given', () => {
    const z = zone('UTC');
    const s = z.state('active', [z.touch('2026-11-23 10:00', 'no-answer')], [z.commitment(7, z.at('2026-11-27 15:00'))]);
    const before = structuredClone(s);
    checkTouch(s, z.input('2026-11-26 10:00', 'connected', { next: z.next('demo', z.at('2026-11-30 10:00')) }), cfg(), z.t('2026-11-26 10:00'), zoneOf('UTC'));
    expect(s).toEqual(before);
  });
});
