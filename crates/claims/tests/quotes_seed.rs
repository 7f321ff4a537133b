//! The seed article: facts F1-F4 and the seven expected quotes, counted the
//! way `shared/tools/seed_check.py` counts them (skipped when `../shared` is absent).

use std::path::Path;

use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::Lexicon;

#[test]
fn seed_quotes_and_facts() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let art = shared.join("seed/000_b71a1b986c91ca77.txt");
    let exp = shared.join("tools/seed-expected.json");
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
    let quotes = claims::quotes::quotes(&text, &sentences, &tokens, &mentions);
    let facts = claims::facts::facts(&text, &sentences, &tokens, &mentions, &times);

    let mut quote_found = 0;
    let mut quote_total = 0;
    for q in &quotes {
        println!(
            "quote {:?} {} {} <- {}",
            q.span,
            q.rule,
            q.cue,
            serde_json::to_string(&q.speaker).unwrap_or_default()
        );
    }
    for x in expected["quotes"].as_array().cloned().unwrap_or_default() {
        let key = x["speaker"].as_str().unwrap_or("");
        let want = x["count"].as_u64().unwrap_or(0) as usize;
        let n = quotes
            .iter()
            .filter(|q| {
                serde_json::to_string(&q.speaker)
                    .unwrap_or_default()
                    .to_lowercase()
                    .contains(key)
            })
            .count();
        println!("speaker {key}: {}/{want}", n.min(want));
        quote_found += n.min(want);
        quote_total += want;
    }
    let mut fact_found = 0;
    for f in &facts {
        println!("fact {}", serde_json::to_string(f).unwrap_or_default());
    }
    for x in expected["facts"].as_array().cloned().unwrap_or_default() {
        let v = x["value"].as_f64().unwrap_or(-1.0);
        let keys: Vec<String> = x["keywords"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let ok = facts.iter().any(|f| {
            let close = (f.value - v).abs() <= 0.011 || (f.value - 100.0 * v).abs() <= 1.1;
            let blob = format!(
                "{} {}",
                serde_json::to_string(f).unwrap_or_default(),
                text.get(f.span[0]..f.span[1]).unwrap_or("")
            )
            .to_lowercase();
            close && keys.iter().any(|k| blob.contains(k.as_str()))
        });
        println!(
            "{}: {}",
            x["id"].as_str().unwrap_or("?"),
            if ok { "found" } else { "missing" }
        );
        fact_found += usize::from(ok);
    }
    println!("seed quotes {quote_found}/{quote_total} facts {fact_found}/4");
    assert_eq!(fact_found, 4, "all four seed facts");
    assert!(
        quote_found >= 6,
        "at least 6 of the 7 seed quotes, got {quote_found}"
    );
}
