//! Property tests: no panic on random text; spans in bounds, on char
//! boundaries, and content inside the attribution.

use proptest::prelude::*;

fn check_spans(text: &str, span: [usize; 2]) {
    assert!(
        span[0] <= span[1] && span[1] <= text.len(),
        "span {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span[0]) && text.is_char_boundary(span[1]),
        "span {span:?} splits a char"
    );
}

fn run(text: &str) {
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    for q in claims::quotes::quotes(text, &sentences, &tokens, &[]) {
        check_spans(text, q.span);
        check_spans(text, q.content_span);
        assert!(
            q.span[0] <= q.content_span[0] && q.content_span[1] <= q.span[1],
            "content outside span: {q:?}"
        );
        assert_eq!(&text[q.content_span[0]..q.content_span[1]], q.content);
    }
    for f in claims::facts::facts(text, &sentences, &tokens, &[], &[]) {
        check_spans(text, f.span);
        assert!(f.value.is_finite());
    }
}

/// Text built from news-like pieces, so cues, marks and numbers meet often.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "said",
        "says",
        ":",
        ",",
        ".",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "according to",
        "the minister",
        "He",
        "that",
        "told reporters",
        "\n",
        "70%",
        "of",
        "Israel's",
        "$1.2 billion",
        "killing",
        "3",
        "soldiers",
        "were",
        "killed",
        "no fatalities",
        "hundreds",
        "a",
        "man",
        "―",
        "PENCE",
        "(",
        ")",
        "é",
        "日本",
        "stake in",
        "fatalities coded as",
        "split between",
        "events",
        "two-thirds",
        "who",
        "and",
        "believe",
        "percent",
        "per cent",
        "$",
        "€",
        "USD",
        "dozen",
        "half",
        "''",
        "four",
        "told",
        "described",
        "as",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

/// Kept modest so the suite stays fast; raise locally to hunt for panics.
const PROPTEST_CASES: u32 = 256;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(PROPTEST_CASES))]

    #[test]
    fn random_unicode_never_panics(s in "\\PC{0,300}") {
        run(&s);
    }

    #[test]
    fn newsish_text_keeps_span_invariants(s in newsish()) {
        run(&s);
    }
}
