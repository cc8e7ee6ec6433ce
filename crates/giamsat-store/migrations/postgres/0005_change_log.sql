-- The change log, in step with migrations/sqlite/0005_change_log.sql. Each commit also
-- announces its position with NOTIFY giamsat_changes.
CREATE TABLE change_log (
    seq     BIGINT PRIMARY KEY,
    records TEXT CHECK (records IS NULL OR records::jsonb IS NOT NULL)
);
