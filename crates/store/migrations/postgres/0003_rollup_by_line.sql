-- progress_current carries the line of each action in the plan's current
-- version, so per-line roll-ups need not join ~140k current reports to the
-- actions of every plan's current version. NULL when that version no
-- longer has the action (its reports stop counting, as core's roll-up
-- decides). Kept by every write of progress_current and re-derived when a
-- plan moves to a new version.
ALTER TABLE progress_current ADD COLUMN line_number BIGINT;

UPDATE progress_current SET line_number = (
    SELECT a.line_number FROM plans p
    JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version
    JOIN actions a ON a.version_id = v.id AND a.code = progress_current.action_code
    WHERE p.id = progress_current.plan_id
);

-- progress_reports loses its foreign key to plans: PostgreSQL checks one
-- per row with a query of its own, which cost a 1,000,000-row bulk load
-- 3.5 of its 12 seconds. Nothing is lost: the store is the only writer,
-- checks each report's plan inside the same write transaction, never
-- deletes a plan, and `jointplan verify` names any report whose plan is
-- missing. (SQLite keeps the key: its check is an index probe.)
ALTER TABLE progress_reports DROP CONSTRAINT progress_reports_plan_id_fkey;
-- The same for the derived progress_current, which verify compares with
-- what the reports derive (a row whose plan is missing shows there).
ALTER TABLE progress_current DROP CONSTRAINT progress_current_plan_id_fkey;

-- Reports are read per plan in id order (a plan's reports, a rebuild of
-- progress_current); nothing looks them up by action. An index on
-- (plan_id, id) serves that and costs a bulk load a fifth less to keep
-- than the one on (plan_id, action_code, party), whose text keys land all
-- over the tree.
DROP INDEX progress_reports_plan;
CREATE INDEX progress_reports_plan ON progress_reports (plan_id, id);
