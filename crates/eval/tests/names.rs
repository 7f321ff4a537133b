//! Name recognition on the shared gold (skipped without ../shared, failing
//! under CI): the recogniser with the shipped name tagger on CoNLL-2003
//! `eng.testa`, exact spans, names only. Floors sit just under the figures
//! of the shipped weights, so a change that loses names shows here.

#[test]
fn conll_testa_names() {
    let Some(shared) = testkit::shared() else {
        return;
    };
    let raw = std::fs::read_to_string(shared.join("corpora/conll2003-en/eng.testa"))
        .expect("eng.testa readable");
    let docs = eval::names::read(&raw);
    // The Reuters articles, split at their headlines.
    assert!(docs.len() > 200, "{} documents", docs.len());
    let lex = lexicon::Lexicon::builtin().expect("lexicon");
    let rec = actors::Recogniser::new(&lex);
    let s = eval::report::actors::score_ner(&docs, &rec);
    let f = |ty: &str| s.exact.get(ty).copied().unwrap_or_default().f();
    let all = s.all().f();
    eprintln!(
        "PER {:.3} ORG {:.3} LOC {:.3} all {all:.3}",
        f("PER"),
        f("ORG"),
        f("LOC")
    );
    assert!(all >= 0.87, "all {all:.3}");
    assert!(f("PER") >= 0.89, "PER {:.3}", f("PER"));
    assert!(f("ORG") >= 0.79, "ORG {:.3}", f("ORG"));
    assert!(f("LOC") >= 0.90, "LOC {:.3}", f("LOC"));
}

#[test]
fn tagger_alone_on_web_text() {
    let Some(shared) = testkit::shared() else {
        return;
    };
    // The shipped tagger saw this file in training: this only guards that
    // web text is read and tagged at all (the fair figure is the
    // cross-validated one in the README).
    let raw =
        std::fs::read_to_string(shared.join("corpora/uner-english-ewt-dev/en_ewt-ud-dev.iob2"))
            .expect("UNER dev readable");
    let docs = eval::names::read(&raw);
    let lex = lexicon::Lexicon::builtin().expect("lexicon");
    let rec = actors::Recogniser::new(&lex);
    let tagger = syntax::ner::builtin().expect("name tagger");
    let s = eval::names::score_tagger(&docs, &rec, tagger);
    assert!(s["all"].f() >= 0.70, "all {:.3}", s["all"].f());
}
