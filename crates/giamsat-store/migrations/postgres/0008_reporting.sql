-- Reporting regimes and submission steps, in step with migrations/sqlite/0007_reporting.sql.
CREATE TABLE reporting_records (
    id          BIGINT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('regime', 'submission_step')),
    -- Text holding JSON (the cast checks it), as in SQLite: read whole, never by field.
    body        TEXT NOT NULL CHECK (body::jsonb IS NOT NULL),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TRIGGER reporting_append_only BEFORE UPDATE OR DELETE ON reporting_records
    FOR EACH ROW EXECUTE FUNCTION giamsat_append_only();
