-- The signed text a plan version was imported from, so that lint findings
-- can be shown with the words around them. The spans of the version's
-- plan index `text`; `name`, `format` and `sha256` are the plan's
-- `source` as the import described it (the digest is of the file's bytes,
-- which for DOCX or HTML are not the text). Written once, never changed.
CREATE TABLE plan_sources (
    version_id INTEGER PRIMARY KEY REFERENCES plan_versions(id),
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TRIGGER plan_sources_append_only_u BEFORE UPDATE ON plan_sources BEGIN SELECT RAISE(ABORT, 'plan sources are append-only'); END;
CREATE TRIGGER plan_sources_append_only_d BEFORE DELETE ON plan_sources BEGIN SELECT RAISE(ABORT, 'plan sources are append-only'); END;
