/**
 * What `fu stats` reads: counts over a period, each through an index of
 * migration 004, never the touches one by one. The ranges come from the
 * domain (statsQuery); the figures are made there too (buildStats).
 */
import type { StatsQuery, StatsRows } from '../domain/stats.js';
import type { Channel, CommitmentKind, StoredCommitmentState } from '../domain/types.js';
import type { Store } from './store.js';

/** Exported for the query-plan test. Each WHERE repeats its partial index's condition so SQLite can use it. */
export const STATS_SQL = {
  attempts: `SELECT channel, attempt, answered, count(*) AS n FROM touches
              WHERE attempt IS NOT NULL AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY channel, attempt, answered`,
  givenUp: `SELECT c.unanswered, count(*) AS n FROM contacts c
              WHERE c.status IN ('active', 'nurture') AND (c.next_step_id IS NULL OR c.unanswered >= 2 OR c.value_unanswered > 0)
                AND c.status = 'active' AND c.next_step_id IS NULL AND c.unanswered BETWEEN 1 AND @limit - 1
                AND c.last_touch_at < @silentBefore AND c.last_attempt_at >= @fromAt AND c.last_attempt_at < @toAt
              GROUP BY c.unanswered`,
  conversations: `SELECT s.id IS NOT NULL AS has_step, s.soft, t.disposition IS NOT NULL AS disposed, count(*) AS n
              FROM touches t LEFT JOIN commitments s ON s.touch_id = t.id AND s.kind = 'next-step'
              WHERE t.outcome = 'connected' AND t.happened_at >= @fromAt AND t.happened_at < @toAt
              GROUP BY has_step, s.soft, disposed`,
  dueAt: `SELECT state, late, count(*) AS n FROM commitments
              WHERE due_at IS NOT NULL AND kind = @kind AND due_at >= @fromAt AND due_at < @toAt GROUP BY state, late`,
  dueDate: `SELECT state, late, count(*) AS n FROM commitments
              WHERE due_date IS NOT NULL AND kind = @kind AND due_date >= @fromDate AND due_date <= @toDate GROUP BY state, late`,
  rescheduled: `SELECT count(*) AS n FROM commitment_history h JOIN commitments c ON c.id = h.commitment_id
              WHERE h.moved_at >= @fromAt AND h.moved_at < @toAt AND c.kind = 'next-step'`,
  forced: `SELECT forced, count(*) AS n FROM touches
              WHERE forced IS NOT NULL AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY forced`,
  closed: `SELECT disposition, lost_reason, count(*) AS n FROM touches
              WHERE disposition IN ('won', 'lost') AND happened_at >= @fromAt AND happened_at < @toAt GROUP BY disposition, lost_reason`,
  week: `SELECT count(*) AS n FROM touches WHERE happened_at >= @from AND happened_at < @to`,
};

type Counted = { n: number } & Record<string, unknown>;

export function statsRows(store: Store, q: StatsQuery): StatsRows {
  const db = store.db;
  const all = (sql: string, params: Record<string, unknown>) => db.prepare(sql).all(params) as Counted[];
  const range = { fromAt: q.fromAt, toAt: q.toAt };
  const week = db.prepare(STATS_SQL.week);
  return {
    attempts: all(STATS_SQL.attempts, range).map((r) => ({ channel: r.channel as Channel, attempt: r.attempt as number, answered: r.answered === 1, count: r.n })),
    givenUp: all(STATS_SQL.givenUp, { ...range, limit: q.attemptsLimit, silentBefore: q.silentBefore }).map((r) => ({ attempts: r.unanswered as number, count: r.n })),
    conversations: all(STATS_SQL.conversations, range).map((r) => ({
      step: r.has_step === 1 ? (r.soft === 1 ? 'soft' : 'firm') : null,
      disposition: r.disposed === 1,
      count: r.n,
    })),
    due: q.due.flatMap((d) =>
      [...all(STATS_SQL.dueAt, { kind: d.kind, fromAt: d.fromAt, toAt: d.toAt }), ...all(STATS_SQL.dueDate, { kind: d.kind, fromDate: d.fromDate, toDate: d.toDate })].map((r) => ({
        kind: d.kind as CommitmentKind,
        state: r.state as StoredCommitmentState,
        late: r.late === 1,
        count: r.n,
      })),
    ),
    rescheduled: (db.prepare(STATS_SQL.rescheduled).get(range) as { n: number }).n,
    forced: all(STATS_SQL.forced, range).map((r) => ({ rules: r.forced as string, count: r.n })),
    closed: all(STATS_SQL.closed, range).map((r) => ({ disposition: r.disposition as 'won' | 'lost', reason: r.lost_reason as string | null, count: r.n })),
    weekly: q.weeks.map((w) => (week.get(w) as { n: number }).n),
  };
}
