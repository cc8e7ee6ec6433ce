-- The validation rules of reporting regimes, in step with migrations/sqlite/0009_validation_rules.sql.
CREATE TABLE validation_rules (
    id          BIGINT PRIMARY KEY,
    regime_id   BIGINT NOT NULL,
    -- Text holding JSON (the cast checks it), as in SQLite: read whole, never by field.
    body        TEXT NOT NULL CHECK (body::jsonb IS NOT NULL),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TRIGGER validation_rules_append_only BEFORE UPDATE OR DELETE ON validation_rules
    FOR EACH ROW EXECUTE FUNCTION giamsat_append_only();
