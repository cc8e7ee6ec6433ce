-- A checkpoint of the engine's current figures (giamsat_core::engine::checkpoint), so that a
-- process starts by reading columns rather than every observation, then reads only the
-- observations after `through`. Derived from the observations, which stay the truth: not
-- backed up, replaced whole, and ignored when it does not restore.
CREATE TABLE engine_checkpoint (
    part    INTEGER PRIMARY KEY,
    through INTEGER NOT NULL,
    bytes   BLOB NOT NULL
);
