//! Every example sentence in `agents.tsv` codes its agent: some mention
//! covering the term (or a plural) carries the agent's role.

use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::norm::fold;
use lexicon::Lexicon;

#[test]
fn agent_examples_are_coded() {
    let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let rec = Recogniser::new(&lex);
    let d = NaiveDate::from_ymd_opt(2025, 5, 2).unwrap_or_default();
    let mut failures = Vec::new();
    let mut total = 0;
    for a in lex.agents.iter().filter(|a| !a.example.is_empty()) {
        total += 1;
        let text = a.example.as_str();
        let sentences = text::sentences(text);
        let ms = rec.recognise(text, &sentences, &[], d);
        let forms: Vec<String> = std::iter::once(&a.term)
            .chain(&a.plurals)
            .map(|t| fold(t))
            .collect();
        let ok = ms.iter().any(|m| {
            let t = fold(&m.text);
            forms.iter().any(|f| t.contains(f.as_str()))
                && m.actor.role.as_deref() == Some(a.role.as_str())
        });
        if !ok {
            let got: Vec<String> = ms
                .iter()
                .map(|m| format!("{}={}", m.text, m.actor.code))
                .collect();
            failures.push(format!(
                "{}: `{}` ({}): {text} -> [{}]",
                a.source,
                a.term,
                a.role,
                got.join(", ")
            ));
        }
    }
    for f in &failures {
        println!("{f}");
    }
    println!("agent examples coded: {}/{total}", total - failures.len());
    // FIXME: some examples name no country ("the army said"), which the
    // recogniser cannot code; the bound records today's state.
    assert!(
        failures.len() * 10 <= total,
        "{} of {total} examples not coded",
        failures.len()
    );
}
