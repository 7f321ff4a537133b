//! Golden tests per fact pattern family, on short sentences of our own:
//! one record per line with span text, measure, value, unit, holder,
//! counterpart, commodity, asset, period and rule.

use expect_test::{expect, Expect};
use model::{Actor, ActorType, Fact, Mention, TimeExpr};

fn mention(text: &str, name: &str, nth: usize, code: &str, kind: ActorType) -> Mention {
    let s = text
        .match_indices(name)
        .nth(nth)
        .map(|x| x.0)
        .unwrap_or_else(|| panic!("{name} not in text"));
    Mention {
        span: [s, s + name.len()],
        text: name.to_string(),
        sentence: 0,
        actor: Actor {
            code: code.to_string(),
            country: Some(code[..3].to_string()),
            role: (code.len() > 3).then(|| code[3..].to_string()),
            name: name.to_string(),
            id: name.to_lowercase(),
            kind,
        },
        rule: "test".to_string(),
        discovered: false,
        evidence: None,
    }
}

fn dump(text: &str, facts: &[Fact]) -> String {
    let mut out = String::new();
    for f in facts {
        let code = |p: &Option<model::Participant>| {
            p.as_ref().map_or("-".to_string(), |p| p.actor.code.clone())
        };
        out.push_str(&format!(
            "{:?} | {} {} {}{} | holder {} cp {} | {} {} {} | {}\n",
            &text[f.span[0]..f.span[1]],
            f.measure,
            f.value,
            f.unit,
            if f.approx { " ~" } else { "" },
            code(&f.holder),
            code(&f.counterpart),
            f.commodity.as_deref().unwrap_or("-"),
            f.asset.as_deref().unwrap_or("-"),
            f.period.as_deref().unwrap_or("-"),
            f.rule
        ));
    }
    out
}

fn check(text: &str, mentions: &[Mention], times: &[TimeExpr], expect: Expect) {
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let facts = claims::facts::facts(text, &sentences, &tokens, mentions, times);
    expect.assert_eq(&dump(text, &facts));
}

#[test]
fn shares_with_holder_counterpart_and_period() {
    let t = "In the past decade, approximately 70% of Azerbaijan's weapon imports came from Israel. Approximately 40% of Israel's strategic energy resource procurement from external markets comes from the Caspian Sea area of Azerbaijan.";
    let m = [
        mention(t, "Azerbaijan", 0, "AZE", ActorType::Country),
        mention(t, "Israel", 0, "ISR", ActorType::Country),
        mention(t, "Israel", 1, "ISR", ActorType::Country),
        mention(t, "Azerbaijan", 1, "AZE", ActorType::Country),
    ];
    let period = TimeExpr {
        span: [0, 18],
        text: "In the past decade".into(),
        value: "2015/2025".into(),
        qualifier: None,
        kind: "duration".into(),
        rule: "test".into(),
    };
    check(
        t,
        &m,
        &[period],
        expect![[r#"
            "approximately 70% of Azerbaijan's weapon imports" | import_share 0.7 fraction ~ | holder AZE cp ISR | weapons - 2015/2025 | fact/share-of:import_share
            "Approximately 40% of Israel's strategic energy resource procurement" | import_share 0.4 fraction ~ | holder ISR cp AZE | energy - - | fact/share-of:import_share
        "#]],
    );
}

#[test]
fn stakes_and_supply_shares() {
    let t = "In late January 2025, SOCAR acquired a 10% stake in Israel's \"Tamar\" gas field under its strategy.\n\"Tamar\" is a critical offshore gas field providing about 70% of Israel's electricity generation energy.";
    let m = [
        mention(t, "SOCAR", 0, "AZEBUS", ActorType::Organisation),
        mention(t, "Israel", 0, "ISR", ActorType::Country),
        mention(t, "Israel", 1, "ISR", ActorType::Country),
    ];
    check(
        t,
        &m,
        &[],
        expect![[r#"
            "10% stake in Israel's \"Tamar\" gas field" | stake 0.1 fraction | holder AZEBUS cp ISR | - Tamar gas field - | fact/stake
            "about 70% of Israel's electricity generation energy" | supply_share 0.7 fraction ~ | holder ISR cp - | electricity Tamar - | fact/share-of:supply_share
        "#]],
    );
}

#[test]
fn money() {
    let t = "The deal was worth $1.2 billion. The EU pledged €300m in aid. Baku paid 2 billion dollars for arms from Israel. The fine was £5bn.";
    let m = [
        mention(t, "EU", 0, "IGOEEC", ActorType::Organisation),
        mention(t, "Baku", 0, "AZE", ActorType::Country),
        mention(t, "Israel", 0, "ISR", ActorType::Country),
    ];
    check(
        t,
        &m,
        &[],
        expect![[r#"
            "$1.2 billion" | money 1200000000 USD | holder - cp - | - - - | fact/money
            "€300m" | money 300000000 EUR | holder IGOEEC cp - | - - - | fact/money
            "2 billion dollars" | money 2000000000 USD | holder AZE cp ISR | weapons - - | fact/money
            "£5bn" | money 5000000000 GBP | holder - cp - | - - - | fact/money
        "#]],
    );
}

#[test]
fn casualties() {
    let t = "The airstrike hit a market, killing 6 civilians and injuring 20. At least 12 people were killed. 3 soldiers died in the clash. Two Somali citizens and four Kenyan citizens died. A man was killed in a drive-by shooting by two armed men. Police arrested 20 protesters. No fatalities were reported.";
    check(
        t,
        &[],
        &[],
        expect![[r#"
            "killing 6 civilians" | killed 6 civilians | holder - cp - | - - - | fact/casualty:object
            "injuring 20" | injured 20 people | holder - cp - | - - - | fact/casualty:object
            "At least 12 people were killed" | killed 12 people ~ | holder - cp - | - - - | fact/casualty:subject
            "3 soldiers died" | killed 3 soldiers | holder - cp - | - - - | fact/casualty:subject
            "Two Somali citizens and four Kenyan citizens died" | killed 2 citizens | holder - cp - | - - - | fact/casualty:subject
            "four Kenyan citizens died" | killed 4 citizens | holder - cp - | - - - | fact/casualty:subject
            "A man was killed" | killed 1 men | holder - cp - | - - - | fact/casualty:subject
            "arrested 20 protesters" | arrested 20 protesters | holder - cp - | - - - | fact/casualty:object
            "No fatalities" | killed 0 people | holder - cp - | - - - | fact/casualty:none
        "#]],
    );
}

#[test]
fn counts_and_number_words() {
    let t = "Damascus repelled hundreds of Israeli Air Force attacks. The country deployed thirty troops, then a dozen tanks. Two-thirds of the voters stayed home. Half of the budget goes to defence.";
    check(
        t,
        &[],
        &[],
        expect![[r#"
            "hundreds of Israeli Air Force attacks" | count 100 attacks ~ | holder - cp - | - - - | fact/count
            "thirty troops" | count 30 troops | holder - cp - | - - - | fact/count
            "a dozen tanks" | count 12 tanks | holder - cp - | - - - | fact/count
            "Two-thirds of the voters" | share 0.666667 fraction | holder - cp - | - - - | fact/share-of:share
            "Half of the budget" | share 0.5 fraction | holder - cp - | - - - | fact/share-of:share
        "#]],
    );
}

#[test]
fn dates_and_years_are_not_counts() {
    let t = "On 8 May 2020, 9 militants were killed. In 2022, 300 people attended.";
    check(
        t,
        &[],
        &[],
        expect![[r#"
            "9 militants were killed" | killed 9 militants | holder - cp - | - - - | fact/casualty:subject
            "300 people" | count 300 people | holder - cp - | - - - | fact/count
        "#]],
    );
}

#[test]
fn fatality_sums() {
    let fat = |t: &str| {
        let f = claims::facts::facts(t, &text::sentences(t), &text::tokens(t), &[], &[]);
        claims::facts::fatalities(&f)
    };
    assert_eq!(
        fat("Gunmen killed 3 villagers and wounded 5 others."),
        Some(3)
    );
    assert_eq!(fat("6 Taliban militants were killed and 5 were wounded. Fatalities are split across 2 events (3)."), Some(3));
    assert_eq!(fat("Unknown fatalities coded as 10."), Some(10));
    assert_eq!(
        fat("Neither injuries nor fatalities were reported."),
        Some(0)
    );
    assert_eq!(fat("Protesters marched in the capital."), None);
}
