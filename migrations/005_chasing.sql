-- A disposition decided without a touch (`fu close`): no call is made up to
-- record it. The latest one restarts the nurture clock (R6, docs/rules.md).
CREATE TABLE decisions (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  decided_at  TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('won', 'lost', 'nurture', 'not-fit')),
  lost_reason TEXT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_contact ON decisions (contact_id, decided_at);

-- A no-show: they did not turn up to the booked next step (R3). It is a new
-- touch outcome, and it closes the step as 'missed' at once, a new stored
-- state. SQLite cannot change a CHECK in place, so both tables are rebuilt.
-- Foreign keys are on during migrations: dropping a table runs its ON DELETE
-- actions, so the rows and links that point at it are kept aside and put back.
CREATE TEMP TABLE kept_links AS SELECT id, touch_id, closed_by_touch_id FROM commitments;
CREATE TEMP TABLE kept_moves AS SELECT * FROM commitment_history;
CREATE TEMP TABLE kept_points AS SELECT * FROM call_points;

CREATE TABLE touches_new (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  happened_at TEXT NOT NULL,
  channel     TEXT NOT NULL CHECK (channel IN ('call', 'email', 'meeting', 'text', 'linkedin', 'other')),
  outcome     TEXT NOT NULL CHECK (outcome IN ('connected', 'replied', 'no-answer', 'voicemail', 'sent', 'auto-reply', 'no-show')),
  direction   TEXT NOT NULL CHECK (direction IN ('two-way', 'inbound', 'outbound')),
  note        TEXT,
  value       TEXT,
  until_date  TEXT,
  proposal    INTEGER NOT NULL DEFAULT 0 CHECK (proposal IN (0, 1)),
  -- --force overrode R4 and/or R5 for this touch ('R4', 'R5' or 'R4,R5').
  forced      TEXT,
  disposition TEXT CHECK (disposition IN ('won', 'lost', 'nurture', 'not-fit')),
  lost_reason TEXT,
  created_at  TEXT NOT NULL,
  attempt     INTEGER CHECK (attempt > 0),
  answered    INTEGER CHECK (answered IN (0, 1)),
  step        TEXT CHECK (step IN ('firm', 'soft')),
  -- Made while chasing, so an unanswered attempt (R4, docs/rules.md): an
  -- outbound touch with no firm next step still ahead. Decided when the touch
  -- is logged and kept, so a later booking does not rewrite the past.
  chase       INTEGER NOT NULL DEFAULT 0 CHECK (chase IN (0, 1))
) STRICT;
INSERT INTO touches_new (id, contact_id, happened_at, channel, outcome, direction, note, value, until_date, proposal, forced, disposition, lost_reason,
                         created_at, attempt, answered, step, chase)
  SELECT id, contact_id, happened_at, channel, outcome, direction, note, value, until_date, proposal, forced, disposition, lost_reason,
    created_at, attempt, answered, step,
    -- Earlier touches keep the count they had.
    outcome IN ('no-answer', 'voicemail', 'sent') AND value IS NULL
  FROM touches;
DROP TABLE touches;
ALTER TABLE touches_new RENAME TO touches;
CREATE INDEX touches_contact ON touches (contact_id, happened_at);
CREATE INDEX touches_attempts ON touches (happened_at, channel, attempt, answered) WHERE attempt IS NOT NULL;
CREATE INDEX touches_conversations ON touches (happened_at, step, disposition) WHERE outcome = 'connected';
CREATE INDEX touches_forced ON touches (happened_at, forced) WHERE forced IS NOT NULL;
CREATE INDEX touches_dispositions ON touches (happened_at, disposition, lost_reason) WHERE disposition IN ('won', 'lost');
CREATE INDEX touches_happened ON touches (happened_at);
DELETE FROM call_points;
INSERT INTO call_points SELECT * FROM temp.kept_points;

CREATE TABLE commitments_new (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('next-step', 'promise', 'expectation')),
  what        TEXT NOT NULL CHECK (trim(what) <> ''),
  -- Exactly one of due_at (a time of day was given) and due_date (date only).
  due_at      TEXT,
  due_date    TEXT,
  soft        INTEGER NOT NULL DEFAULT 0 CHECK (soft IN (0, 1)),
  -- 'missed' is stored only for a no-show; otherwise it is an open commitment whose time has passed.
  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept', 'replaced', 'cancelled', 'missed')),
  late        INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  created_at  TEXT NOT NULL,
  touch_id    INTEGER REFERENCES touches (id) ON DELETE SET NULL,
  closed_at   TEXT,
  closed_by_touch_id INTEGER REFERENCES touches (id) ON DELETE SET NULL,
  CHECK ((due_at IS NULL) <> (due_date IS NULL))
) STRICT;
INSERT INTO commitments_new (id, contact_id, kind, what, due_at, due_date, soft, state, late, created_at, touch_id, closed_at, closed_by_touch_id)
  SELECT c.id, c.contact_id, c.kind, c.what, c.due_at, c.due_date, c.soft, c.state, c.late, c.created_at, l.touch_id, c.closed_at, l.closed_by_touch_id
  FROM commitments c JOIN temp.kept_links l ON l.id = c.id;
DROP TABLE commitments;
ALTER TABLE commitments_new RENAME TO commitments;
CREATE UNIQUE INDEX commitments_one_open_next_step ON commitments (contact_id) WHERE kind = 'next-step' AND state = 'open';
CREATE INDEX commitments_contact ON commitments (contact_id, state);
CREATE INDEX commitments_open_due_at ON commitments (due_at, contact_id, kind, soft, late, created_at, what, state) WHERE state = 'open' AND due_at IS NOT NULL;
CREATE INDEX commitments_open_due_date ON commitments (due_date, contact_id, kind, soft, late, created_at, what, state) WHERE state = 'open' AND due_date IS NOT NULL;
CREATE INDEX commitments_touch ON commitments (touch_id) WHERE touch_id IS NOT NULL;
CREATE INDEX commitments_due_at ON commitments (kind, state, late, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX commitments_due_date ON commitments (kind, state, late, due_date) WHERE due_date IS NOT NULL;

INSERT INTO commitment_history SELECT * FROM temp.kept_moves;
DROP TABLE temp.kept_links;
DROP TABLE temp.kept_moves;
DROP TABLE temp.kept_points;

-- A soft step is no commitment: the day after its date the chase starts (R3).
-- The due day of contacts with an open soft step, as the new rule derives it:
-- the later of that day and the next attempt's (the previous rule kept none
-- while a step was open; the attempt's day is counted here in UTC, as SQL has
-- no zone, and fu derives it again in the local zone at the next write).
UPDATE contacts SET chase_due_on = (
  SELECT max(date(s.due_date, '+1 day'),
             coalesce(date(contacts.last_attempt_at, '+' || coalesce((SELECT value FROM config WHERE key = 'attempts.gapDays'), '3') || ' days'), ''))
  FROM commitments s WHERE s.id = contacts.next_step_id)
WHERE status = 'active'
  AND unanswered < coalesce((SELECT CAST(value AS INTEGER) FROM config WHERE key = 'attempts.limit'), 3)
  AND next_step_id IN (SELECT id FROM commitments WHERE soft = 1 AND due_date IS NOT NULL AND state = 'open');

-- An active contact at or past the attempt limit has not had its break-up (it
-- would be in nurture): the limit was lowered, and the break-up is due (R4);
-- its day counted in UTC, as above.
UPDATE contacts SET chase_due_on = date(last_attempt_at, '+' || coalesce((SELECT value FROM config WHERE key = 'attempts.gapDays'), '3') || ' days')
WHERE status = 'active' AND next_step_id IS NULL AND last_attempt_at IS NOT NULL
  AND unanswered >= coalesce((SELECT CAST(value AS INTEGER) FROM config WHERE key = 'attempts.limit'), 3);
