-- fu schema, version 3: fu stale reads the contacts it may list from one
-- covering index instead of the table. Its candidates are spread over the
-- whole contacts table (4,000 rows on nearly as many pages at 100k contacts);
-- this index holds the live contacts with nothing booked, or with attempts or
-- value touches unanswered, in a few hundred pages, with every column stale
-- reads. Contacts with a missed or soft commitment are still read by id.
-- See SQL.staleContacts in src/store/queries.ts.
-- Never edit this file once landed: add 004_*.sql instead.

-- unanswered >= 2: attempts.limit is 2 or 3, so every contact at the limit is in.
CREATE INDEX contacts_stale ON contacts (
  status, id, name, company, created_at, last_touch_at, last_two_way_at, unanswered, last_attempt_at,
  last_attempt_channel, same_channel_run, chase_due_on, nurture_due_on, value_unanswered, next_step_id
) WHERE status IN ('active', 'nurture') AND (next_step_id IS NULL OR unanswered >= 2 OR value_unanswered > 0);

-- The partial indexes that found stale's candidates one category at a time (002): replaced by the one above.
DROP INDEX contacts_idle;
DROP INDEX contacts_dropped;
DROP INDEX contacts_unanswered;
DROP INDEX contacts_value_unanswered;
