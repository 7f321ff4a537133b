//! Golden test: which actor after the trigger is its object.

mod common;

use expect_test::expect;

#[test]
fn objects() {
    let got = common::golden(&[
        // A participle after a comma opens a predicate of its own.
        "Turkey welcomed the decision, saying that Iraqi troops had left.",
        "Turkey welcomed Iraqi troops, saying that they had come in peace.",
        // ... except where it tells what force did.
        "Egyptian police opened fire on Monday, killing one person.",
        // "as" before a gerund names an example, not the object.
        "Turkey's foreign minister blocked proposals such as arming Kurdish militias.",
        "Turkey's foreign minister blocked Kurdish militias.",
    ]);
    expect![[r#"
        > Turkey welcomed the decision, saying that Iraqi troops had left.
          (no event)
        > Turkey welcomed Iraqi troops, saying that they had come in peace.
          043 TUR->IRQMIL asserted 2025-05-02 "welcomed" [verbs.tsv:043.2 src=subject tgt=slot]
        > Egyptian police opened fire on Monday, killing one person.
          193 EGYCOP->EGYCVL asserted 2025-04-28 "opened" [verbs.tsv:193.2 src=subject tgt=object]
          1823 EGYCOP->EGYCVL asserted 2025-04-28 "killing" [verbs.tsv:1823.1 src=subject tgt=slot]
        > Turkey's foreign minister blocked proposals such as arming Kurdish militias.
          (no event)
        > Turkey's foreign minister blocked Kurdish militias.
          170 TUR->TURREB asserted 2025-05-02 "blocked" [verbs.tsv:170.2 src=subject tgt=object]
    "#]]
    .assert_eq(&got);
}

#[test]
fn givers_and_receivers() {
    let got = common::golden(&[
        // The giver after "from", the receiver the subject right before.
        "The US won support from France.",
        "The US is counting on support from France.",
        "Israel sought support from France.",
        "Kurdish militias are under attack from Turkey.",
        "The US won support from partners such as France and Italy.",
        // A subject far from the noun gets nothing from it.
        "Russia confirmed on Thursday that the hotline was active ahead of a strike with support from France.",
    ]);
    expect![[r#"
        > The US won support from France.
          051 FRA->USA asserted 2025-05-02 "support" [verbs.tsv:051.5 src=from-agent tgt=receiver]
        > The US is counting on support from France.
          051 FRA->USA hypothetical 2025-05-02 "support" [verbs.tsv:051.5 src=from-agent tgt=receiver]
        > Israel sought support from France.
          022 ISR->FRA asserted 2025-05-02 "sought" [verbs.tsv:022.1 src=subject tgt=slot]
        > Kurdish militias are under attack from Turkey.
          190 TUR->TURREB asserted 2025-05-02 "attack" [verbs.tsv:180.1 src=from-agent tgt=receiver means=state]
        > The US won support from partners such as France and Italy.
          051 FRA->USA asserted 2025-05-02 "support" [verbs.tsv:051.5 src=from-agent tgt=receiver]
          051 ITA->USA asserted 2025-05-02 "support" [verbs.tsv:051.5 src=from-agent tgt=receiver]
        > Russia confirmed on Thursday that the hotline was active ahead of a strike with support from France.
          (no event)
    "#]]
    .assert_eq(&got);
}

#[test]
fn sources_named_elsewhere() {
    let got = common::golden(&[
        // Whose decision it is does what the infinitive says.
        "Germany resigned itself to Russia's sudden decision to attack Ukraine.",
        // An agent named after "by", though no actor, is not the subject.
        "Amnesty investigated airstrikes by the coalition on Syria.",
        "Amnesty investigated airstrikes by Turkey on Syria.",
    ]);
    expect![[r#"
        > Germany resigned itself to Russia's sudden decision to attack Ukraine.
          138 RUS->UKR planned 2025-05-02 "attack" [verbs.tsv:180.1 src=intent-owner tgt=slot]
        > Amnesty investigated airstrikes by the coalition on Syria.
          (no event)
        > Amnesty investigated airstrikes by Turkey on Syria.
          195 TUR->SYR asserted 2025-05-02 "airstrikes" [verbs.tsv:195.8 src=by-agent tgt=object]
    "#]]
    .assert_eq(&got);
}

#[test]
fn objects_named_by_of() {
    let got = common::golden(&[
        "Afghan rebels wounded three members of the Turkish army.",
        "The United States imposed sanctions on the former Soviet republic of Belarus.",
        "Iraqi forces attacked the insurgent stronghold of Baghdad.",
        // A participle after a subordinator and a comma is a predicate of its own.
        "Egypt held a meeting on Monday, after rejecting an Iranian offer.",
    ]);
    expect![[r#"
        > Afghan rebels wounded three members of the Turkish army.
          182 AFGREB->TURMIL asserted 2025-05-02 "wounded" [verbs.tsv:182.7 src=subject tgt=slot]
        > The United States imposed sanctions on the former Soviet republic of Belarus.
          163 USA->BLR asserted 2025-05-02 "imposed" [verbs.tsv:163.1 src=subject tgt=slot]
        > Iraqi forces attacked the insurgent stronghold of Baghdad.
          190 IRQMIL->IRQINS asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot means=state]
        > Egypt held a meeting on Monday, after rejecting an Iranian offer.
          120 EGY->IRN asserted 2025-04-28 "rejecting" [verbs.tsv:120.1 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}

#[test]
fn agents_after_nouns() {
    let got = common::golden(&[
        "Iraq rejected the demands by Iranian militants for a ransom.",
        "Two Turkish soldiers were killed in attacks on Sunday blamed on Kurdish rebels.",
        "Airstrikes on Monday claimed by Turkey killed Syrian civilians.",
    ]);
    expect![[r#"
        > Iraq rejected the demands by Iranian militants for a ransom.
          120 IRQ->IRNINS asserted 2025-05-02 "rejected" [verbs.tsv:120.1 src=subject tgt=object]
        > Two Turkish soldiers were killed in attacks on Sunday blamed on Kurdish rebels.
          180 TURREB->TURCVL asserted 2025-04-27 "attacks" [verbs.tsv:180.2 src=by-agent tgt=implicit-civilians]
        > Airstrikes on Monday claimed by Turkey killed Syrian civilians.
          195 TUR->SYRCVL asserted 2025-04-28 "Airstrikes" [verbs.tsv:195.3 src=by-agent tgt=object]
    "#]]
    .assert_eq(&got);
}

#[test]
fn sides_fought_with() {
    let got = common::golden(&[
        "Syrian militias fought with the United States against Iraqi forces.",
        "Syrian militias fought alongside Iraqi forces.",
        "Syrian rebels fighting under the banner of Iraqi militias attacked Turkey.",
        "Syrian rebels fought with Iraqi forces.",
    ]);
    expect![[r#"
        > Syrian militias fought with the United States against Iraqi forces.
          190 SYRREB->IRQMIL asserted 2025-05-02 "fought" [verbs.tsv:190.1 src=subject tgt=object]
        > Syrian militias fought alongside Iraqi forces.
          (no event)
        > Syrian rebels fighting under the banner of Iraqi militias attacked Turkey.
          190 SYRREB->TUR asserted 2025-05-02 "fighting" [verbs.tsv:190.1 src=subject tgt=object]
          180 SYRREB->TUR asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot]
        > Syrian rebels fought with Iraqi forces.
          190 SYRREB->IRQMIL asserted 2025-05-02 "fought" [verbs.tsv:190.1 src=subject tgt=object]
    "#]]
    .assert_eq(&got);
}

#[test]
fn gerund_subjects() {
    let got = common::golden(&[
        // The clause's subject does what a gerund after "after" says, not the
        // object of its verb.
        "Egypt told reporters in Jordan after meeting Iraqi officials.",
    ]);
    expect![[r#"
        > Egypt told reporters in Jordan after meeting Iraqi officials.
          040 EGY->IRQGOV asserted 2025-05-02 "meeting" [verbs.tsv:040.5 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}

#[test]
fn reduced_passives_and_means() {
    let got = common::golden(&[
        // The reduced relative is about the actor right before it.
        "Russia warned against a strike by Israeli forces, possibly supported by Turkey.",
        // Force told as someone's backing aims at no one here.
        "Kurdish militias, backed by American airstrikes, took the town.",
        "Syrian civilians were targeted by Russian airstrikes.",
    ]);
    expect![[r#"
        > Russia warned against a strike by Israeli forces, possibly supported by Turkey.
          051 TUR->ISRMIL hypothetical 2025-05-02 "supported" [verbs.tsv:051.5 src=by-agent tgt=passive-subject passive]
        > Kurdish militias, backed by American airstrikes, took the town.
          (no event)
        > Syrian civilians were targeted by Russian airstrikes.
          195 RUS->SYRCVL asserted 2025-05-02 "airstrikes" [verbs.tsv:195.8 src=possessive tgt=implicit-civilians]
    "#]]
    .assert_eq(&got);
}

#[test]
fn objects_of_event_nouns() {
    let got = common::golden(&[
        // The other party follows a preposition right after the noun.
        "Israel held talks with Egypt on Monday.",
        "The second round of talks on nuclear confidence-building measures between Pakistan and India starts today.",
        "Russia's attack on the Ukrainian city of Kharkiv continued.",
        // Farther actors belong to another predicate, or are the topic.
        "The peace talks in Vienna ended late on Friday with no sign Russia would press Assad.",
        "Negotiations over Syria's political future resumed.",
        "The US decision to reimpose sanctions lifted under president Barack Obama angered Iran.",
        // Dissent is against what "against" names, and whoever did it.
        "Palestinian youths threw stones during demonstrations against the alleged violations by the Israeli military.",
        // Whom the force verb an event noun is subject of hits, the noun's act hit.
        "Turkish airstrikes killed Syrian civilians.",
        // An infinitive is no noun; inspectors from a body act for it.
        "Inspectors from Germany are set to arrive in Damascus.",
        // A purpose infinitive after a meeting tells what about, and a
        // locative phrase where.
        "Iranian officials held talks to discuss Syria.",
        "Syrian officials were meeting in the insurgent stronghold of Idlib.",
        // A participle clause after a comma ends the object search; an
        // appeal's unnamed addressee is its object.
        "Israeli officials arrived in Seoul for a visit, after rejecting a North Korean offer.",
        "China urged the international community to calm Beijing's dispute with Taiwan.",
    ]);
    expect![[r#"
        > Israel held talks with Egypt on Monday.
          046 ISR->EGY asserted 2025-04-28 "held" [verbs.tsv:046.3 src=subject tgt=slot]
        > The second round of talks on nuclear confidence-building measures between Pakistan and India starts today.
          046 PAK->IND asserted 2025-05-02 "talks" [verbs.tsv:046.9 compound]
        > Russia's attack on the Ukrainian city of Kharkiv continued.
          190 RUS->UKR asserted 2025-05-02 "attack" [verbs.tsv:180.2 src=possessive tgt=slot means=state]
        > The peace talks in Vienna ended late on Friday with no sign Russia would press Assad.
          (no event)
        > Negotiations over Syria's political future resumed.
          (no event)
        > The US decision to reimpose sanctions lifted under president Barack Obama angered Iran.
          163 USA->IRN asserted 2025-05-02 "sanctions" [verbs.tsv:163.2 src=subject tgt=object]
        > Palestinian youths threw stones during demonstrations against the alleged violations by the Israeli military.
          141 PSECVL->ISRMIL asserted 2025-05-02 "demonstrations" [verbs.tsv:141.6 src=subject tgt=object]
        > Turkish airstrikes killed Syrian civilians.
          195 TUR->SYRCVL asserted 2025-05-02 "airstrikes" [verbs.tsv:195.8 src=possessive tgt=object]
        > Inspectors from Germany are set to arrive in Damascus.
          042 DEU->SYR planned 2025-05-02 "arrive" [verbs.tsv:042.3 src=subject tgt=slot]
        > Iranian officials held talks to discuss Syria.
          (no event)
        > Syrian officials were meeting in the insurgent stronghold of Idlib.
          (no event)
        > Israeli officials arrived in Seoul for a visit, after rejecting a North Korean offer.
          042 ISRGOV->KOR asserted 2025-05-02 "arrived" [verbs.tsv:042.3 src=subject tgt=slot]
          120 ISRGOV->PRK asserted 2025-05-02 "rejecting" [verbs.tsv:120.1 src=subject tgt=slot]
        > China urged the international community to calm Beijing's dispute with Taiwan.
          (no event)
    "#]].assert_eq(&got);
}

#[test]
fn object_control() {
    let got = common::golden(&[
        // The one armed, helped or sent to act does what the infinitive says.
        "Iran helped Iraqi forces to attack Syrian rebels.",
        "The United States armed Iraqi troops to fight Syrian rebels.",
        // A noun that only looks like such a verb governs nothing.
        "Russia called on Iranian forces to attack Syrian rebels.",
    ]);
    expect![[r#"
        > Iran helped Iraqi forces to attack Syrian rebels.
          190 IRQMIL->SYRREB asserted 2025-05-02 "attack" [verbs.tsv:180.1 src=asked tgt=slot means=state]
        > The United States armed Iraqi troops to fight Syrian rebels.
          190 IRQMIL->SYRREB asserted 2025-05-02 "fight" [verbs.tsv:190.1 src=asked tgt=slot]
        > Russia called on Iranian forces to attack Syrian rebels.
          020 RUS->IRNMIL asserted 2025-05-02 "called" [verbs.tsv:020.3 src=subject tgt=slot]
          190 IRNMIL->SYRREB hypothetical 2025-05-02 "attack" [verbs.tsv:180.1 src=asked tgt=slot means=state]
    "#]]
    .assert_eq(&got);
}

#[test]
fn gerunds_and_patterns_ending_in_prepositions() {
    let got = common::golden(&[
        // A gerund after a preposition takes a direct object.
        "Russia caused a crisis by annexing the peninsula of Ukraine.",
        // A pattern may end in the preposition that opens its object.
        "Saudi Arabia waged a long war against Yemeni Houthi rebels.",
        // A country word before a noun is no place of its own.
        "Militants claimed a wave of kidnappings of foreigners in the Iraqi capital.",
    ]);
    expect![[r#"
        > Russia caused a crisis by annexing the peninsula of Ukraine.
          192 RUS->UKR asserted 2025-05-02 "annexing" [verbs.tsv:192.3 src=subject tgt=slot]
        > Saudi Arabia waged a long war against Yemeni Houthi rebels.
          190 SAU->YEM asserted 2025-05-02 "war" [verbs.tsv:190.5 src=subject tgt=slot]
        > Militants claimed a wave of kidnappings of foreigners in the Iraqi capital.
          (no event)
    "#]]
    .assert_eq(&got);
}

#[test]
fn unresolved_pronoun_objects() {
    let got = common::golden(&[
        // A pronoun object no one resolved fills the object; the actor
        // after it belongs to the next clause.
        "Turkish officials met to condemn it, but Russia vetoed the resolution.",
    ]);
    expect![[r#"
        > Turkish officials met to condemn it, but Russia vetoed the resolution.
          (no event)
    "#]]
    .assert_eq(&got);
}

#[test]
fn generic_actors_placed_across_a_country() {
    let got = common::golden(&[
        // "across Iraq" sets the sentence in Iraq: the insurgents are Iraq's.
        "Insurgents launched attacks on United States outposts across Iraq.",
    ]);
    expect![[r#"
        > Insurgents launched attacks on United States outposts across Iraq.
          180 IRQINS->USA asserted 2025-05-02 "attacks" [verbs.tsv:180.2 src=possessive tgt=slot]
    "#]]
    .assert_eq(&got);
}
