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
