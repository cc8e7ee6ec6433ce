-- Checkpoints of the engine's current figures (giamsat_core::engine::checkpoint), so that a
-- process starts by reading columns rather than every observation, then reads only the
-- observations after `through`. Derived from the observations, which stay the truth: not
-- backed up, and ignored when one does not restore.
--
-- A checkpoint is written part by part, in short transactions, under a new generation; it
-- counts once its row in `engine_checkpoints` is committed, and the older generations are
-- then deleted. Writers are never held up for long, and a save cut short leaves only parts
-- that no row names, deleted by the next save.
CREATE TABLE engine_checkpoints (
    generation INTEGER PRIMARY KEY,
    through    INTEGER NOT NULL,
    parts      INTEGER NOT NULL
);
CREATE TABLE engine_checkpoint_parts (
    generation INTEGER NOT NULL,
    part       INTEGER NOT NULL,
    bytes      BLOB NOT NULL,
    PRIMARY KEY (generation, part)
);
