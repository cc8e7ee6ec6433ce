-- The validation rules of reporting regimes: bounds, required figures, relations between a
-- report's indicators and outlier thresholds, each set by an office for one regime. Few, read
-- whole and never changed: setting a rule again is a new row that replaces the old one in the
-- engine, so the rules a report was checked by stay in the history. The body is the core
-- type's JSON.
CREATE TABLE validation_rules (
    id          INTEGER PRIMARY KEY,
    regime_id   INTEGER NOT NULL,
    body        TEXT NOT NULL CHECK (json_valid(body)),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TRIGGER validation_rules_no_update BEFORE UPDATE ON validation_rules
BEGIN SELECT RAISE(ABORT, 'validation rules are append-only'); END;
CREATE TRIGGER validation_rules_no_delete BEFORE DELETE ON validation_rules
BEGIN SELECT RAISE(ABORT, 'validation rules are append-only'); END;
