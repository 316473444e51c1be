-- fu stale found its categories after missed and soft by reading the 10,000
-- entries of contacts_stale (migration 003) at 100,000 contacts and deciding
-- each one, to show 25 of each. These three partial indexes hold each
-- category's contacts in the order it ranks them, with every column that
-- decides the category: each category is counted from its index alone, and
-- read in rank order until the rows shown. See SQL.staleRanked in
-- src/store/queries.ts.
-- Never edit this file once landed: add a later migration instead.

-- re-engage: warm, then given up too soon; ranked by the last touch.
CREATE INDEX contacts_stale_reengage ON contacts (
  coalesce(last_touch_at, created_at), id, status, next_step_id, last_two_way_at, unanswered, last_touch_at, created_at
)
WHERE status = 'active' AND next_step_id IS NULL AND last_two_way_at IS NOT NULL AND unanswered >= 1;

-- drop: at the attempt limit (2 or 3), or nurture with value touches unanswered; ranked by the last two-way touch.
CREATE INDEX contacts_stale_drop ON contacts (last_two_way_at, id, status, unanswered, value_unanswered, created_at)
WHERE status IN ('active', 'nurture') AND (unanswered >= 2 OR value_unanswered >= 3);

-- no-next-step: active, nothing booked, no chase running; ranked by the last touch (when added, with none).
CREATE INDEX contacts_stale_no_step ON contacts (
  coalesce(last_touch_at, created_at), id, status, next_step_id, chase_due_on, last_two_way_at, unanswered, last_touch_at, created_at
)
WHERE status = 'active' AND next_step_id IS NULL AND chase_due_on IS NULL;
