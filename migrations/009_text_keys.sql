-- fu schema, version 9: each contact's name, company and email kept a second
-- time as its key (src/text-key.ts: Unicode case folding after NFC, white space
-- collapsed), written by the store with every insert and update, so that a
-- contact is found whatever the case in any script ("émile zola", "ØRSTED",
-- "ÉMILE@ZOLA.FR") through an index. SQLite's own lower() and LIKE fold ASCII
-- only. The keys of the rows already there are filled by fu_text_key, the same
-- function, which fu gives the connection while it migrates.
-- Never edit this file once landed: add the next number instead.

ALTER TABLE contacts ADD COLUMN name_key TEXT;
ALTER TABLE contacts ADD COLUMN company_key TEXT;
ALTER TABLE contacts ADD COLUMN email_key TEXT;

UPDATE contacts SET name_key = fu_text_key(name), company_key = fu_text_key(company), email_key = fu_text_key(email);

CREATE INDEX contacts_name_key ON contacts (name_key);
CREATE INDEX contacts_company_key ON contacts (company_key) WHERE company_key IS NOT NULL;
-- Not unique: two emails that differ only in a non-ASCII letter's case may both be
-- here from before; fu refuses a new one that matches (one contact per email).
CREATE INDEX contacts_email_key ON contacts (email_key) WHERE email_key IS NOT NULL;
-- Companies are now found by their key: the index on lower(company) has no reader left.
DROP INDEX contacts_company;

-- Where each word of a contact's name and company key starts: the rest of that key
-- from the word on ("lena novak", "novak"), so that a match at the start of a word
-- ("lena", "nov", "lena no") is a range of this index, not a read of every contact.
-- A word starts the key or follows a space or a hyphen (fu_word_starts, fu's own).
CREATE TABLE contact_words (
  word       TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (word, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_words_contact ON contact_words (contact_id);

INSERT OR IGNORE INTO contact_words (word, contact_id)
  SELECT w.value, c.id FROM contacts c, json_each(fu_word_starts(c.name_key, c.company_key)) w;

-- The journal copies the keys, so an undo puts them back with the row. It leaves
-- contact_words out, as it leaves the stats summaries: the words follow from the keys,
-- and fu writes them again for every contact an undo puts back (a removed contact's
-- go with it, ON DELETE CASCADE).
DROP TRIGGER journal_contacts_insert;
DROP TRIGGER journal_contacts_update;
DROP TRIGGER journal_contacts_delete;
CREATE TRIGGER journal_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), NULL, json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id, 'name_key', NEW.name_key, 'company_key', NEW.company_key, 'email_key', NEW.email_key) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_update AFTER UPDATE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(NEW.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id, 'name_key', OLD.name_key, 'company_key', OLD.company_key, 'email_key', OLD.email_key), json_object('id', NEW.id, 'name', NEW.name, 'company', NEW.company, 'email', NEW.email, 'phone', NEW.phone, 'source', NEW.source, 'note', NEW.note, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'last_touch_at', NEW.last_touch_at, 'last_two_way_at', NEW.last_two_way_at, 'unanswered', NEW.unanswered, 'last_attempt_at', NEW.last_attempt_at, 'last_attempt_channel', NEW.last_attempt_channel, 'same_channel_run', NEW.same_channel_run, 'chase_due_on', NEW.chase_due_on, 'nurture_due_on', NEW.nurture_due_on, 'value_unanswered', NEW.value_unanswered, 'next_step_id', NEW.next_step_id, 'name_key', NEW.name_key, 'company_key', NEW.company_key, 'email_key', NEW.email_key) FROM journal_recording;
END;
CREATE TRIGGER journal_contacts_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO journal_rows (entry_id, tbl, row_key, before, after)
  SELECT entry_id, 'contacts', json_array(OLD.id), json_object('id', OLD.id, 'name', OLD.name, 'company', OLD.company, 'email', OLD.email, 'phone', OLD.phone, 'source', OLD.source, 'note', OLD.note, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'last_touch_at', OLD.last_touch_at, 'last_two_way_at', OLD.last_two_way_at, 'unanswered', OLD.unanswered, 'last_attempt_at', OLD.last_attempt_at, 'last_attempt_channel', OLD.last_attempt_channel, 'same_channel_run', OLD.same_channel_run, 'chase_due_on', OLD.chase_due_on, 'nurture_due_on', OLD.nurture_due_on, 'value_unanswered', OLD.value_unanswered, 'next_step_id', OLD.next_step_id, 'name_key', OLD.name_key, 'company_key', OLD.company_key, 'email_key', OLD.email_key), NULL FROM journal_recording;
END;
