//! A country's name is never the place of an event in another country: the
//! event places and the recogniser's places come from one gazetteer, in
//! which no place takes another country's name ("Police attacked
//! protesters in Bangladesh" is not placed in a district of Yerevan that
//! GeoNames also calls "Bangladesh", nor "in Armenia" in Armenia,
//! Colombia).

use chrono::NaiveDate;
use events::EventCoder;
use lexicon::Lexicon;

#[test]
fn country_names_place_events_in_their_country_only() {
    let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let rec = actors::Recogniser::new(&lex);
    let coder = EventCoder::builtin()
        .unwrap_or_else(|e| panic!("{e}"))
        .with_lexicon(&lex);
    let date = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap_or_default();
    let mut wrong = Vec::new();
    let (mut n, mut coded) = (0, 0);
    for c in &lex.countries {
        for w in std::iter::once(&c.name).chain(&c.aliases) {
            n += 1;
            let text = format!("Police attacked protesters in {w} on Monday.");
            let sents = text::sentences(&text);
            let toks = text::tokens(&text);
            let ms = rec.recognise(&text, &sents, &toks, date);
            let evs = coder.code(&text, &sents, &toks, &ms, &[], date);
            coded += usize::from(!evs.is_empty());
            for e in &evs {
                let Some(p) = &e.place else { continue };
                if p.country.as_deref() != Some(c.code.as_str()) {
                    wrong.push(format!(
                        "{} {w:?}: placed at {} ({:?})",
                        c.code, p.name, p.country
                    ));
                }
            }
        }
    }
    // The sentence must code: a test of places that codes nothing asserts nothing.
    assert!(coded * 10 >= n * 9, "only {coded} of {n} sentences coded");
    assert!(
        wrong.is_empty(),
        "{} of {n} country names placed elsewhere:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
