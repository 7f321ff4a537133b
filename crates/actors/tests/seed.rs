//! The seed article: how many rows of EXPECTED.md's actor table are found
//! with the right country and role (skipped when `../shared` is absent).

use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::Lexicon;
use std::path::Path;

#[test]
fn seed_article_actors() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let (art, exp) = (
        shared.join("seed/000_b71a1b986c91ca77.txt"),
        shared.join("tools/seed-expected.json"),
    );
    if !art.exists() || !exp.exists() {
        println!(
            "skipped: seed article or seed-expected.json not found under {}",
            shared.display()
        );
        return;
    }
    let text = std::fs::read_to_string(&art).unwrap_or_default();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exp).unwrap_or_default())
            .unwrap_or_default();
    let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let rec = Recogniser::new(&lex);
    let date = NaiveDate::from_ymd_opt(2025, 5, 2).unwrap_or_default();
    let sentences = text::sentences(&text);
    let tokens = text::tokens(&text);
    let times = text::times(&text, &sentences, date);
    let mentions = rec.recognise_with_times(&text, &sentences, &tokens, &times, date);
    for m in &mentions {
        println!("{:?} {:?} {} {}", m.span, m.text, m.actor.code, m.rule);
    }
    let rows = expected["actors"].as_array().cloned().unwrap_or_default();
    let mut found = 0;
    for row in &rows {
        let want = row["text"].as_str().unwrap_or("");
        let country = row["country"].as_str();
        let roles: Vec<&str> = row["role"]
            .as_array()
            .map(|r| r.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let ok = mentions.iter().any(|m| {
            m.text.contains(want)
                && m.actor.country.as_deref() == country
                && (roles.is_empty() || m.actor.role.as_deref().is_some_and(|r| roles.contains(&r)))
        });
        if ok {
            found += 1;
        } else {
            println!("MISSING {want} {country:?} {roles:?}");
        }
    }
    println!("seed actors: {found}/{} rows", rows.len());
    assert!(found >= 24, "{found}/{} seed actor rows", rows.len());
}
