-- fu schema, version 15, for fu stale. The two instants each candidate's days are counted from,
-- as whole seconds since 1970 (UTC), computed by SQLite from the contact's own columns: when it
-- fell silent (its last touch, else when it was added), and since when it has gone without a
-- two-way touch (its last one, else when it was first known: added, or first touched if that was
-- earlier; docs/rules.md). fu stale's whole list parsed two ISO instants for each of its 4,000
-- candidates at 100,000 contacts, about 8,000 calls to Date.parse, most of them before V8 had
-- compiled the loop. The columns are generated (VIRTUAL: computed from the row, never written, so
-- no write can leave them behind its history), and contacts_stale holds them in place of created_at
-- and first_touch_at, which fu stale no longer reads: the whole list reads them from that index as
-- it read the instants, and the contacts read by id compute them from the row. unixepoch() rounds
-- down, before 1970 too, so a local day counted from these seconds is the day of the instant itself.
-- See SQL.staleContacts in src/store/queries.ts and verdictOf in src/domain/stale.ts.
-- Never edit this file once landed: add a later migration instead.

ALTER TABLE contacts ADD COLUMN silent_since INTEGER GENERATED ALWAYS AS (unixepoch(coalesce(last_touch_at, created_at))) VIRTUAL;
ALTER TABLE contacts ADD COLUMN two_way_since INTEGER
  GENERATED ALWAYS AS (unixepoch(coalesce(last_two_way_at, min(created_at, coalesce(first_touch_at, created_at))))) VIRTUAL;

DROP INDEX contacts_stale;
CREATE INDEX contacts_stale ON contacts (
  status, id, name, company, silent_since, last_touch_at, last_two_way_at, unanswered, last_attempt_at,
  last_attempt_channel, same_channel_run, chase_due_on, nurture_due_on, value_unanswered, next_step_id, two_way_since,
  last_two_way_outcome
) WHERE status IN ('active', 'nurture') AND (next_step_id IS NULL OR unanswered >= 2 OR value_unanswered > 0);
