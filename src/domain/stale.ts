/**
 * `fu stale` (docs/commands.md): each live contact in the first category that applies, in
 * the order of value to the seller, with the facts behind it and the action
 * to take next (the CLI words it as a command). Pure: the store hands over the contacts and their open
 * commitments; the clock and zone are passed in.
 */
import { isMissed } from './commitments.js';
import { commitmentHandle } from './ids.js';
import { plural } from './text.js';
import { addDays, dayNumber, dayNumberOf, daysFrom, dueDate, dueInstant, formatDay, formatDue, localDateOf, startOfDay } from './time.js';
import type { Channel, Commitment, Config, DerivedState, EpochSeconds, Instant, LocalDate, Status } from './types.js';
import type { Zone } from './zone.js';

export const STALE_CATEGORIES = ['missed', 'soft', 're-engage', 'drop', 'no-next-step'] as const;
export type StaleCategory = (typeof STALE_CATEGORIES)[number];
export type TwoWayOutcome = 'connected' | 'replied';

export interface StaleContact {
  id: number;
  name: string;
  company: string | null;
  status: Status;
  derived: DerivedState;
  /** When it fell silent: its last touch, else when it was added. */
  silentSince: EpochSeconds;
  /** Since when it has gone without a two-way touch: its last one, else when it was first known (added, or first touched if that was earlier). */
  twoWaySince: EpochSeconds;
  /** How the last two-way touch went (a conversation, or a written reply), to word a re-engage row; null when there was none. */
  lastTwoWayOutcome: TwoWayOutcome | null;
  /**
   * Its open commitments that can decide the category: every one that may be
   * missed by now, and its open next step (the store need not read the others).
   */
  open: Commitment[];
}

export interface StaleRow {
  category: StaleCategory;
  contactId: number;
  contact: string;
  company: string | null;
  status: Status;
  lastTouchAt: Instant | null;
  lastTwoWayAt: Instant | null;
  /** Unanswered attempts since the last two-way touch (or ever). */
  attemptsSince: number;
  /** Local days since anything was logged (since the contact was added, if nothing was). */
  daysSilent: number;
  /** Local days since the last two-way touch; with none, since they were first known (added or first touched). */
  daysSinceTwoWay: number;
  /** What those days count from (StaleContact.twoWaySince): lastTwoWayAt to the second, when there is one. */
  twoWaySince: EpochSeconds;
  /** The missed or soft commitment behind the row. */
  commitment: Commitment | null;
  /** The facts behind the category, in words. */
  why: string;
  /** What to do next. */
  action: StaleAction;
}

/** The next thing to do about a stale contact. */
export type StaleAction =
  /** Keep the missed promise (or say it was kept). */
  | { kind: 'keep-promise'; commitmentId: number }
  /** Book the next step: `what` again when there is one, `day` when only its time is missing. */
  | { kind: 'book-step'; contactId: number; what: string | null; day: LocalDate | null }
  /** Write to them again after the sequence stopped too soon, on `channel`. */
  | { kind: 're-engage'; contactId: number; channel: Channel }
  /** Make the first touch of a contact never contacted. */
  | { kind: 'first-touch'; contactId: number }
  /** Close the contact out as lost for lack of response. */
  | { kind: 'drop'; contactId: number };

export interface StaleContext {
  now: Instant;
  zone: Zone;
  config: Config;
}

/** Value touches without an answer, after which a nurture contact is listed to drop (R6, docs/rules.md). */
export const VALUE_TOUCHES_TO_DROP = 3;

/** The instants and numbers the store's stale queries take (see staleParams). */
export interface StaleParams {
  now: Instant;
  today: LocalDate;
  /** A next step due at a time is missed when due before this instant (its local day has ended: isMissed). */
  todayStart: Instant;
  /** A promise due on a date is missed when due on this date or before (its day's end has passed: isMissed). */
  promisesMissedBy: LocalDate;
  /** Silent for stale.days or more: last touched before this instant. */
  silentBefore: Instant;
  /** Without a two-way touch for stale.dropDays or more: since before this instant. */
  dropBefore: Instant;
  limit: number;
  valueTouches: number;
}

/** What fu stale's queries need, from the clock, zone and configuration. */
export function staleParams(ctx: StaleContext): StaleParams {
  const today = localDateOf(ctx.now, ctx.zone);
  return {
    now: ctx.now,
    today,
    todayStart: startOfDay(today, ctx.zone),
    // Yesterday's end (day.end, a time of day) has always passed; today's may not have yet.
    promisesMissedBy: dueInstant({ date: today }, ctx.config.dayEnd, ctx.zone) < ctx.now ? today : addDays(today, -1),
    // daysFrom counts local days: n days or more since an instant <=> it is before the start of the day n - 1 days ago.
    silentBefore: startOfDay(addDays(today, 1 - ctx.config.staleDays), ctx.zone),
    dropBefore: startOfDay(addDays(today, 1 - ctx.config.staleDropDays), ctx.zone),
    limit: ctx.config.attemptsLimit,
    valueTouches: VALUE_TOUCHES_TO_DROP,
  };
}

/** Why a contact is stale: its category, and which of the category's cases (to word it). */
type Reason = 'missed' | 'soft' | 're-engage' | 'drop-sequence' | 'drop-nurture' | 'first-touch' | 'no-next-step';

const CATEGORY_OF: Record<Reason, StaleCategory> = {
  missed: 'missed',
  soft: 'soft',
  're-engage': 're-engage',
  'drop-sequence': 'drop',
  'drop-nurture': 'drop',
  'first-touch': 'no-next-step',
  'no-next-step': 'no-next-step',
};

/**
 * A contact's category and its place in it, decided before anything is worded:
 * at 100k contacts there are thousands of them, and only the rows shown are worded.
 */
export interface StaleVerdict {
  contact: StaleContact;
  reason: Reason;
  category: StaleCategory;
  /** Its rank within the category, ascending: the most valuable first. */
  within: number;
  daysSilent: number;
  daysSinceTwoWay: number;
  /** missed: every missed commitment, the oldest due first; soft: the next step; else empty. */
  commitments: readonly Commitment[];
}

/** The commitments of a verdict that has none: one empty list shared by the thousands of them. */
const NO_COMMITMENTS: readonly Commitment[] = [];

/** A contact's open next step among its open commitments (a loop: no closure per contact, thousands of them). */
function nextStepOf(open: readonly Commitment[]): Commitment | null {
  for (const m of open) if (m.kind === 'next-step') return m;
  return null;
}

/** The instant a commitment falls due, as milliseconds: missed and soft rank by it. */
const dueMs = (m: Pick<Commitment, 'due'>, ctx: StaleContext) => Date.parse(dueInstant(m.due, ctx.config.dayEnd, ctx.zone));

/** Missed or soft, the categories a live contact's open commitments decide alone (the first two of verdictOf), or null. */
function committedVerdictOf(
  open: readonly Commitment[],
  ctx: StaleContext,
  today: LocalDate,
): { reason: 'missed' | 'soft'; within: number; commitments: Commitment[] } | null {
  const { now, zone, config } = ctx;
  // 1. missed: the oldest missed commitment speaks for the contact; the longest overdue first.
  // What they were to do binds no rule (docs/rules.md): a passed expectation is a reason to call, not a missed commitment.
  // A loop, no closures: a thousand contacts have something open, and most have nothing missed.
  let missed: Commitment[] | null = null;
  for (const m of open) if (m.kind !== 'expectation' && isMissed(m, now, today, config, zone)) (missed ??= []).push(m);
  if (missed !== null) {
    const keyed = missed.map((m) => ({ m, at: dueMs(m, ctx) })).sort((a, b) => a.at - b.at || a.m.id - b.m.id);
    return { reason: 'missed', within: keyed[0]!.at, commitments: keyed.map((k) => k.m) };
  }
  // 2. soft: a date without a time is a soft commitment; firm it up. The soonest first: the most urgent to firm up.
  const step = nextStepOf(open);
  return step?.soft ? { reason: 'soft', within: dueMs(step, ctx), commitments: [step] } : null;
}

/**
 * A verdict ranked by days (re-engage, drop, no-next-step): its rank is minus those days, a small integer. Its object is
 * written apart from the committed ones (ranked by instant, no small integer), fields in another order: V8 then keeps
 * these ranks unboxed, and sorting thousands of them allocates nothing. `0 - days`: -0 is no small integer either.
 * No closure per contact: thousands of them in the whole list.
 */
function verdictByDays(contact: StaleContact, reason: Reason, days: number, daysSilent: number, daysSinceTwoWay: number): StaleVerdict {
  return { contact, reason, category: CATEGORY_OF[reason], within: 0 - days, daysSilent, daysSinceTwoWay, commitments: NO_COMMITMENTS };
}

/** A missed or soft verdict, ranked by the instant due: see verdictByDays for why its fields come in another order. */
function committedVerdict(
  contact: StaleContact,
  committed: NonNullable<ReturnType<typeof committedVerdictOf>>,
  daysSilent: number,
  daysSinceTwoWay: number,
): StaleVerdict {
  const { reason, within, commitments } = committed;
  return { within, contact, reason, category: CATEGORY_OF[reason], daysSilent, daysSinceTwoWay, commitments };
}

/**
 * The first category that applies to one contact, or null (won, lost, or nothing to do). `todayNumber` is today's
 * dayNumber: the days are counted between numbers, today's date parsed once for every contact.
 */
function verdictOf(c: StaleContact, ctx: StaleContext, today: LocalDate, todayNumber: number): StaleVerdict | null {
  if (c.status !== 'active' && c.status !== 'nurture') return null;
  const { zone, config } = ctx;
  const d = c.derived;
  const L = config.attemptsLimit;
  // Seconds, not instants to parse: thousands of contacts in the whole list. Rounded down, they fall on the instant's own day.
  const daysSilent = todayNumber - dayNumberOf(c.silentSince * 1000, zone);
  const daysSinceTwoWay = todayNumber - dayNumberOf(c.twoWaySince * 1000, zone);
  // Most contacts have nothing open: thousands of them in the whole list, each decided in V8's interpreter.
  let step: Commitment | null = null;
  if (c.open.length > 0) {
    const committed = committedVerdictOf(c.open, ctx, today);
    if (committed) return committedVerdict(c, committed, daysSilent, daysSinceTwoWay);
    step = nextStepOf(c.open);
  }

  // 3. re-engage: warm, then given up too soon. Nurture contacts are on their cadence by choice. The longest silence first.
  if (c.status === 'active' && d.lastTwoWayAt !== null && d.unanswered >= 1 && d.unanswered <= L - 1 && !step && daysSilent >= config.staleDays) {
    return verdictByDays(c, 're-engage', daysSilent, daysSilent, daysSinceTwoWay);
  }

  // 4. drop: a sequence that never got an answer, or nurture that never does. The longest without an answer first.
  if (d.unanswered >= L && daysSinceTwoWay >= config.staleDropDays) return verdictByDays(c, 'drop-sequence', daysSinceTwoWay, daysSilent, daysSinceTwoWay);
  if (c.status === 'nurture' && d.valueUnanswered >= VALUE_TOUCHES_TO_DROP)
    return verdictByDays(c, 'drop-nurture', daysSinceTwoWay, daysSilent, daysSinceTwoWay);

  // 5. no-next-step: active, nothing booked and no chase running. The longest silence first.
  if (c.status === 'active' && !step && d.chaseDueOn === null) {
    return verdictByDays(c, d.lastTouchAt === null ? 'first-touch' : 'no-next-step', daysSilent, daysSilent, daysSinceTwoWay);
  }
  return null;
}

/** A verdict's row, with its words (no closure per row: thousands of them in the whole list). */
function staleRow(v: StaleVerdict, why: string, action: StaleAction, commitment: Commitment | null = null): StaleRow {
  const c = v.contact;
  const d = c.derived;
  // Written out, not spread: a spread is several times slower to build.
  return {
    category: v.category,
    contactId: c.id,
    contact: c.name,
    company: c.company,
    status: c.status,
    lastTouchAt: d.lastTouchAt,
    lastTwoWayAt: d.lastTwoWayAt,
    attemptsSince: d.unanswered,
    daysSilent: v.daysSilent,
    daysSinceTwoWay: v.daysSinceTwoWay,
    twoWaySince: c.twoWaySince,
    commitment,
    why,
    action,
  };
}

/**
 * Why a sequence is to be dropped, worded once for each set of facts (`said`, by a key made of them): thousands of
 * contacts share a few hundred. The facts: the unanswered attempts, whether there was a two-way touch, and the days since
 * it (or since first known), at least stale.dropDays and within the horizon (docs/data-safety.md), so fewer than 2^22.
 */
function dropSequenceWhy(v: StaleVerdict, today: LocalDate, said: Map<number, string>): string {
  const d = v.contact.derived;
  const key = (d.unanswered * 2 + (d.lastTwoWayAt === null ? 0 : 1)) * 2 ** 22 + v.daysSinceTwoWay;
  let why = said.get(key);
  if (why === undefined) {
    const reply = d.lastTwoWayAt
      ? `no reply since ${formatDay(addDays(today, -v.daysSinceTwoWay), today)} (${plural(v.daysSinceTwoWay, 'day')})`
      : `never a reply in ${plural(v.daysSinceTwoWay, 'day')}`;
    why = `${plural(d.unanswered, 'unanswered attempt')}, ${reply}`;
    said.set(key, why);
  }
  return why;
}

/** A verdict in words: the row fu stale shows, with the facts behind it and the action to take next. */
function rowOf(v: StaleVerdict, ctx: StaleContext, today: LocalDate, dropWhys: Map<number, string>): StaleRow {
  const { zone, config } = ctx;
  const c = v.contact;
  const d = c.derived;
  const id = c.id;
  switch (v.reason) {
    case 'missed': {
      const m = v.commitments[0]!;
      const more = v.commitments.length > 1 ? ` (and ${v.commitments.length - 1} more)` : '';
      const when = 'at' in m.due || m.kind === 'next-step' ? formatDue(m.due, zone, today) : `${formatDay(m.due.date, today)} ${config.dayEnd}`;
      return m.kind === 'promise'
        ? staleRow(v, `promise ${commitmentHandle(m.id)} "${m.what}" was due ${when}${more}`, { kind: 'keep-promise', commitmentId: m.id }, m)
        : staleRow(
            v,
            `next step ${commitmentHandle(m.id)} "${m.what}" on ${when} was missed${more}`,
            { kind: 'book-step', contactId: id, what: m.what, day: null },
            m,
          );
    }
    case 'soft': {
      const step = v.commitments[0]!;
      const day = dueDate(step.due, zone);
      return staleRow(
        v,
        `next step ${commitmentHandle(step.id)} "${step.what}" on ${formatDay(day, today)} has no time agreed`,
        { kind: 'book-step', contactId: id, what: step.what, day },
        step,
      );
    }
    // addDays(today, -daysSinceTwoWay): the day of the last two-way touch, which the verdict counted from (not parsed again).
    case 're-engage': {
      // R5's hint: after two unanswered emails in a row, another channel.
      const via: Channel = d.lastAttemptChannel === 'email' && d.sameChannelRun >= 2 ? 'linkedin' : 'email';
      return staleRow(
        v,
        `${c.lastTwoWayOutcome === 'replied' ? 'replied' : 'talked'} ${formatDay(addDays(today, -v.daysSinceTwoWay), today)}, then ${plural(d.unanswered, 'unanswered attempt')}; silent ${plural(v.daysSilent, 'day')}`,
        { kind: 're-engage', contactId: id, channel: via },
      );
    }
    case 'drop-sequence':
      return staleRow(v, dropSequenceWhy(v, today, dropWhys), { kind: 'drop', contactId: id });
    case 'drop-nurture':
      return staleRow(v, `${d.valueUnanswered} value touches in a row unanswered`, { kind: 'drop', contactId: id });
    case 'first-touch':
      return staleRow(v, 'never contacted: make the first touch', { kind: 'first-touch', contactId: id });
    case 'no-next-step':
      return staleRow(v, 'active, but no next step booked and no chase running', { kind: 'book-step', contactId: id, what: null, day: null });
  }
}

/** The verdicts shown, and how many stale contacts each category holds in all. */
export interface StaleRanking {
  /** Grouped by category in precedence order, the most valuable first within each; at most `limit` per category. */
  shown: StaleVerdict[];
  counts: Record<StaleCategory, number>;
}

/** Every stale contact's verdict, grouped by category, the most valuable first within each. */
function verdictGroups(contacts: readonly StaleContact[], ctx: StaleContext): Record<StaleCategory, StaleVerdict[]> {
  const today = localDateOf(ctx.now, ctx.zone);
  const todayNumber = dayNumber(today);
  const groups = Object.fromEntries(STALE_CATEGORIES.map((k) => [k, [] as StaleVerdict[]])) as Record<StaleCategory, StaleVerdict[]>;
  for (const c of contacts) {
    const v = verdictOf(c, ctx, today, todayNumber);
    if (v) groups[v.category].push(v);
  }
  for (const k of STALE_CATEGORIES) groups[k].sort(byRank);
  return groups;
}

const byRank = (a: StaleVerdict, b: StaleVerdict) => a.within - b.within || a.contact.id - b.contact.id;

/** Ranks every stale contact (the whole list), before any is worded. */
export function rankStale(contacts: readonly StaleContact[], ctx: StaleContext): StaleRanking {
  const groups = verdictGroups(contacts, ctx);
  return {
    shown: STALE_CATEGORIES.flatMap((k) => groups[k]),
    counts: Object.fromEntries(STALE_CATEGORIES.map((k) => [k, groups[k].length])) as Record<StaleCategory, number>,
  };
}

/*
 * Ranking every stale contact costs thousands of rows at 100k contacts, to show 25 of each category. So for a page
 * (a limit of 1 or more; the whole list ranks every candidate, rankStale) the store finds each category with the
 * bounds of staleParams, from what each contact's row says of its open commitments (CommittedFacts), and the domain
 * ranks what it returns and decides again every contact shown with verdictOf (the words come from the same rule):
 * - missed: the store reads the facts of the live contacts with a next step or a promise that may be missed (a few
 *   hundred); missedVerdicts ranks those missed.
 * - soft: the store counts the live contacts with a soft next step not missed, and hands them over in verdictOf's
 *   order (by its day, then by id, as a soft step has no time); softPage leaves out those missed.
 * - the others depend on the contact's own columns alone: the store counts each one's contacts neither missed nor
 *   soft, and hands them over in time order with the instant their rank runs from (a StaleKey); keyedPage takes those
 *   that may be shown and stops, and stalePageOf ranks them by local day.
 */

/**
 * What a contact's row says of its open commitments (kept by every write, see Store.saveDerived): the due of its open
 * next step (at a time or on a date) and whether it is soft, and the earliest due of its open promises, at a time and
 * on a date. Enough to tell whether it is missed or soft, and which missed commitment is the oldest.
 */
export interface CommittedFacts {
  contactId: number;
  stepDueAt: Instant | null;
  stepDueDate: LocalDate | null;
  stepSoft: boolean;
  promiseDueAt: Instant | null;
  promiseDueDate: LocalDate | null;
}

/** The missed contacts, in rank order. */
export interface CommittedVerdicts {
  missed: { contactId: number; within: number }[];
  /** Their contact ids: the soft category leaves them out (precedence). */
  ids: Set<number>;
  /** How many of them have a soft next step not missed (missed for a promise): the soft count leaves them out. */
  softToo: number;
}

/**
 * The instant due (ms) of a contact's oldest commitment missed by now, from what its row says and the bounds the store
 * found it with (staleParams: isMissed's rule, compared as the store compares), or null when none is missed.
 */
function oldestMissed(f: CommittedFacts, params: StaleParams, ctx: StaleContext): number | null {
  let oldest = Number.POSITIVE_INFINITY;
  if (f.stepDueAt !== null && f.stepDueAt < params.todayStart) oldest = Math.min(oldest, Date.parse(f.stepDueAt));
  if (f.stepDueDate !== null && f.stepDueDate < params.today) oldest = Math.min(oldest, dueMs({ due: { date: f.stepDueDate } }, ctx));
  if (f.promiseDueAt !== null && f.promiseDueAt < params.now) oldest = Math.min(oldest, Date.parse(f.promiseDueAt));
  if (f.promiseDueDate !== null && f.promiseDueDate <= params.promisesMissedBy) oldest = Math.min(oldest, dueMs({ due: { date: f.promiseDueDate } }, ctx));
  return oldest === Number.POSITIVE_INFINITY ? null : oldest;
}

/**
 * Ranks the missed contacts among those the store found (a contact found by more than one due once): each by its
 * oldest missed commitment, the oldest first. The earliest promise stands for the others: if any promise is missed,
 * it is, and it is the oldest of them.
 */
export function missedVerdicts(facts: readonly CommittedFacts[], params: StaleParams, ctx: StaleContext): CommittedVerdicts {
  const { today } = params;
  const missed: CommittedVerdicts['missed'] = [];
  const ids = new Set<number>();
  let softToo = 0;
  for (const f of facts) {
    if (ids.has(f.contactId)) continue;
    const within = oldestMissed(f, params, ctx);
    if (within === null) continue;
    missed.push({ contactId: f.contactId, within });
    ids.add(f.contactId);
    if (f.stepSoft && f.stepDueDate !== null && f.stepDueDate >= today) softToo++;
  }
  missed.sort((a, b) => a.within - b.within || a.contactId - b.contactId);
  return { missed, ids, softToo };
}

/** The soft contacts that may be shown, and how many there are. */
export interface SoftPage {
  count: number;
  ids: number[];
}

/**
 * The first `limit` soft contacts not missed, from the store's soft contacts in rank order (read as they are taken),
 * and their count: the store's, less those missed.
 */
export function softPage(soft: { count: number; ranked: Iterable<number> }, committed: CommittedVerdicts, limit: number): SoftPage {
  const ids: number[] = [];
  for (const id of soft.ranked) {
    if (committed.ids.has(id)) continue;
    ids.push(id);
    if (ids.length === limit) break;
  }
  return { count: soft.count - committed.softToo, ids };
}

/** The categories the store decides, for a contact with no missed or soft commitment. */
export type KeyedCategory = Exclude<StaleCategory, 'missed' | 'soft'>;
export const KEYED_CATEGORIES = STALE_CATEGORIES.filter((k): k is KeyedCategory => k !== 'missed' && k !== 'soft');

/**
 * A contact the store finds in a category, and the instant its rank runs from: for re-engage and no-next-step the last
 * touch (or when added, with none); for drop the last two-way touch (with none, when first known).
 */
export type StaleKey = readonly [contactId: number, since: Instant];

/** What the store finds of a category: how many contacts it holds, and its keys in time order, read as they are taken. */
export interface KeyedCategoryRead {
  count: number;
  ranked: Iterable<StaleKey>;
}

/** The keyed contacts that may be shown, by category, and how many each category holds. */
export interface KeyedPage {
  keys: Record<KeyedCategory, StaleKey[]>;
  counts: Record<KeyedCategory, number>;
}

/**
 * The keys (in time order) of the contacts of each category that may be among its first `limit` as verdictOf ranks
 * them: by local days since, then by id. Those up to the `limit`th, and after it those that may fall on a day no later
 * than one of these (local days follow time order, but for an hour where a zone turns its clocks back across midnight:
 * a day more of margin covers that); the rest is not read. Only those are read whole and ranked.
 */
export function keyedPage(categories: Record<KeyedCategory, KeyedCategoryRead>, ctx: StaleContext, limit: number): KeyedPage {
  const today = localDateOf(ctx.now, ctx.zone);
  const firstOf = (ranked: Iterable<StaleKey>): StaleKey[] => {
    const first: StaleKey[] = [];
    let until: Instant | null = null;
    for (const key of ranked) {
      if (until !== null && key[1] >= until) break;
      first.push(key);
      if (first.length === limit) {
        const latest = addDays(today, -Math.min(...first.map((k) => daysFrom(k[1], today, ctx.zone))));
        until = startOfDay(addDays(latest, 2), ctx.zone);
      }
    }
    return first;
  };
  const keys = Object.fromEntries(KEYED_CATEGORIES.map((k) => [k, firstOf(categories[k].ranked)])) as Record<KeyedCategory, StaleKey[]>;
  const counts = Object.fromEntries(KEYED_CATEGORIES.map((k) => [k, categories[k].count])) as Record<KeyedCategory, number>;
  return { keys, counts };
}

/** The contacts to read whole: the first `limit` missed ones and the soft ones that may be shown (`committed`), and the keyed ones. */
export function shownIds(committed: CommittedVerdicts, soft: SoftPage, keyed: KeyedPage, limit: number): { committed: number[]; keyed: number[] } {
  return {
    committed: [...committed.missed.slice(0, limit).map((v) => v.contactId), ...soft.ids],
    keyed: KEYED_CATEGORIES.flatMap((k) => keyed.keys[k].map((key) => key[0])),
  };
}

/**
 * The page of verdicts: each contact read (whole, with its open next step, and those missed or soft with every open
 * commitment) decided again by verdictOf, so that its words come from the same rule; the keyed ones ranked, the first
 * `limit` kept.
 */
export function stalePageOf(
  committed: CommittedVerdicts,
  soft: SoftPage,
  keyed: KeyedPage,
  contacts: readonly StaleContact[],
  ctx: StaleContext,
  limit: number,
): StaleRanking {
  const today = localDateOf(ctx.now, ctx.zone);
  const todayNumber = dayNumber(today);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const decide = (id: number, category: StaleCategory): StaleVerdict => {
    const c = byId.get(id);
    const v = c && verdictOf(c, ctx, today, todayNumber);
    if (v?.category !== category) throw new Error(`contact ${id} was read as ${category}, but its rules make it ${v?.category ?? 'not stale'}`);
    return v;
  };
  const shown = [
    ...committed.missed.slice(0, limit).map((v) => decide(v.contactId, 'missed')),
    ...soft.ids.map((id) => decide(id, 'soft')),
    ...KEYED_CATEGORIES.flatMap((k) =>
      keyed.keys[k]
        .map(([id]) => decide(id, k))
        .sort(byRank)
        .slice(0, limit),
    ),
  ];
  return { shown, counts: { missed: committed.missed.length, soft: soft.count, ...keyed.counts } };
}

/** The verdicts in words, in their order. */
export function staleRowsOf(verdicts: readonly StaleVerdict[], ctx: StaleContext): StaleRow[] {
  const today = localDateOf(ctx.now, ctx.zone);
  const dropWhys = new Map<number, string>();
  return verdicts.map((v) => rowOf(v, ctx, today, dropWhys));
}

/** Rows grouped by category (every category present, possibly empty). */
export function groupStale(rows: readonly StaleRow[]): Record<StaleCategory, StaleRow[]> {
  const groups = Object.fromEntries(STALE_CATEGORIES.map((k) => [k, [] as StaleRow[]])) as Record<StaleCategory, StaleRow[]>;
  for (const r of rows) groups[r.category].push(r);
  return groups;
}
