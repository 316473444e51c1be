-- fu schema, version 7: a summary fu stats reads instead of counting touches
-- and commitments one by one, kept exactly right by triggers on every write.
-- Never edit this file once landed: add the next number instead.
--
-- Days are UTC days (the first ten characters of a stored instant), so the
-- summary holds whatever the zone. A period runs from local midnight to local
-- midnight: fu stats counts its whole UTC days here and the part-days at
-- either end from the base tables, through the indexes of migration 004.
-- Every key column keeps the base column's value, NULL included (matched
-- with IS); a row whose count drops to zero is removed.

-- Touches per UTC day of happened_at, by what the figures count.
CREATE TABLE stats_touch_days (
  day         TEXT NOT NULL,
  channel     TEXT NOT NULL,
  attempt     INTEGER,
  answered    INTEGER,
  connected   INTEGER NOT NULL,
  step        TEXT,
  disposition TEXT,
  lost_reason TEXT,
  forced      TEXT,
  n           INTEGER NOT NULL CHECK (n >= 0)
) STRICT;
-- n is in the index too, so each figure is read from the index alone.
CREATE INDEX stats_touch_days_key ON stats_touch_days (day, channel, attempt, answered, connected, step, disposition, lost_reason, forced, n);

INSERT INTO stats_touch_days
  SELECT substr(happened_at, 1, 10), channel, attempt, answered, outcome = 'connected', step, disposition, lost_reason, forced, count(*)
    FROM touches GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

CREATE TRIGGER stats_touch_insert AFTER INSERT ON touches BEGIN
  INSERT INTO stats_touch_days
    SELECT substr(new.happened_at, 1, 10), new.channel, new.attempt, new.answered, new.outcome = 'connected', new.step, new.disposition, new.lost_reason, new.forced, 0
     WHERE NOT EXISTS (SELECT 1 FROM stats_touch_days WHERE day = substr(new.happened_at, 1, 10) AND channel = new.channel AND attempt IS new.attempt
                         AND answered IS new.answered AND connected = (new.outcome = 'connected') AND step IS new.step
                         AND disposition IS new.disposition AND lost_reason IS new.lost_reason AND forced IS new.forced);
  UPDATE stats_touch_days SET n = n + 1
   WHERE day = substr(new.happened_at, 1, 10) AND channel = new.channel AND attempt IS new.attempt AND answered IS new.answered
     AND connected = (new.outcome = 'connected') AND step IS new.step AND disposition IS new.disposition AND lost_reason IS new.lost_reason AND forced IS new.forced;
END;

CREATE TRIGGER stats_touch_delete AFTER DELETE ON touches BEGIN
  UPDATE stats_touch_days SET n = n - 1
   WHERE day = substr(old.happened_at, 1, 10) AND channel = old.channel AND attempt IS old.attempt AND answered IS old.answered
     AND connected = (old.outcome = 'connected') AND step IS old.step AND disposition IS old.disposition AND lost_reason IS old.lost_reason AND forced IS old.forced;
  DELETE FROM stats_touch_days WHERE n = 0 AND day = substr(old.happened_at, 1, 10);
END;

-- An update is the old row taken out and the new one put in; only when a counted column changes.
CREATE TRIGGER stats_touch_update AFTER UPDATE OF happened_at, channel, attempt, answered, outcome, step, disposition, lost_reason, forced ON touches
WHEN old.happened_at IS NOT new.happened_at OR old.channel IS NOT new.channel OR old.attempt IS NOT new.attempt OR old.answered IS NOT new.answered
  OR old.outcome IS NOT new.outcome OR old.step IS NOT new.step OR old.disposition IS NOT new.disposition OR old.lost_reason IS NOT new.lost_reason
  OR old.forced IS NOT new.forced
BEGIN
  UPDATE stats_touch_days SET n = n - 1
   WHERE day = substr(old.happened_at, 1, 10) AND channel = old.channel AND attempt IS old.attempt AND answered IS old.answered
     AND connected = (old.outcome = 'connected') AND step IS old.step AND disposition IS old.disposition AND lost_reason IS old.lost_reason AND forced IS old.forced;
  DELETE FROM stats_touch_days WHERE n = 0 AND day = substr(old.happened_at, 1, 10);
  INSERT INTO stats_touch_days
    SELECT substr(new.happened_at, 1, 10), new.channel, new.attempt, new.answered, new.outcome = 'connected', new.step, new.disposition, new.lost_reason, new.forced, 0
     WHERE NOT EXISTS (SELECT 1 FROM stats_touch_days WHERE day = substr(new.happened_at, 1, 10) AND channel = new.channel AND attempt IS new.attempt
                         AND answered IS new.answered AND connected = (new.outcome = 'connected') AND step IS new.step
                         AND disposition IS new.disposition AND lost_reason IS new.lost_reason AND forced IS new.forced);
  UPDATE stats_touch_days SET n = n + 1
   WHERE day = substr(new.happened_at, 1, 10) AND channel = new.channel AND attempt IS new.attempt AND answered IS new.answered
     AND connected = (new.outcome = 'connected') AND step IS new.step AND disposition IS new.disposition AND lost_reason IS new.lost_reason AND forced IS new.forced;
END;

-- Commitments by kind, state and late flag, per day due: the UTC day of due_at
-- (timed = 1), or due_date itself (timed = 0, a local date, read exactly).
CREATE TABLE stats_due_days (
  kind  TEXT NOT NULL,
  state TEXT NOT NULL,
  late  INTEGER NOT NULL,
  timed INTEGER NOT NULL,
  day   TEXT NOT NULL,
  n     INTEGER NOT NULL CHECK (n >= 0)
) STRICT;
CREATE INDEX stats_due_days_key ON stats_due_days (kind, state, late, timed, day, n);

INSERT INTO stats_due_days
  SELECT kind, state, late, due_at IS NOT NULL, coalesce(substr(due_at, 1, 10), due_date), count(*) FROM commitments GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER stats_due_insert AFTER INSERT ON commitments BEGIN
  INSERT INTO stats_due_days
    SELECT new.kind, new.state, new.late, new.due_at IS NOT NULL, coalesce(substr(new.due_at, 1, 10), new.due_date), 0
     WHERE NOT EXISTS (SELECT 1 FROM stats_due_days WHERE kind = new.kind AND state = new.state AND late = new.late
                         AND timed = (new.due_at IS NOT NULL) AND day = coalesce(substr(new.due_at, 1, 10), new.due_date));
  UPDATE stats_due_days SET n = n + 1
   WHERE kind = new.kind AND state = new.state AND late = new.late AND timed = (new.due_at IS NOT NULL) AND day = coalesce(substr(new.due_at, 1, 10), new.due_date);
END;

CREATE TRIGGER stats_due_delete AFTER DELETE ON commitments BEGIN
  UPDATE stats_due_days SET n = n - 1
   WHERE kind = old.kind AND state = old.state AND late = old.late AND timed = (old.due_at IS NOT NULL) AND day = coalesce(substr(old.due_at, 1, 10), old.due_date);
  DELETE FROM stats_due_days
   WHERE n = 0 AND kind = old.kind AND state = old.state AND late = old.late AND timed = (old.due_at IS NOT NULL) AND day = coalesce(substr(old.due_at, 1, 10), old.due_date);
END;

CREATE TRIGGER stats_due_update AFTER UPDATE OF kind, state, late, due_at, due_date ON commitments
WHEN old.kind IS NOT new.kind OR old.state IS NOT new.state OR old.late IS NOT new.late OR old.due_at IS NOT new.due_at OR old.due_date IS NOT new.due_date
BEGIN
  UPDATE stats_due_days SET n = n - 1
   WHERE kind = old.kind AND state = old.state AND late = old.late AND timed = (old.due_at IS NOT NULL) AND day = coalesce(substr(old.due_at, 1, 10), old.due_date);
  DELETE FROM stats_due_days
   WHERE n = 0 AND kind = old.kind AND state = old.state AND late = old.late AND timed = (old.due_at IS NOT NULL) AND day = coalesce(substr(old.due_at, 1, 10), old.due_date);
  INSERT INTO stats_due_days
    SELECT new.kind, new.state, new.late, new.due_at IS NOT NULL, coalesce(substr(new.due_at, 1, 10), new.due_date), 0
     WHERE NOT EXISTS (SELECT 1 FROM stats_due_days WHERE kind = new.kind AND state = new.state AND late = new.late
                         AND timed = (new.due_at IS NOT NULL) AND day = coalesce(substr(new.due_at, 1, 10), new.due_date));
  UPDATE stats_due_days SET n = n + 1
   WHERE kind = new.kind AND state = new.state AND late = new.late AND timed = (new.due_at IS NOT NULL) AND day = coalesce(substr(new.due_at, 1, 10), new.due_date);
END;
