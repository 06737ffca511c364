-- jointplan store, PostgreSQL. Ids are assigned by the store (max + 1 under the
-- write lock) so a dump restores with the same ids on either backend.
-- Dates and times are TEXT (ISO 8601) on both backends, so they round-trip
-- byte for byte.

CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    party TEXT,
    organisation TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE plans (
    id BIGINT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    parties TEXT NOT NULL,
    partnership TEXT,
    status TEXT NOT NULL,
    predecessor TEXT,
    current_version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE plan_versions (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    number BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    canonical_json TEXT NOT NULL,
    revision_id BIGINT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (plan_id, number)
);

CREATE TABLE lines (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    number BIGINT NOT NULL,
    title TEXT NOT NULL,
    sdgs TEXT NOT NULL,
    PRIMARY KEY (version_id, number)
);

CREATE TABLE tracks (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    code TEXT NOT NULL,
    line_number BIGINT NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL,
    PRIMARY KEY (version_id, code)
);

CREATE TABLE actions (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    code TEXT NOT NULL,
    ordinal BIGINT NOT NULL,
    line_number BIGINT NOT NULL,
    track_code TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    hedged BIGINT NOT NULL,
    PRIMARY KEY (version_id, code)
);

CREATE TABLE action_organisations (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    action_code TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    PRIMARY KEY (version_id, action_code, organisation_id)
);

CREATE TABLE organisations (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    org_id TEXT NOT NULL,
    name TEXT,
    acronyms TEXT NOT NULL,
    party TEXT,
    multilateral BIGINT NOT NULL,
    PRIMARY KEY (version_id, org_id)
);

CREATE TABLE agreements (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    ordinal BIGINT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    years TEXT NOT NULL,
    PRIMARY KEY (version_id, ordinal)
);

CREATE TABLE mechanisms (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    mechanism_id TEXT NOT NULL,
    name TEXT NOT NULL,
    recurrence TEXT NOT NULL,
    PRIMARY KEY (version_id, mechanism_id)
);

CREATE TABLE targets (
    version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    ordinal BIGINT NOT NULL,
    party TEXT,
    measure TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    year BIGINT,
    PRIMARY KEY (version_id, ordinal)
);

CREATE TABLE target_values (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    measure TEXT NOT NULL,
    date TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE progress_reports (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    action_code TEXT NOT NULL,
    party TEXT NOT NULL,
    organisation TEXT,
    date TEXT NOT NULL,
    status TEXT NOT NULL,
    level TEXT NOT NULL,
    narrative TEXT NOT NULL,
    evidence TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX progress_reports_plan ON progress_reports (plan_id, action_code, party);

CREATE TABLE occurrences (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    mechanism_id TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    place TEXT,
    host_party TEXT,
    participants TEXT NOT NULL,
    outcomes TEXT NOT NULL,
    actions TEXT NOT NULL,
    supersedes BIGINT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE assessments (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    evaluation TEXT NOT NULL,
    action_code TEXT NOT NULL,
    party TEXT NOT NULL,
    score BIGINT NOT NULL,
    note TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE agreed_results (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    evaluation TEXT NOT NULL,
    action_code TEXT NOT NULL,
    score BIGINT NOT NULL,
    note TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE revisions (
    id BIGINT PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    base_version BIGINT NOT NULL,
    changes TEXT NOT NULL,
    result_hash TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    proposed_by TEXT NOT NULL
);

CREATE TABLE revision_approvals (
    id BIGINT PRIMARY KEY,
    revision_id BIGINT NOT NULL REFERENCES revisions(id),
    party TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    UNIQUE (revision_id, party)
);

CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- History is append-only: the database itself refuses to rewrite it.
CREATE FUNCTION jointplan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER progress_reports_append_only BEFORE UPDATE OR DELETE ON progress_reports FOR EACH ROW EXECUTE FUNCTION jointplan_append_only();
CREATE TRIGGER revision_approvals_append_only BEFORE UPDATE ON revision_approvals FOR EACH ROW EXECUTE FUNCTION jointplan_append_only();
