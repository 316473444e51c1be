-- Whether a touch counted as an unanswered attempt (R4, docs/rules.md): only
-- outbound touches made while chasing, with no firm next step still ahead, do.
-- It is decided when the touch is logged and kept, so a later booking does
-- not rewrite the past. Earlier touches keep the count they had.
ALTER TABLE touches ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0 CHECK (attempt IN (0, 1));
UPDATE touches SET attempt = 1 WHERE outcome IN ('no-answer', 'voicemail', 'sent') AND value IS NULL;
