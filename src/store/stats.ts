/**
 * What `fu stats` reads: counts over a period, each through an index of
 * migration 004, never the touches one by one. The ranges come from the
 * domain (statsQuery); the figures are made there too (buildStats).
 */
import type { StatsQuery, StatsRows } from '../domain/stats.js';
import type { Channel } from '../domain/types.js';
import type { Db } from './db.js';

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
  /** One range of commitments_due_at / _due_date per kind, state and late flag. */
  dueAt: `SELECT count(*) AS n FROM commitments
              WHERE due_at IS NOT NULL AND kind = @kind AND state = @state AND late = @late AND due_at >= @fromAt AND due_at < @toAt`,
  dueDate: `SELECT count(*) AS n FROM commitments
              WHERE due_date IS NOT NULL AND kind = @kind AND state = @state AND late = @late AND due_date >= @fromDate AND due_date <= @toDate`,
  /** Only next steps are ever moved (fu next). */
  rescheduled: `SELECT count(*) AS n FROM commitment_history WHERE moved_at >= @fromAt AND moved_at < @toAt`,
  forced: `SELECT forced, count(*) AS n FROM touches
              WHERE forced IS NOT NULL AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY forced`,
  closed: `SELECT disposition, lost_reason, count(*) AS n FROM touches
              WHERE disposition IN ('won', 'lost') AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY disposition, lost_reason`,
  week: `SELECT count(*) AS n FROM touches WHERE happened_at >= @from AND happened_at < @to`,
};

type Counted = { n: number } & Record<string, unknown>;

const conversationRows = (r: Record<'firm' | 'soft' | 'closed' | 'none', number>): StatsRows['conversations'] => [
  { step: 'firm', disposition: false, count: r.firm },
  { step: 'soft', disposition: false, count: r.soft },
  { step: null, disposition: true, count: r.closed },
  { step: null, disposition: false, count: r.none },
];

export function statsRows(db: Db, q: StatsQuery): StatsRows {
  const all = (sql: string, params: Record<string, unknown>) => db.prepare(sql).all(params) as Counted[];
  const range = { fromAt: q.fromAt, toAt: q.toAt };
  const week = db.prepare(STATS_SQL.week);
  const dueAt = db.prepare(STATS_SQL.dueAt);
  const dueDate = db.prepare(STATS_SQL.dueDate);
  return {
    attempts: all(STATS_SQL.attempts, range).map((r) => ({
      channel: r.channel as Channel,
      attempt: r.attempt as number,
      answered: r.answered === 1,
      count: r.n,
    })),
    givenUp: all(STATS_SQL.givenUp, { ...range, limit: q.attemptsLimit, silentBefore: q.silentBefore }).map((r) => ({
      attempts: r.unanswered as number,
      count: r.n,
    })),
    conversations: conversationRows(db.prepare(STATS_SQL.conversations).get(range) as Record<'firm' | 'soft' | 'closed' | 'none', number>),
    due: q.due.flatMap((d) =>
      q.states.map(([state, late]) => {
        const key = { kind: d.kind, state, late: late ? 1 : 0 };
        const n =
          (dueAt.get({ ...key, fromAt: d.fromAt, toAt: d.toAt }) as { n: number }).n +
          (dueDate.get({ ...key, fromDate: d.fromDate, toDate: d.toDate }) as { n: number }).n;
        return { kind: d.kind, state, late, count: n };
      }),
    ),
    rescheduled: (db.prepare(STATS_SQL.rescheduled).get(range) as { n: number }).n,
    forced: all(STATS_SQL.forced, range).map((r) => ({ rules: r.forced as string, count: r.n })),
    closed: all(STATS_SQL.closed, range).map((r) => ({ disposition: r.disposition as 'won' | 'lost', reason: r.lost_reason as string | null, count: r.n })),
    weekly: q.weeks.map((w) => (week.get(w) as { n: number }).n),
  };
}
