-- Corrections of tasks and working sessions: a follow-up record of the kind 'revision' (what
-- changed, from what to what, and why). SQLite cannot change a CHECK constraint, so the table
-- is made again with the new kind allowed and its rows copied unchanged; its append-only
-- triggers go with the old table and are made again.
CREATE TABLE follow_up_records_7 (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'position', 'visit', 'delegation',
                    'working_session', 'task', 'task_update', 'recommendation', 'answer',
                    'revision')),
    body        TEXT NOT NULL CHECK (json_valid(body)),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
INSERT INTO follow_up_records_7 (id, kind, body, source, recorded_by, recorded_at)
    SELECT id, kind, body, source, recorded_by, recorded_at FROM follow_up_records;
DROP TABLE follow_up_records;
ALTER TABLE follow_up_records_7 RENAME TO follow_up_records;

CREATE TRIGGER follow_up_no_update BEFORE UPDATE ON follow_up_records
BEGIN SELECT RAISE(ABORT, 'follow-up records are append-only'); END;
CREATE TRIGGER follow_up_no_delete BEFORE DELETE ON follow_up_records
BEGIN SELECT RAISE(ABORT, 'follow-up records are append-only'); END;
