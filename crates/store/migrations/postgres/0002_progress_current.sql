-- The current report per (plan, action, party): derived from the
-- append-only progress_reports, kept in the same transaction as each
-- insert, so roll-ups read ~140k rows for a 1,000-plan portfolio instead
-- of scanning every report. Not dumped: restore rebuilds it.
CREATE TABLE progress_current (
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    action_code TEXT NOT NULL,
    party TEXT NOT NULL,
    report_id BIGINT NOT NULL,
    date TEXT NOT NULL,
    level TEXT NOT NULL,
    PRIMARY KEY (plan_id, action_code, party)
);

INSERT INTO progress_current (plan_id, action_code, party, report_id, date, level)
SELECT plan_id, action_code, party, id, date, level FROM (
    SELECT plan_id, action_code, party, id, date, level,
           ROW_NUMBER() OVER (PARTITION BY plan_id, action_code, party ORDER BY date DESC, id DESC) AS rn
    FROM progress_reports
) latest WHERE rn = 1;
