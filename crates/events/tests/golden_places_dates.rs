//! Golden test: event dates (nearest time expression, same clause first),
//! places ("in/at/near/from <city>"), the country a place gives a generic
//! actor, and `reported_by` from quotes.

mod common;

use events::EventCoder;
use expect_test::expect;
use model::{Participant, Quote, Speaker};

fn dump(text: &str, quotes: &[Quote]) -> String {
    let coder = EventCoder::builtin().expect("built-in lexicons load");
    let mini = common::Mini::new();
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let mentions = mini.recognise(text, &sentences, &tokens);
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 2).expect("date");
    let times = text::times(text, &sentences, date);
    let mut out = String::new();
    for e in coder.code_with_quotes(text, &sentences, &tokens, &mentions, &times, date, quotes) {
        out.push_str(&format!(
            "{} {}->{} date={} ({}) place={} reported_by={}\n",
            e.cameo,
            e.source.actor.code,
            e.target.actor.code,
            e.date,
            e.date_precision,
            e.place
                .map(|p| format!("{}/{}", p.name, p.country.unwrap_or_default()))
                .unwrap_or("-".into()),
            e.reported_by.map(|p| p.text).unwrap_or("-".into()),
        ));
    }
    out
}

#[test]
fn dates_places_and_generic_countries() {
    let got = dump(
        "China held talks with Russia in Beijing in September 2022.\n\
         Protesters in Haifa demonstrated against the government.\n\
         Last month, Iran criticized Azerbaijan.\n\
         Israel attacked Syria; the raid came days after Syria shelled Israel in 2023.",
        &[],
    );
    expect![[r#"
        046 CHN->RUS date=2022-09 (month) place=Beijing/CHN reported_by=-
        141 ISRCVL->ISRGOV date=2025-05-02 (document) place=Haifa/ISR reported_by=-
        110 IRN->AZE date=2025-04 (month) place=- reported_by=-
        190 ISR->SYR date=2023 (year) place=- reported_by=-
        194 SYR->ISR date=2023 (year) place=- reported_by=-
    "#]]
    .assert_eq(&got);
}

#[test]
fn events_inside_quotes_are_reported_by_the_speaker() {
    let text = "Schnayer said: \"Azerbaijan mediated between Israel and Turkey.\"";
    let start = text.find('"').expect("quote") + 1;
    let end = text.rfind('"').expect("quote");
    let speaker = Participant {
        actor: model::Actor {
            code: "USAREL".into(),
            country: Some("USA".into()),
            role: Some("REL".into()),
            name: "Mark Schnayer".into(),
            id: "test".into(),
            kind: model::ActorType::Person,
        },
        text: "Schnayer".into(),
        span: [0, 8],
    };
    let q = Quote {
        sentence: 0,
        span: [0, text.len()],
        speaker: Speaker::Actor(speaker),
        cue: "said".into(),
        content: text[start..end].into(),
        content_span: [start, end],
        style: "direct".into(),
        rule: "test".into(),
    };
    expect![[r#"
        045 AZE->ISR date=2025-05-02 (document) place=- reported_by=Schnayer
        045 AZE->TUR date=2025-05-02 (document) place=- reported_by=Schnayer
    "#]]
    .assert_eq(&dump(text, &[q]));
}

/// Where the events gazetteer (capitals and cities of 100,000 or more) has
/// no place, the place a recognised mention names gives the event its place:
/// here a town of the actor lexicon's gazetteer, with its coordinates.
#[test]
fn places_from_the_actor_lexicon() {
    let lex = lexicon::Lexicon::builtin().expect("built-in lexicon loads");
    let rec = actors::Recogniser::new(&lex);
    let text = "Turkish troops shelled Kurdish fighters in Manbij.";
    let date = chrono::NaiveDate::from_ymd_opt(2020, 5, 9).expect("date");
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let mentions = rec.recognise(text, &sentences, &tokens, date);
    let code = |coder: &EventCoder| coder.code(text, &sentences, &tokens, &mentions, &[], date);
    let plain = EventCoder::builtin().expect("built-in lexicons load");
    let without = code(&plain);
    assert!(!without.is_empty() && without.iter().all(|e| e.place.is_none()));
    let with = code(&plain.with_lexicon(&lex));
    let p = with
        .first()
        .and_then(|e| e.place.clone())
        .expect("a place from the town mention");
    assert_eq!(p.country.as_deref(), Some("SYR"));
    assert_eq!(p.span.and_then(|s| text.get(s[0]..s[1])), Some("Manbij"));
    let (lat, lon) = (p.lat.expect("lat"), p.lon.expect("lon"));
    assert!(
        (36.0..37.0).contains(&lat) && (37.5..38.5).contains(&lon),
        "{lat} {lon}"
    );
}
