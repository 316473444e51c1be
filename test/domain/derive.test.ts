import { describe, expect, it } from 'vitest';
import { makeTouch, noHistory } from './fixtures.js';
import { deriveState, directionOf, isTwoWay, isOutboundChase } from '../../src/domain/derive.js';
import { instantAt } from '../../src/domain/time.js';
import {
  DEFAULT_CONFIG,
  type Channel,
  type Commitment,
  type Config,
  type DerivedState,
  type Outcome,
  type Status,
  type Touch,
} from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';

/** Every day worked: these cases are about local days; the working days have their own (workdays.test.ts). */
const cfg: Config = { ...DEFAULT_CONFIG, attemptsLimit: 3, attemptsGapDays: 3, nurtureEveryDays: 30, nurtureNotFitDays: 90, workdays: 'mon-sun' };

describe('directions', () => {
  it.each([
    ['connected', 'two-way', true],
    ['replied', 'inbound', true],
    ['auto-reply', 'inbound', false],
    ['no-answer', 'outbound', false],
    ['voicemail', 'outbound', false],
    ['sent', 'outbound', false],
  ] as const)('%s is %s, two-way: %s', (outcome, direction, twoWay) => {
    expect(directionOf(outcome)).toBe(direction);
    expect(isTwoWay({ outcome })).toBe(twoWay);
  });

  it.each([
    ['no-answer', null, true],
    ['voicemail', null, true],
    ['sent', null, true],
    ['sent', 'case study', false],
    ['voicemail', 'webinar link', false],
    ['connected', null, false],
    ['replied', null, false],
    ['auto-reply', null, false],
  ] as const)('%s with value %j is an outbound chase: %s', (outcome, value, attempt) => {
    expect(isOutboundChase({ outcome, value })).toBe(attempt);
  });
});

describe.each(['UTC', 'America/New_York'])('deriveState in %s', (tz) => {
  const t = (local: string) => instantAt(local.slice(0, 10), local.slice(11) || '12:00', zoneOf(tz));
  const touch = (local: string, outcome: Outcome, channel: Channel = 'call', extra: Partial<Touch> = {}) => makeTouch(t(local), outcome, channel, extra);
  const step: Commitment = {
    id: 1,
    contactId: 1,
    kind: 'next-step',
    what: 'demo',
    due: { at: t('2026-12-01 10:00') },
    soft: false,
    state: 'open',
    createdAt: t('2026-11-01 10:00'),
    closedAt: null,
    late: false,
  };

  const cases: { name: string; status: Status; touches: Touch[]; open?: Commitment; expected: Partial<DerivedState> }[] = [
    {
      name: 'is empty for a contact never contacted',
      status: 'active',
      touches: [],
      expected: noHistory,
    },
    {
      name: 'dues the chase gapDays local days after the last attempt',
      status: 'active',
      touches: [touch('2026-11-23 17:00', 'no-answer')],
      expected: { unanswered: 1, lastAttemptAt: t('2026-11-23 17:00'), lastAttemptChannel: 'call', sameChannelRun: 1, chaseDueOn: '2026-11-26' },
    },
    {
      name: 'dues the chase by local day across the DST end (Fri 22:00 -> Mon)',
      status: 'active',
      touches: [touch('2026-10-30 22:00', 'no-answer')],
      expected: { chaseDueOn: '2026-11-02' },
    },
    {
      name: "pushes the chase to an auto-reply's later until date",
      status: 'active',
      touches: [touch('2026-11-23 10:00', 'sent', 'email'), touch('2026-11-23 10:01', 'auto-reply', 'email', { until: '2026-11-30' })],
      expected: { chaseDueOn: '2026-11-30', unanswered: 1, lastTouchAt: t('2026-11-23 10:01') },
    },
    {
      name: 'keeps the usual chase day when the until date is earlier',
      status: 'active',
      touches: [touch('2026-11-23 10:00', 'sent', 'email'), touch('2026-11-23 10:01', 'auto-reply', 'email', { until: '2026-11-24' })],
      expected: { chaseDueOn: '2026-11-26' },
    },
    {
      name: 'has no chase while a next step is open',
      status: 'active',
      touches: [touch('2026-11-23 10:00', 'no-answer')],
      open: step,
      expected: { unanswered: 1, chaseDueOn: null },
    },
    {
      name: 'has the break-up still due on an active contact at the limit without one (a lowered limit)',
      status: 'active',
      touches: [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')],
      expected: { unanswered: 3, chaseDueOn: '2026-11-26', sameChannelRun: 3 },
    },
    {
      name: 'resets the sequence on a reply',
      status: 'active',
      touches: [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-20 10:00', 'replied', 'email')],
      expected: {
        unanswered: 0,
        lastAttemptAt: null,
        lastAttemptChannel: null,
        sameChannelRun: 0,
        chaseDueOn: null,
        lastTwoWayAt: t('2026-11-20 10:00'),
      },
    },
    {
      name: 'counts the same-channel run of the latest attempts',
      status: 'active',
      touches: [touch('2026-11-10 10:00', 'no-answer'), touch('2026-11-13 10:00', 'sent', 'email'), touch('2026-11-16 10:00', 'sent', 'email')],
      expected: { unanswered: 3, sameChannelRun: 2, lastAttemptChannel: 'email' },
    },
    {
      name: 'does not break the channel run with a value touch',
      status: 'active',
      touches: [
        touch('2026-11-10 10:00', 'voicemail'),
        touch('2026-11-11 10:00', 'sent', 'email', { value: 'case study' }),
        touch('2026-11-13 10:00', 'voicemail'),
      ],
      expected: { unanswered: 2, sameChannelRun: 2, valueUnanswered: 1, chaseDueOn: '2026-11-16' },
    },
    {
      name: 'counts value touches since the last two-way touch',
      status: 'nurture',
      touches: [
        touch('2026-08-01 10:00', 'sent', 'email', { value: 'report' }),
        touch('2026-08-10 10:00', 'replied', 'email'),
        touch('2026-09-10 10:00', 'sent', 'email', { value: 'webinar' }),
        touch('2026-10-10 10:00', 'sent', 'email', { value: 'case study' }),
      ],
      expected: { valueUnanswered: 2, unanswered: 0, nurtureDueOn: '2026-11-09' },
    },
    {
      name: 'dues a nurture touch nurtureEveryDays after the last touch',
      status: 'nurture',
      touches: [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer'), touch('2026-11-23 10:00', 'no-answer')],
      expected: { nurtureDueOn: '2026-12-23', chaseDueOn: null },
    },
    {
      name: 'restarts the nurture clock on any touch, an auto-reply too',
      status: 'nurture',
      touches: [touch('2026-11-23 10:00', 'no-answer'), touch('2026-12-01 10:00', 'auto-reply', 'email')],
      expected: { nurtureDueOn: '2026-12-31' },
    },
    {
      name: 'puts the first check-in of a not-fit contact nurtureNotFitDays out',
      status: 'nurture',
      touches: [touch('2026-11-23 10:00', 'connected', 'meeting', { disposition: 'not-fit' })],
      expected: { nurtureDueOn: '2027-02-21', lastTwoWayAt: t('2026-11-23 10:00') },
    },
    {
      name: 'returns to the usual cadence after the first check-in of a not-fit contact',
      status: 'nurture',
      touches: [
        touch('2026-11-23 10:00', 'connected', 'meeting', { disposition: 'not-fit' }),
        touch('2027-02-21 10:00', 'sent', 'email', { value: 'new integration' }),
      ],
      expected: { nurtureDueOn: '2027-03-23' },
    },
    {
      name: 'gives no dates for a won contact',
      status: 'won',
      touches: [touch('2026-11-23 10:00', 'no-answer')],
      expected: { chaseDueOn: null, nurtureDueOn: null, unanswered: 1 },
    },
    {
      name: 'gives no dates for a lost contact',
      status: 'lost',
      touches: [touch('2026-11-23 10:00', 'connected', 'call', { disposition: 'lost', lostReason: 'budget' })],
      expected: { chaseDueOn: null, nurtureDueOn: null },
    },
    {
      name: 'orders backfilled touches by time',
      status: 'active',
      touches: [touch('2026-11-23 10:00', 'no-answer'), touch('2026-11-20 10:00', 'replied', 'email')],
      expected: { unanswered: 1, lastTouchAt: t('2026-11-23 10:00'), lastTwoWayAt: t('2026-11-20 10:00'), chaseDueOn: '2026-11-26' },
    },
  ];

  it.each(cases)('$name', ({ status, touches, open, expected }) => {
    expect(deriveState(status, touches, open ?? null, cfg, zoneOf(tz), null)).toMatchObject(expected);
  });

  it('has no chase once the break-up moved the contact to nurture', () => {
    const touches = [touch('2026-11-16 10:00', 'no-answer'), touch('2026-11-19 10:00', 'no-answer')];
    expect(deriveState('nurture', touches, null, { ...cfg, attemptsLimit: 2 }, zoneOf(tz), null).chaseDueOn).toBeNull();
    expect(deriveState('active', touches, null, cfg, zoneOf(tz), null).chaseDueOn).toBe('2026-11-22');
  });
});
