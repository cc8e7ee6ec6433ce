-- The initial schema. Applied migrations are never edited: add a new file instead.
-- Dates are ISO 8601 text (YYYY-MM-DD), timestamps RFC 3339 in UTC, periods canonical codes
-- (2023-05, 2023-Q2, 2023-H1, 2023, 2023-YTD05, 2021-2025).

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES units(id),
    valid_from  TEXT,
    valid_to    TEXT,
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

-- A unit that took over (all or a share of) another's territory on a date.
CREATE TABLE unit_successions (
    id           INTEGER PRIMARY KEY,
    predecessor  INTEGER NOT NULL REFERENCES units(id),
    successor    INTEGER NOT NULL REFERENCES units(id),
    share        REAL NOT NULL CHECK (share > 0 AND share <= 1),
    valid_from   TEXT NOT NULL,
    source       TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    UNIQUE (predecessor, successor)
);

-- Content in several languages (decision 10): one row per object, field and locale.
CREATE TABLE translations (
    object      TEXT NOT NULL,
    object_id   INTEGER NOT NULL,
    field       TEXT NOT NULL,
    locale      TEXT NOT NULL CHECK (locale IN ('vi', 'en', 'fr')),
    text        TEXT NOT NULL,
    PRIMARY KEY (object, object_id, field, locale)
);

CREATE TABLE indicators (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    decimals         INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
    direction        TEXT NOT NULL,
    across_units     TEXT NOT NULL,
    weight_id        INTEGER REFERENCES indicators(id),
    numerator_id     INTEGER REFERENCES indicators(id),
    denominator_id   INTEGER REFERENCES indicators(id),
    scale            REAL,
    over_time        TEXT NOT NULL,
    same_period_base TEXT,
    source           TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    recorded_at      TEXT NOT NULL
);

CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    key              TEXT NOT NULL,
    number           TEXT,
    doc_type         TEXT NOT NULL,
    issued_by        INTEGER NOT NULL REFERENCES units(id),
    issued_on        TEXT,
    target_year      INTEGER,
    orientation_year INTEGER,
    vision_year      INTEGER,
    source           TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    UNIQUE (issued_by, key)
);

CREATE TABLE targets (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id),
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id),
    unit_id         INTEGER NOT NULL REFERENCES units(id),
    period          TEXT NOT NULL,
    value           REAL NOT NULL,
    comparator      TEXT NOT NULL,
    baseline_period TEXT,
    baseline_value  REAL,
    source          TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    UNIQUE (document_id, indicator_id, unit_id, period)
);

-- A target's trajectory. A new scenario for a target is a new row; the latest one is current.
CREATE TABLE scenarios (
    id          INTEGER PRIMARY KEY,
    target_id   INTEGER NOT NULL REFERENCES targets(id),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TABLE scenario_points (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id),
    month       TEXT NOT NULL,
    value       REAL NOT NULL,
    PRIMARY KEY (scenario_id, month)
);

-- Observations are append-only (decision 5): the triggers below refuse updates and deletes.
CREATE TABLE observations (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    period       TEXT NOT NULL,
    value        REAL NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('estimate', 'preliminary', 'official')),
    reported_by  INTEGER REFERENCES units(id),
    document_id  INTEGER REFERENCES documents(id),
    corrects     INTEGER REFERENCES observations(id),
    note         TEXT,
    source       TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX observations_cell ON observations (indicator_id, unit_id, period);

CREATE TRIGGER observations_no_update BEFORE UPDATE ON observations
BEGIN SELECT RAISE(ABORT, 'observations are append-only'); END;
CREATE TRIGGER observations_no_delete BEFORE DELETE ON observations
BEGIN SELECT RAISE(ABORT, 'observations are append-only'); END;

CREATE TABLE reported_scorecards (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    period      TEXT NOT NULL,
    met         INTEGER NOT NULL CHECK (met >= 0),
    set_count   INTEGER NOT NULL CHECK (set_count >= met),
    document_id INTEGER REFERENCES documents(id),
    source      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    object  TEXT NOT NULL,
    before  TEXT,
    after   TEXT
);
CREATE INDEX audit_log_object ON audit_log (object);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
