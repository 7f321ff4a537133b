//! The seed article: how many rows of EXPECTED.md's actor table are found
//! with the right country and role (skipped when `../shared` is absent).

#[test]
fn seed_article_actors() {
    let Some(testkit::Seed {
        text,
        expected,
        date,
    }) = testkit::seed()
    else {
        return;
    };
    let mentions = testkit::Pipeline::new().prepare(&text, date).mentions;
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
