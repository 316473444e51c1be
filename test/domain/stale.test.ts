import { describe, expect, it } from 'vitest';
import { type CommittedFacts, missedVerdicts, softPage, type StaleContact, staleParams } from '../../src/domain/stale.js';
import { categorize, noHistory, staleList, staleSince } from './fixtures.js';
import { DEFAULT_CONFIG, type Commitment, type DerivedState, type Instant } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';

// Mon 23 Nov 2026, 09:00 UTC; default config: L = 3, stale.days = 14, stale.dropDays = 90.
const NOW = '2026-11-23T09:00:00.000Z';
const ctx = { now: NOW, zone: zoneOf('UTC'), config: DEFAULT_CONFIG };

/** Midday UTC, `n` days before Monday. */
const daysAgo = (n: number) => new Date(Date.parse('2026-11-23T12:00:00.000Z') - n * 86_400_000).toISOString();

function step(due: Commitment['due'], extra: Partial<Commitment> = {}): Commitment {
  return {
    id: 50,
    contactId: 1,
    kind: 'next-step',
    what: 'demo to the team',
    due,
    soft: 'date' in due,
    state: 'open',
    createdAt: daysAgo(30),
    closedAt: null,
    late: false,
    ...extra,
  };
}
const promise = (due: Commitment['due'], id = 60): Commitment => ({ ...step(due), id, kind: 'promise', what: 'send the pricing', soft: false });

/** A contact with this history, added `createdAt` (200 days ago unless said) and first touched `firstTouchAt` (if said). */
function contact(
  derived: Partial<DerivedState>,
  { createdAt = daysAgo(200), firstTouchAt = null, ...extra }: Partial<StaleContact> & { createdAt?: Instant; firstTouchAt?: Instant | null } = {},
): StaleContact {
  const history = { ...noHistory, ...derived };
  return {
    id: 1,
    name: 'Dana Reyes',
    company: 'Acme',
    status: 'active',
    derived: history,
    ...staleSince(history, createdAt, firstTouchAt),
    lastTwoWayOutcome: derived.lastTwoWayAt ? 'connected' : null,
    open: [],
    ...extra,
  };
}

/** Talked `talked` days ago, then `attempts` unanswered attempts, the last `silent` days ago. */
function sequence(talked: number, attempts: number, silent: number, extra: Partial<DerivedState> = {}): Partial<DerivedState> {
  return {
    lastTwoWayAt: daysAgo(talked),
    lastTouchAt: daysAgo(attempts > 0 ? silent : talked),
    unanswered: attempts,
    lastAttemptAt: attempts > 0 ? daysAgo(silent) : null,
    lastAttemptChannel: attempts > 0 ? 'call' : null,
    sameChannelRun: attempts,
    ...extra,
  };
}

const categoryOf = (c: StaleContact) => categorize(c, ctx)?.category ?? null;

describe('fu stale: the first category that applies', () => {
  it.each([
    // missed
    ['an open promise past its time is missed', contact({}, { open: [promise({ at: '2026-11-23T08:00:00.000Z' })] }), 'missed'],
    [
      'a promise due later today is not missed',
      contact(
        { lastTouchAt: daysAgo(1), lastTwoWayAt: daysAgo(1) },
        { open: [promise({ at: '2026-11-23T17:00:00.000Z' }), step({ at: '2026-11-25T10:00:00.000Z' })] },
      ),
      null,
    ],
    ['an appointment yesterday, still open (not kept), is missed', contact(sequence(10, 0, 0), { open: [step({ at: daysAgo(1) })] }), 'missed'],
    ['an appointment yesterday that was kept (fu done) and nothing booked since: no next step', contact(sequence(1, 0, 0)), 'no-next-step'],
    [
      'an appointment kept yesterday with the next one booked: nothing to do',
      contact(sequence(1, 0, 0), { open: [step({ at: '2026-11-30T10:00:00.000Z' })] }),
      null,
    ],
    ['an appointment earlier today is not missed until the day ends', contact(sequence(5, 0, 0), { open: [step({ at: '2026-11-23T08:00:00.000Z' })] }), null],
    // soft
    ['a soft next step ahead is soft', contact(sequence(2, 0, 0), { open: [step({ date: '2026-11-27' })] }), 'soft'],
    ['a soft next step whose day has passed is missed, not soft', contact(sequence(9, 0, 0), { open: [step({ date: '2026-11-20' })] }), 'missed'],
    // re-engage
    ['talked, 1 attempt, silent exactly stale.days (14): re-engage', contact(sequence(30, 1, 14, { chaseDueOn: daysAgo(11).slice(0, 10) })), 're-engage'],
    ['talked, 1 attempt, silent 13 days: not yet (the chase is still running)', contact(sequence(30, 1, 13, { chaseDueOn: daysAgo(10).slice(0, 10) })), null],
    ['talked, L-1 (2) attempts, silent 20 days: re-engage', contact(sequence(40, 2, 20, { chaseDueOn: daysAgo(17).slice(0, 10) })), 're-engage'],
    [
      'never talked, 2 attempts, silent 20 days: not re-engage (never warm), the chase is due',
      contact({ ...sequence(40, 2, 20, { chaseDueOn: daysAgo(17).slice(0, 10) }), lastTwoWayAt: null }),
      null,
    ],
    [
      'talked, 1 attempt, silent 20 days, but a next step is booked: not re-engage',
      contact(sequence(40, 1, 20), { open: [step({ at: '2026-11-30T10:00:00.000Z' })] }),
      null,
    ],
    // drop
    ['L attempts and no two-way for exactly stale.dropDays (90): drop', contact(sequence(90, 3, 80), { status: 'nurture' }), 'drop'],
    ['L attempts and no two-way for 89 days: not yet', contact(sequence(89, 3, 80), { status: 'nurture' }), null],
    [
      'L attempts, never a two-way touch, known for 100 days: drop',
      contact({ ...sequence(0, 3, 94), lastTwoWayAt: null }, { status: 'nurture', createdAt: daysAgo(100) }),
      'drop',
    ],
    [
      'L attempts, never a two-way touch, added 10 days ago: not yet',
      contact({ ...sequence(0, 3, 4), lastTwoWayAt: null }, { status: 'nurture', createdAt: daysAgo(10) }),
      null,
    ],
    [
      'never a two-way touch, added lately but first touched 95 days ago (backfilled): drop',
      contact({ ...sequence(0, 3, 80), lastTwoWayAt: null }, { status: 'nurture', createdAt: daysAgo(2), firstTouchAt: daysAgo(95) }),
      'drop',
    ],
    [
      'three value touches in a row unanswered in nurture: drop',
      contact({ ...sequence(60, 0, 0), valueUnanswered: 3, lastTouchAt: daysAgo(2) }, { status: 'nurture' }),
      'drop',
    ],
    ['two value touches unanswered in nurture: nothing to do', contact({ ...sequence(60, 0, 0), valueUnanswered: 2 }, { status: 'nurture' }), null],
    // no-next-step
    ['a brand-new contact, never contacted: no next step', contact({}, { createdAt: NOW }), 'no-next-step'],
    ['active, replied, no next step and no chase running: no next step', contact(sequence(3, 0, 0)), 'no-next-step'],
    ['a nurture contact without a next step is on its cadence: nothing', contact(sequence(20, 0, 0), { status: 'nurture' }), null],
    // never
    ['a won contact with a missed step never appears', contact({}, { status: 'won', open: [step({ at: daysAgo(3) })] }), null],
    ['a lost contact never appears', contact({}, { status: 'lost' }), null],
  ])('%s', (_name, c, category) => {
    expect(categoryOf(c)).toBe(category);
  });

  it.each([
    [
      'a missed promise and a soft step: missed',
      contact(sequence(5, 0, 0), { open: [promise({ date: '2026-11-20' }), step({ date: '2026-11-27' })] }),
      'missed',
    ],
    [
      'a missed promise and a finished silent sequence: missed, not drop',
      contact(sequence(120, 3, 100), { status: 'nurture', open: [promise({ date: '2026-08-20' })] }),
      'missed',
    ],
    [
      'a missed promise on a warm prospect given up on: missed, not re-engage',
      contact(sequence(40, 1, 20, { chaseDueOn: daysAgo(17).slice(0, 10) }), { open: [promise({ date: '2026-11-01' })] }),
      'missed',
    ],
    ['L attempts long ago and three value touches: drop once', contact({ ...sequence(200, 3, 150), valueUnanswered: 3 }, { status: 'nurture' }), 'drop'],
  ])('precedence: %s', (_name, c, category) => {
    expect(categoryOf(c)).toBe(category);
  });
});

describe('fu stale: facts and the action to take next', () => {
  it('a missed promise: keep it, by its id, and the facts', () => {
    const row = categorize(contact(sequence(5, 0, 0), { open: [promise({ date: '2026-11-20' }, 61), promise({ date: '2026-11-21' }, 62)] }), ctx)!;
    expect(row).toMatchObject({
      category: 'missed',
      contactId: 1,
      attemptsSince: 0,
      daysSilent: 5,
      daysSinceTwoWay: 5,
      why: 'promise c61 "send the pricing" was due Fri 20 Nov 17:00 (and 1 more)',
      action: { kind: 'keep-promise', commitmentId: 61 },
    });
    expect(row.commitment?.id).toBe(61);
  });

  it('a missed next step: book it again, with its words', () => {
    const row = categorize(contact(sequence(9, 0, 0), { id: 12, open: [step({ at: '2026-11-20T15:00:00.000Z' })] }), ctx)!;
    expect(row.why).toBe('next step c50 "demo to the team" on Fri 20 Nov 15:00 was missed');
    expect(row.action).toEqual({ kind: 'book-step', contactId: 12, what: 'demo to the team', day: null });
  });

  it('a soft step: firm it up on its date', () => {
    expect(categorize(contact(sequence(2, 0, 0), { open: [step({ date: '2026-11-27' })] }), ctx)).toMatchObject({
      why: 'next step c50 "demo to the team" on Fri 27 Nov has no time agreed',
      action: { kind: 'book-step', contactId: 1, what: 'demo to the team', day: '2026-11-27' },
    });
  });

  it('re-engage: a new message, on another channel after two unanswered emails', () => {
    const row = categorize(contact(sequence(30, 2, 15, { lastAttemptChannel: 'email', sameChannelRun: 2 })), ctx)!;
    expect(row).toMatchObject({
      category: 're-engage',
      attemptsSince: 2,
      daysSilent: 15,
      daysSinceTwoWay: 30,
      action: { kind: 're-engage', contactId: 1, channel: 'linkedin' },
    });
    expect(row.why).toBe('talked Sat 24 Oct, then 2 unanswered attempts; silent 15 days');
  });

  it('re-engage after a written reply says they replied, not that you talked', () => {
    const row = categorize(contact(sequence(30, 1, 15), { lastTwoWayOutcome: 'replied' }), ctx)!;
    expect(row.why).toBe('replied Sat 24 Oct, then 1 unanswered attempt; silent 15 days');
  });

  it('drop: close it out as lost, "no response"', () => {
    expect(categorize(contact({ ...sequence(0, 3, 94), lastTwoWayAt: null }, { status: 'nurture', createdAt: daysAgo(100) }), ctx)).toMatchObject({
      why: '3 unanswered attempts, never a reply in 100 days',
      action: { kind: 'drop', contactId: 1 },
      daysSinceTwoWay: 100,
    });
  });

  it('drop after a conversation long ago: says since when there was no reply', () => {
    expect(categorize(contact(sequence(100, 3, 80), { status: 'nurture' }), ctx)?.why).toBe('3 unanswered attempts, no reply since Sat 15 Aug (100 days)');
  });

  it('words each drop of a list from its own facts: its attempts, its days without a reply, whether there ever was one', () => {
    const rows = staleList(
      [
        contact(sequence(100, 3, 80), { id: 1, status: 'nurture' }),
        contact(sequence(100, 4, 80), { id: 2, status: 'nurture' }),
        contact(sequence(120, 3, 80), { id: 3, status: 'nurture' }),
        contact({ ...sequence(0, 3, 80), lastTwoWayAt: null }, { id: 4, status: 'nurture', createdAt: daysAgo(100) }),
        contact(sequence(100, 3, 80), { id: 5, status: 'nurture' }),
      ],
      ctx,
    );
    expect(rows.map((r) => [r.contactId, r.why])).toEqual([
      [3, '3 unanswered attempts, no reply since Sun 26 Jul (120 days)'],
      [1, '3 unanswered attempts, no reply since Sat 15 Aug (100 days)'],
      [2, '4 unanswered attempts, no reply since Sat 15 Aug (100 days)'],
      [4, '3 unanswered attempts, never a reply in 100 days'],
      [5, '3 unanswered attempts, no reply since Sat 15 Aug (100 days)'],
    ]);
  });

  it('no next step: the first touch for a contact never contacted, else book the step', () => {
    expect(categorize(contact({}, { createdAt: daysAgo(3) }), ctx)).toMatchObject({
      why: 'never contacted: make the first touch',
      action: { kind: 'first-touch', contactId: 1 },
      daysSilent: 3,
      lastTouchAt: null,
    });
    expect(categorize(contact(sequence(3, 0, 0)), ctx)?.action).toEqual({ kind: 'book-step', contactId: 1, what: null, day: null });
  });
});

describe('fu stale: order', () => {
  it('groups by category in precedence order, the most valuable first within each', () => {
    const rows = staleList(
      [
        contact({}, { id: 1, createdAt: daysAgo(3) }), // no-next-step, 3 days
        contact(sequence(30, 1, 15), { id: 2 }), // re-engage, 15 days silent
        contact({}, { id: 3, open: [promise({ date: '2026-11-20' })] }), // missed Fri
        contact(sequence(30, 1, 25), { id: 4 }), // re-engage, 25 days silent
        contact({}, { id: 5, createdAt: daysAgo(40) }), // no-next-step, 40 days
        contact({}, { id: 6, open: [promise({ date: '2026-11-10' })] }), // missed earlier
        contact(sequence(2, 0, 0), { id: 7, open: [step({ date: '2026-11-27' })] }), // soft
        contact({}, { id: 8, status: 'won' }),
        contact(sequence(95, 3, 60), { id: 9, status: 'nurture' }), // drop
      ],
      ctx,
    );
    expect(rows.map((r) => [r.category, r.contactId])).toEqual([
      ['missed', 6],
      ['missed', 3],
      ['soft', 7],
      ['re-engage', 4],
      ['re-engage', 2],
      ['drop', 9],
      ['no-next-step', 5],
      ['no-next-step', 1],
    ]);
  });
});

describe('fu stale: the missed contacts ranked from what their rows say of their commitments', () => {
  const facts = (contactId: number, f: Partial<CommittedFacts>): CommittedFacts => ({
    contactId,
    stepDueAt: null,
    stepDueDate: null,
    stepSoft: false,
    promiseDueAt: null,
    promiseDueDate: null,
    ...f,
  });
  // Mon 23 Nov 2026, 09:00 UTC; the day ends at 17:00.
  it.each<[string, Partial<CommittedFacts>, string | null]>([
    ['a next step at a time on a day over', { stepDueAt: '2026-11-22T15:00:00.000Z' }, '2026-11-22T15:00:00.000Z'],
    ['a next step at a time earlier today (its day is not over)', { stepDueAt: '2026-11-23T08:00:00.000Z' }, null],
    ['a soft next step on a day over', { stepDueDate: '2026-11-20', stepSoft: true }, '2026-11-20T17:00:00.000Z'],
    ['a soft next step today', { stepDueDate: '2026-11-23', stepSoft: true }, null],
    ['a promise at a time passed earlier today', { promiseDueAt: '2026-11-23T08:00:00.000Z' }, '2026-11-23T08:00:00.000Z'],
    ['a promise due today (by the end of the day)', { promiseDueDate: '2026-11-23' }, null],
    ['a promise due yesterday', { promiseDueDate: '2026-11-22' }, '2026-11-22T17:00:00.000Z'],
    [
      'a promise passed this morning and a next step at 07:00 today: the promise, the only one missed',
      { stepDueAt: '2026-11-23T07:00:00.000Z', promiseDueAt: '2026-11-23T08:00:00.000Z' },
      '2026-11-23T08:00:00.000Z',
    ],
    [
      'promises at a time and on a date, both passed: the older',
      { promiseDueAt: '2026-11-20T18:00:00.000Z', promiseDueDate: '2026-11-20' },
      '2026-11-20T17:00:00.000Z',
    ],
  ])('%s', (_name, f, oldest) => {
    const committed = missedVerdicts([facts(1, f)], staleParams(ctx), ctx);
    expect(committed.missed).toEqual(oldest === null ? [] : [{ contactId: 1, within: Date.parse(oldest) }]);
  });

  it('ranks the oldest missed first, then by id, each contact once however many of its dues found it', () => {
    const committed = missedVerdicts(
      [
        facts(3, { promiseDueDate: '2026-11-20' }),
        facts(2, { stepDueAt: '2026-11-19T09:00:00.000Z', promiseDueDate: '2026-11-21' }),
        facts(2, { stepDueAt: '2026-11-19T09:00:00.000Z', promiseDueDate: '2026-11-21' }),
        facts(1, { promiseDueDate: '2026-11-20' }),
      ],
      staleParams(ctx),
      ctx,
    );
    expect(committed.missed.map((v) => v.contactId)).toEqual([2, 1, 3]);
  });

  it('counts those missed for a promise whose soft next step is not: the soft count leaves them out', () => {
    const committed = missedVerdicts(
      [
        facts(1, { promiseDueDate: '2026-11-20', stepDueDate: '2026-11-25', stepSoft: true }),
        facts(2, { promiseDueDate: '2026-11-20', stepDueDate: '2026-11-21', stepSoft: true }),
        facts(3, { promiseDueDate: '2026-11-20', stepDueAt: '2026-11-25T09:00:00.000Z' }),
      ],
      staleParams(ctx),
      ctx,
    );
    expect(committed.softToo).toBe(1);
    expect(softPage({ count: 4, ranked: [1, 4, 5] }, committed, 1)).toEqual({ count: 3, ids: [4] });
  });
});
