/**
 * Your own numbers over a period (docs/rules.md, "Your numbers"). Pure: the
 * store counts rows through its indexes over the ranges this module asks for
 * (statsQuery), and this module turns the counts into the figures. Every
 * figure keeps its count, so a small sample shows as small.
 *
 * A sequence is the run of unanswered attempts after a two-way touch (or
 * ever). Each attempt carries its number in the run and whether a two-way
 * touch answered it (kept on write, see attemptMarks). Over the attempts made
 * in the period: a reply after attempt k is an answered attempt k; a break-up
 * is an unanswered attempt L (attempts.limit). Given up after k: an active
 * contact whose run stopped at k < L attempts, nothing booked, silent for
 * stale.days, its last attempt in the period.
 */
import { addDays, instantAt, localDateOf, startOfDay, weekdayOf } from './time.js';
import type { Channel, CommitmentKind, Config, Instant, LocalDate, StoredCommitmentState } from './types.js';
import type { Zone } from './zone.js';

export interface Period {
  /** First local day of the period. */
  since: LocalDate;
  /** Last local day of the period (inclusive). */
  until: LocalDate;
}

/** A range of due times and due dates: commitments of `kind` due in it are judged (kept, late, missed). */
export interface DueRange {
  kind: CommitmentKind;
  fromAt: Instant;
  toAt: Instant;
  fromDate: LocalDate;
  toDate: LocalDate;
}

/** What the store is asked to count. Instants are half-open ranges [from, to). */
export interface StatsQuery {
  fromAt: Instant;
  toAt: Instant;
  /** Given up: active, nothing booked, 1..limit-1 attempts, last touch before this. */
  silentBefore: Instant;
  attemptsLimit: number;
  due: DueRange[];
  /** The states counted in each DueRange (with the late flag): kept on time or late, still open. */
  states: readonly (readonly [StoredCommitmentState, boolean])[];
  /** Start of each week of the chart, and the end of the last. */
  weeks: { from: Instant; to: Instant }[];
}

/** The counts the store reads for a StatsQuery. */
export interface StatsRows {
  attempts: { channel: Channel; attempt: number; answered: boolean; count: number }[];
  givenUp: { attempts: number; count: number }[];
  /** Connected touches, by the next step they created (if any) and whether they closed the contact out. */
  conversations: { step: 'firm' | 'soft' | null; disposition: boolean; count: number }[];
  /** Commitments of each DueRange, by state. */
  due: { kind: CommitmentKind; state: StoredCommitmentState; late: boolean; count: number }[];
  rescheduled: number;
  /** Overridden rules as stored on the touch ('R4', 'R5' or 'R4,R5'). */
  forced: { rules: string; count: number }[];
  closed: { disposition: 'won' | 'lost'; reason: string | null; count: number }[];
  /** Touches in each week of StatsQuery.weeks, in order. */
  weekly: number[];
}

/** The period of `fu stats` with neither bound given: the last twelve weeks, today included. */
export const DEFAULT_WEEKS = 12;

export function defaultPeriod(today: LocalDate): Period {
  return { since: addDays(today, -DEFAULT_WEEKS * 7 + 1), until: today };
}

/** The Monday of a date's week. */
function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

const earlier = (a: Instant, b: Instant) => (Date.parse(a) <= Date.parse(b) ? a : b);
const later = (a: Instant, b: Instant) => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * The counts to read. Commitments are judged only once their time is over:
 * a next step once its day has ended (R3), a promise or an expectation once
 * its due time has passed (date-only: at day.end).
 */
export function statsQuery(period: Period, now: Instant, config: Config, zone: Zone): StatsQuery {
  const today = localDateOf(now, zone);
  const fromAt = startOfDay(period.since, zone);
  const toAt = startOfDay(addDays(period.until, 1), zone);
  const dayOver = Date.parse(instantAt(today, config.dayEnd, zone)) <= Date.parse(now);
  const due: DueRange[] = [
    { kind: 'next-step', fromAt, toAt: earlier(toAt, startOfDay(today, zone)), fromDate: period.since, toDate: minDate(period.until, addDays(today, -1)) },
    ...(['promise', 'expectation'] as const).map((kind) => ({
      kind,
      fromAt,
      toAt: earlier(toAt, now),
      fromDate: period.since,
      toDate: minDate(period.until, dayOver ? today : addDays(today, -1)),
    })),
  ];
  // Weeks from Monday, the first and last cut to the period.
  const weeks: StatsQuery['weeks'] = [];
  for (let week = mondayOf(period.since); week <= period.until; week = addDays(week, 7)) {
    weeks.push({ from: later(startOfDay(week, zone), fromAt), to: earlier(startOfDay(addDays(week, 7), zone), toAt) });
  }
  const states = [
    ['kept', false],
    ['kept', true],
    ['open', false],
    ['open', true],
    ['missed', false],
    ['missed', true],
  ] as const;
  return { fromAt, toAt, silentBefore: startOfDay(addDays(today, -config.staleDays), zone), attemptsLimit: config.attemptsLimit, due, states, weeks };
}

const minDate = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

/** n of total, with the share (null when there is nothing to divide). */
export interface Share {
  count: number;
  of: number;
  rate: number | null;
}

const share = (count: number, of: number): Share => ({ count, of, rate: of === 0 ? null : Math.round((count / of) * 1000) / 1000 });

export interface Stats extends Period {
  sequences: {
    /** Index 0: a reply after attempt 1, and so on up to the limit. */
    repliedAfter: { attempt: number; count: number }[];
    breakUp: number;
    givenUpAfter: { attempts: number; count: number }[];
  };
  replyRate: {
    byChannel: ({ channel: Channel } & Share)[];
    byAttempt: ({ attempt: number } & Share)[];
  };
  conversations: { total: number; firm: number; soft: number; closed: number; none: number };
  nextSteps: { kept: number; missed: number; rescheduled: number };
  promises: { onTime: number; late: number; missed: number };
  expectations: { met: number; metLate: number; notMet: number };
  overrides: { rule: string; count: number }[];
  outcomes: { won: number; lost: number; lostReasons: { reason: string | null; count: number }[] };
  weekly: { week: LocalDate; touches: number }[];
}

export function buildStats(period: Period, query: StatsQuery, rows: StatsRows, zone: Zone): Stats {
  const L = query.attemptsLimit;
  const sum = <T>(items: T[], pick: (t: T) => number) => items.reduce((n, t) => n + pick(t), 0);

  const repliedAfter: Stats['sequences']['repliedAfter'] = [];
  const maxAttempt = Math.max(L, ...rows.attempts.map((a) => a.attempt));
  for (let k = 1; k <= maxAttempt; k++) {
    const count = sum(
      rows.attempts.filter((a) => a.attempt === k && a.answered),
      (a) => a.count,
    );
    if (k <= L || count > 0) repliedAfter.push({ attempt: k, count });
  }
  const breakUp = sum(
    rows.attempts.filter((a) => a.attempt === L && !a.answered),
    (a) => a.count,
  );
  const givenUpAfter = Array.from({ length: L - 1 }, (_, i) => ({
    attempts: i + 1,
    count: sum(
      rows.givenUp.filter((g) => g.attempts === i + 1),
      (g) => g.count,
    ),
  }));

  const channels = [...new Set(rows.attempts.map((a) => a.channel))].sort();
  const byChannel = channels.map((channel) => {
    const of = rows.attempts.filter((a) => a.channel === channel);
    return {
      channel,
      ...share(
        sum(
          of.filter((a) => a.answered),
          (a) => a.count,
        ),
        sum(of, (a) => a.count),
      ),
    };
  });
  const numbers = [...new Set(rows.attempts.map((a) => a.attempt))].sort((a, b) => a - b);
  const byAttempt = numbers.map((attempt) => {
    const of = rows.attempts.filter((a) => a.attempt === attempt);
    return {
      attempt,
      ...share(
        sum(
          of.filter((a) => a.answered),
          (a) => a.count,
        ),
        sum(of, (a) => a.count),
      ),
    };
  });

  const conv = rows.conversations;
  const conversations = {
    total: sum(conv, (c) => c.count),
    firm: sum(
      conv.filter((c) => c.step === 'firm'),
      (c) => c.count,
    ),
    soft: sum(
      conv.filter((c) => c.step === 'soft'),
      (c) => c.count,
    ),
    closed: sum(
      conv.filter((c) => c.step === null && c.disposition),
      (c) => c.count,
    ),
    none: sum(
      conv.filter((c) => c.step === null && !c.disposition),
      (c) => c.count,
    ),
  };

  const due = (kind: CommitmentKind, state: StoredCommitmentState, late?: boolean) =>
    sum(
      rows.due.filter((d) => d.kind === kind && d.state === state && (late === undefined || d.late === late)),
      (d) => d.count,
    );
  // An open commitment in a judged range is missed (R3). A next step replaced or cancelled is neither kept nor missed.
  // Stored 'missed' is a step closed by a no-show (R3): missed as surely as one left open past its day.
  const missed = (kind: CommitmentKind) => due(kind, 'open') + due(kind, 'missed');
  const nextSteps = { kept: due('next-step', 'kept'), missed: missed('next-step'), rescheduled: rows.rescheduled };
  const promises = { onTime: due('promise', 'kept', false), late: due('promise', 'kept', true), missed: missed('promise') };
  const expectations = { met: due('expectation', 'kept', false), metLate: due('expectation', 'kept', true), notMet: missed('expectation') };

  const overrides = new Map<string, number>();
  for (const f of rows.forced) for (const rule of f.rules.split(',')) overrides.set(rule, (overrides.get(rule) ?? 0) + f.count);

  const lost = rows.closed.filter((c) => c.disposition === 'lost');
  const reasons = new Map<string | null, number>();
  for (const c of lost) reasons.set(c.reason, (reasons.get(c.reason) ?? 0) + c.count);

  return {
    since: period.since,
    until: period.until,
    sequences: { repliedAfter, breakUp, givenUpAfter },
    replyRate: { byChannel, byAttempt },
    conversations,
    nextSteps,
    promises,
    expectations,
    overrides: [...overrides].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => ({ rule, count })),
    outcomes: {
      won: sum(
        rows.closed.filter((c) => c.disposition === 'won'),
        (c) => c.count,
      ),
      lost: sum(lost, (c) => c.count),
      lostReasons: [...reasons].sort(([ra, a], [rb, b]) => b - a || String(ra).localeCompare(String(rb))).map(([reason, count]) => ({ reason, count })),
    },
    weekly: query.weeks.map((w, i) => ({ week: localDateOf(w.from, zone), touches: rows.weekly[i] ?? 0 })),
  };
}
