#!/usr/bin/env bash
# Builds the seed corpora (fuzz/corpus/TARGET/) from the repository's test
# fixtures, plus a few articles and dictionaries from ../shared when it is
# there. Idempotent; the corpora are not committed (see .gitignore).
#
# Usage: fuzz/seeds.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${ENTENTE_SHARED:-$root/../shared}
c=$here/corpus
mkdir -p "$c"/{ingest_text,ingest_html,ingest_feed,ingest_jsonl,lexicon_tsv,lexicon_petrarch,text_layer,code_pipeline}

put() { # target, name, then the seed on standard input
    cat >"$c/$1/$2"
}
for f in "$root"/examples/articles/*.txt; do
    for t in ingest_text text_layer code_pipeline; do put $t "$(basename "$f")" <"$f"; done
done
for f in "$root"/examples/articles/*.html; do
    for t in ingest_html text_layer code_pipeline; do put $t "$(basename "$f")" <"$f"; done
done
for f in "$root"/examples/feeds/*; do
    for t in ingest_feed code_pipeline; do put $t "$(basename "$f")" <"$f"; done
done
put ingest_jsonl batch.jsonl <"$root/examples/batch.jsonl"
put code_pipeline batch.jsonl <"$root/examples/batch.jsonl"
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf '%s\n' "$line" | put ingest_jsonl "line$i.jsonl"
done <"$root/examples/batch.jsonl"

# Lexicon tables: the first byte picks the file name (see check_tsv), the
# rest is the file's header and a slice of its rows.
n=0
for name in countries seats people organisations agents places place_aliases given_names; do
    f=$root/crates/lexicon/data/$name.tsv
    if [[ -f $f ]]; then
        { printf "\\x$(printf %02x $n)"; head -c 3000 "$f"; } | put lexicon_tsv "$name.tsv"
    fi
    n=$((n + 1))
done

# Dictionaries: byte 0 for actors, 1 for agents (see check_petrarch): a
# small inline sample, and the head of each real dictionary when present.
{ printf '\x00'; printf '%s\n' 'AFGHANISTAN_ [AFG]' '+AFGHAN_' '# comment' \
    'ABDUL_RASHID_DOSTUM_ [AFGMIL 011201-020101] [AFGGOV >020101]' \
    '<UNITED_NATIONS_> [IGOUNO]'; } | put lexicon_petrarch inline.actors.txt
{ printf '\x01'; printf '%s\n' 'PRESIDENT_ [~GOV]' 'POLICE_ {OFFICER_ OFFICERS_} [~COP]' \
    '!minist! [~GOV]'; } | put lexicon_petrarch inline.agents.txt
for f in "$shared"/petrarch2/dictionaries/*.txt; do
    [[ -f $f ]] || continue
    b=$(basename "$f")
    k=0
    [[ $b == *agents* ]] && k=1
    { printf "\\x0$k"; head -c 4000 "$f"; } | put lexicon_petrarch "$b"
done

# A few real articles, when the shared corpora are there.
guardian=$shared/corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv
if [[ -f $guardian ]]; then
    python3 - "$guardian" "$c" <<'PY'
import csv, sys
csv.field_size_limit(1 << 30)
src, out = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        if i >= 12:
            break
        text = row["text"][:6000]
        for t in ("ingest_text", "text_layer", "code_pipeline"):
            with open(f"{out}/{t}/guardian{i}.txt", "w") as w:
                w.write(text)
PY
fi
for t in "$c"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"; done
