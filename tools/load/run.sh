#!/usr/bin/env bash
# Load test of `entente serve` on loopback: a database of the 249 Guardian
# articles, 64 concurrent readers (wrk, mixed API and page requests) for
# 30 s while `entente ingest --jobs 1` adds the AG News test items to the
# same database. Prints wrk's summary with error counts and percentiles, then
# per-path latencies sampled meanwhile by one curl client walking every path
# of mixed.lua in turn (what the slow requests are).
#
#   tools/load/run.sh [SHARED_DIR]    (default ../shared; needs wrk, python3)
#
# Build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${1:-../shared}"
bin="${ENTENTE_BIN:-target/release/entente}"
work="$(mktemp -d)"
trap 'kill "${server:-}" "${ingest:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$shared" "$work" <<'PY'
import csv, json, sys
shared, work = sys.argv[1], sys.argv[2]
with open(f"{work}/guardian.jsonl", "w") as f:
    for r in csv.DictReader(open(f"{shared}/corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv")):
        f.write(json.dumps({"id": "guardian-" + r[""], "text": r["text"], "date": r["date"], "source": "The Guardian"}) + "\n")
with open(f"{work}/agnews.jsonl", "w") as f:
    for i, r in enumerate(csv.reader(open(f"{shared}/corpora/news-agnews-test/test.csv"))):
        f.write(json.dumps({"id": f"agnews-{i}", "title": r[1], "text": r[2].replace("\\\\", " "), "date": "2004-08-01"}) + "\n")
PY
"$bin" ingest --db "$work/load.db" --input jsonl "$work/guardian.jsonl" 2>/dev/null
port=18931
"$bin" serve --db "$work/load.db" --addr "127.0.0.1:$port" --token "load:$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/v1/documents?limit=1" >/dev/null && break; sleep 0.1; done
# Warm the caches once, as a user's first look would.
curl -fs "http://127.0.0.1:$port/network" >/dev/null
# The ingest codes on one thread (`--jobs 1`), as a background ingest beside
# a server should on a small machine: with every core coding, readers wait
# for a core whatever the server does. ENTENTE_INGEST_JOBS overrides it.
ingest_start=$SECONDS
"$bin" ingest --jobs "${ENTENTE_INGEST_JOBS:-1}" --db "$work/load.db" --input jsonl "$work/agnews.jsonl" 2>"$work/ingest.log" &
ingest=$!
paths=$(grep -o '"/[^"]*"' tools/load/mixed.lua | tr -d '"')
(
  end=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$end" ]; do
    for p in $paths; do
      curl -s -o /dev/null -w "$p %{http_code} %{time_total}\n" "http://127.0.0.1:$port$p" || true
    done
  done
) >"$work/probe.txt" &
probe=$!
wrk -t1 -c64 -d30s --timeout 5s -s "${ENTENTE_LOAD_SCRIPT:-tools/load/mixed.lua}" "http://127.0.0.1:$port"
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
if kill -0 "$ingest" 2>/dev/null; then
  echo "ingest still running at the end (it ran for the whole test)"
else
  tail -1 "$work/ingest.log"
  echo "ingest ran for about $(( $(stat -c %Y "$work/ingest.log") - $(date +%s) + SECONDS - ingest_start )) s of the test"
fi
echo "documents stored at the end: $(curl -fs "http://127.0.0.1:$port/api/v1/documents?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
