-- Corrections of documents, targets and indicators, in step with
-- migrations/sqlite/0011_amendments.sql.
CREATE TABLE amendments (
    id          BIGINT PRIMARY KEY,
    object      TEXT NOT NULL CHECK (object IN ('document', 'target', 'indicator')),
    object_id   BIGINT NOT NULL,
    -- Text holding JSON (the cast checks it), as in SQLite: read whole, never by field.
    body        TEXT NOT NULL CHECK (body::jsonb IS NOT NULL),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX amendments_object ON amendments (object, object_id);
CREATE TRIGGER amendments_append_only BEFORE UPDATE OR DELETE ON amendments
    FOR EACH ROW EXECUTE FUNCTION giamsat_append_only();
