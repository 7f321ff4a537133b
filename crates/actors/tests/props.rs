//! Invariants on arbitrary input: no panic, spans in bounds and on char
//! boundaries, `&text[span] == mention.text`, no overlaps, sentence indices valid.

use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::Lexicon;
use model::Sentence;
use proptest::prelude::*;
use std::sync::OnceLock;

fn recogniser() -> &'static Recogniser {
    static R: OnceLock<Recogniser> = OnceLock::new();
    R.get_or_init(|| Recogniser::new(&Lexicon::builtin().unwrap_or_default()))
}

fn check(text: &str) {
    let sentences: Vec<Sentence> = text::sentences(text);
    let tokens = text::tokens(text);
    let d = NaiveDate::from_ymd_opt(2025, 5, 2).unwrap_or_default();
    let ms = recogniser().recognise(text, &sentences, &tokens, d);
    let mut last_end = 0;
    for m in &ms {
        let [s, e] = m.span;
        assert!(s < e && e <= text.len(), "{m:?}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{m:?}"
        );
        assert_eq!(&text[s..e], m.text);
        assert!(s >= last_end, "overlap at {m:?}");
        last_end = e;
        assert!(sentences.is_empty() || m.sentence < sentences.len());
    }
}

/// Words that exercise the phrase rules, mixed with noise.
const WORDS: &[&str] = &[
    "Israeli",
    "Israel's",
    "Air",
    "Force",
    "army",
    "of",
    "the",
    "Syria",
    "president",
    "President",
    "Ilham",
    "Aliyev",
    "he",
    "his",
    "former",
    "new",
    "businessman",
    "Dan",
    "Rosen",
    ",",
    "(controlled",
    "by",
    ")",
    "Iranian-backed",
    "militias",
    "US",
    "us",
    "Baku",
    "Türkiye",
    "Erdoğan",
    "é",
    "\u{301}",
    "'s",
    "’",
    ".",
    "\n",
    "Rabbi",
    "Stern",
    "energy",
    "company",
    "Chad",
    // Places, located actors and unknown names.
    "Haifa",
    "Lagos",
    "Sana'a",
    "Dayr",
    "az",
    "Zawr",
    "protesters",
    "in",
    "residents",
    "Paul",
    "Tergat",
    "O'Neill",
    "S.",
    "Mr.",
    "coach",
    "van",
    "der",
    "Bank",
    "Inc",
    "Ministry",
    "for",
    "and",
    "Kenyan",
    "(",
    "LAGOS",
    "1996-08-30",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_utf8(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn odd_sentence_spans(s in "\\PC{0,120}", spans in proptest::collection::vec((0usize..200, 0usize..200), 0..6)) {
        let sentences: Vec<Sentence> =
            spans.iter().enumerate().map(|(i, (a, b))| Sentence { index: i, span: [*a, *b] }).collect();
        let d = NaiveDate::from_ymd_opt(2025, 5, 2).unwrap_or_default();
        for m in recogniser().recognise(&s, &sentences, &[], d) {
            prop_assert_eq!(&s[m.span[0]..m.span[1]], m.text.as_str());
        }
    }

    #[test]
    fn phrase_soup(ws in proptest::collection::vec(0..WORDS.len(), 0..40), seps in proptest::collection::vec(0..3usize, 40)) {
        let mut text = String::new();
        for (i, w) in ws.iter().enumerate() {
            text.push_str(WORDS[*w]);
            text.push_str(["", " ", "  "][seps[i % seps.len()]]);
        }
        check(&text);
    }
}
