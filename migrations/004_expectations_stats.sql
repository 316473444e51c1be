-- fu schema, version 4: expectations (what they said they would do by a date),
-- the key points prepared for a call, and what fu stats reads.
-- Never edit this file once landed: add 005_*.sql instead.

-- A commitment may now be an expectation. SQLite cannot widen a CHECK in place:
-- the table is rebuilt. Renaming it first makes commitment_history point at
-- the old copy, so dropping that copy deletes nothing through ON DELETE CASCADE;
-- the history is then rebuilt pointing at the new table.
ALTER TABLE commitments RENAME TO commitments_old;
CREATE TABLE commitments (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('next-step', 'promise', 'expectation')),
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
INSERT INTO commitments SELECT id, contact_id, kind, what, due_at, due_date, soft, state, late, created_at, touch_id, closed_at, closed_by_touch_id FROM commitments_old;

CREATE TABLE commitment_history_new (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  moved_at      TEXT NOT NULL,
  old_what      TEXT NOT NULL,
  old_due_at    TEXT,
  old_due_date  TEXT,
  old_soft      INTEGER NOT NULL
) STRICT;
INSERT INTO commitment_history_new SELECT id, commitment_id, moved_at, old_what, old_due_at, old_due_date, old_soft FROM commitment_history;
DROP TABLE commitment_history;
DROP TABLE commitments_old;
ALTER TABLE commitment_history_new RENAME TO commitment_history;

-- The indexes of 001 and 002, as they stood.
CREATE INDEX commitment_history_commitment ON commitment_history (commitment_id);
CREATE UNIQUE INDEX commitments_one_open_next_step ON commitments (contact_id) WHERE kind = 'next-step' AND state = 'open';
CREATE INDEX commitments_contact ON commitments (contact_id, state);
CREATE INDEX commitments_open_due_at ON commitments (due_at, contact_id, kind, soft, late, created_at, what, state) WHERE state = 'open' AND due_at IS NOT NULL;
CREATE INDEX commitments_open_due_date ON commitments (due_date, contact_id, kind, soft, late, created_at, what, state) WHERE state = 'open' AND due_date IS NOT NULL;

-- fu stats: each unanswered attempt's number in its sequence (1, 2, 3...) and
-- whether a two-way touch answered it (it was the last attempt before one).
-- Kept on write with the contact's derived state; filled here for the history.
ALTER TABLE touches ADD COLUMN attempt INTEGER CHECK (attempt > 0);
ALTER TABLE touches ADD COLUMN answered INTEGER CHECK (answered IN (0, 1));
WITH marked AS (
  SELECT id, contact_id, happened_at, outcome IN ('no-answer', 'voicemail', 'sent') AND value IS NULL AS is_attempt,
    sum(outcome IN ('connected', 'replied')) OVER (PARTITION BY contact_id ORDER BY happened_at, id ROWS UNBOUNDED PRECEDING) AS seq,
    sum(outcome IN ('connected', 'replied')) OVER (PARTITION BY contact_id) AS last_seq
  FROM touches
), numbered AS (
  SELECT id, contact_id, seq,
    row_number() OVER (PARTITION BY contact_id, seq ORDER BY happened_at, id) AS n,
    count(*) OVER (PARTITION BY contact_id, seq) AS last_n, last_seq
  FROM marked WHERE is_attempt
)
UPDATE touches SET attempt = numbered.n, answered = (numbered.n = numbered.last_n AND numbered.seq < numbered.last_seq)
FROM numbered WHERE numbered.id = touches.id;

-- fu stats: the next step a touch booked, 'firm' (a time of day) or 'soft' (a date only),
-- kept on the touch so conversations are counted from one index, without a join.
ALTER TABLE touches ADD COLUMN step TEXT CHECK (step IN ('firm', 'soft'));
UPDATE touches SET step = (SELECT CASE soft WHEN 1 THEN 'soft' ELSE 'firm' END FROM commitments
                            WHERE commitments.touch_id = touches.id AND commitments.kind = 'next-step')
 WHERE id IN (SELECT touch_id FROM commitments WHERE kind = 'next-step' AND touch_id IS NOT NULL);

-- fu stats reads its figures as counts over a period, each through its own index.
CREATE INDEX touches_attempts ON touches (happened_at, channel, attempt, answered) WHERE attempt IS NOT NULL;
CREATE INDEX touches_conversations ON touches (happened_at, step, disposition) WHERE outcome = 'connected';
CREATE INDEX touches_forced ON touches (happened_at, forced) WHERE forced IS NOT NULL;
CREATE INDEX touches_dispositions ON touches (happened_at, disposition, lost_reason) WHERE disposition IN ('won', 'lost');
CREATE INDEX touches_happened ON touches (happened_at);
-- fu prep: what a touch agreed (the commitments it created).
CREATE INDEX commitments_touch ON commitments (touch_id) WHERE touch_id IS NOT NULL;
-- Commitments by kind and state, then due: each count is one range of the index.
CREATE INDEX commitments_due_at ON commitments (kind, state, late, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX commitments_due_date ON commitments (kind, state, late, due_date) WHERE due_date IS NOT NULL;

-- Up to two key points prepared for the next call (fu prep --points), kept
-- on the touch that follows: touch_id is NULL until then.
CREATE TABLE call_points (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  touch_id   INTEGER REFERENCES touches (id) ON DELETE CASCADE,
  point      TEXT NOT NULL CHECK (trim(point) <> ''),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX call_points_contact ON call_points (contact_id, touch_id);
CREATE INDEX call_points_touch ON call_points (touch_id) WHERE touch_id IS NOT NULL;

-- fu stats: next steps rescheduled in a period (only next steps are ever moved).
CREATE INDEX commitment_history_moved ON commitment_history (moved_at);
