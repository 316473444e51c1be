-- fu today reads the contacts whose chase or value touch is due from these two
-- partial indexes (migration 001), and read a page of the contacts table for
-- each (about 250 at 100,000 contacts, 1.5 to 2 ms). With every column the
-- agenda reads in them (the status and the derived state), they are read from
-- the indexes alone. They hold only the contacts with a chase or a value touch
-- ahead (about 10,000 at 100,000 contacts). See SQL.chasesDue in src/store/queries.ts.
-- Never edit this file once landed: add a later migration instead.
DROP INDEX contacts_chase_due;
CREATE INDEX contacts_chase_due ON contacts (
  chase_due_on, status, last_touch_at, last_two_way_at, unanswered, last_attempt_at, last_attempt_channel, same_channel_run, nurture_due_on, value_unanswered
) WHERE chase_due_on IS NOT NULL;
DROP INDEX contacts_nurture_due;
CREATE INDEX contacts_nurture_due ON contacts (
  nurture_due_on, status, last_touch_at, last_two_way_at, unanswered, last_attempt_at, last_attempt_channel, same_channel_run, chase_due_on, value_unanswered
) WHERE nurture_due_on IS NOT NULL;
