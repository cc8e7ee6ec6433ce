-- Accounts (tài khoản) and their grants: a role over the subtree of a unit. Passwords are
-- stored only as Argon2id PHC strings; there is no default account and no default password.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    -- Compared without case: "Admin" and "admin" are one account.
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE account_grants (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'office', 'reporter', 'supervisor', 'viewer')),
    scope_unit INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (account_id, role, scope_unit)
);
