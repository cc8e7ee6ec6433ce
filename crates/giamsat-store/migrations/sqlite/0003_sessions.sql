-- Sign-in sessions, API tokens, grants over the whole tree, and the unit of each audit entry.
-- Secrets (session cookies, API tokens) are stored only as SHA-256 hashes: they are long
-- random strings, so a fast hash is enough, and a stolen database reveals none of them.

-- A grant's scope may now be the whole tree (NULL): the first administrator of an empty
-- installation. SQLite cannot relax NOT NULL in place, so the table is rebuilt.
CREATE TABLE account_grants_new (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'office', 'reporter', 'supervisor', 'viewer')),
    scope_unit INTEGER REFERENCES units(id)
);
INSERT INTO account_grants_new (account_id, role, scope_unit)
    SELECT account_id, role, scope_unit FROM account_grants;
DROP TABLE account_grants;
ALTER TABLE account_grants_new RENAME TO account_grants;
CREATE UNIQUE INDEX account_grants_once ON account_grants (account_id, role, ifnull(scope_unit, 0));

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    -- The synchroniser token every form of this session must send back.
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- The unit an audit entry concerns, for the audit of one unit's subtree. Entries written
-- before this migration have none and appear only in the whole trail.
ALTER TABLE audit_log ADD COLUMN unit_id INTEGER REFERENCES units(id);
CREATE INDEX audit_log_unit ON audit_log (unit_id, id);
