-- Follow-up records and evidence files, in step with migrations/sqlite/0004_follow_up.sql.
CREATE TABLE follow_up_records (
    id          BIGINT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'position', 'visit', 'delegation',
                    'working_session', 'task', 'task_update', 'recommendation', 'answer')),
    -- Text holding JSON (the cast checks it), as in SQLite: read whole, never by field.
    body        TEXT NOT NULL CHECK (body::jsonb IS NOT NULL),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TRIGGER follow_up_append_only BEFORE UPDATE OR DELETE ON follow_up_records
    FOR EACH ROW EXECUTE FUNCTION giamsat_append_only();

CREATE TABLE evidence_files (
    sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL CHECK (size >= 0),
    bytes        BYTEA NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE TRIGGER evidence_files_append_only BEFORE UPDATE OR DELETE ON evidence_files
    FOR EACH ROW EXECUTE FUNCTION giamsat_append_only();
