-- The portfolio roll-up's two inputs, kept as the data changes so that a
-- roll-up of 1,000 plans reads ~40,000 small rows instead of aggregating
-- ~140,000 current reports and ~69,000 actions. Both are derived: not
-- dumped, rebuilt on restore, compared by verify with a fresh derivation.

-- Actions per line of each plan's current version; the store rewrites a
-- plan's rows whenever the plan gets a new current version.
CREATE TABLE current_lines (
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    line_number INTEGER NOT NULL,
    actions INTEGER NOT NULL,
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
    plan_id INTEGER NOT NULL,
    line_number INTEGER NOT NULL,
    party TEXT NOT NULL,
    level TEXT NOT NULL,
    actions INTEGER NOT NULL,
    PRIMARY KEY (plan_id, line_number, party, level)
);

INSERT INTO progress_line_levels (plan_id, line_number, party, level, actions)
SELECT plan_id, line_number, party, level, COUNT(*) FROM progress_current
WHERE line_number IS NOT NULL
GROUP BY plan_id, line_number, party, level;

-- Row triggers: SQLite runs them in-process, a few microseconds each.
CREATE TRIGGER progress_current_counted_insert AFTER INSERT ON progress_current
WHEN NEW.line_number IS NOT NULL
BEGIN
    INSERT INTO progress_line_levels (plan_id, line_number, party, level, actions)
    VALUES (NEW.plan_id, NEW.line_number, NEW.party, NEW.level, 1)
    ON CONFLICT (plan_id, line_number, party, level) DO UPDATE SET actions = actions + 1;
END;

CREATE TRIGGER progress_current_counted_update AFTER UPDATE ON progress_current
BEGIN
    UPDATE progress_line_levels SET actions = actions - 1
    WHERE OLD.line_number IS NOT NULL AND plan_id = OLD.plan_id AND line_number = OLD.line_number
      AND party = OLD.party AND level = OLD.level;
    INSERT INTO progress_line_levels (plan_id, line_number, party, level, actions)
    SELECT NEW.plan_id, NEW.line_number, NEW.party, NEW.level, 1 WHERE NEW.line_number IS NOT NULL
    ON CONFLICT (plan_id, line_number, party, level) DO UPDATE SET actions = actions + 1;
END;

CREATE TRIGGER progress_current_counted_delete AFTER DELETE ON progress_current
WHEN OLD.line_number IS NOT NULL
BEGIN
    UPDATE progress_line_levels SET actions = actions - 1
    WHERE plan_id = OLD.plan_id AND line_number = OLD.line_number AND party = OLD.party AND level = OLD.level;
END;
