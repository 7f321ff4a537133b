#!/usr/bin/env bash
# Checks that a change leaves `entente code` (and the `entente eval` reports)
# byte for byte as they were.
#
# Usage (from anywhere in the repository):
#   tools/check_identical.sh save DIR      # before the change: write the outputs to DIR
#   tools/check_identical.sh compare DIR   # after it: write them again and compare with DIR
#
# DIR belongs outside the repository (e.g. a temporary directory). The binary
# is `target/release/entente` unless ENTENTE names another; build it with
# `cargo build --release` first. The shared corpora are read from `../shared`
# (or SHARED). Inputs:
#   guardian  the Guardian sample (CSV rows -> JSONL with id, date, text)
#   acled     the ACLED notes (CSV rows with a note -> JSONL with id, date, text)
#   examples  everything under examples/
# plus (unless EVAL=0) the `entente eval` reports that read the same corpora
# (timings removed: they are the only part that changes run to run).
# A fixed --date keeps the output independent of today's date.
set -euo pipefail

root=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
mode=${1:-}
dir=${2:-}
if [[ -z "$mode" || -z "$dir" || ( "$mode" != save && "$mode" != compare ) ]]; then
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
bin=${ENTENTE:-$root/target/release/entente}
shared=${SHARED:-$root/../shared}
date=2020-01-01
[[ -x "$bin" ]] || { echo "no binary at $bin; run cargo build --release" >&2; exit 2; }

inputs=$(mktemp -d)
if [[ "$mode" == save ]]; then
    out=$dir
    trap 'rm -rf "$inputs"' EXIT
else
    out=$(mktemp -d)
    trap 'rm -rf "$inputs" "$out"' EXIT
fi
mkdir -p "$out"

python3 - "$shared" "$inputs" <<'PY'
import csv, json, sys, datetime
shared, out = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 30)
with open(f"{shared}/corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv", newline="") as f, \
        open(f"{out}/guardian.jsonl", "w") as w:
    for i, row in enumerate(csv.DictReader(f)):
        w.write(json.dumps({"id": f"g{i}", "date": row.get("date", ""), "text": row["text"]}) + "\n")
with open(f"{shared}/corpora/acled-global-2020-05/acled.csv", newline="") as f, \
        open(f"{out}/acled.jsonl", "w") as w:
    for i, row in enumerate(csv.DictReader(f)):
        note = (row.get("notes") or "").strip()
        if not note:
            continue
        try:
            day = datetime.datetime.strptime(row["event_date"], "%d-%b-%y").strftime("%Y-%m-%d")
        except (KeyError, ValueError):
            day = ""
        w.write(json.dumps({"id": f"a{i}", "date": day, "text": note}) + "\n")
PY

run() { # name, then the arguments of `entente`
    local name=$1
    shift
    local rc=0
    "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
    echo "$rc" >"$out/$name.rc"
}
run guardian code --date "$date" --input jsonl "$inputs/guardian.jsonl"
run acled code --date "$date" --input jsonl "$inputs/acled.jsonl"
run examples code --date "$date" examples

if [[ "${EVAL:-1}" == 1 ]]; then
    c=$shared/corpora
    run eval-acled eval acled "$c/acled-global-2020-05/acled.csv"
    run eval-fatalities eval fatalities "$c/acled-global-2020-05/acled.csv"
    run eval-acled-actors eval acled-actors "$c/acled-global-2020-05/acled.csv"
    run eval-timex eval timex "$c/tempeval3-timeml/TBAQ-cleaned"
    run eval-plover eval plover "$c/plover-gsr/PLOVER_GSR_CAMEO.json"
    run eval-quotes eval quotes "$c/polnear-attribution/dev"
    run eval-ner eval ner "$c/conll2003-en/eng.testa"
    # Throughput lines depend on the machine's speed, not on the code.
    for f in "$out"/eval-*.out; do
        sed -i -E 's/[0-9]+(\.[0-9]+)? ?(ms|s|MB\/s|KB\/s|docs\/s|notes\/s|sentences\/s)\b/T/g' "$f"
    done
fi

if [[ "$mode" == save ]]; then
    echo "saved $(ls "$out" | wc -l) files to $out"
    exit 0
fi
status=0
for f in "$dir"/*; do
    name=$(basename "$f")
    if [[ ! -e "$out/$name" ]]; then
        echo "missing: $name"
        status=1
    elif ! cmp -s "$f" "$out/$name"; then
        echo "DIFFERS: $name"
        diff "$f" "$out/$name" | head -20
        status=1
    fi
done
if [[ $status == 0 ]]; then
    echo "identical: $(ls "$dir" | wc -l) files ($(cat "$out"/*.out | wc -c) bytes of output)"
fi
exit $status
