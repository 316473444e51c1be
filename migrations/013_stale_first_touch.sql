-- fu schema, version 13, for fu stale. Two more facts of each contact's history kept on its row,
-- as its other derived columns are (written with them by every write, see Store.saveDerived): its
-- first touch, and how its last two-way touch went (a conversation or a written reply; a
-- re-engage row says which, and fu stale read it from the touches for each row shown).
-- A contact never answered is silent since it was first known: added, or first
-- touched if that was earlier (docs/rules.md). fu stale read that first touch from
-- the touches for every such contact, in each query that ranks, counts or shows
-- the drop category, and SQLite sorted the drop category's candidates (about 2,000
-- at 100,000 contacts) to show 25. With the column, the drop index holds each
-- contact in rank order (since its last two-way touch, else since first known), and
-- the covering indexes of fu stale take the column too, so that no category is
-- decided with a read of the table or of the touches. See SQL.staleRanked in
-- src/store/queries.ts.
-- Never edit this file once landed: add a later migration instead.

ALTER TABLE contacts ADD COLUMN first_touch_at TEXT;
ALTER TABLE contacts ADD COLUMN last_two_way_outcome TEXT;
UPDATE contacts SET
  first_touch_at = (SELECT min(t.happened_at) FROM touches t WHERE t.contact_id = contacts.id),
  last_two_way_outcome = (SELECT t.outcome FROM touches t WHERE t.contact_id = contacts.id AND t.happened_at = contacts.last_two_way_at
                           AND t.outcome IN ('connected', 'replied') ORDER BY t.outcome = 'connected' DESC LIMIT 1);

DROP INDEX contacts_stale;
CREATE INDEX contacts_stale ON contacts (
  status, id, name, company, created_at, last_touch_at, last_two_way_at, unanswered, last_attempt_at,
  last_attempt_channel, same_channel_run, chase_due_on, nurture_due_on, value_unanswered, next_step_id, first_touch_at,
  last_two_way_outcome
) WHERE status IN ('active', 'nurture') AND (next_step_id IS NULL OR unanswered >= 2 OR value_unanswered > 0);

-- drop, ranked by the last two-way touch, else by when first known (the earlier of added and first touched).
DROP INDEX contacts_stale_drop;
CREATE INDEX contacts_stale_drop ON contacts (
  coalesce(last_two_way_at, min(created_at, coalesce(first_touch_at, created_at))), id, status, unanswered, value_unanswered
)
WHERE status IN ('active', 'nurture') AND (unanswered >= 2 OR value_unanswered >= 3);

-- no-next-step leaves out the contacts to drop, which now takes the first touch.
DROP INDEX contacts_stale_no_step;
CREATE INDEX contacts_stale_no_step ON contacts (
  coalesce(last_touch_at, created_at), id, status, next_step_id, chase_due_on, last_two_way_at, unanswered, last_touch_at, created_at, first_touch_at
)
WHERE status = 'active' AND next_step_id IS NULL AND chase_due_on IS NULL;

-- The closed contacts (won or lost), by id. fu stale leaves out the commitments of closed contacts
-- (a won deal keeps its kickoff): it looked each contact up in contacts_status, a page of that index
-- read for each of the ~1,000 missed or soft commitments at 100,000 contacts; most are of live
-- contacts, which this smaller index answers with a seek that finds nothing. See liveContact in
-- src/store/queries.ts.
CREATE INDEX contacts_closed ON contacts (id) WHERE status IN ('won', 'lost');

-- The journal copies the new columns, so an undo puts them back with the row.
DROP TRIGGER journal_contacts_insert;
DROP TRIGGER journal_contacts_update;
DROP TRIGGER journal_contacts_delete;
CREATE TRIGGER journal_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), NULL, json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id, 'name_key', NEW.name_key, 'company_key', NEW.company_key, 'email_key', NEW.email_key, 'first_touch_at', NEW.first_touch_at, 'last_two_way_outcome', NEW.last_two_way_outcome) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_update AFTER UPDATE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id, 'name_key', OLD.name_key, 'company_key', OLD.company_key, 'email_key', OLD.email_key, 'first_touch_at', OLD.first_touch_at, 'last_two_way_outcome', OLD.last_two_way_outcome), json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id, 'name_key', NEW.name_key, 'company_key', NEW.company_key, 'email_key', NEW.email_key, 'first_touch_at', NEW.first_touch_at, 'last_two_way_outcome', NEW.last_two_way_outcome) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(OLD.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id, 'name_key', OLD.name_key, 'company_key', OLD.company_key, 'email_key', OLD.email_key, 'first_touch_at', OLD.first_touch_at, 'last_two_way_outcome', OLD.last_two_way_outcome), NULL FROM journal_recording;
END;
