-- The change log: one entry per commit, in commit order. A process applies the entries after
-- the position it has seen, so several processes on one database keep their engines current.
-- `records` is the committed batch as JSON; NULL for a batch too large to log, which readers
-- answer by loading everything again. Old entries are pruned: the tables are the truth.
CREATE TABLE change_log (
    seq     INTEGER PRIMARY KEY,
    records TEXT CHECK (records IS NULL OR json_valid(records))
);
