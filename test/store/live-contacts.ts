/** What the plain rule of fu stale ranks, read from the tables themselves: no stale index, no stale column. */
import type { Database } from 'better-sqlite3';
import type { StaleContact } from '../../src/domain/stale.js';
import type { Commitment } from '../../src/domain/types.js';
import { COMMITMENT_COLUMNS, commitmentFromRow, contactFromRow } from '../../src/store/rows.js';
import { staleSince } from '../domain/fixtures.js';

/** Every live contact, read whole, with every open commitment and the seconds its days count from (staleSince). */
export function everyLiveContact(db: Database): StaleContact[] {
  const open = new Map<number, Commitment[]>();
  for (const r of db.prepare(`SELECT ${COMMITMENT_COLUMNS} FROM commitments m WHERE state = 'open'`).raw(true).all() as unknown[][]) {
    const c = commitmentFromRow(r);
    open.set(c.contactId, [...(open.get(c.contactId) ?? []), c]);
  }
  const rows = db
    .prepare(
      `SELECT c.*, CASE WHEN c.last_two_way_at IS NULL THEN (SELECT min(happened_at) FROM touches t WHERE t.contact_id = c.id) END AS first_touch,
              (SELECT max(outcome = 'connected') FROM touches t WHERE t.contact_id = c.id AND t.happened_at = c.last_two_way_at
                 AND outcome IN ('connected', 'replied')) AS connected
         FROM contacts c WHERE status IN ('active', 'nurture')`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => {
    const c = contactFromRow(r);
    return {
      ...c,
      ...staleSince(c.derived, c.createdAt, r.first_touch as string | null),
      lastTwoWayOutcome: r.connected === null ? null : r.connected ? ('connected' as const) : ('replied' as const),
      open: open.get(c.id) ?? [],
    };
  });
}
