#!/usr/bin/env python3
"""Reads an events Parquet directory with DuckDB and with pandas; prints both as JSON.

Works on the output of `code_corpus.py` (DIR/events) and of
`entente export --format parquet` (the same Hive layout: month=YYYY-MM/*.parquet).
It fails when the two readers disagree on the rows; otherwise it prints one
JSON object: {"schema": [[column, DuckDB type], ...], "rows": [[...], ...]},
rows sorted, `month` taken from the directory names.

    python3 tools/spark/read_events.py out/events
"""

import json
import math
import sys


def duckdb_rows(directory):
    import duckdb

    con = duckdb.connect()
    # Files written by Spark carry `month` only in their directory name; the
    # export's carry it in both, which union_by_name and hive_partitioning merge.
    rel = con.sql(
        "SELECT * FROM read_parquet(?, hive_partitioning = true, union_by_name = true)",
        params=[f"{directory}/**/*.parquet"],
    )
    schema = [[name, str(ty)] for name, ty in zip(rel.columns, rel.types)]
    return schema, [list(r) for r in rel.fetchall()]


def pandas_rows(directory):
    import pandas as pd

    import glob

    import pyarrow.parquet as pq

    files = sorted(glob.glob(f"{directory}/**/*.parquet", recursive=True))
    if not files:
        sys.exit(f"no Parquet files under {directory}")
    # The export's files hold `month` themselves: then the directory names
    # must not add it a second time.
    in_files = "month" in pq.read_schema(files[0]).names
    kwargs = {"partitioning": None} if in_files else {}
    frame = pd.read_parquet(directory, engine="pyarrow", **kwargs)
    # pyarrow reads the partition column as a category; make it a string.
    if "month" in frame.columns:
        frame["month"] = frame["month"].astype(str)
    return list(frame.columns), frame


def plain(v):
    """A cell as JSON can carry it, None for SQL NULL and pandas' NaN or NA."""
    if v is None:
        return None
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return None
    except ImportError:
        pass
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def main(directory):
    schema, rows = duckdb_rows(directory)
    names = [n for n, _ in schema]
    columns, frame = pandas_rows(directory)
    if sorted(columns) != sorted(names):
        sys.exit(f"DuckDB and pandas read different columns: {names} vs {columns}")
    frame = frame[names]
    from_pandas = sorted(
        (tuple(plain(v) for v in r) for r in frame.itertuples(index=False, name=None)),
        key=repr,
    )
    from_duckdb = sorted((tuple(plain(v) for v in r) for r in rows), key=repr)
    if from_pandas != from_duckdb:
        sys.exit(f"DuckDB and pandas read different rows from {directory}")
    json.dump({"schema": schema, "rows": [list(r) for r in from_duckdb]}, sys.stdout)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: read_events.py EVENTS_DIRECTORY")
    main(sys.argv[1])
