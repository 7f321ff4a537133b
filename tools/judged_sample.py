#!/usr/bin/env python3
"""Draws the judged sample of issue 11: events that `entente code` finds in the
Guardian sample and in the AG News "World" items, written for human judging.

Usage: tools/judged_sample.py ENTENTE_BINARY SHARED_CORPORA OUT_DIR [N_PER_CORPUS]

Writes OUT_DIR/sample.jsonl (one event a line, with its sentence, for the
judges; keep it outside the repository, the sentences belong to the corpora)
and OUT_DIR/batch-K.md (the same, readable). The judgements themselves go to
crates/eval/data/judged.tsv, keyed by corpus, document, trigger span and the
coded fields, with no article text.
"""
import csv, json, random, subprocess, sys, os

csv.field_size_limit(10**9)
binary, corpora, out = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 150
os.makedirs(out, exist_ok=True)

def docs_guardian():
    rows = csv.DictReader(open(os.path.join(corpora, "news-guardian-sdf-2019/Guardian_SDF_sample.csv"), encoding="utf-8"))
    for i, r in enumerate(rows):
        yield {"id": f"guardian-{i}", "text": r["text"], "date": r["date"]}

def docs_agnews():
    rows = csv.reader(open(os.path.join(corpora, "news-agnews-test/test.csv"), encoding="utf-8"))
    for i, r in enumerate(rows):
        if r[0] == "1":
            # AG News keeps escaped newlines as backslashes; no dates (2004-05).
            yield {"id": f"agnews-{i}", "title": r[1], "text": r[2].replace("\\", " ")}

def code(name, docs, date):
    path = os.path.join(out, f"{name}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    res = subprocess.run([binary, "code", "--input", "jsonl", "--date", date, path],
                         capture_output=True, text=True, check=False)
    texts, sents, events = {}, {}, []
    for line in res.stdout.splitlines():
        r = json.loads(line)
        if r["kind"] == "document":
            texts[r["doc"]] = (r["text"], r.get("date"))
        elif r["kind"] == "sentence":
            sents[(r["doc"], r["index"])] = r["span"]
        elif r["kind"] == "event":
            events.append(r)
    return texts, sents, events

def part(p):
    if not p:
        return "-"
    return f'{p.get("text")!r} = {p.get("code")} ({p.get("name")}, {p.get("type")})'

names = {}
for line in open(os.path.join(os.path.dirname(__file__), "../crates/events/data/cameo.tsv"), encoding="utf-8"):
    if line.startswith("#") or line.startswith("code\t"):
        continue
    c = line.rstrip("\n").split("\t")
    names[c[0]] = c[1]

rng = random.Random(11)
sample = []
for corpus, docs, date in [("guardian", docs_guardian(), "2019-06-01"), ("agnews", docs_agnews(), "2004-12-01")]:
    texts, sents, events = code(corpus, docs, date)
    print(f"{corpus}: {len(texts)} documents, {len(events)} events", file=sys.stderr)
    for e in rng.sample(events, min(n, len(events))):
        text, ddate = texts[e["doc"]]
        # Spans are byte offsets.
        raw = text.encode("utf-8")
        cut = lambda a, b: raw[a:b].decode("utf-8", "replace")
        s0, s1 = sents[(e["doc"], e["sentence"])]
        sample.append({
            "corpus": corpus, "doc": e["doc"], "sentence": e["sentence"], "span": e["span"],
            "trigger": cut(*e["span"]), "sentence_text": cut(s0, s1),
            "source": part(e.get("source")), "target": part(e.get("target")),
            "source_code": (e.get("source") or {}).get("code"),
            "target_code": (e.get("target") or {}).get("code"),
            "source_span": (e.get("source") or {}).get("span"),
            "target_span": (e.get("target") or {}).get("span"),
            "cameo": e["cameo"], "cameo_name": names.get(e["cameo"], "?"),
            "modality": e.get("modality"), "date": e.get("date"), "doc_date": ddate, "rule": e.get("rule"),
        })

with open(os.path.join(out, "sample.jsonl"), "w", encoding="utf-8") as f:
    for k, s in enumerate(sample):
        s["n"] = k + 1
        f.write(json.dumps(s, ensure_ascii=False) + "\n")
per = 100
for b in range(0, len(sample), per):
    with open(os.path.join(out, f"batch-{b // per + 1}.md"), "w", encoding="utf-8") as f:
        for s in sample[b:b + per]:
            f.write(f'## {s["n"]} ({s["corpus"]} {s["doc"]})\n')
            f.write(f'Sentence: {s["sentence_text"]}\n')
            f.write(f'Trigger: {s["trigger"]!r}\n')
            f.write(f'Coded: source {s["source"]}; target {s["target"]}; CAMEO {s["cameo"]} "{s["cameo_name"]}"; '
                    f'modality {s["modality"]}; date {s["date"]} (document date {s["doc_date"]})\n\n')
print(f"{len(sample)} events sampled into {out}", file=sys.stderr)
