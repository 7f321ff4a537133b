#!/usr/bin/env python3
"""Codes a JSONL corpus with `entente code` on every Spark executor; writes Parquet.

Each partition of the input (one JSON document per line, the format
`entente code --input jsonl` reads) is piped through one `entente code`
process on the executor that holds it, and the records that come back are
written under OUTPUT as four Parquet tables:

  OUTPUT/events/month=YYYY-MM/part-*.parquet   the columns and types of
                                               `entente export --format parquet`
  OUTPUT/mentions/part-*.parquet
  OUTPUT/quotes/part-*.parquet
  OUTPUT/facts/part-*.parquet

The events' cross-document columns (`event_group`, `num_articles`,
`num_sources`) are computed over the whole corpus with the store's rule: a
group is (event date, source code, target code, CAMEO code); its sources are
distinct outlets (publisher, else URL host, else the document). `id` and
`event_group` are 64-bit hashes here (row ids in a database): stable across
runs, not the numbers a database would give.

Local:   spark-submit tools/spark/code_corpus.py --entente target/release/entente docs.jsonl out/
Cluster: spark-submit --master yarn --files target/release/entente \
             tools/spark/code_corpus.py --entente entente hdfs:///news/*.jsonl hdfs:///coded/
(see README "Spark"). `--entente NAME` with no slash means a file shipped with
`--files` (found through SparkFiles on each executor); a path with a slash
must exist on every node.
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

# One tuple layout per table; the Spark schemas below name the same columns.
EVENT_COLUMNS = [
    "doc", "sentence", "date", "doc_date", "source_code", "source_name",
    "target_code", "target_name", "cameo", "root", "plover", "quad_class",
    "goldstein", "modality", "url", "publisher", "text", "outlet", "ordinal",
]


def find_binary(name):
    """The entente binary on this executor: shipped with --files, or a path."""
    if os.sep in name or not name:
        path = name
    else:
        from pyspark import SparkFiles

        path = SparkFiles.get(name)
        # Some cluster managers put --files in the container's working
        # directory rather than under SparkFiles' root.
        if not os.path.isfile(path) and os.path.isfile(name):
            path = os.path.abspath(name)
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"entente binary {path!r} not found on this node; ship it with "
            f"`--files PATH/entente` and pass `--entente entente`, or install it at the same path on every node"
        )
    if not os.access(path, os.X_OK):
        # Files shipped to executors may lose their execute bit: run a copy.
        copy = os.path.join(tempfile.mkdtemp(prefix="entente-"), "entente")
        shutil.copyfile(path, copy)
        os.chmod(copy, stat.S_IRWXU)
        path = copy
    return path


def outlet(doc):
    """The store's NumSources rule: publisher, else URL host, else the document."""
    source = (doc.get("source") or "").strip()
    if source:
        return source.lower()
    url = doc.get("url") or ""
    if "://" in url:
        host = url.split("://", 1)[1].split("/", 1)[0]
        if host:
            return host.lower()
    return "doc:" + doc["doc"]


def participant_fields(p):
    """(code, name) of an event participant, or of a quote's or fact's actor."""
    if not p:
        return None, None
    return p.get("code"), p.get("name") or p.get("text")


def rows_of(records):
    """Turns one partition's `entente code` records into (table, row) pairs.

    `entente code` writes each document's record before its sentences and
    findings, so the document and its sentence texts are at hand for every
    event without a join.
    """
    doc, body, sentences, ordinal = None, b"", {}, 0
    for rec in records:
        kind = rec.get("kind")
        if kind == "document":
            doc, body, sentences, ordinal = rec, rec["text"].encode("utf-8"), {}, 0
            yield "document", (rec["doc"],)
        elif kind == "sentence":
            s, e = rec["span"]
            # Spans are byte offsets into the body, as the store slices them.
            sentences[rec["index"]] = body[s:e].decode("utf-8", errors="replace")
        elif kind == "event":
            src, tgt = rec["source"], rec["target"]
            yield "event", (
                rec["doc"], rec["sentence"], rec["date"], doc["date"],
                src["code"], src.get("name") or "", tgt["code"], tgt.get("name") or "",
                rec["cameo"], rec["root"], rec["plover"], rec["quad_class"],
                float(rec["goldstein"]), rec["modality"], doc.get("url"), doc.get("source"),
                sentences.get(rec["sentence"], ""), outlet(doc), ordinal,
            )
            ordinal += 1
        elif kind == "mention":
            a = rec["actor"]
            yield "mention", (
                rec["doc"], rec["sentence"], rec["span"][0], rec["span"][1], rec["text"],
                a["code"], a.get("country"), a.get("role"), a["name"], a["id"], a["type"],
                rec["rule"], bool(rec["discovered"]),
            )
        elif kind == "quote":
            sp = rec["speaker"]
            code, name = participant_fields(sp) if "code" in sp else (None, sp.get("text"))
            yield "quote", (
                rec["doc"], rec["sentence"], rec["span"][0], rec["span"][1], name or "",
                code, rec["cue"], rec["content"], rec["style"], rec["rule"],
            )
        elif kind == "fact":
            holder, _ = participant_fields(rec.get("holder"))
            counterpart, _ = participant_fields(rec.get("counterpart"))
            yield "fact", (
                rec["doc"], rec["sentence"], rec["span"][0], rec["span"][1], rec["measure"],
                float(rec["value"]), rec["unit"], bool(rec["approx"]), holder, counterpart,
                rec.get("commodity"), rec.get("asset"), rec.get("period"), rec["rule"],
            )
        elif kind == "diagnostic":
            yield "diagnostic", (rec.get("severity", ""), rec.get("message", ""))


def code_partition(lines, binary, extra_args):
    """Pipes one partition's JSONL lines through `entente code`; yields its rows."""
    path = find_binary(binary)
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [path, "code", "--input", "jsonl", *extra_args, "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
    )
    failure = []

    def feed():
        # A writer thread, so that a full stdout pipe never blocks stdin.
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        except Exception as e:  # surfaced after the reader finishes
            failure.append(e)
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    yield from rows_of(json.loads(line) for line in proc.stdout)
    writer.join()
    code = proc.wait()
    if failure:
        raise failure[0]
    # 1 means some inputs were skipped (reported as diagnostics); anything
    # else is a failure of the run, and the task fails with entente's message.
    if code not in (0, 1):
        err.seek(0)
        raise RuntimeError(
            f"entente code exited with {code}: {err.read().decode('utf-8', 'replace')[-2000:]}"
        )


def schemas():
    from pyspark.sql import types as T

    s, i, l, d, b = T.StringType, T.IntegerType, T.LongType, T.DoubleType, T.BooleanType
    f = T.StructField
    events = T.StructType([
        f("doc", s(), False), f("sentence", l(), False), f("date", s(), False),
        f("doc_date", s(), False), f("source_code", s(), False), f("source_name", s(), False),
        f("target_code", s(), False), f("target_name", s(), False), f("cameo", s(), False),
        f("root", s(), False), f("plover", s(), False), f("quad_class", i(), False),
        f("goldstein", d(), False), f("modality", s(), False), f("url", s(), True),
        f("publisher", s(), True), f("text", s(), False), f("outlet", s(), False),
        f("ordinal", l(), False),
    ])
    mentions = T.StructType([
        f("doc", s(), False), f("sentence", l(), False), f("start", l(), False),
        f("end", l(), False), f("text", s(), False), f("code", s(), False),
        f("country", s(), True), f("role", s(), True), f("name", s(), False),
        f("actor_id", s(), False), f("type", s(), False), f("rule", s(), False),
        f("discovered", b(), False),
    ])
    quotes = T.StructType([
        f("doc", s(), False), f("sentence", l(), False), f("start", l(), False),
        f("end", l(), False), f("speaker", s(), False), f("speaker_code", s(), True),
        f("cue", s(), False), f("content", s(), False), f("style", s(), False),
        f("rule", s(), False),
    ])
    facts = T.StructType([
        f("doc", s(), False), f("sentence", l(), False), f("start", l(), False),
        f("end", l(), False), f("measure", s(), False), f("value", d(), False),
        f("unit", s(), False), f("approx", b(), False), f("holder_code", s(), True),
        f("counterpart_code", s(), True), f("commodity", s(), True), f("asset", s(), True),
        f("period", s(), True), f("rule", s(), False),
    ])
    return events, mentions, quotes, facts


# The column order of `entente export --format parquet`.
EXPORT_ORDER = [
    "id", "doc", "sentence", "date", "month", "doc_date", "source_code", "source_name",
    "target_code", "target_name", "cameo", "root", "plover", "quad_class", "goldstein",
    "modality", "event_group", "num_articles", "num_sources", "url", "publisher", "text",
    "votes_up", "votes_down", "rejected", "machine_cameo", "machine_source", "machine_target",
]


def with_groups(events):
    """Adds id, month, event_group, num_articles and num_sources (export's columns)."""
    from pyspark.sql import functions as F

    key = ["date", "source_code", "target_code", "cameo"]
    groups = events.groupBy(*key).agg(
        F.countDistinct("doc").cast("long").alias("num_articles"),
        F.countDistinct("outlet").cast("long").alias("num_sources"),
    )
    # The store's month rule: the event's YYYY-MM, else the document's, else "unknown".
    month_of = lambda c: F.when(F.col(c).rlike(r"^[0-9]{4}-[0-9]{2}"), F.substring(c, 1, 7))
    return (
        events.join(groups, key)
        .withColumn("id", F.xxhash64("doc", "ordinal"))
        .withColumn("event_group", F.xxhash64(*key))
        .withColumn("month", F.coalesce(month_of("date"), month_of("doc_date"), F.lit("unknown")))
        # Analysts vote in `entente serve`; a corpus coded here has no votes yet.
        .withColumn("votes_up", F.lit(0).cast("long"))
        .withColumn("votes_down", F.lit(0).cast("long"))
        .withColumn("rejected", F.lit(False))
        .withColumn("machine_cameo", F.lit(None).cast("string"))
        .withColumn("machine_source", F.lit(None).cast("string"))
        .withColumn("machine_target", F.lit(None).cast("string"))
        .select(*EXPORT_ORDER)
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL documents: a file, directory or glob Spark can read")
    ap.add_argument("output", help="directory for events/, mentions/, quotes/, facts/")
    ap.add_argument("--entente", default="entente",
                    help="the binary: a name shipped with --files (default: entente), or a path on every node")
    ap.add_argument("--partitions", type=int, default=0,
                    help="input partitions, one `entente code` process each (default: Spark's parallelism)")
    ap.add_argument("--master", help="Spark master when run without spark-submit (e.g. local[2])")
    ap.add_argument("--code-arg", action="append", default=[],
                    help="an extra argument for `entente code` (repeatable), e.g. --code-arg=--grammar")
    args = ap.parse_args(argv)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("entente code_corpus")
    if args.master:
        # Run without spark-submit (tests, a laptop): a small shuffle and no
        # progress bars; on a cluster spark-submit's configuration stands.
        builder = (
            builder.master(args.master)
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.ui.showConsoleProgress", "false")
        )
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    started = time.monotonic()

    partitions = args.partitions or sc.defaultParallelism
    lines = sc.textFile(args.input, minPartitions=partitions).filter(lambda l: l.strip())
    binary, extra = args.entente, list(args.code_arg)
    rows = lines.mapPartitions(lambda it: code_partition(it, binary, extra))
    # Every table is read from one pass of `entente code`, kept until written;
    # counting the records runs that pass, so its time is the coding's own.
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    counts = rows.map(lambda r: r[0]).countByValue()
    coded = time.monotonic() - started
    errors = rows.filter(lambda r: r[0] == "diagnostic" and r[1][0] == "error").map(lambda r: r[1][1]).take(5)

    events_s, mentions_s, quotes_s, facts_s = schemas()
    table = lambda kind, schema: spark.createDataFrame(
        rows.filter(lambda r: r[0] == kind).map(lambda r: r[1]), schema
    )
    out = args.output.rstrip("/")
    with_groups(table("event", events_s)).write.mode("overwrite").partitionBy("month").parquet(
        out + "/events"
    )
    table("mention", mentions_s).write.mode("overwrite").parquet(out + "/mentions")
    table("quote", quotes_s).write.mode("overwrite").parquet(out + "/quotes")
    table("fact", facts_s).write.mode("overwrite").parquet(out + "/facts")
    elapsed = time.monotonic() - started
    rows.unpersist()
    docs = counts.get("document", 0)
    rate = lambda secs: docs / secs if secs > 0 else 0.0
    print(
        f"code_corpus: {docs} documents, {counts.get('event', 0)} events, "
        f"{counts.get('mention', 0)} mentions, {counts.get('quote', 0)} quotes, "
        f"{counts.get('fact', 0)} facts in {elapsed:.1f} s on {sc.master} "
        f"({partitions} partitions): {rate(elapsed):.1f} documents/s "
        f"(coding pass {coded:.1f} s, {rate(coded):.1f} documents/s)"
    )
    for message in errors:
        print(f"code_corpus: skipped: {message}", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
