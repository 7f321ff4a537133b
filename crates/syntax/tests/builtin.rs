//! The shipped weights: they load, parse news English into the relations
//! the event coder relies on, and match a golden parse. Their accuracy on
//! the treebank is checked in `crates/eval/tests/syntax.rs`.

use syntax::{Parsed, Syntax};

fn model() -> &'static Syntax {
    match Syntax::builtin() {
        Ok(m) => m,
        Err(e) => panic!("shipped weights do not load: {e}"),
    }
}

/// Whitespace tokens of `text`, as byte spans.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let boundary = c.is_whitespace() || matches!(c, ',' | '.' | '"');
        if let (true, Some(s)) = (boundary, start) {
            out.push((s, i));
            start = None;
        }
        if matches!(c, ',' | '.' | '"') {
            out.push((i, i + 1));
        } else if !c.is_whitespace() && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn parse(text: &str) -> (Parsed, Vec<&str>) {
    let p = model().parse_tokens(text, &tokens(text));
    let words = p.spans.iter().map(|&(s, e)| &text[s..e]).collect();
    (p, words)
}

/// (dependent, label, head) triples of a parse, by word form.
fn arcs<'a>(p: &Parsed, words: &[&'a str]) -> Vec<(&'a str, String, &'a str)> {
    (0..p.len())
        .map(|i| {
            let head = p.head_of(i).map_or("ROOT", |h| words[h]);
            (
                words[i],
                model().parser.label(p.labels[i]).to_string(),
                head,
            )
        })
        .collect()
}

fn has(arcs: &[(&str, String, &str)], dep: &str, label: &str, head: &str) -> bool {
    arcs.iter()
        .any(|(d, l, h)| *d == dep && l == label && *h == head)
}

#[test]
fn subjects_objects_and_passive_agents() {
    let (p, w) = parse("The Turkish president met the Azerbaijani leader in Baku on Tuesday.");
    let a = arcs(&p, &w);
    assert!(has(&a, "president", "nsubj", "met"), "{a:?}");
    assert!(has(&a, "leader", "obj", "met"), "{a:?}");
    assert!(has(&a, "Tuesday", "obl", "met"), "{a:?}");

    let (p, w) = parse("The proposal was rejected by the government.");
    let a = arcs(&p, &w);
    assert!(has(&a, "proposal", "nsubj:pass", "rejected"), "{a:?}");
    assert!(has(&a, "government", "obl:agent", "rejected"), "{a:?}");
}

#[test]
fn contractions_are_split_like_the_treebank() {
    let (p, w) = parse("Iran doesn't want talks.");
    assert_eq!(w, ["Iran", "does", "n't", "want", "talks", "."]);
    let a = arcs(&p, &w);
    assert!(has(&a, "n't", "advmod", "want"), "{a:?}");
    assert!(has(&a, "Iran", "nsubj", "want"), "{a:?}");
}

#[test]
fn every_word_gets_one_head_and_one_root() {
    for text in [
        "",
        "Yes",
        ". . . , ,",
        "Russia Russia Russia Russia Russia Russia Russia Russia Russia",
        "\"We will not negotiate,\" he said, \"unless they withdraw.\"",
    ] {
        let (p, _) = parse(text);
        assert_eq!(p.heads.len(), p.len());
        let roots = p.heads.iter().filter(|&&h| h == 0).count();
        assert_eq!(roots, usize::from(!p.is_empty()), "{text:?}");
        for (i, &h) in p.heads.iter().enumerate() {
            assert!(h <= p.len() && h != i + 1, "{text:?}: word {i} head {h}");
        }
    }
}

/// What the shipped weights make of a news paragraph. A change of weights
/// shows here as a diff to review (`UPDATE_EXPECT=1 cargo test -p syntax`).
#[test]
fn golden_parse() {
    let text =
        "Israeli jets struck targets near Damascus overnight, Syria's state news agency said. \
Turkey's foreign minister urged both sides to accept a ceasefire proposed by Qatar.";
    let mut out = String::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        let s = &text[start..=i];
        out.push_str(&model().parse_tokens(s, &tokens(s)).conllu(s, model()));
        out.push('\n');
        start = i + 2;
    }
    let s = &text[start..];
    out.push_str(&model().parse_tokens(s, &tokens(s)).conllu(s, model()));
    expect_test::expect_file!["golden/news.conllu"].assert_eq(&out);
}
