-- Follow-up: people and positions, planned visits, delegations, working sessions, tasks and
-- their progress, recommendations and answers. They are read whole, never queried by field,
-- and never changed: one append-only table of typed records, the body being the core type's
-- JSON (checked by the engine before it is written, and again when it is loaded).
CREATE TABLE follow_up_records (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'position', 'visit', 'delegation',
                    'working_session', 'task', 'task_update', 'recommendation', 'answer')),
    body        TEXT NOT NULL CHECK (json_valid(body)),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TRIGGER follow_up_no_update BEFORE UPDATE ON follow_up_records
BEGIN SELECT RAISE(ABORT, 'follow-up records are append-only'); END;
CREATE TRIGGER follow_up_no_delete BEFORE DELETE ON follow_up_records
BEGIN SELECT RAISE(ABORT, 'follow-up records are append-only'); END;

-- Files given as evidence of progress, kept by their SHA-256 (one copy of each content).
CREATE TABLE evidence_files (
    sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    bytes        BLOB NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE TRIGGER evidence_files_no_update BEFORE UPDATE ON evidence_files
BEGIN SELECT RAISE(ABORT, 'evidence files are kept as given'); END;
CREATE TRIGGER evidence_files_no_delete BEFORE DELETE ON evidence_files
BEGIN SELECT RAISE(ABORT, 'evidence files are kept as given'); END;
