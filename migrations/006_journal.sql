-- fu schema, version 6: the journal, so that any write can be taken back (fu undo).
-- Every write of fu is one transaction that first adds its entry to `journal` and
-- names it in `journal_recording`; the triggers below copy each row it inserts,
-- changes or deletes (the row before and after, as JSON) into `journal_rows`, in the
-- same transaction. A crash therefore never leaves a write without its journal entry,
-- nor the reverse. Writes that are not to be taken back (restore, an undo itself)
-- leave `journal_recording` empty, and the triggers copy nothing.
-- A table or column added later must be added to these triggers too (a test checks).
-- Never edit this file once landed: add 007_*.sql instead.

CREATE TABLE journal (
  id        INTEGER PRIMARY KEY,
  -- The command that wrote: 'log', 'next', 'done', 'cancel', 'add', 'edit', 'rm', ...
  kind      TEXT NOT NULL CHECK (kind <> ''),
  at        TEXT NOT NULL,
  -- Set when fu undo took it back.
  undone_at TEXT
) STRICT;
CREATE INDEX journal_undoable ON journal (id) WHERE undone_at IS NULL;

-- One row per row written: its table, its key (a JSON array), the row before and after (JSON objects, NULL for none).
CREATE TABLE journal_rows (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
  tbl      TEXT NOT NULL,
  row_key  TEXT NOT NULL,
  before   TEXT,
  after    TEXT,
  CHECK (before IS NOT NULL OR after IS NOT NULL)
) STRICT;
CREATE INDEX journal_rows_entry ON journal_rows (entry_id);
-- fu undo refuses when a later write touched the same rows.
CREATE INDEX journal_rows_row ON journal_rows (tbl, row_key, entry_id);

-- The entry being written, during a write transaction only: at most one row, empty at every commit.
CREATE TABLE journal_recording (
  entry_id INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER journal_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), NULL, json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_update AFTER UPDATE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id), json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(OLD.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_decisions_insert AFTER INSERT ON decisions BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'decisions', json_array(NEW.id), NULL, json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'decided_at', NEW.decided_at, 'kind', NEW.kind, 'lost_reason', NEW.lost_reason, 'created_at', NEW.created_at) FROM journal_recording;
END;
CREATE TRIGGER journal_decisions_update AFTER UPDATE ON decisions BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'decisions', json_array(NEW.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'decided_at', OLD.decided_at, 'kind', OLD.kind, 'lost_reason', OLD.lost_reason, 'created_at', OLD.created_at), json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'decided_at', NEW.decided_at, 'kind', NEW.kind, 'lost_reason', NEW.lost_reason, 'created_at', NEW.created_at) FROM journal_recording;
END;
CREATE TRIGGER journal_decisions_delete AFTER DELETE ON decisions BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'decisions', json_array(OLD.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'decided_at', OLD.decided_at, 'kind', OLD.kind, 'lost_reason', OLD.lost_reason, 'created_at', OLD.created_at), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_call_points_insert AFTER INSERT ON call_points BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'call_points', json_array(NEW.id), NULL, json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'touch_id', NEW.touch_id, 'point', NEW.point, 'created_at', NEW.created_at) FROM journal_recording;
END;
CREATE TRIGGER journal_call_points_update AFTER UPDATE ON call_points BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'call_points', json_array(NEW.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'touch_id', OLD.touch_id, 'point', OLD.point, 'created_at', OLD.created_at), json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'touch_id', NEW.touch_id, 'point', NEW.point, 'created_at', NEW.created_at) FROM journal_recording;
END;
CREATE TRIGGER journal_call_points_delete AFTER DELETE ON call_points BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'call_points', json_array(OLD.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'touch_id', OLD.touch_id, 'point', OLD.point, 'created_at', OLD.created_at), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_tags_insert AFTER INSERT ON tags BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'tags', json_array(NEW.contact_id, NEW.tag), NULL, json_object('contact_id', NEW.contact_id, 'tag', NEW.tag) FROM journal_recording;
END;
CREATE TRIGGER journal_tags_update AFTER UPDATE ON tags BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'tags', json_array(NEW.contact_id, NEW.tag), json_object('contact_id', OLD.contact_id, 'tag', OLD.tag), json_object('contact_id', NEW.contact_id, 'tag', NEW.tag) FROM journal_recording;
END;
CREATE TRIGGER journal_tags_delete AFTER DELETE ON tags BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'tags', json_array(OLD.contact_id, OLD.tag), json_object('contact_id', OLD.contact_id, 'tag', OLD.tag), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_touches_insert AFTER INSERT ON touches BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'touches', json_array(NEW.id), NULL, json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'happened_at', NEW.happened_at, 'channel', NEW.channel, 'outcome', NEW.outcome, 'direction', NEW.direction, 'note', NEW.note, 'value', NEW.value, 'until_date', NEW.until_date, 'proposal', NEW.proposal, 'forced', NEW.forced, 'disposition', NEW.disposition, 'lost_reason', NEW.lost_reason, 'created_at', NEW.created_at, 'attempt', NEW.attempt, 'answered', NEW.answered, 'step', NEW.step, 'chase', NEW.chase) FROM journal_recording;
END;
CREATE TRIGGER journal_touches_update AFTER UPDATE ON touches BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'touches', json_array(NEW.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'happened_at', OLD.happened_at, 'channel', OLD.channel, 'outcome', OLD.outcome, 'direction', OLD.direction, 'note', OLD.note, 'value', OLD.value, 'until_date', OLD.until_date, 'proposal', OLD.proposal, 'forced', OLD.forced, 'disposition', OLD.disposition, 'lost_reason', OLD.lost_reason, 'created_at', OLD.created_at, 'attempt', OLD.attempt, 'answered', OLD.answered, 'step', OLD.step, 'chase', OLD.chase), json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'happened_at', NEW.happened_at, 'channel', NEW.channel, 'outcome', NEW.outcome, 'direction', NEW.direction, 'note', NEW.note, 'value', NEW.value, 'until_date', NEW.until_date, 'proposal', NEW.proposal, 'forced', NEW.forced, 'disposition', NEW.disposition, 'lost_reason', NEW.lost_reason, 'created_at', NEW.created_at, 'attempt', NEW.attempt, 'answered', NEW.answered, 'step', NEW.step, 'chase', NEW.chase) FROM journal_recording;
END;
CREATE TRIGGER journal_touches_delete AFTER DELETE ON touches BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'touches', json_array(OLD.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'happened_at', OLD.happened_at, 'channel', OLD.channel, 'outcome', OLD.outcome, 'direction', OLD.direction, 'note', OLD.note, 'value', OLD.value, 'until_date', OLD.until_date, 'proposal', OLD.proposal, 'forced', OLD.forced, 'disposition', OLD.disposition, 'lost_reason', OLD.lost_reason, 'created_at', OLD.created_at, 'attempt', OLD.attempt, 'answered', OLD.answered, 'step', OLD.step, 'chase', OLD.chase), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_commitments_insert AFTER INSERT ON commitments BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'commitments', json_array(NEW.id), NULL, json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'kind', NEW.kind, 'what', NEW.what, 'due_at', NEW.due_at, 'due_date', NEW.due_date, 'soft', NEW.soft, 'state', NEW.state, 'late', NEW.late, 'created_at', NEW.created_at, 'touch_id', NEW.touch_id, 'closed_at', NEW.closed_at, 'closed_by_touch_id', NEW.closed_by_touch_id) FROM journal_recording;
END;
CREATE TRIGGER journal_commitments_update AFTER UPDATE ON commitments BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'commitments', json_array(NEW.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'kind', OLD.kind, 'what', OLD.what, 'due_at', OLD.due_at, 'due_date', OLD.due_date, 'soft', OLD.soft, 'state', OLD.state, 'late', OLD.late, 'created_at', OLD.created_at, 'touch_id', OLD.touch_id, 'closed_at', OLD.closed_at, 'closed_by_touch_id', OLD.closed_by_touch_id), json_object('id', NEW.id, 'contact_id', NEW.contact_id, 'kind', NEW.kind, 'what', NEW.what, 'due_at', NEW.due_at, 'due_date', NEW.due_date, 'soft', NEW.soft, 'state', NEW.state, 'late', NEW.late, 'created_at', NEW.created_at, 'touch_id', NEW.touch_id, 'closed_at', NEW.closed_at, 'closed_by_touch_id', NEW.closed_by_touch_id) FROM journal_recording;
END;
CREATE TRIGGER journal_commitments_delete AFTER DELETE ON commitments BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'commitments', json_array(OLD.id), json_object('id', OLD.id, 'contact_id', OLD.contact_id, 'kind', OLD.kind, 'what', OLD.what, 'due_at', OLD.due_at, 'due_date', OLD.due_date, 'soft', OLD.soft, 'state', OLD.state, 'late', OLD.late, 'created_at', OLD.created_at, 'touch_id', OLD.touch_id, 'closed_at', OLD.closed_at, 'closed_by_touch_id', OLD.closed_by_touch_id), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_commitment_history_insert AFTER INSERT ON commitment_history BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'commitment_history', json_array(NEW.id), NULL, json_object('id', NEW.id, 'commitment_id', NEW.commitment_id, 'moved_at', NEW.moved_at, 'old_what', NEW.old_what, 'old_due_at', NEW.old_due_at, 'old_due_date', NEW.old_due_date, 'old_soft', NEW.old_soft) FROM journal_recording;
END;
CREATE TRIGGER journal_commitment_history_update AFTER UPDATE ON commitment_history BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'commitment_history', json_array(NEW.id), json_object('id', OLD.id, 'commitment_id', OLD.commitment_id, 'moved_at', OLD.moved_at, 'old_what', OLD.old_what, 'old_due_at', OLD.old_due_at, 'old_due_date', OLD.old_due_date, 'old_soft', OLD.old_soft), json_object('id', NEW.id, 'commitment_id', NEW.commitment_id, 'moved_at', NEW.moved_at, 'old_what', NEW.old_what, 'old_due_at', NEW.old_due_at, 'old_due_date', NEW.old_due_date, 'old_soft', NEW.old_soft) FROM journal_recording;
END;
CREATE TRIGGER journal_commitment_history_delete AFTER DELETE ON commitment_history BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'commitment_history', json_array(OLD.id), json_object('id', OLD.id, 'commitment_id', OLD.commitment_id, 'moved_at', OLD.moved_at, 'old_what', OLD.old_what, 'old_due_at', OLD.old_due_at, 'old_due_date', OLD.old_due_date, 'old_soft', OLD.old_soft), NULL FROM journal_recording;
END;

CREATE TRIGGER journal_config_insert AFTER INSERT ON config BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'config', json_array(NEW.key), NULL, json_object('key', NEW.key, 'value', NEW.value) FROM journal_recording;
END;
CREATE TRIGGER journal_config_update AFTER UPDATE ON config BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'config', json_array(NEW.key), json_object('key', OLD.key, 'value', OLD.value), json_object('key', NEW.key, 'value', NEW.value) FROM journal_recording;
END;
CREATE TRIGGER journal_config_delete AFTER DELETE ON config BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'config', json_array(OLD.key), json_object('key', OLD.key, 'value', OLD.value), NULL FROM journal_recording;
END;
