-- progress_current carries the line of each action in the plan's current
-- version, so per-line roll-ups need not join ~140k current reports to the
-- actions of every plan's current version. NULL when that version no
-- longer has the action (its reports stop counting, as core's roll-up
-- decides). Kept by every write of progress_current and re-derived when a
-- plan moves to a new version.
ALTER TABLE progress_current ADD COLUMN line_number INTEGER;

UPDATE progress_current SET line_number = (
    SELECT a.line_number FROM plans p
    JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version
    JOIN actions a ON a.version_id = v.id AND a.code = progress_current.action_code
    WHERE p.id = progress_current.plan_id
);

-- Reports are read per plan in id order (a plan's reports, a rebuild of
-- progress_current); nothing looks them up by action. An index on
-- (plan_id, id) serves that and costs a bulk load a fifth less to keep
-- than the one on (plan_id, action_code, party), whose text keys land all
-- over the tree.
DROP INDEX progress_reports_plan;
CREATE INDEX progress_reports_plan ON progress_reports (plan_id, id);
