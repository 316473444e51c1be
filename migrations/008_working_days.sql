-- Working days (docs/rules.md, "Working days"): the due days fu computes fall on working
-- days, config day.workdays (default mon-fri, which no older database can have set), and
-- attempts.gapDays counts them. The stored due days are derived again under that rule,
-- as deriveState does; days are counted in UTC, as SQL has no zone, and fu derives them
-- again in the user's zone at the next write or change of setting.

-- The parts of each active contact's chase, as dates.
CREATE TEMP TABLE chase_parts AS
SELECT c.id,
  -- The latest no-show in the sequence after its last attempt: the chase to rebook is due that day.
  (SELECT date(max(t.happened_at)) FROM touches t
    WHERE t.contact_id = c.id AND t.outcome = 'no-show'
      AND (c.last_two_way_at IS NULL OR t.happened_at > c.last_two_way_at)
      AND (c.last_attempt_at IS NULL OR t.happened_at > c.last_attempt_at)) AS rebook_on,
  date(c.last_attempt_at) AS attempt_on,
  -- A soft step is missed the day after its date.
  (SELECT date(s.due_date, '+1 day') FROM commitments s WHERE s.id = c.next_step_id AND s.soft = 1 AND s.due_date IS NOT NULL) AS soft_missed_on,
  c.next_step_id IS NULL AS without_step,
  -- The return date of the latest auto-reply in the sequence, as typed.
  (SELECT t.until_date FROM touches t
    WHERE t.contact_id = c.id AND t.outcome = 'auto-reply' AND t.until_date IS NOT NULL
      AND (c.last_two_way_at IS NULL OR t.happened_at > c.last_two_way_at)
    ORDER BY t.happened_at DESC, t.id DESC LIMIT 1) AS until_on,
  coalesce((SELECT CAST(value AS INTEGER) FROM config WHERE key = 'attempts.gapDays'), 3) AS gap,
  NULL AS due
FROM contacts c WHERE c.status = 'active';
CREATE UNIQUE INDEX temp.chase_parts_id ON chase_parts (id);

-- A day off (Saturday, Sunday) moves to the Monday after.
UPDATE temp.chase_parts SET
  rebook_on = date(rebook_on, CASE strftime('%w', rebook_on) WHEN '6' THEN '+2 days' WHEN '0' THEN '+1 day' ELSE '+0 days' END),
  soft_missed_on = date(soft_missed_on, CASE strftime('%w', soft_missed_on) WHEN '6' THEN '+2 days' WHEN '0' THEN '+1 day' ELSE '+0 days' END);

-- `gap` working days after the last attempt: from a weekend, count as from the Friday before
-- (the same working days follow); then every 5 working days are a week, and the rest crosses
-- a weekend when it runs past Friday.
UPDATE temp.chase_parts SET attempt_on = date(attempt_on, CASE strftime('%w', attempt_on) WHEN '6' THEN '-1 day' WHEN '0' THEN '-2 days' ELSE '+0 days' END);
UPDATE temp.chase_parts SET attempt_on = date(attempt_on,
  '+' || (7 * (gap / 5) + gap % 5 + CASE WHEN CAST(strftime('%w', attempt_on) AS INTEGER) + gap % 5 > 5 THEN 2 ELSE 0 END) || ' days');

-- The rebooking chase, else the next attempt's; the missed soft step's day if later; only while chasing.
UPDATE temp.chase_parts SET due = coalesce(rebook_on, attempt_on);
UPDATE temp.chase_parts SET due = CASE
    WHEN NOT without_step AND soft_missed_on IS NULL THEN NULL
    WHEN soft_missed_on IS NOT NULL AND (due IS NULL OR soft_missed_on > due) THEN soft_missed_on
    ELSE due END;
UPDATE temp.chase_parts SET due = until_on WHERE due IS NOT NULL AND until_on > due;

UPDATE contacts SET chase_due_on = (SELECT p.due FROM temp.chase_parts p WHERE p.id = contacts.id)
WHERE status = 'active' AND chase_due_on IS NOT (SELECT p.due FROM temp.chase_parts p WHERE p.id = contacts.id);
DROP TABLE temp.chase_parts;

-- The next value touch and the not-fit check-in keep their count of days, moved off a weekend.
UPDATE contacts SET nurture_due_on = date(nurture_due_on, CASE strftime('%w', nurture_due_on) WHEN '6' THEN '+2 days' WHEN '0' THEN '+1 day' END)
WHERE nurture_due_on IS NOT NULL AND strftime('%w', nurture_due_on) IN ('6', '0');
