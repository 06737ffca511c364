-- The portfolio roll-up's two inputs, kept as the data changes so that a
-- roll-up of 1,000 plans reads ~40,000 small rows instead of aggregating
-- ~140,000 current reports and ~69,000 actions. Both are derived: not
-- dumped, rebuilt on restore, compared by verify with a fresh derivation.

-- Actions per line of each plan's current version; the store rewrites a
-- plan's rows whenever the plan gets a new current version.
CREATE TABLE current_lines (
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    line_number BIGINT NOT NULL,
    actions BIGINT NOT NULL,
    PRIMARY KEY (plan_id, line_number)
);

INSERT INTO current_lines (plan_id, line_number, actions)
SELECT p.id, a.line_number, COUNT(*) FROM plans p
JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version
JOIN actions a ON a.version_id = v.id
GROUP BY p.id, a.line_number;

-- Current reports per line, party and level: progress_current counted,
-- kept by triggers on it (a count may fall to 0; the row stays).
CREATE TABLE progress_line_levels (
    plan_id BIGINT NOT NULL,
    line_number BIGINT NOT NULL,
    party TEXT NOT NULL,
    level TEXT NOT NULL,
    actions BIGINT NOT NULL,
    PRIMARY KEY (plan_id, line_number, party, level)
);

INSERT INTO progress_line_levels (plan_id, line_number, party, level, actions)
SELECT plan_id, line_number, party, level, COUNT(*) FROM progress_current
WHERE line_number IS NOT NULL
GROUP BY plan_id, line_number, party, level;

-- Statement triggers over transition tables: one set-based update per
-- upsert of a bulk batch instead of a trigger call per row.
CREATE FUNCTION jointplan_count_levels() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO progress_line_levels (plan_id, line_number, party, level, actions)
        SELECT plan_id, line_number, party, level, COUNT(*) FROM added
        WHERE line_number IS NOT NULL GROUP BY plan_id, line_number, party, level
        ON CONFLICT (plan_id, line_number, party, level)
        DO UPDATE SET actions = progress_line_levels.actions + excluded.actions;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO progress_line_levels (plan_id, line_number, party, level, actions)
        SELECT plan_id, line_number, party, level, SUM(n) FROM (
            SELECT plan_id, line_number, party, level, -1 AS n FROM removed WHERE line_number IS NOT NULL
            UNION ALL
            SELECT plan_id, line_number, party, level, 1 FROM added WHERE line_number IS NOT NULL
        ) delta GROUP BY plan_id, line_number, party, level
        ON CONFLICT (plan_id, line_number, party, level)
        DO UPDATE SET actions = progress_line_levels.actions + excluded.actions;
    ELSE
        UPDATE progress_line_levels l SET actions = l.actions - d.n FROM (
            SELECT plan_id, line_number, party, level, COUNT(*) AS n FROM removed
            WHERE line_number IS NOT NULL GROUP BY plan_id, line_number, party, level
        ) d
        WHERE l.plan_id = d.plan_id AND l.line_number = d.line_number AND l.party = d.party AND l.level = d.level;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER progress_current_counted_insert AFTER INSERT ON progress_current
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION jointplan_count_levels();
CREATE TRIGGER progress_current_counted_update AFTER UPDATE ON progress_current
REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION jointplan_count_levels();
CREATE TRIGGER progress_current_counted_delete AFTER DELETE ON progress_current
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION jointplan_count_levels();
