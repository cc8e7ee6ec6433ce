-- The change log: one entry per commit, in commit order. A process applies the entries after
-- the position it has seen, so several processes on one database keep their engines current.
-- `records` is the committed batch as JSON, written by giamsat itself (not checked here: a
-- national import logs megabytes); NULL for a batch too large to log, which readers answer by
-- loading everything again. Old entries are pruned: the tables are the truth.
CREATE TABLE change_log (
    seq     INTEGER PRIMARY KEY,
    records TEXT
);
