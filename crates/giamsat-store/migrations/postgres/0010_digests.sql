-- The daily digest by e-mail, in step with migrations/sqlite/0010_digests.sql.
CREATE TABLE account_contacts (
    account_id BIGINT PRIMARY KEY REFERENCES accounts(id),
    email      TEXT,
    language   TEXT NOT NULL CHECK (language IN ('vi', 'en', 'fr'))
);

CREATE TABLE digests_sent (
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    day        TEXT NOT NULL,
    items      BIGINT NOT NULL,
    sent_at    TEXT NOT NULL,
    PRIMARY KEY (account_id, day)
);
