#!/usr/bin/env bash
# Runs every fuzz target, one after another on one core, for SECONDS each
# (default 60), and prints each target's executions and coverage.
#
# Usage (nightly toolchain and `cargo install cargo-fuzz` needed):
#   fuzz/run.sh [SECONDS] [TARGET...]
# Logs go to fuzz/logs/TARGET.log, crashes to fuzz/artifacts/TARGET/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
secs=${1:-60}
shift || true
targets=("$@")
if [[ ${#targets[@]} == 0 ]]; then
    targets=(ingest_text ingest_html ingest_feed ingest_jsonl ingest_csv lexicon_tsv lexicon_petrarch text_layer code_pipeline server_requests)
fi
# Release code with debug assertions and overflow checks; no sanitizer:
# the code is safe Rust (the one unsafe block is checked under Miri).
flags=(-O -a -s none)
[[ -d $here/corpus ]] || "$here/seeds.sh"
cargo +nightly fuzz build "${flags[@]}"
mkdir -p "$here/logs"
status=0
for t in "${targets[@]}"; do
    log=$here/logs/$t.log
    # A slow input (over 20 s) is a finding too: libFuzzer reports it as a timeout.
    cargo +nightly fuzz run "${flags[@]}" "$t" "$here/corpus/$t" -- \
        -max_total_time="$secs" -timeout=20 -max_len=65536 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=1
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    echo "$t: ${execs:-?} runs; last: ${last:-none}"
    grep -E 'ERROR|panicked|Test unit written' "$log" | head -5 || true
done
exit $status
