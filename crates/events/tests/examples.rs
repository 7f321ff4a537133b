//! Every `verbs.tsv` row's example sentence must code an event with that row's CAMEO code.

mod common;

use events::EventCoder;

#[test]
fn every_verbs_tsv_example_codes_its_row() {
    let coder = EventCoder::builtin().expect("built-in lexicons load");
    let mini = common::Mini::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for p in &coder.verbs.patterns {
        if p.example.is_empty() {
            continue;
        }
        n += 1;
        let lines = common::code_lines(&coder, &mini, &p.example);
        if !lines
            .iter()
            .any(|l| l.starts_with(&format!("{} ", p.cameo)))
        {
            failures.push(format!(
                "{} `{}` ({}): {:?} -> {:?}",
                p.id, p.text, p.cameo, p.example, lines
            ));
        }
    }
    assert!(n >= 300, "only {n} examples");
    assert!(
        failures.is_empty(),
        "{} of {n} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn verbs_tsv_covers_two_hundred_codes_and_is_sorted() {
    let coder = EventCoder::builtin().expect("built-in lexicons load");
    let codes: std::collections::BTreeSet<&str> = coder
        .verbs
        .patterns
        .iter()
        .map(|p| p.cameo.as_str())
        .collect();
    assert!(codes.len() >= 200, "{} codes", codes.len());
    let keys: Vec<(String, usize)> = coder
        .verbs
        .patterns
        .iter()
        .map(|p| {
            let id = p.id.rsplit(':').next().unwrap_or("");
            let (c, n) = id.split_once('.').unwrap_or((id, "0"));
            (
                format!("{:0<4}{}", &c[..3.min(c.len())], c),
                n.parse().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        keys, sorted,
        "verbs.tsv rows must be sorted by cameo, then id"
    );
}
