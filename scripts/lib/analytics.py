"""The five questions of the analytics benchmark, asked of DuckDB, PostgreSQL and SQLite.

Run by `scripts/bench analytics`, after `giamsat bench generate` has written the dataset as
CSV files and `giamsat bench analytics` has written giamsat's answers and timings. Each engine
loads the same CSV files into plain tables (one row per current figure, as DHIS2's analytics
tables hold them) with the indexes a careful DBA would add, answers the same questions, and
must give giamsat's answers; the script then prints each engine's median time and its ratio to
giamsat's.

Questions (the parameters are giamsat's, in crates/giamsat/src/bench/analytics.rs):
  a  one indicator, one province, one month, summed over its communes
  b  every province's scorecard for a year (targets met / set), best first
  c  provinces ranked by change over the same period last year (January to October 2026)
  d  ten years of one indicator for one province
  e  the overview of one province: every target of the year with its actual and status
"""

import argparse
import csv
import json
import math
import sqlite3
import statistics
import sys
import time
from pathlib import Path

INDICATOR_ID = 1  # I001, a flow where more is better
PROVINCE_CODE = "01"
MONTH = (2025, 6)
YEAR = 2025
YTD = (2026, 10)

# One question set, written once in the SQL all three engines speak; `?` placeholders.
ACTUALS = """
    SELECT o.province_id, o.indicator_id,
           CASE i.behaviour
             WHEN 'flow' THEN SUM(o.value)
             WHEN 'stock' THEN SUM(CASE WHEN o.month = 12 THEN o.value END)
             ELSE AVG(o.value)
           END AS actual
    FROM obs o JOIN indicators i ON i.id = o.indicator_id
    WHERE o.year = ? {where}
    GROUP BY o.province_id, o.indicator_id, i.behaviour
"""

MET = """CASE WHEN a.actual IS NULL THEN NULL
              WHEN t.comparator = 'at_least' AND a.actual >= t.value THEN 1
              WHEN t.comparator = 'at_most' AND a.actual <= t.value THEN 1
              ELSE 0 END"""

QUESTIONS = {
    "a": (
        "SELECT SUM(value) FROM obs WHERE indicator_id = ? AND province_id = ? AND year = ? AND month = ?",
        lambda p: (INDICATOR_ID, p["province"], MONTH[0], MONTH[1]),
    ),
    "b": (
        f"""WITH a AS ({ACTUALS.format(where="")}),
           s AS (SELECT t.province_id, SUM(COALESCE({MET}, 0)) AS met, COUNT(*) AS set_count
                 FROM targets t LEFT JOIN a ON a.province_id = t.province_id AND a.indicator_id = t.indicator_id
                 WHERE t.year = ? GROUP BY t.province_id)
        SELECT u.code, s.met, s.set_count FROM s JOIN units u ON u.id = s.province_id
        ORDER BY CAST(s.met AS DOUBLE PRECISION) / s.set_count DESC, s.met DESC, s.province_id""",
        lambda p: (YEAR, YEAR),
    ),
    "c": (
        """WITH v AS (SELECT province_id,
                            SUM(CASE WHEN year = ? THEN value END) AS cur,
                            SUM(CASE WHEN year = ? THEN value END) AS prev
                     FROM obs WHERE indicator_id = ? AND year IN (?, ?) AND month BETWEEN 1 AND ?
                     GROUP BY province_id)
        SELECT u.code, v.cur, (v.cur - v.prev) / ABS(v.prev) * 100 AS change
        FROM v JOIN units u ON u.id = v.province_id
        WHERE v.cur IS NOT NULL AND v.prev IS NOT NULL AND v.prev <> 0
        ORDER BY change DESC""",
        lambda p: (YTD[0], YTD[0] - 1, INDICATOR_ID, YTD[0], YTD[0] - 1, YTD[1]),
    ),
    "d": (
        # A year's flow is known when its twelve months are.
        """SELECT year, SUM(value) FROM obs
        WHERE indicator_id = ? AND province_id = ? AND year BETWEEN ? AND ?
        GROUP BY year HAVING COUNT(DISTINCT month) = 12 ORDER BY year""",
        lambda p: (INDICATOR_ID, p["province"], p["first_year"], p["first_year"] + 9),
    ),
    "e": (
        f"""WITH a AS ({ACTUALS.format(where="AND o.province_id = ?")})
        SELECT i.code, a.actual,
               CASE {MET} WHEN 1 THEN 'achieved' WHEN 0 THEN 'off_track' ELSE 'no_data' END
        FROM targets t JOIN indicators i ON i.id = t.indicator_id
        LEFT JOIN a ON a.province_id = t.province_id AND a.indicator_id = t.indicator_id
        WHERE t.year = ? AND t.province_id = ? ORDER BY i.code""",
        lambda p: (YEAR, p["province"], YEAR, p["province"]),
    ),
}


def shape(name, rows):
    """Rows of an engine in the form of giamsat's JSON answers."""
    if name == "a":
        return rows[0][0]
    if name == "b":
        return [{"province": r[0], "met": int(r[1]), "set": int(r[2])} for r in rows]
    if name == "c":
        return [{"province": r[0], "value": r[1], "change": r[2]} for r in rows]
    if name == "d":
        return [{"year": int(r[0]), "value": r[1]} for r in rows]
    return [{"indicator": r[0], "actual": r[1], "status": r[2]} for r in rows]


def same(x, y, where="answer"):
    """Exact for text and counts; numbers within 1e-9 relative (sums in another order)."""
    if isinstance(x, dict) and isinstance(y, dict):
        if x.keys() != y.keys():
            return f"{where}: keys {sorted(x)} vs {sorted(y)}"
        for k in x:
            problem = same(x[k], y[k], f"{where}.{k}")
            if problem:
                return problem
        return None
    if isinstance(x, list) and isinstance(y, list):
        if len(x) != len(y):
            return f"{where}: {len(x)} rows vs {len(y)}"
        for i, (a, b) in enumerate(zip(x, y)):
            problem = same(a, b, f"{where}[{i}]")
            if problem:
                return problem
        return None
    if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
        if math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-9):
            return None
        return f"{where}: {x} vs {y}"
    return None if x == y else f"{where}: {x!r} vs {y!r}"


def ms(value):
    """Milliseconds with three significant digits."""
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def timed(run, runs):
    times = []
    answer = None
    for _ in range(runs):
        started = time.perf_counter()
        answer = run()
        times.append(time.perf_counter() - started)
    return answer, statistics.median(times)


SCHEMA = [
    ("units", "id INTEGER, code TEXT, parent_id INTEGER, province_id INTEGER"),
    ("indicators", "id INTEGER, code TEXT, behaviour TEXT, direction TEXT"),
    ("targets", "id INTEGER, province_id INTEGER, indicator_id INTEGER, year INTEGER, value DOUBLE PRECISION, comparator TEXT"),
    ("obs", "indicator_id INTEGER, unit_id INTEGER, province_id INTEGER, year INTEGER, month INTEGER, value DOUBLE PRECISION"),
]
FILES = {"units": "units.csv", "indicators": "indicators.csv", "targets": "targets.csv", "obs": "observations.csv"}
INDEXES = [
    "CREATE INDEX obs_cell ON obs (indicator_id, province_id, year, month)",
    "CREATE INDEX obs_year ON obs (year, indicator_id, province_id)",
    "CREATE INDEX targets_year ON targets (year, province_id)",
]


class DuckDB:
    name = "DuckDB"

    def __init__(self, data, work):
        import duckdb

        path = work / "duck.db"
        path.unlink(missing_ok=True)
        self.db = duckdb.connect(str(path))
        for table, columns in SCHEMA:
            columns = columns.replace("DOUBLE PRECISION", "DOUBLE").replace("TEXT", "VARCHAR")
            self.db.execute(f"CREATE TABLE {table} ({columns})")
            types = ", ".join(f"'{c.split()[0]}': '{c.split()[1]}'" for c in columns.split(", "))
            # Sorted as the questions filter, so DuckDB's zone maps skip what is not asked.
            order = " ORDER BY indicator_id, province_id, year, month" if table == "obs" else ""
            self.db.execute(
                f"INSERT INTO {table} SELECT * FROM read_csv('{data / FILES[table]}', header = true, "
                f"columns = {{{types}}}){order}"
            )
        self.db.execute("CHECKPOINT")

    def ask(self, sql, params):
        return self.db.execute(sql, list(params)).fetchall()


class SQLite:
    name = "SQLite"

    def __init__(self, data, work):
        path = work / "analytics.sqlite"
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("PRAGMA cache_size = -1000000")
        for table, columns in SCHEMA:
            self.db.execute(f"CREATE TABLE {table} ({columns})")
            with open(data / FILES[table], newline="") as f:
                rows = csv.reader(f)
                width = len(next(rows))
                self.db.executemany(
                    f"INSERT INTO {table} VALUES ({','.join('?' * width)})",
                    ([None if v == "" else v for v in r] for r in rows),
                )
        for index in INDEXES:
            self.db.execute(index)
        self.db.execute("ANALYZE")
        self.db.commit()

    def ask(self, sql, params):
        return self.db.execute(sql, params).fetchall()


class PostgreSQL:
    name = "PostgreSQL"

    def __init__(self, data, work, url):
        import psycopg

        self.db = psycopg.connect(url, autocommit=True)
        for table, columns in SCHEMA:
            self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute(f"CREATE UNLOGGED TABLE {table} ({columns})")
            with self.db.cursor() as cursor:
                with cursor.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
                    with open(data / FILES[table], "rb") as f:
                        while block := f.read(1 << 20):
                            copy.write(block)
        for index in INDEXES:
            self.db.execute(index)
        self.db.execute("VACUUM ANALYZE")

    def ask(self, sql, params):
        return self.db.execute(sql.replace("?", "%s"), params, prepare=True).fetchall()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True, help="the CSV files of bench generate")
    parser.add_argument("--giamsat", type=Path, required=True, help="the JSON of bench analytics")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--postgres", required=True, help="a database URL")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--peers", default="duckdb,postgresql,sqlite",
                        help="the engines to compare with, of duckdb, postgresql, sqlite")
    args = parser.parse_args()

    giamsat = json.loads(args.giamsat.read_text())
    units = {r["code"]: int(r["id"]) for r in csv.DictReader(open(args.data / "units.csv"))}
    years = [int(r["year"]) for r in csv.DictReader(open(args.data / "targets.csv"))]
    params = {"province": units[PROVINCE_CODE], "first_year": min(years)}

    results = {}
    failed = False
    engines = [
        ("DuckDB", lambda: DuckDB(args.data, args.work)),
        ("PostgreSQL", lambda: PostgreSQL(args.data, args.work, args.postgres)),
        ("SQLite", lambda: SQLite(args.data, args.work)),
    ]
    peers = {p.strip().lower() for p in args.peers.split(",") if p.strip()}
    unknown = peers - {n.lower() for n, _ in engines}
    if unknown or not peers:
        parser.error(f"--peers: unknown engines {sorted(unknown)}; use duckdb, postgresql, sqlite")
    engines = [(n, make) for n, make in engines if n.lower() in peers]
    load_times = {}
    for name, make in engines:
        started = time.perf_counter()
        engine = make()
        load_times[name] = time.perf_counter() - started
        print(f"{name}: loaded and indexed in {load_times[name]:.1f} s", flush=True)
        results[name] = {}
        for q, (sql, bind) in QUESTIONS.items():
            rows, median = timed(lambda: engine.ask(sql, bind(params)), args.runs)
            problem = same(giamsat["answers"][q], shape(q, rows), f"({q})")
            if problem:
                failed = True
                print(f"  {name} disagrees with giamsat on {problem}", file=sys.stderr)
            results[name][q] = median * 1000
            print(f"  ({q}) median {median * 1000:.3f} ms", flush=True)

    ours = {q: float(giamsat["timings_ms"][q]) for q in QUESTIONS}
    print()
    print(f"{giamsat['observations']:,} observations; median of {args.runs} runs; times in ms; "
          "× = engine's time ÷ giamsat's; giamsat's first answer is before it remembers anything")
    print()
    names = [n for n, _ in engines]
    print("| question | giamsat | giamsat, first answer | " + " | ".join(names) + " |")
    print("|---|---:|---:|" + "---:|" * len(names))
    labels = {
        "a": "(a) one indicator, province, month",
        "b": "(b) every province's scorecard",
        "c": "(c) provinces by change",
        "d": "(d) ten-year trajectory",
        "e": "(e) a province's overview",
    }
    for q in QUESTIONS:
        cells = []
        for n in names:
            ratio = results[n][q] / max(ours[q], 1e-9)
            cells.append(f"{ms(results[n][q])} ({ratio:,.0f}×)")
        first = float(giamsat["timings_ms"][f"{q}_first"])
        print(f"| {labels[q]} | {ms(ours[q])} | {ms(first)} | " + " | ".join(cells) + " |")
    print()
    # What the first answer after a start is worth beside each engine's (median) answer.
    print("| question | giamsat, first answer | " + " | ".join(f"{n} ÷ giamsat's first" for n in names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for q in QUESTIONS:
        first = float(giamsat["timings_ms"][f"{q}_first"])
        cells = [f"{results[n][q] / max(first, 1e-9):,.1f}×" for n in names]
        print(f"| {labels[q]} | {ms(first)} | " + " | ".join(cells) + " |")
    print()
    print(f"answers: {'DIFFER (see above)' if failed else 'all engines agree with giamsat'}")
    t = giamsat["timings_ms"]
    print(f"giamsat after recording a figure through the application layer ({t['write']:.2f} ms): "
          f"(a) {ms(t['a_after_write'])} ms, (b) {ms(t['b_after_write'])} ms")
    print("load and index: " + ", ".join(f"{n} {t:.1f} s" for n, t in load_times.items())
          + f"; giamsat start-up {giamsat['startup_s']:.1f} s"
          + f" ({giamsat['startup_observations_from_rows']:,} observations read from rows),"
          + f" {giamsat['startup_from_checkpoint_s']:.1f} s from its checkpoint"
          + f" (saved in {giamsat['checkpoint_save_s']:.1f} s)")
    if giamsat.get("resident_bytes"):
        per = giamsat["resident_bytes"] / giamsat["observations"]
        print(f"giamsat resident memory: {giamsat['resident_bytes'] / 1e6:.0f} MB = {per:.1f} bytes per observation")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
