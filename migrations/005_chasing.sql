-- Whether a touch counted as an unanswered attempt (R4, docs/rules.md): only
-- outbound touches made while chasing, with no firm next step still ahead, do.
-- It is decided when the touch is logged and kept, so a later booking does
-- not rewrite the past. Earlier touches keep the count they had.
ALTER TABLE touches ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0 CHECK (attempt IN (0, 1));
UPDATE touches SET attempt = 1 WHERE outcome IN ('no-answer', 'voicemail', 'sent') AND value IS NULL;

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
