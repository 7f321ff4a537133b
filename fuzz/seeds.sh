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
mkdir -p "$c"/{ingest_text,ingest_html,ingest_feed,ingest_jsonl,ingest_csv,server_requests,lexicon_tsv,lexicon_petrarch,text_layer,code_pipeline}

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
# CSV: the default columns, quoting, a missing text, a wrong row width.
printf 'id,title,date,text,url\n1,Talks,2024-05-02,"Turkey urged Russia to accept the proposal, officials said.",https://example.org/a\n2,"A ""quoted"" title",3-May-24,"Iran and Iraq signed a deal.\nA second line.",\n3,,,,\n4,too,few\n' | put ingest_csv rows.csv
printf 'text\nPolice arrested 40 protesters in Nairobi.\n' | put ingest_csv text.csv
# Server requests: a method digit, the target, an auth flag, then the body
# (see check_request).
printf '0/api/v1/documents?limit=5&offset=0\n0\n' | put server_requests docs
printf '0/api/v1/events?actor=TUR&dyad=TUR,SYR&root=19&from=2020-01-01&to=2024-12-31&modality=asserted&min_votes=1\n0\n' | put server_requests events
printf '1/api/v1/documents\n1\n{"text":"Turkey urged Russia to accept the proposal.","title":"Talks","date":"2024-05-02"}' | put server_requests post
printf '1/api/v1/events/x~1/votes\n1\n{"vote":"down","note":"wrong","cameo":"042","source":"TUR","target":"SYR"}' | put server_requests vote
printf '0/api/v1/search?q=%%22red%%20lines%%22\n0\n' | put server_requests search
printf '0/documents/x?q=<script>\n0\n' | put server_requests page
printf '1/votes\n0\nevent=x&vote=up&csrf=abc' | put server_requests form

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
