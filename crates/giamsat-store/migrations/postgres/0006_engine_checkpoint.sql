-- The engine's checkpoints, in step with migrations/sqlite/0006_engine_checkpoint.sql.
CREATE TABLE engine_checkpoints (
    generation BIGINT PRIMARY KEY,
    through    BIGINT NOT NULL,
    parts      BIGINT NOT NULL
);
CREATE TABLE engine_checkpoint_parts (
    generation BIGINT NOT NULL,
    part       BIGINT NOT NULL,
    bytes      BYTEA NOT NULL,
    PRIMARY KEY (generation, part)
);
-- Binary columns of figures: compressing them costs time and saves little.
ALTER TABLE engine_checkpoint_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;
