#!/usr/bin/env bash
# Load test of `entente serve` on loopback: a database of the 249 Guardian
# articles, 64 concurrent readers (wrk, mixed API and page requests) for
# 30 s while `entente ingest --jobs 1` adds more news texts to the same
# database (twice over, so that it runs the whole test; ENTENTE_LOAD_ROUNDS
# sets how often). Prints wrk's summary with error counts and percentiles;
# per-path latencies sampled meanwhile by one curl client walking every
# path of mixed.lua in turn; the requests the server itself took 50 ms or
# more to answer (ENTENTE_SLOW_MS), by path and by how they were answered;
# and how long the ingest ran.
#
#   tools/load/run.sh [SHARED_DIR]    (default ../shared; needs wrk, python3)
#
# Build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${1:-../shared}"
bin="${ENTENTE_BIN:-target/release/entente}"
work="$(mktemp -d)"
trap 'kill "${server:-}" "${ingest:-}" "${watcher:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$shared" "$work" <<'PY'
import csv, datetime, glob, json, os, sys
shared, work = sys.argv[1], sys.argv[2]
c = f"{shared}/corpora"
with open(f"{work}/guardian.jsonl", "w") as f:
    for r in csv.DictReader(open(f"{c}/news-guardian-sdf-2019/Guardian_SDF_sample.csv")):
        f.write(json.dumps({"id": "guardian-" + r[""], "text": r["text"], "date": r["date"], "source": "The Guardian"}) + "\n")
# What the ingest adds meanwhile: real news texts nobody here wrote (AG News
# items, ACLED event notes, PolNeAR political articles, CoNLL-2003 Reuters
# stories), then the same texts again under new ids (a second round), so
# that the ingest outlasts the 30 s even on a quiet machine.
docs = []
put = docs.append
for i, r in enumerate(csv.reader(open(f"{c}/news-agnews-test/test.csv"))):
    put({"id": f"agnews-{i}", "title": r[1], "text": r[2].replace("\\\\", " "), "date": "2004-08-01"})
for r in csv.DictReader(open(f"{c}/acled-global-2020-05/acled.csv")):
    put({"id": "acled-" + r["data_id"], "text": r["notes"], "source": r["source"],
         "date": datetime.datetime.strptime(r["event_date"], "%d-%b-%y").date().isoformat()})
meta = {r["filename"]: r for r in csv.DictReader(open(f"{c}/polnear-attribution/metadata.tsv"), delimiter="\t")}
for p in sorted(glob.glob(f"{c}/polnear-attribution/*/text/*.txt")):
    name = os.path.basename(p)[:-4]
    m = meta.get(name, {})
    d = {"id": "polnear-" + name, "text": open(p).read(), "source": m.get("publisher", "")}
    if m.get("publication_date"):
        d["date"] = m["publication_date"]
    put(d)
story, line = [], []
def flush():
    if story:
        put({"id": f"conll-{len(docs)}", "text": "\n".join(story), "date": "1996-08-22", "source": "Reuters"})
        story.clear()
for tokline in open(f"{c}/conll2003-en/eng.train"):
    w = tokline.split()
    if not w:
        if line:
            story.append(" ".join(line))
            line = []
    elif w[0] == "-DOCSTART-":
        flush()
    else:
        line.append(w[0])
flush()
rounds = int(os.environ.get("ENTENTE_LOAD_ROUNDS", "2"))
n = 0
with open(f"{work}/more.jsonl", "w") as f:
    for k in range(rounds):
        for d in docs:
            f.write(json.dumps(dict(d, id=d["id"] + (f"-r{k + 1}" if k else ""))) + "\n")
            n += 1
print(n, "documents,", os.path.getsize(f"{work}/more.jsonl"), "bytes", file=sys.stderr)
PY
"$bin" ingest --db "$work/load.db" --input jsonl "$work/guardian.jsonl" 2>/dev/null
port=18931
ENTENTE_SLOW_MS="${ENTENTE_SLOW_MS:-50}" "$bin" serve --db "$work/load.db" --addr "127.0.0.1:$port" --token "load:$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/v1/documents?limit=1" >/dev/null && break; sleep 0.1; done
paths=$(grep -o '"/[^"]*"' tools/load/mixed.lua | tr -d '"')
# Every path of mixed.lua asked once before: the test measures a server
# that has been answering for a while, not its first seconds.
for p in $paths; do curl -fs "http://127.0.0.1:$port$p" >/dev/null; done
# The ingest codes on one thread (`--jobs 1`), as a background ingest beside
# a server should on a small machine: with every core coding, readers wait
# for a core whatever the server does. ENTENTE_INGEST_JOBS overrides it.
ingest_start=$(date +%s.%N)
"$bin" ingest --jobs "${ENTENTE_INGEST_JOBS:-1}" --db "$work/load.db" --input jsonl "$work/more.jsonl" 2>"$work/ingest.log" &
ingest=$!
# When it ends (to say how long it ran).
(while kill -0 "$ingest" 2>/dev/null; do sleep 0.1; done; date +%s.%N >"$work/ingest.end") &
watcher=$!
(
  end=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$end" ]; do
    for p in $paths; do
      curl -s -o /dev/null -w "$p %{http_code} %{time_total}\n" "http://127.0.0.1:$port$p" || true
    done
  done
) >"$work/probe.txt" &
probe=$!
wrk_start=$(date +%s.%N)
log_from=$(wc -l <"$work/serve.log")
wrk -t1 -c64 -d30s --timeout 5s -s "${ENTENTE_LOAD_SCRIPT:-tools/load/mixed.lua}" "http://127.0.0.1:$port"
wrk_end=$(date +%s.%N)
wait "$probe"
python3 - "$work/probe.txt" <<'PY'
import collections, sys
by = collections.defaultdict(list)
for line in open(sys.argv[1]):
    path, status, secs = line.split()
    by[path].append((status, float(secs) * 1000))
print(f"{'path':52} {'n':>4} {'p50 ms':>8} {'max ms':>8} non-2xx")
for path, xs in sorted(by.items(), key=lambda kv: -max(t for _, t in kv[1])):
    ts = sorted(t for _, t in xs)
    bad = sum(1 for s, _ in xs if not s.startswith("2"))
    print(f"{path:52} {len(ts):4} {ts[len(ts) // 2]:8.1f} {ts[-1]:8.1f} {bad}")
PY
# Requests the server itself timed over ENTENTE_SLOW_MS, by path and by how
# they were answered (from the cache, computed, ...).
python3 - "$work/serve.log" "${ENTENTE_SLOW_MS:-50}" "$log_from" <<'PY'
import collections, re, sys
slow = collections.Counter()
for line in open(sys.argv[1]).readlines()[int(sys.argv[3]):]:
    m = re.match(r"entente serve: slow: GET (\S+) (\d+) ms \((.*), (\d+)\)", line)
    if m:
        slow[(m[1].split("?")[0], m[3])] += 1
print(f"requests the server took {sys.argv[2]} ms or more to answer (from wrk's start): {sum(slow.values())}")
for (path, how), n in slow.most_common(12):
    print(f"  {n:6} {path} ({how})")
PY
python3 - "$ingest_start" "$wrk_start" "$wrk_end" "$work/ingest.end" <<'PY'
import sys
start, wrk_start, wrk_end = map(float, sys.argv[1:4])
try:
    end = float(open(sys.argv[4]).read())
except (OSError, ValueError):
    end = None
if end is None:
    print(f"the ingest ran the whole test: from {wrk_start - start:.1f} s before wrk started, still running when it ended")
elif end >= wrk_end:
    print(f"the ingest ran the whole test: from {wrk_start - start:.1f} s before wrk started to {end - wrk_end:.1f} s after it ended")
else:
    print(f"the ingest ran {end - start:.1f} s, and ended {wrk_end - end:.1f} s before wrk did")
PY
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
server=
echo "documents stored at the end: $(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' "$work/load.db")"
uptime
