//! Property tests: the coder never panics, and every span it returns is valid
//! and lies inside its sentence.

mod common;

use events::EventCoder;
use proptest::prelude::*;
use std::sync::OnceLock;

fn coder() -> &'static EventCoder {
    static C: OnceLock<EventCoder> = OnceLock::new();
    C.get_or_init(|| EventCoder::builtin().expect("built-in lexicons load"))
}

fn mini() -> &'static common::Mini {
    static M: OnceLock<common::Mini> = OnceLock::new();
    M.get_or_init(common::Mini::new)
}

/// Sentences made of actor names, verbs, particles and noise.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Israel",
        "Turkey",
        "Azerbaijan",
        "Iran",
        "Russian",
        "troops",
        "and",
        "or",
        ",",
        "will",
        "not",
        "did",
        "n't",
        "if",
        "visit",
        "visited",
        "met",
        "with",
        "between",
        "by",
        "was",
        "mediated",
        "attacked",
        "'s",
        "visit",
        "to",
        "the",
        "a",
        "protesters",
        "in",
        "Baku",
        "Haifa",
        "refused",
        "meet",
        "red",
        "lines",
        "said",
        "that",
        "which",
        "who",
        ";",
        ":",
        "\"",
        "(",
        ")",
        "negotiations",
        "talks",
        "strike",
        "on",
        "2022",
        "last",
        "month",
        "é",
        "—",
        "ü",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn check(text: &str) {
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let mentions = mini().recognise(text, &sentences, &tokens);
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 2).expect("date");
    let times = text::times(text, &sentences, date);
    for e in coder().code(text, &sentences, &tokens, &mentions, &times, date) {
        let s = sentences
            .iter()
            .find(|s| s.index == e.sentence)
            .expect("event sentence exists");
        for sp in [e.span, e.source.span, e.target.span] {
            assert!(
                sp[0] <= sp[1] && text.get(sp[0]..sp[1]).is_some(),
                "bad span {sp:?}"
            );
            assert!(
                s.span[0] <= sp[0] && sp[1] <= s.span[1],
                "span {sp:?} outside sentence {:?}",
                s.span
            );
        }
        assert!(!e.cameo.is_empty() && e.root == e.cameo[..2]);
        assert!((0.0..=1.0).contains(&e.confidence));
        // Only distinct armed groups of one code may fight each other
        // ("clashes between pro-Houthi forces and pro-Hadi forces").
        assert!(
            e.source.actor.code != e.target.actor.code
                || e.source.actor.role != e.target.actor.role
                || (matches!(e.root.as_str(), "18" | "19" | "20")
                    && e.source.actor.role.is_some()
                    && e.source.span != e.target.span)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_panic_on_random_text(text in "\\PC{0,200}") {
        check(&text);
    }

    /// Dateline-shaped openings with any characters around the dash.
    #[test]
    fn no_panic_on_datelines(text in "[A-Z\\PC]{0,70}( \\(Reuters\\))? (-|--|\u{2014}) \\PC{0,60}") {
        check(&text);
    }

    #[test]
    fn spans_valid_on_newsy_text(text in newsy()) {
        check(&text);
    }

    /// Mentions with arbitrary (even nonsensical) spans never make the coder panic.
    #[test]
    fn no_panic_on_odd_mentions(text in newsy(), a in 0usize..300, b in 0usize..300) {
        let sentences = text::sentences(&text);
        let tokens = text::tokens(&text);
        let mut mentions = mini().recognise(&text, &sentences, &tokens);
        if let Some(m) = mentions.first().cloned() {
            let mut odd = m;
            odd.span = [a, b];
            mentions.push(odd);
        }
        let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 2).expect("date");
        let _ = coder().code(&text, &sentences, &tokens, &mentions, &[], date);
    }
}
