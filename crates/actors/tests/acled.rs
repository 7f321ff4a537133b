//! Golden tests on the built-in lexicon for miscodes first seen in ACLED
//! event notes (sentences written by the team): case-insensitive group
//! names, a lexicon word inside a longer name, and places of several
//! readings decided by the countries the document names. Update with
//! `UPDATE_EXPECT=1`.

use chrono::NaiveDate;
use expect_test::{expect, Expect};

mod common;
use common::builtin_recogniser as recogniser;

/// Each text is one document; prints every mention with its code and rule.
fn check(text: &str, want: Expect) {
    let d = NaiveDate::from_ymd_opt(2020, 5, 2).unwrap_or_default();
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let ms = recogniser().recognise(text, &sentences, &tokens, d);
    let got: String = ms
        .iter()
        .map(|m| format!("{:?} {} {}\n", m.text, m.actor.code, m.rule))
        .collect();
    want.assert_eq(&got);
}

#[test]
fn group_names_in_any_case() {
    check(
        "Al shabaab militants attacked a police post near the town. Islamic state militants ambushed a patrol.",
        expect![[r#"
            "Al shabaab" SOMREB organisations.tsv:80
            "Islamic state" IMGISI organisations.tsv:339
        "#]],
    );
}

#[test]
fn words_inside_longer_names() {
    check(
        "Supporters of the Trinamool Congress clashed with rivals. Sudan's National Congress Party was dissolved. Delegates of the Mapinduzi Congress met. Congress passed the bill.",
        expect![[r#"
            "Trinamool Congress" INDOPP organisations.tsv:68
            "Sudan" SDN countries.tsv:209
            "National Congress Party"  discover:name-org
            "Mapinduzi Congress"  ner:ORG@26.1
            "Congress" USALEG organisations.tsv:641
        "#]],
    );
}

#[test]
fn acronyms_after_adjectives_of_identity() {
    // "Kurdish PKK" is the PKK, not a longer unknown name; a capitalised
    // name word before an acronym still makes a longer name.
    check(
        "Kurdish PKK fighters attacked a Turkish base. Sunni ISIS militants struck. The Kurdish YPG withdrew.",
        expect![[r#"
            "PKK" TURREB organisations.tsv:497
            "Turkish" TUR countries.tsv:243
            "ISIS" IMGISI organisations.tsv:339
            "YPG" SYRREB organisations.tsv:674
        "#]],
    );
}

#[test]
fn places_by_document_country() {
    check(
        "Clashes in Bari district left two dead, Somali police said.",
        expect![[r#"
            "Bari" SOM places.tsv:29802
            "Somali police" SOMCOP compose:agents.tsv:308+countries.tsv:219
        "#]],
    );
    check(
        "Gunmen killed a farmer in Donga, in Nigeria's Taraba state.",
        expect![[r#"
            "Donga"  places.tsv:1627
            "Nigeria" NGA countries.tsv:180
            "Taraba" NGA places.tsv:25301
        "#]],
    );
    check(
        "Protesters gathered in Tripoli, in northern Lebanon, on Friday.",
        expect![[r#"
            "Tripoli" LBN places.tsv:22363
            "Lebanon" LBN countries.tsv:142
        "#]],
    );
    check(
        "Militants attacked villagers in Delta state, Nigeria.",
        expect![[r#"
            "villagers in Delta" NGACVL compose:located:agents.tsv:422+places.tsv:25285
            "Nigeria" NGA countries.tsv:180
        "#]],
    );
    check(
        "Police dispersed a march in Sucre, Colombia.",
        expect![[r#"
            "Sucre" COL places.tsv:8400
            "Colombia" COL countries.tsv:66
        "#]],
    );
    check(
        "Police arrested students in Tuban, East Java. Indonesian officials said.",
        expect![[r#"
            "students in Tuban" IDNEDU compose:located:agents.tsv:394+places.tsv:14853
            "East Java"  ner:LOC@18.1
            "Indonesian officials" IDNGOV compose:agents.tsv:281+countries.tsv:119
        "#]],
    );
}

#[test]
fn added_groups_and_parties() {
    check(
        "GNA forces shelled LNA positions south of the capital. The QSD said it repelled an attack. \
Arakan Army fighters and New People's Army rebels were blamed, as were MILF and BIFF members. \
Imbonerakure beat a CNL activist. Hizbul Mujahideen claimed the attack. \
Ambazonian separatists burned a school. The BJP and the Indian National Congress traded barbs.",
        expect![[r#"
            "GNA" LBYGOV organisations.tsv:271
            "LNA" LBYMIL organisations.tsv:386
            "QSD" SYRREB organisations.tsv:558
            "Arakan Army" MMRREB organisations.tsv:98
            "New People's Army" PHLREB organisations.tsv:437
            "MILF" PHLREB organisations.tsv:414
            "BIFF" PHLREB organisations.tsv:129
            "Imbonerakure" BDIGOV organisations.tsv:316
            "CNL" BDIOPP organisations.tsv:174
            "Hizbul Mujahideen" INDREB organisations.tsv:290
            "Ambazonian separatists" CMRREB organisations.tsv:84
            "BJP" INDGOV organisations.tsv:131
            "Indian National Congress" INDOPP organisations.tsv:319
        "#]],
    );
}
