-- fu schema, version 14, for fu stale. What makes a contact missed or soft, kept on its row as its
-- other derived columns are (written with them by every write, see Store.saveDerived): the due of
-- its open next step (at a time, or on a date, and whether it is soft), and the earliest due of its
-- open promises (at a time, and on a date). What they were to do (an expectation) makes no one missed.
-- fu stale read the missed and soft commitments themselves (about 1,100 at 100,000 contacts), each
-- with a look-up of its contact's status, to rank two categories and to leave their contacts out of
-- the counts of the three after them (a list of about 1,000 ids). With these columns, a contact's row
-- alone says whether it is missed or soft at a given time (with the bounds of staleParams in
-- src/domain/stale.ts): the missed contacts come from four small ranges, soft ones in their order
-- from one index, and each later category counts and ranks only the contacts that are neither,
-- from its own index. See SQL.staleMissed in src/store/queries.ts.
-- Never edit this file once landed: add a later migration instead.

ALTER TABLE contacts ADD COLUMN step_due_at TEXT;
ALTER TABLE contacts ADD COLUMN step_due_date TEXT;
ALTER TABLE contacts ADD COLUMN step_soft INTEGER NOT NULL DEFAULT 0 CHECK (step_soft IN (0, 1));
ALTER TABLE contacts ADD COLUMN promise_due_at TEXT;
ALTER TABLE contacts ADD COLUMN promise_due_date TEXT;
UPDATE contacts SET
  step_due_at = (SELECT m.due_at FROM commitments m WHERE m.contact_id = contacts.id AND m.kind = 'next-step' AND m.state = 'open'),
  step_due_date = (SELECT m.due_date FROM commitments m WHERE m.contact_id = contacts.id AND m.kind = 'next-step' AND m.state = 'open'),
  step_soft = coalesce((SELECT m.soft FROM commitments m WHERE m.contact_id = contacts.id AND m.kind = 'next-step' AND m.state = 'open'), 0),
  promise_due_at = (SELECT min(m.due_at) FROM commitments m WHERE m.contact_id = contacts.id AND m.kind = 'promise' AND m.state = 'open'),
  promise_due_date = (SELECT min(m.due_date) FROM commitments m WHERE m.contact_id = contacts.id AND m.kind = 'promise' AND m.state = 'open');

-- The live contacts by each due, with all four and whether the step is soft: the missed ones are a
-- range of each (a next step whose local day has ended, a promise whose due time has passed), and
-- the soft ones (a next step on a date, soft, its day not over) a range of the second, in fu
-- stale's order (by day, then by contact).
CREATE INDEX contacts_step_due_at ON contacts (step_due_at, id, step_due_date, step_soft, promise_due_at, promise_due_date)
WHERE step_due_at IS NOT NULL AND status IN ('active', 'nurture');
CREATE INDEX contacts_step_due_date ON contacts (step_due_date, id, step_due_at, step_soft, promise_due_at, promise_due_date)
WHERE step_due_date IS NOT NULL AND status IN ('active', 'nurture');
CREATE INDEX contacts_promise_due_at ON contacts (promise_due_at, id, step_due_at, step_due_date, step_soft, promise_due_date)
WHERE promise_due_at IS NOT NULL AND status IN ('active', 'nurture');
CREATE INDEX contacts_promise_due_date ON contacts (promise_due_date, id, step_due_at, step_due_date, step_soft, promise_due_at)
WHERE promise_due_date IS NOT NULL AND status IN ('active', 'nurture');

-- The categories after missed and soft leave out the contacts that are either: their indexes carry
-- what decides it. Re-engage and no-next-step hold no contact with an open next step: the promises
-- alone can make one of theirs missed.
DROP INDEX contacts_stale_reengage;
CREATE INDEX contacts_stale_reengage ON contacts (
  coalesce(last_touch_at, created_at), id, status, next_step_id, last_two_way_at, unanswered, last_touch_at, created_at,
  promise_due_at, promise_due_date
)
WHERE status = 'active' AND next_step_id IS NULL AND last_two_way_at IS NOT NULL AND unanswered >= 1;

DROP INDEX contacts_stale_drop;
CREATE INDEX contacts_stale_drop ON contacts (
  coalesce(last_two_way_at, min(created_at, coalesce(first_touch_at, created_at))), id, status, unanswered, value_unanswered,
  step_due_at, step_due_date, step_soft, promise_due_at, promise_due_date
)
WHERE status IN ('active', 'nurture') AND (unanswered >= 2 OR value_unanswered >= 3);

DROP INDEX contacts_stale_no_step;
CREATE INDEX contacts_stale_no_step ON contacts (
  coalesce(last_touch_at, created_at), id, status, next_step_id, chase_due_on, last_two_way_at, unanswered, last_touch_at, created_at,
  first_touch_at, promise_due_at, promise_due_date
)
WHERE status = 'active' AND next_step_id IS NULL AND chase_due_on IS NULL;

-- fu stale no longer reads a commitment to find a contact missed or soft, nor looks up its contact's
-- status: the closed contacts' index of migration 013 served only that.
DROP INDEX contacts_closed;

-- The journal copies the new columns, so an undo puts them back with the row.
DROP TRIGGER journal_contacts_insert;
DROP TRIGGER journal_contacts_update;
DROP TRIGGER journal_contacts_delete;
CREATE TRIGGER journal_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), NULL, json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id, 'name_key', NEW.name_key, 'company_key', NEW.company_key, 'email_key', NEW.email_key, 'first_touch_at', NEW.first_touch_at, 'last_two_way_outcome', NEW.last_two_way_outcome, 'step_due_at', NEW.step_due_at, 'step_due_date', NEW.step_due_date, 'step_soft', NEW.step_soft, 'promise_due_at', NEW.promise_due_at, 'promise_due_date', NEW.promise_due_date) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_update AFTER UPDATE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id, 'name_key', OLD.name_key, 'company_key', OLD.company_key, 'email_key', OLD.email_key, 'first_touch_at', OLD.first_touch_at, 'last_two_way_outcome', OLD.last_two_way_outcome, 'step_due_at', OLD.step_due_at, 'step_due_date', OLD.step_due_date, 'step_soft', OLD.step_soft, 'promise_due_at', OLD.promise_due_at, 'promise_due_date', OLD.promise_due_date), json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id, 'name_key', NEW.name_key, 'company_key', NEW.company_key, 'email_key', NEW.email_key, 'first_touch_at', NEW.first_touch_at, 'last_two_way_outcome', NEW.last_two_way_outcome, 'step_due_at', NEW.step_due_at, 'step_due_date', NEW.step_due_date, 'step_soft', NEW.step_soft, 'promise_due_at', NEW.promise_due_at, 'promise_due_date', NEW.promise_due_date) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(OLD.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id, 'name_key', OLD.name_key, 'company_key', OLD.company_key, 'email_key', OLD.email_key, 'first_touch_at', OLD.first_touch_at, 'last_two_way_outcome', OLD.last_two_way_outcome, 'step_due_at', OLD.step_due_at, 'step_due_date', OLD.step_due_date, 'step_soft', OLD.step_soft, 'promise_due_at', OLD.promise_due_at, 'promise_due_date', OLD.promise_due_date), NULL FROM journal_recording;
END;
