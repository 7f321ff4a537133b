//! The PETRARCH-2 and TABARI verb dictionaries as an in-memory overlay (skips without ../shared).

mod common;

use events::{EventCoder, VerbLexicon};

#[test]
fn petrarch_overlay_loads_and_codes() {
    let Some(shared) = testkit::shared() else {
        return;
    };
    let files = testkit::petrarch_verb_files(&shared);
    if files.len() < 2 {
        testkit::skip("PETRARCH dictionaries absent");
        return;
    }
    let base = VerbLexicon::builtin().expect("builtin").len();
    let (lex, skipped) = VerbLexicon::with_petrarch(&files).expect("overlay");
    eprintln!(
        "{} overlay patterns, {} lines skipped",
        lex.len() - base,
        skipped.len()
    );
    assert!(lex.len() - base > 5000, "{}", lex.len() - base);
    let coder = EventCoder::with_verbs(lex).expect("coder");
    let mini = common::Mini::new();
    // "rebuke" is only in the PETRARCH dictionary.
    let lines = common::code_lines(&coder, &mini, "Turkish police rebuked Syrian militants.");
    eprintln!("{lines:?}");
    assert!(lines.iter().any(|l| l.contains("petrarch:")), "{lines:?}");
    // Our own patterns still win on our examples.
    let lines = common::code_lines(&coder, &mini, "Azerbaijan negotiated with Turkey.");
    assert!(
        lines.iter().any(|l| l.starts_with("046 AZE->TUR")),
        "{lines:?}"
    );
}
