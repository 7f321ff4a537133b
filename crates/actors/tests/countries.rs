//! Every country name, alias, adjective and demonym of the lexicon codes
//! its country in a plain sentence: no gazetteer place, person or tagged
//! name may take a country's own name ("Police attacked protesters in
//! Bangladesh" is about Bangladesh, not a district of Yerevan).

use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::Lexicon;

#[test]
fn every_country_word_codes_its_country() {
    let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let rec = Recogniser::new(&lex);
    let d = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap_or_default();
    let mut failures = Vec::new();
    let mut n = 0;
    for c in &lex.countries {
        let names = std::iter::once(&c.name).chain(&c.aliases);
        let sentences: Vec<(String, String)> = names
            .map(|w| {
                (
                    w.clone(),
                    format!("Police attacked protesters in {w} on Monday."),
                )
            })
            .chain(c.adjectives.iter().map(|w| {
                (
                    w.clone(),
                    format!("The {w} government condemned the attack."),
                )
            }))
            .chain(
                c.demonyms
                    .iter()
                    .map(|w| (w.clone(), format!("Two {w} were wounded in the attack."))),
            )
            .collect();
        for (word, text) in sentences {
            n += 1;
            let sents = text::sentences(&text);
            let toks = text::tokens(&text);
            let ms = rec.recognise(&text, &sents, &toks, d);
            let ok = ms.iter().any(|m| {
                text[m.span[0]..m.span[1]].contains(word.as_str())
                    && m.actor.country.as_deref() == Some(c.code.as_str())
            });
            if !ok {
                let got: Vec<String> = ms
                    .iter()
                    .map(|m| format!("{:?}={} ({})", m.text, m.actor.code, m.rule))
                    .collect();
                failures.push(format!("{} {word:?}: {}", c.code, got.join(", ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} country words miscoded:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
