/**
 * `fu stale` (docs/commands.md): each live contact in the first category that applies, in
 * the order of value to the seller, with the facts behind it and the action
 * to take next (the CLI words it as a command). Pure: the store hands over the contacts and their open
 * commitments; the clock and zone are passed in.
 */
import { commitmentHandle } from './ids.js';
import { isMissed } from './commitments.js';
import { plural } from './text.js';
import { addDays, dueDate, dueInstant, formatDay, formatDue, localDateOf, daysBetween, startOfDay } from './time.js';
import type { Channel, Commitment, Config, DerivedState, Instant, LocalDate, Status } from './types.js';
import type { Zone } from './zone.js';

export const STALE_CATEGORIES = ['missed', 'soft', 're-engage', 'drop', 'no-next-step'] as const;
export type StaleCategory = (typeof STALE_CATEGORIES)[number];

export interface StaleContact {
  id: number;
  name: string;
  company: string | null;
  status: Status;
  createdAt: Instant;
  derived: DerivedState;
  /** The first touch ever; needed only when there was never a two-way touch. */
  firstTouchAt: Instant | null;
  /** How the last two-way touch went (a conversation, or a written reply), to word it; null when there was none. */
  lastTwoWayOutcome: 'connected' | 'replied' | null;
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

/** The instants and numbers the store's candidate query takes (see staleParams). */
export interface StaleParams {
  now: Instant;
  today: LocalDate;
  silentBefore: Instant;
  dropBefore: Instant;
  limit: number;
  valueTouches: number;
}

/** What fu stale's candidate query needs, from the clock, zone and configuration. */
export function staleParams(ctx: StaleContext): StaleParams {
  const today = localDateOf(ctx.now, ctx.zone);
  return {
    now: ctx.now,
    today,
    // Silent for stale.days or more (categorize counts local days): last touched before that day began, a day of margin.
    silentBefore: startOfDay(addDays(today, 2 - ctx.config.staleDays), ctx.zone),
    // The same for stale.dropDays without a two-way touch.
    dropBefore: startOfDay(addDays(today, 2 - ctx.config.staleDropDays), ctx.zone),
    limit: ctx.config.attemptsLimit,
    valueTouches: VALUE_TOUCHES_TO_DROP,
  };
}

/** The first category that applies to one contact, or null (won, lost, or nothing to do). */
export function categorize(c: StaleContact, ctx: StaleContext): StaleRow | null {
  if (c.status !== 'active' && c.status !== 'nurture') return null;
  const { now, zone, config } = ctx;
  const today = localDateOf(now, zone);
  const d = c.derived;
  const L = config.attemptsLimit;
  const daysSince = (at: Instant) => daysBetween(localDateOf(at, zone), today);
  const knownSince = c.firstTouchAt !== null && Date.parse(c.firstTouchAt) < Date.parse(c.createdAt) ? c.firstTouchAt : c.createdAt;
  const facts = {
    contactId: c.id,
    contact: c.name,
    company: c.company,
    status: c.status,
    lastTouchAt: d.lastTouchAt,
    lastTwoWayAt: d.lastTwoWayAt,
    attemptsSince: d.unanswered,
    daysSilent: daysSince(d.lastTouchAt ?? c.createdAt),
    daysSinceTwoWay: daysSince(d.lastTwoWayAt ?? knownSince),
  };
  const id = c.id;
  // Written out, not spread from facts: thousands of rows, and a spread is several times slower to build.
  const row = (category: StaleCategory, why: string, action: StaleAction, commitment: Commitment | null = null): StaleRow => ({
    category,
    contactId: facts.contactId,
    contact: facts.contact,
    company: facts.company,
    status: facts.status,
    lastTouchAt: facts.lastTouchAt,
    lastTwoWayAt: facts.lastTwoWayAt,
    attemptsSince: facts.attemptsSince,
    daysSilent: facts.daysSilent,
    daysSinceTwoWay: facts.daysSinceTwoWay,
    commitment,
    why,
    action,
  });
  const byDue = (a: Commitment, b: Commitment) =>
    Date.parse(dueInstant(a.due, config.dayEnd, zone)) - Date.parse(dueInstant(b.due, config.dayEnd, zone)) || a.id - b.id;

  // 1. missed: the oldest missed commitment speaks for the contact.
  // What they were to do binds no rule (docs/rules.md): a passed expectation is a reason to call, not a missed commitment.
  const missed = c.open.filter((m) => m.kind !== 'expectation' && isMissed(m, now, today, config, zone)).sort(byDue);
  if (missed.length > 0) {
    const m = missed[0]!;
    const more = missed.length > 1 ? ` (and ${missed.length - 1} more)` : '';
    const when = 'at' in m.due || m.kind === 'next-step' ? formatDue(m.due, zone, today) : `${formatDay(m.due.date, today)} ${config.dayEnd}`;
    return m.kind === 'promise'
      ? row('missed', `promise ${commitmentHandle(m.id)} "${m.what}" was due ${when}${more}`, { kind: 'keep-promise', commitmentId: m.id }, m)
      : row(
          'missed',
          `next step ${commitmentHandle(m.id)} "${m.what}" on ${when} was missed${more}`,
          { kind: 'book-step', contactId: id, what: m.what, day: null },
          m,
        );
  }

  const step = c.open.find((m) => m.kind === 'next-step') ?? null;
  // 2. soft: a date without a time is a soft commitment; firm it up.
  if (step?.soft) {
    const day = dueDate(step.due, zone);
    return row(
      'soft',
      `next step ${commitmentHandle(step.id)} "${step.what}" on ${formatDay(day, today)} has no time agreed`,
      { kind: 'book-step', contactId: id, what: step.what, day },
      step,
    );
  }

  // 3. re-engage: warm, then given up too soon. Nurture contacts are on their cadence by choice.
  if (c.status === 'active' && d.lastTwoWayAt !== null && d.unanswered >= 1 && d.unanswered <= L - 1 && !step && facts.daysSilent >= config.staleDays) {
    // R5's hint: after two unanswered emails in a row, another channel.
    const via: Channel = d.lastAttemptChannel === 'email' && d.sameChannelRun >= 2 ? 'linkedin' : 'email';
    return row(
      're-engage',
      `${c.lastTwoWayOutcome === 'replied' ? 'replied' : 'talked'} ${formatDay(localDateOf(d.lastTwoWayAt, zone), today)}, then ${plural(d.unanswered, 'unanswered attempt')}; silent ${plural(facts.daysSilent, 'day')}`,
      { kind: 're-engage', contactId: id, channel: via },
    );
  }

  // 4. drop: a sequence that never got an answer, or nurture that never does.
  const drop: StaleAction = { kind: 'drop', contactId: id };
  if (d.unanswered >= L && facts.daysSinceTwoWay >= config.staleDropDays) {
    const reply = d.lastTwoWayAt
      ? `no reply since ${formatDay(localDateOf(d.lastTwoWayAt, zone), today)} (${plural(facts.daysSinceTwoWay, 'day')})`
      : `never a reply in ${plural(facts.daysSinceTwoWay, 'day')}`;
    return row('drop', `${plural(d.unanswered, 'unanswered attempt')}, ${reply}`, drop);
  }
  if (c.status === 'nurture' && d.valueUnanswered >= VALUE_TOUCHES_TO_DROP) {
    return row('drop', `${d.valueUnanswered} value touches in a row unanswered`, drop);
  }

  // 5. no-next-step: active, nothing booked and no chase running.
  if (c.status === 'active' && !step && d.chaseDueOn === null) {
    return d.lastTouchAt === null
      ? row('no-next-step', 'never contacted: make the first touch', { kind: 'first-touch', contactId: id })
      : row('no-next-step', 'active, but no next step booked and no chase running', { kind: 'book-step', contactId: id, what: null, day: null });
  }
  return null;
}

/** Every row, grouped by category in precedence order, the most valuable first within each. */
export function staleList(contacts: readonly StaleContact[], ctx: StaleContext): StaleRow[] {
  const rows = contacts.map((c) => categorize(c, ctx)).filter((r): r is StaleRow => r !== null);
  const dueKey = (r: StaleRow) => (r.commitment ? Date.parse(dueInstant(r.commitment.due, ctx.config.dayEnd, ctx.zone)) : 0);
  /** Ascending within a category. */
  const withinKey = (r: StaleRow): number => {
    switch (r.category) {
      case 'missed': // the longest overdue first
      case 'soft': // the soonest soft date first: the most urgent to firm up
        return dueKey(r);
      case 'drop':
        return -r.daysSinceTwoWay;
      default: // the longest silence first
        return -r.daysSilent;
    }
  };
  // Each key computed once, not at every comparison: thousands of rows at 100k contacts.
  const keyed = rows.map((r) => ({ r, rank: STALE_CATEGORIES.indexOf(r.category), within: withinKey(r) }));
  keyed.sort((a, b) => a.rank - b.rank || a.within - b.within || a.r.contactId - b.r.contactId);
  return keyed.map((k) => k.r);
}

/** Rows grouped by category (every category present, possibly empty). */
export function groupStale(rows: readonly StaleRow[]): Record<StaleCategory, StaleRow[]> {
  const groups = Object.fromEntries(STALE_CATEGORIES.map((k) => [k, [] as StaleRow[]])) as Record<StaleCategory, StaleRow[]>;
  for (const r of rows) groups[r.category].push(r);
  return groups;
}
