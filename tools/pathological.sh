#!/usr/bin/env bash
# Benchmarks `entente code` on pathological inputs: time and peak memory of
# each (GNU time), one core. The aim: under 10 s and 500 MB up to the size
# limit; tests check the bounds themselves through small inputs, never time.
#
# Usage: tools/pathological.sh [DIR]   # inputs are written to DIR (a temp dir by default)
# Build first: cargo build --release. ENTENTE names another binary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ENTENTE:-$root/target/release/entente}
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
[[ -x "$bin" ]] || { echo "no binary at $bin; run cargo build --release" >&2; exit 2; }
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
s = "Turkey urged Russia to accept the proposal on Monday, officials said. "
def w(name, text):
    with open(f"{d}/{name}", "w") as f:
        f.write(text)
for mb in (1, 2, 4, 10, 20):
    w(f"repeated-{mb}mb.txt", s * (mb * 1_000_000 // len(s)))
words = s.replace(",", "").replace(".", "")
w("one-sentence-1mb.txt", (words * (1_000_000 // len(words))).strip() + "\n")
w("one-token-1mb.txt", "a" * 1_000_000 + "\n")
n = 100_000
w("nested-100k.html", "<html><body>" + "<div>" * n + "<p>Turkey urged Russia to accept the proposal.</p>" + "</div>" * n + "</body></html>")
ents = '<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">\n' + "".join(
    f'<!ENTITY a{i} "' + f"&a{i-1};" * 10 + '">\n' for i in range(1, 10))
w("entities.rss", f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{ents}]>\n<rss version="2.0"><channel><title>T &a9;</title>'
  '<item><title>Item &a9;</title><description>Turkey urged Russia. &a9;</description></item></channel></rss>\n')
w("quotes-10k.txt", "".join(f'Turkey said "the talks {i} would resume. ' for i in range(10_000)))
w("jsonl-line-10mb.jsonl", json.dumps({"id": "big", "date": "2020-01-01", "text": s * (10_000_000 // len(s))}) + "\n")
PY
# CPU seconds (user + system) as well as wall seconds: on a busy machine
# the wall time counts the waits for the processor too.
printf '%-24s %8s %8s %10s %6s\n' input wall cpu "peak MB" exit
for f in "$dir"/*; do
    rc=0
    /usr/bin/time -f '%e %U %S %M' -o "$dir.time" "$bin" code --date 2020-01-01 "$f" >/dev/null 2>"$dir.err" || rc=$?
    read -r secs user sys kb <"$dir.time"
    cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    printf '%-24s %8s %8s %10d %6s\n' "$(basename "$f")" "$secs" "$cpu" $((kb / 1024)) "$rc"
done
rm -f "$dir.time" "$dir.err"
