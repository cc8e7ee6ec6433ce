-- The daily digest by e-mail: where and in which language each account is written to, and
-- which digests were sent, so that a restart (or a second process) does not send a day's
-- digest twice. An account without a row here gets no e-mail; its inbox works alike.
CREATE TABLE account_contacts (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
    email      TEXT,
    language   TEXT NOT NULL CHECK (language IN ('vi', 'en', 'fr'))
);

-- One row per account and day, written before the digest is sent (and removed if sending
-- failed), so that whoever holds the row sends it.
CREATE TABLE digests_sent (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    day        TEXT NOT NULL,
    items      INTEGER NOT NULL,
    sent_at    TEXT NOT NULL,
    PRIMARY KEY (account_id, day)
);
