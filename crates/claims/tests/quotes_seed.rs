//! The seed article: facts F1-F4 and the seven expected quotes, counted the
//! way `shared/tools/seed_check.py` counts them (skipped when `../shared` is absent).

#[test]
fn seed_quotes_and_facts() {
    let Some(testkit::Seed {
        text,
        expected,
        date,
    }) = testkit::seed()
    else {
        return;
    };
    let testkit::Prepared {
        sentences,
        tokens,
        mentions,
        times,
    } = testkit::Pipeline::new().prepare(&text, date);
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
