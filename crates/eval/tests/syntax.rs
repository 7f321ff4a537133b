//! The shipped tagger and parser keep their accuracy on UD English EWT dev
//! (needs `../shared`; skipped with a message without it, failing in CI).

/// Accuracy floors on EWT dev, a little under the figures in the README,
/// so that a retrained or damaged model that falls short fails here.
#[test]
fn dev_accuracy_floors() {
    let model = syntax::Syntax::builtin().expect("shipped weights load");
    let Some(path) = testkit::shared_path("corpora/ud-english-ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let gold = syntax::conllu::parse(&src).expect("dev treebank parses");
    let s = eval::syntax::score(model, &gold);
    let (upos, uas, las) = (s.upos_pct(), s.uas_pct(), s.las_pct());
    eprintln!("EWT dev: UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}");
    assert!(upos >= 94.9, "UPOS {upos:.2}");
    assert!(uas >= 85.6, "UAS {uas:.2}");
    assert!(las >= 82.4, "LAS {las:.2}");
}
