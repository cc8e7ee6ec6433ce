-- Corrections of documents, targets and indicators: each row says which record, which fields
-- changed from what to what, and why (the body is the core type's JSON). The record corrected
-- is never rewritten: its current state is its first version with its amendments applied in
-- order, and the amendments are its history. Append-only.
CREATE TABLE amendments (
    id          INTEGER PRIMARY KEY,
    object      TEXT NOT NULL CHECK (object IN ('document', 'target', 'indicator')),
    object_id   INTEGER NOT NULL,
    body        TEXT NOT NULL CHECK (json_valid(body)),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX amendments_object ON amendments (object, object_id);

CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
