//! A country's people named as those harmed or seized ("killed two
//! Palestinians", "kidnapped a Briton") are its civilians, not the state;
//! the adjective before a noun ("the Palestinian administrators") is not.

use chrono::NaiveDate;
use events::EventCoder;
use expect_test::expect;
use lexicon::Lexicon;
use model::Event;

/// Codes each text with the built-in lexicon and the recogniser, a line
/// per event as `line` writes it.
fn coded(texts: &[&str], line: impl Fn(&Event) -> String) -> String {
    let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let rec = actors::Recogniser::new(&lex);
    let coder = EventCoder::for_lexicon(&lex).unwrap_or_else(|e| panic!("{e}"));
    let date = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap_or_default();
    let mut out = String::new();
    for text in texts {
        let sents = text::sentences(text);
        let toks = text::tokens(text);
        let ms = rec.recognise(text, &sents, &toks, date);
        out.push_str(&format!("> {text}\n"));
        for e in coder.code(text, &sents, &toks, &ms, &[], date) {
            out.push_str(&format!("  {}\n", line(&e)));
        }
    }
    out
}

#[test]
fn people_harmed_are_civilians() {
    let out = coded(
        &[
            "Israeli soldiers shot two Palestinians near the fence.",
            "Israeli soldiers killed a Palestinian as he approached the fence.",
            "Gunmen in Baghdad kidnapped a Briton.",
            "Israeli soldiers attacked the Palestinian offices in Hebron.",
            "Turkey attacked Syria.",
        ],
        |e| {
            format!(
                "{} {} -> {} {:?}",
                e.cameo, e.source.actor.code, e.target.actor.code, e.target.actor.role
            )
        },
    );
    expect![[r#"
        > Israeli soldiers shot two Palestinians near the fence.
          193 ISRMIL -> PSECVL Some("CVL")
        > Israeli soldiers killed a Palestinian as he approached the fence.
          1823 ISRMIL -> PSECVL Some("CVL")
        > Gunmen in Baghdad kidnapped a Briton.
          181 IRQUAF -> GBRCVL Some("CVL")
        > Israeli soldiers attacked the Palestinian offices in Hebron.
          190 ISRMIL -> PSE None
        > Turkey attacked Syria.
          190 TUR -> SYR None
    "#]]
    .assert_eq(&out);
}

/// Generic actors take the country of the place told with them, never a
/// news agency's.
#[test]
fn generic_actors_countries() {
    let out = coded(
        &[
            "AFP - An Italian aid worker was freed in the southern Philippines, a day after gunmen abducted him.",
            "Two Turkish soldiers were killed in two attacks blamed on Kurdish rebels.",
        ],
        |e| {
            format!(
                "{} {} -> {} ({})",
                e.cameo, e.source.actor.code, e.target.actor.code, e.rule
            )
        },
    );
    expect![[r#"
        > AFP - An Italian aid worker was freed in the southern Philippines, a day after gunmen abducted him.
          181 PHLUAF -> ITAHLH (verbs.tsv:181.1 src=subject tgt=slot)
        > Two Turkish soldiers were killed in two attacks blamed on Kurdish rebels.
          1823 UAF -> TURMIL (verbs.tsv:1823.1 src=implicit-perpetrator tgt=passive-subject passive)
    "#]]
    .assert_eq(&out);
}

/// A body no lexicon knows, with a role from its head word ("Brigade",
/// "Division"), acts for the country where the sentence is set.
#[test]
fn unknown_bodies_act_where_they_are() {
    let out = coded(
        &[
            "The Hamza Division clashed with the Sultan Murad Division near Al Bab in Aleppo.",
            "In Taizz, the 35th Armoured Brigade repelled an attack by Houthi forces.",
            // With no place, nothing says whose it is.
            "The Hamza Division clashed with the Sultan Murad Division.",
        ],
        |e| {
            format!(
                "{} {} -> {} {}",
                e.cameo, e.source.actor.code, e.target.actor.code, e.rule
            )
        },
    );
    expect![[r#"
        > The Hamza Division clashed with the Sultan Murad Division near Al Bab in Aleppo.
          190 SYRUAF -> SYRUAF verbs.tsv:190.3 src=subject tgt=slot
        > In Taizz, the 35th Armoured Brigade repelled an attack by Houthi forces.
          190 YEMUAF -> YEMREB verbs.tsv:190.29 src=subject tgt=slot
        > The Hamza Division clashed with the Sultan Murad Division.
    "#]]
    .assert_eq(&out);
}

/// A weapon as the subject of harm was used by someone unnamed of the place;
/// a tagged place around a gazetteer region ("Rakhine State") is in its country.
#[test]
fn weapons_as_subjects() {
    let out = coded(
        &[
            "A roadside bomb targeted a police vehicle in Mogadishu.",
            "In Sittwe, Rakhine State, a shell killed three civilians.",
            // Whoever runs into a weapon is its victim.
            "In Ghazni, civilians in a minibus hit a roadside bomb.",
        ],
        |e| {
            format!(
                "{} {} -> {} {}",
                e.cameo, e.source.actor.code, e.target.actor.code, e.rule
            )
        },
    );
    expect![[r#"
        > A roadside bomb targeted a police vehicle in Mogadishu.
          190 SOMUAF -> SOMCOP verbs.tsv:190.27 src=implicit-perpetrator tgt=slot
        > In Sittwe, Rakhine State, a shell killed three civilians.
          194 MMRUAF -> MMRCVL verbs.tsv:1823.1 src=implicit-perpetrator tgt=slot means=artillery
        > In Ghazni, civilians in a minibus hit a roadside bomb.
          183 AFGUAF -> AFGCVL verbs.tsv:183.1 src=implicit-perpetrator tgt=weapon-met
    "#]]
    .assert_eq(&out);
}
