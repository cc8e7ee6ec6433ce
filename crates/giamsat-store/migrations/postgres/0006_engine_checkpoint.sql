-- The engine's checkpoint, in step with migrations/sqlite/0006_engine_checkpoint.sql.
CREATE TABLE engine_checkpoint (
    part    BIGINT PRIMARY KEY,
    through BIGINT NOT NULL,
    bytes   BYTEA NOT NULL
);
-- Binary columns of figures: compressing them costs time and saves little.
ALTER TABLE engine_checkpoint ALTER COLUMN bytes SET STORAGE EXTERNAL;
