-- The change log, in step with migrations/sqlite/0005_change_log.sql. Each commit also
-- announces its position with NOTIFY giamsat_changes.
CREATE TABLE change_log (
    seq     BIGINT PRIMARY KEY,
    records TEXT
);
-- Read once by each process, then pruned: not worth compressing.
ALTER TABLE change_log ALTER COLUMN records SET STORAGE EXTERNAL;
