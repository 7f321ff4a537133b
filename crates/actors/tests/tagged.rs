//! Golden tests for names the trained name tagger brings to the recogniser
//! (sentences written by the team): people, organisations and places no
//! list knows, the country their context gives, a one-word lexicon person
//! inside a longer name, and what stays the lexicon's. Update with
//! `UPDATE_EXPECT=1`.

use chrono::NaiveDate;
use expect_test::{expect, Expect};

mod common;
use common::builtin_recogniser as recogniser;

/// Each text is one document; prints every mention with its code and rule
/// (the tagger's margin left out, so that retrained weights change only
/// what they decide).
fn check(text: &str, want: Expect) {
    check_with(text, false, want)
}

fn check_with(text: &str, pronouns: bool, want: Expect) {
    let d = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap_or_default();
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let ms = recogniser().recognise(text, &sentences, &tokens, d);
    let got: String = ms
        .iter()
        .filter(|m| pronouns || !m.rule.starts_with("coref:pronoun"))
        .map(|m| {
            let rule = m.rule.split('@').next().unwrap_or("");
            format!(
                "{:?} {} {} {:?}\n",
                m.text, m.actor.code, rule, m.actor.kind
            )
        })
        .collect();
    want.assert_eq(&got);
}

#[test]
fn unknown_people_and_organisations() {
    check(
        "Executives of Northvolt met Ngozi Okonjo-Iweala in Geneva. Kagame told Jeune Afrique that Kinshasa must act. Fighting resumed near Ras al-Ain, said Mazloum Abdi, the SDF commander.",
        expect![[r#"
            "Ngozi Okonjo-Iweala"  discover:name-given Person
            "Geneva"  ner:LOC Place
            "Kagame" RWAGOV people.tsv:1144 Person
            "Kinshasa" CODGOV seats.tsv:174 Place
            "Mazloum Abdi" SYRREB people.tsv:22 Person
            "SDF" SYRREB organisations.tsv:558 Group
        "#]],
    );
}

#[test]
fn a_lexicon_surname_inside_another_persons_name() {
    // Andrei Medvedev, the tennis player, is not the lexicon's Dmitry Medvedev.
    check(
        "Andrei Medvedev beat Pete Sampras in Paris. Dmitry Medvedev spoke in Moscow.",
        expect![[r#"
            "Andrei Medvedev"  ner:PER Person
            "Pete Sampras"  discover:name-given Person
            "Paris" FRAGOV seats.tsv:257 Place
            "Dmitry Medvedev" RUSGOV people.tsv:1482 Person
            "Moscow" RUSGOV seats.tsv:222 Place
        "#]],
    );
}

#[test]
fn countries_and_known_names_stay_the_lexicons() {
    check(
        "Israel and Turkey signed a deal. The Bank of Israel raised rates. Recep Tayyip Erdogan met Hamas leaders.",
        expect![[r#"
            "Israel" ISR countries.tsv:127 Country
            "Turkey" TUR countries.tsv:243 Country
            "Bank of Israel" ISRBUS compose:agents.tsv:58+countries.tsv:127 Organisation
            "Recep Tayyip Erdogan" TURGOV people.tsv:734 Person
            "Hamas" PSEREB organisations.tsv:283 Group
        "#]],
    );
}

#[test]
fn an_acronym_in_brackets_names_its_organisation() {
    check(
        "Syria's Democratic Union Party (PYD) rejected the plan. Turkey says the PYD is a terrorist group. John Smith (AFP) reported.",
        expect![[r#"
            "Syria" SYR countries.tsv:231 Country
            "Democratic Union Party"  discover:name-org Organisation
            "PYD"  alias:acronym:discover:name-org Organisation
            "Turkey" TUR countries.tsv:243 Country
            "PYD"  alias:acronym:discover:name-org Organisation
            "John Smith"  discover:name-given Person
            "AFP" FRAMED organisations.tsv:62 Organisation
        "#]],
    );
}

#[test]
fn pronouns_agree_with_given_names_and_titles() {
    check_with(
        "Diane Abbott met John Kerry in London. She said the talks went well. Mr Kerry said he agreed. Ms Smith arrived later; he left before her.",
        true,
        expect![[r#"
            "Diane Abbott"  ner:PER Person
            "John Kerry" USAELI elite:people.tsv:1195 Person
            "London" GBRGOV seats.tsv:191 Place
            "She"  coref:pronoun Person
            "Kerry" USAELI elite:people.tsv:1195 Person
            "he" USAELI coref:pronoun Person
            "Smith"  discover:name-title Person
            "he" USAELI coref:pronoun Person
            "her"  coref:pronoun Person
        "#]],
    );
}

#[test]
fn a_surname_names_the_person_the_document_introduced() {
    // Not Tony Abbott nor Dmitry Medvedev of the lexicon; and where the
    // document names two people of one surname, the surname alone names
    // neither (left out rather than guessed).
    check(
        "The shadow home secretary, Diane Abbott, criticised the plan. Abbott said it would fail. \
         Andrei Medvedev, a Russian lawyer, met the envoy. Medvedev said he hoped for talks. \
         Tony Abbott, a former Australian prime minister, also spoke. Abbott was angry.",
        expect![[r#"
            "Diane Abbott"  ner:PER Person
            "Abbott"  coref:surname Person
            "Andrei Medvedev" RUS ner:PER Person
            "Russian" RUS countries.tsv:206 Country
            "Medvedev" RUS coref:surname Person
            "Tony Abbott" AUSELI elite:people.tsv:16 Person
            "Australian prime minister" AUSGOV compose:agents.tsv:322+countries.tsv:31 Person
        "#]],
    );
}

#[test]
fn an_outlet_with_a_country_or_a_language_is_one_media_actor() {
    // A franchise takes the country it is named for; a language service
    // stays the outlet's.
    check(
        "CNN Turk reported that Turkish troops entered Syria. CNN Indonesia and BBC Arabic also \
         carried the story, and France 24 quoted a minister.",
        expect![[r#"
            "CNN Turk" TURMED organisations.tsv:175+outlet:countries.tsv:243 Organisation
            "Turkish troops" TURMIL compose:agents.tsv:413+countries.tsv:243 Group
            "Syria" SYR countries.tsv:231 Country
            "CNN Indonesia" IDNMED organisations.tsv:175+outlet:countries.tsv:119 Organisation
            "BBC Arabic" GBRMED organisations.tsv:127+outlet:service Organisation
            "France 24" FRAMED organisations.tsv:252 Organisation
        "#]],
    );
}
