-- fu schema, version 1. Never edit this file once landed: add 002_*.sql instead.
PRAGMA application_id = 1718943744; -- "fu\0\0": marks the file as a fu database.
-- Instants are UTC ISO-8601 text ('2026-11-24T15:00:00.000Z'); local calendar
-- dates are 'YYYY-MM-DD' text and stay that date whatever the time zone.

CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (trim(name) <> ''),
  company     TEXT,
  email       TEXT,
  phone       TEXT,
  source      TEXT,
  note        TEXT,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'nurture', 'won', 'lost')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  -- Derived from the history, rewritten in the same transaction as every write
  -- to the contact, so the daily agenda and stale queries are index lookups.
  last_touch_at        TEXT,
  last_two_way_at      TEXT,
  unanswered           INTEGER NOT NULL DEFAULT 0,
  last_attempt_at      TEXT,
  last_attempt_channel TEXT,
  same_channel_run     INTEGER NOT NULL DEFAULT 0,
  chase_due_on         TEXT,
  nurture_due_on       TEXT,
  value_unanswered     INTEGER NOT NULL DEFAULT 0,
  next_step_id         INTEGER
) STRICT;

-- Emails identify a contact (CONTACT may be an exact email): one contact each.
CREATE UNIQUE INDEX contacts_email ON contacts (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_name ON contacts (lower(name));
CREATE INDEX contacts_status ON contacts (status);
-- fu today: chases and nurture touches due on or before a day.
CREATE INDEX contacts_chase_due ON contacts (chase_due_on) WHERE chase_due_on IS NOT NULL;
CREATE INDEX contacts_nurture_due ON contacts (nurture_due_on) WHERE nurture_due_on IS NOT NULL;

CREATE TABLE tags (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL CHECK (tag <> ''),
  PRIMARY KEY (contact_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag, contact_id);

CREATE TABLE touches (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  happened_at TEXT NOT NULL,
  channel     TEXT NOT NULL CHECK (channel IN ('call', 'email', 'meeting', 'text', 'linkedin', 'other')),
  outcome     TEXT NOT NULL CHECK (outcome IN ('connected', 'replied', 'no-answer', 'voicemail', 'sent', 'auto-reply')),
  direction   TEXT NOT NULL CHECK (direction IN ('two-way', 'inbound', 'outbound')),
  note        TEXT,
  value       TEXT,
  until_date  TEXT,
  proposal    INTEGER NOT NULL DEFAULT 0 CHECK (proposal IN (0, 1)),
  -- --force overrode R4 and/or R5 for this touch ('R4', 'R5' or 'R4,R5').
  forced      TEXT,
  disposition TEXT CHECK (disposition IN ('won', 'lost', 'nurture', 'not-fit')),
  lost_reason TEXT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX touches_contact ON touches (contact_id, happened_at);

CREATE TABLE commitments (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('next-step', 'promise')),
  what        TEXT NOT NULL CHECK (trim(what) <> ''),
  -- Exactly one of due_at (a time of day was given) and due_date (date only).
  due_at      TEXT,
  due_date    TEXT,
  soft        INTEGER NOT NULL DEFAULT 0 CHECK (soft IN (0, 1)),
  -- 'missed' is never stored: it is an open commitment whose time has passed.
  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept', 'replaced', 'cancelled')),
  late        INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  created_at  TEXT NOT NULL,
  touch_id    INTEGER REFERENCES touches (id) ON DELETE SET NULL,
  closed_at   TEXT,
  closed_by_touch_id INTEGER REFERENCES touches (id) ON DELETE SET NULL,
  CHECK ((due_at IS NULL) <> (due_date IS NULL))
) STRICT;
-- R3: at most one open next step per contact, enforced by the database too.
CREATE UNIQUE INDEX commitments_one_open_next_step ON commitments (contact_id) WHERE kind = 'next-step' AND state = 'open';
CREATE INDEX commitments_contact ON commitments (contact_id, state);
-- fu today and fu stale: open commitments by due time or due date.
CREATE INDEX commitments_open_due_at ON commitments (due_at) WHERE state = 'open' AND due_at IS NOT NULL;
CREATE INDEX commitments_open_due_date ON commitments (due_date) WHERE state = 'open' AND due_date IS NOT NULL;

-- Every move of a commitment (fu next rescheduling): the old what and due are kept.
CREATE TABLE commitment_history (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  moved_at      TEXT NOT NULL,
  old_what      TEXT NOT NULL,
  old_due_at    TEXT,
  old_due_date  TEXT,
  old_soft      INTEGER NOT NULL
) STRICT;
CREATE INDEX commitment_history_commitment ON commitment_history (commitment_id);

CREATE TABLE config (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
