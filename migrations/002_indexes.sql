-- fu schema, version 2: indexes, so that fu stale reads the contacts that may be
-- stale instead of every live contact (see SQL.staleContacts in src/store/queries.ts),
-- fu today and fu stale read open commitments from their indexes alone, and a
-- contact named by its company is found without reading them all.
-- Never edit this file once landed: add 003_*.sql instead.

-- fu today and fu stale: open commitments by due time or due date, covering
-- what they read (state too: SQLite reads it to check the WHERE), so the big
-- commitments table is not read row by row, a page for each.
DROP INDEX commitments_open_due_at;
CREATE INDEX commitments_open_due_at ON commitments (due_at, contact_id, kind, soft, late, created_at, what, state) WHERE state = 'open' AND due_at IS NOT NULL;
DROP INDEX commitments_open_due_date;
CREATE INDEX commitments_open_due_date ON commitments (due_date, contact_id, kind, soft, late, created_at, what, state) WHERE state = 'open' AND due_date IS NOT NULL;

-- no-next-step: active, nothing booked and no chase running.
CREATE INDEX contacts_idle ON contacts (id) WHERE status = 'active' AND next_step_id IS NULL AND chase_due_on IS NULL;
-- re-engage: warm (a two-way touch), then one or more unanswered attempts, nothing booked; by the last touch.
CREATE INDEX contacts_dropped ON contacts (last_touch_at) WHERE status = 'active' AND next_step_id IS NULL AND last_two_way_at IS NOT NULL AND unanswered > 0;
-- drop: sequences at the attempt limit or past it, by the number of attempts.
CREATE INDEX contacts_unanswered ON contacts (unanswered) WHERE status IN ('active', 'nurture') AND unanswered > 0;
-- drop: nurture contacts whose value touches go unanswered.
CREATE INDEX contacts_value_unanswered ON contacts (value_unanswered) WHERE status = 'nurture' AND value_unanswered > 0;

-- CONTACT given as a company name (fu log acme): matched on lower(name) or lower(company), each through an index.
CREATE INDEX contacts_company ON contacts (lower(company));
