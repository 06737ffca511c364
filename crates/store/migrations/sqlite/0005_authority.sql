-- Authority: accounts with credentials, the plan's life (adoption, period,
-- signing date), and each party's own content beside the signed plan
-- (leads and partners, restrictions), all append-only; confirmations of
-- agreed evaluation results.

ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;

ALTER TABLE plans ADD COLUMN first_year INTEGER;
ALTER TABLE plans ADD COLUMN last_year INTEGER;
ALTER TABLE plans ADD COLUMN signed_on TEXT;
UPDATE plans SET status = 'in_force' WHERE status = 'adopted';

-- Sessions are not dumped: a restore signs everyone out.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE plan_adoptions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    party TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL
);

-- The current lead and partners of an action for a party are its latest row.
CREATE TABLE action_leads (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    action_code TEXT NOT NULL,
    party TEXT NOT NULL,
    lead TEXT,
    partners TEXT NOT NULL,
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
);
CREATE INDEX action_leads_by_action ON action_leads (plan_id, action_code, party, id);

-- An action is restricted by a party while that party's latest row says so.
CREATE TABLE restrictions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    action_code TEXT NOT NULL,
    party TEXT NOT NULL,
    restricted INTEGER NOT NULL,
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
);
CREATE INDEX restrictions_by_action ON restrictions (plan_id, action_code, party, id);

CREATE TABLE agreed_confirmations (
    id INTEGER PRIMARY KEY,
    agreed_id INTEGER NOT NULL REFERENCES agreed_results(id),
    party TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    confirmed_by TEXT NOT NULL
);
