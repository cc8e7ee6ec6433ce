-- The reporting cycle: regimes (who reports which indicators, how often, by when) and the
-- steps of each unit's submission (submitted, approved, returned, reopened). Like follow-up,
-- they are few, read whole and never changed: a submission's state is the fold of its steps,
-- so a decision is a new row, never an update. The body is the core type's JSON.
CREATE TABLE reporting_records (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('regime', 'submission_step')),
    body        TEXT NOT NULL CHECK (json_valid(body)),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TRIGGER reporting_no_update BEFORE UPDATE ON reporting_records
BEGIN SELECT RAISE(ABORT, 'reporting records are append-only'); END;
CREATE TRIGGER reporting_no_delete BEFORE DELETE ON reporting_records
BEGIN SELECT RAISE(ABORT, 'reporting records are append-only'); END;
