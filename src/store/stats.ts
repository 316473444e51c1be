/**
 * What `fu stats` reads: counts over a period, never the touches one by one.
 * Touches are counted from the summary of migration 007 (per UTC day, kept by
 * triggers) for the whole UTC days of a range, and from the indexes of
 * migration 004 for the part-days at either end, so the cost does not grow
 * with the touches of the period. The ranges come from the domain
 * (statsQuery); the figures are made there too (buildStats).
 */
import type { StatsQuery, StatsRows } from '../domain/stats.js';
import type { Channel } from '../domain/types.js';
import type { Db } from './db.js';
import { prepared } from './statements.js';

/** The summaries migration 007's triggers keep from the touches and commitments: derived, never written directly. */
export const SUMMARY_TABLES: readonly string[] = ['stats_touch_days', 'stats_due_days'];

/** Exported for the query-plan test. Each WHERE repeats its partial index's condition so SQLite can use it. */
export const STATS_SQL = {
  attempts: `SELECT channel, attempt, answered, count(*) AS n FROM touches
              WHERE attempt IS NOT NULL AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY channel, attempt, answered`,
  givenUp: `SELECT c.unanswered, count(*) AS n FROM contacts c
              WHERE c.status IN ('active', 'nurture') AND (c.next_step_id IS NULL OR c.unanswered >= 2 OR c.value_unanswered > 0)
                AND c.status = 'active' AND c.next_step_id IS NULL AND c.unanswered BETWEEN 1 AND @limit - 1
                AND c.last_touch_at < @silentBefore AND c.last_attempt_at >= @fromAt AND c.last_attempt_at < @toAt
              GROUP BY c.unanswered`,
  /** Sums in one pass over the index: a GROUP BY would sort every conversation of the period first. */
  conversations: `SELECT coalesce(sum(step = 'firm'), 0) AS firm, coalesce(sum(step = 'soft'), 0) AS soft,
                         coalesce(sum(step IS NULL AND disposition IS NOT NULL), 0) AS closed, coalesce(sum(step IS NULL AND disposition IS NULL), 0) AS none
              FROM touches WHERE outcome = 'connected' AND happened_at >= @fromAt AND happened_at < @toAt`,
  /** One range of commitments_due_at per kind, state and late flag. */
  dueAt: `SELECT count(*) AS n FROM commitments
              WHERE due_at IS NOT NULL AND kind = @kind AND state = @state AND late = @late AND due_at >= @fromAt AND due_at < @toAt`,
  /** Only next steps are ever moved (fu next). */
  rescheduled: `SELECT count(*) AS n FROM commitment_history WHERE moved_at >= @fromAt AND moved_at < @toAt`,
  forced: `SELECT forced, count(*) AS n FROM touches
              WHERE forced IS NOT NULL AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY forced`,
  closed: `SELECT disposition, lost_reason, count(*) AS n FROM touches
              WHERE disposition IN ('won', 'lost') AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY disposition, lost_reason`,
  week: `SELECT count(*) AS n FROM touches WHERE happened_at >= @fromAt AND happened_at < @toAt`,
};

/**
 * Contacts closed out with fu close: a decision without a touch, won or lost all the same. Read
 * from the table itself: it holds one row per close-out, a few per contact at most, not the
 * touches' millions.
 */
const DECIDED_SQL = `SELECT kind AS disposition, lost_reason, count(*) AS n FROM decisions
              WHERE kind IN ('won', 'lost') AND decided_at >= @fromAt AND decided_at < @toAt GROUP BY kind, lost_reason`;

/** The same touch counts from the summary, over whole UTC days [fromDay, toDay). Exported for the query-plan test. */
export const SUMMARY_SQL = {
  attempts: `SELECT channel, attempt, answered, sum(n) AS n FROM stats_touch_days
              WHERE day >= @fromDay AND day < @toDay AND attempt IS NOT NULL GROUP BY channel, attempt, answered`,
  conversations: `SELECT coalesce(sum(n * (step = 'firm')), 0) AS firm, coalesce(sum(n * (step = 'soft')), 0) AS soft,
                         coalesce(sum(n * (step IS NULL AND disposition IS NOT NULL)), 0) AS closed, coalesce(sum(n * (step IS NULL AND disposition IS NULL)), 0) AS none
              FROM stats_touch_days WHERE day >= @fromDay AND day < @toDay AND connected = 1`,
  forced: `SELECT forced, sum(n) AS n FROM stats_touch_days WHERE day >= @fromDay AND day < @toDay AND forced IS NOT NULL GROUP BY forced`,
  closed: `SELECT disposition, lost_reason, sum(n) AS n FROM stats_touch_days
              WHERE day >= @fromDay AND day < @toDay AND disposition IN ('won', 'lost') GROUP BY disposition, lost_reason`,
  week: `SELECT coalesce(sum(n), 0) AS n FROM stats_touch_days WHERE day >= @fromDay AND day < @toDay`,
  dueAt: `SELECT coalesce(sum(n), 0) AS n FROM stats_due_days
              WHERE kind = @kind AND state = @state AND late = @late AND timed = 1 AND day >= @fromDay AND day < @toDay`,
  /** Due dates are local dates already: read exactly, never split. */
  dueDate: `SELECT coalesce(sum(n), 0) AS n FROM stats_due_days
              WHERE kind = @kind AND state = @state AND late = @late AND timed = 0 AND day >= @fromDate AND day <= @toDate`,
};

/** The counts read over a range of instants: the summary's whole days plus the part-days from the base tables. */
type SplitCount = Exclude<keyof typeof SUMMARY_SQL, 'dueDate'>;

type Counted = { n: number } & Record<string, unknown>;

const DAY_MS = 86_400_000;

/** The UTC midnight nearest to an instant. */
const nearestMidnight = (at: string) => Math.round(Date.parse(at) / DAY_MS) * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/** A range of instants, counted with a sign: +1 added, -1 taken away. */
export interface SignedRange {
  fromAt: string;
  toAt: string;
  sign: 1 | -1;
}

/**
 * A range of instants [fromAt, toAt) as whole UTC days [fromDay, toDay), read
 * from the summary, corrected at either end by at most half a day of base
 * rows: each end is moved to its nearest UTC midnight, and the part between
 * is added (the range starts before the midnight or ends after it) or taken
 * away (the other way round).
 */
export function splitByUtcDay(fromAt: string, toAt: string): { days: { fromDay: string; toDay: string } | null; edges: SignedRange[] } {
  const from = nearestMidnight(fromAt);
  const to = nearestMidnight(toAt);
  if (from >= to) return { days: null, edges: Date.parse(fromAt) < Date.parse(toAt) ? [{ fromAt, toAt, sign: 1 }] : [] };
  const edge = (a: string, b: string, sign: 1 | -1): SignedRange[] => (Date.parse(a) < Date.parse(b) ? [{ fromAt: a, toAt: b, sign }] : []);
  return {
    days: { fromDay: iso(from).slice(0, 10), toDay: iso(to).slice(0, 10) },
    edges: [...edge(fromAt, iso(from), 1), ...edge(iso(from), fromAt, -1), ...edge(iso(to), toAt, 1), ...edge(toAt, iso(to), -1)],
  };
}

/** Rows counted over a range of instants: the summary's whole days and the signed part-days from the base tables, merged by their key columns. */
function countOver(db: Db, name: SplitCount, fromAt: string, toAt: string, extra: Record<string, unknown> = {}): Counted[] {
  const { days, edges } = splitByUtcDay(fromAt, toAt);
  const parts: { sign: number; rows: Counted[] }[] = [
    ...(days ? [{ sign: 1, rows: prepared(db, SUMMARY_SQL[name]).all({ ...days, ...extra }) as Counted[] }] : []),
    ...edges.map((e) => ({
      sign: e.sign,
      rows: prepared(db, STATS_SQL[name]).all({ fromAt: e.fromAt, toAt: e.toAt, ...extra }) as Counted[],
    })),
  ];
  const merged = new Map<string, Counted>();
  for (const { sign, rows } of parts) {
    for (const r of rows) {
      const key = JSON.stringify(Object.entries(r).filter(([k]) => !COUNT_COLUMNS.has(k)));
      const sum =
        merged.get(key) ??
        merged
          .set(key, {
            ...r,
            ...Object.fromEntries(
              Object.keys(r)
                .filter((k) => COUNT_COLUMNS.has(k))
                .map((k) => [k, 0]),
            ),
          })
          .get(key)!;
      for (const k of COUNT_COLUMNS) if (k in r) sum[k] = (sum[k] as number) + sign * (r[k] as number);
    }
  }
  // A group whose part-days took away all the summary gave is not in the period.
  return [...merged.values()].filter((r) => [...COUNT_COLUMNS].some((k) => (r[k] ?? 0) !== 0));
}

/** The columns that are counts (added up when merging); the others are the key. */
const COUNT_COLUMNS = new Set(['n', 'firm', 'soft', 'closed', 'none']);

const conversationRows = (r: Record<'firm' | 'soft' | 'closed' | 'none', number>): StatsRows['conversations'] => [
  { step: 'firm', disposition: false, count: r.firm },
  { step: 'soft', disposition: false, count: r.soft },
  { step: null, disposition: true, count: r.closed },
  { step: null, disposition: false, count: r.none },
];

export function statsRows(db: Db, q: StatsQuery): StatsRows {
  const all = (sql: string, params: Record<string, unknown>) => prepared(db, sql).all(params) as Counted[];
  const range = { fromAt: q.fromAt, toAt: q.toAt };
  const over = (name: SplitCount) => countOver(db, name, q.fromAt, q.toAt);
  const dueDate = prepared(db, SUMMARY_SQL.dueDate);
  return {
    attempts: over('attempts').map((r) => ({
      channel: r.channel as Channel,
      attempt: r.attempt as number,
      answered: r.answered === 1,
      count: r.n,
    })),
    givenUp: all(STATS_SQL.givenUp, { ...range, limit: q.attemptsLimit, silentBefore: q.silentBefore }).map((r) => ({
      attempts: r.unanswered as number,
      count: r.n,
    })),
    conversations: conversationRows(
      (over('conversations')[0] ?? { firm: 0, soft: 0, closed: 0, none: 0 }) as unknown as Record<'firm' | 'soft' | 'closed' | 'none', number>,
    ),
    due: q.due.flatMap((d) =>
      q.states.map(([state, late]) => {
        const key = { kind: d.kind, state, late: late ? 1 : 0 };
        const n =
          (countOver(db, 'dueAt', d.fromAt, d.toAt, key)[0]?.n ?? 0) + (dueDate.get({ ...key, fromDate: d.fromDate, toDate: d.toDate }) as { n: number }).n;
        return { kind: d.kind, state, late, count: n };
      }),
    ),
    rescheduled: (prepared(db, STATS_SQL.rescheduled).get(range) as { n: number }).n,
    forced: over('forced').map((r) => ({ rules: r.forced as string, count: r.n })),
    closed: [...over('closed'), ...all(DECIDED_SQL, range)].map((r) => ({
      disposition: r.disposition as 'won' | 'lost',
      reason: r.lost_reason as string | null,
      count: r.n,
    })),
    weekly: q.weeks.map((w) => countOver(db, 'week', w.from, w.to)[0]?.n ?? 0),
  };
}
