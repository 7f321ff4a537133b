//! Golden test: modality: planned, hypothetical, negated, asserted; emotive verbs are not events.

mod common;

use expect_test::expect;

#[test]
fn modality() {
    let got = common::golden(&[
        "Iran and Iraq hold talks on 28 May.",
        "Iran and Iraq held talks on 28 May.",
        "Iranian protesters threatened to stage demonstrations against Iraq.",
        "Iran and Iraq held talks on 28 April.",
        "The United States has signalled it will extend sanctions on Iran.",
        "The United States extended sanctions on Iran.",
        "Israel will visit Azerbaijan.",
        "Israel is expected to visit Azerbaijan.",
        "If Iran attacks Israel, the United States could respond.",
        "Russia might invade Ukraine.",
        "Turkey did not criticize Israel.",
        "Ukraine refused to meet Russia.",
        "The role of Azerbaijan does not seem to bother Israel.",
        "The news did not surprise Israel.",
        "Ahead of Netanyahu's visit to Baku, Israel praised Azerbaijan.",
        "The United States called on Israel to withdraw troops from Lebanon.",
        "Russia is seeking to attack Ukraine.",
        "Syria managed to attack Israel.",
        "Iran threatened to attack Israel.",
        "Israel announced its decision to withdraw troops from Lebanon.",
        "Congress gave Israel the power to detain Iranians.",
        "In Georgia, protesters took to the streets to protest against Russia.",
        "Talks between Iran and Iraq stalled on Monday.",
        "Turkey cancelled the visit of Israeli ministers.",
        "Hassan made a new appeal for the withdrawal of British troops from Iraq.",
        "Egypt will help Palestinians prepare for an Israeli withdrawal from Gaza.",
        "Senator Paul welcomed the decision by Israel to withdraw troops from Syria.",
        "Lavrov said Moscow expected Turkey to hand over Afrin to Syria.",
    ]);
    expect![[r#"
        > Iran and Iraq hold talks on 28 May.
          046 IRN->IRQ planned 2025-05-28 "talks" [verbs.tsv:046.9 compound]
        > Iran and Iraq held talks on 28 May.
          046 IRN->IRQ asserted 2025-05-28 "talks" [verbs.tsv:046.9 compound]
        > Iranian protesters threatened to stage demonstrations against Iraq.
          131 IRNCVL->IRQ asserted 2025-05-02 "threatened" [verbs.tsv:131.1 src=subject tgt=slot]
        > Iran and Iraq held talks on 28 April.
          046 IRN->IRQ asserted 2025-04-28 "talks" [verbs.tsv:046.9 compound]
        > The United States has signalled it will extend sanctions on Iran.
          1312 USA->IRN planned 2025-05-02 "sanctions" [verbs.tsv:163.5 src=subject tgt=slot]
        > The United States extended sanctions on Iran.
          163 USA->IRN asserted 2025-05-02 "sanctions" [verbs.tsv:163.5 src=possessive tgt=slot]
        > Israel will visit Azerbaijan.
          042 ISR->AZE planned 2025-05-02 "visit" [verbs.tsv:042.1 src=subject tgt=slot]
        > Israel is expected to visit Azerbaijan.
          042 ISR->AZE planned 2025-05-02 "visit" [verbs.tsv:042.1 src=subject tgt=slot]
        > If Iran attacks Israel, the United States could respond.
          190 IRN->ISR hypothetical 2025-05-02 "attacks" [verbs.tsv:180.1 src=subject tgt=slot means=state]
        > Russia might invade Ukraine.
          192 RUS->UKR hypothetical 2025-05-02 "invade" [verbs.tsv:192.2 src=subject tgt=slot]
        > Turkey did not criticize Israel.
          110 TUR->ISR negated 2025-05-02 "criticize" [verbs.tsv:110.1 src=subject tgt=slot]
        > Ukraine refused to meet Russia.
          125 UKR->RUS asserted 2025-05-02 "refused" [verbs.tsv:125.1 src=subject tgt=slot]
        > The role of Azerbaijan does not seem to bother Israel.
          (no event)
        > The news did not surprise Israel.
          (no event)
        > Ahead of Netanyahu's visit to Baku, Israel praised Azerbaijan.
          051 ISR->AZE asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
        > The United States called on Israel to withdraw troops from Lebanon.
          020 USA->ISR asserted 2025-05-02 "called" [verbs.tsv:020.3 src=subject tgt=slot]
          0874 ISR->LBN hypothetical 2025-05-02 "withdraw" [verbs.tsv:0874.3 src=asked tgt=slot]
        > Russia is seeking to attack Ukraine.
          138 RUS->UKR planned 2025-05-02 "attack" [verbs.tsv:180.1 src=subject tgt=slot]
        > Syria managed to attack Israel.
          190 SYR->ISR asserted 2025-05-02 "attack" [verbs.tsv:180.1 src=subject tgt=slot means=state]
        > Iran threatened to attack Israel.
          138 IRN->ISR asserted 2025-05-02 "threatened" [verbs.tsv:138.1 src=subject tgt=slot]
        > Israel announced its decision to withdraw troops from Lebanon.
          0356 ISR->LBN planned 2025-05-02 "withdraw" [verbs.tsv:0874.3 src=subject tgt=slot]
        > Congress gave Israel the power to detain Iranians.
          173 ISR->IRN hypothetical 2025-05-02 "detain" [verbs.tsv:173.2 src=subject tgt=slot]
        > In Georgia, protesters took to the streets to protest against Russia.
          141 GEOCVL->RUS asserted 2025-05-02 "took" [verbs.tsv:141.8 src=subject tgt=object]
          140 GEOCVL->RUS asserted 2025-05-02 "protest" [verbs.tsv:140.1 src=subject tgt=slot]
        > Talks between Iran and Iraq stalled on Monday.
          046 IRN->IRQ negated 2025-04-28 "Talks" [verbs.tsv:046.5 compound]
        > Turkey cancelled the visit of Israeli ministers.
          (no event)
        > Hassan made a new appeal for the withdrawal of British troops from Iraq.
          0874 GBRMIL->IRQ hypothetical 2025-05-02 "withdrawal" [verbs.tsv:0874.4 src=slot tgt=slot]
        > Egypt will help Palestinians prepare for an Israeli withdrawal from Gaza.
          (no event)
        > Senator Paul welcomed the decision by Israel to withdraw troops from Syria.
          0356 ISR->SYR planned 2025-05-02 "withdraw" [verbs.tsv:0874.3 src=subject tgt=slot]
        > Lavrov said Moscow expected Turkey to hand over Afrin to Syria.
          033 TUR->SYR planned 2025-05-02 "hand" [verbs.tsv:070.6 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}

#[test]
fn infinitives_under_modal_verbs() {
    let got = common::golden(&[
        // What is only going to be, or would be, allowed has not happened.
        "Russia will allow Iranian officials to visit Moscow.",
        "Iran would allow Russian officials to visit Tehran.",
        // Leave given says nothing of whether the visit happened.
        "Iran allowed Russian officials to visit Tehran.",
    ]);
    expect![[r#"
        > Russia will allow Iranian officials to visit Moscow.
          035 RUS->IRNGOV planned 2025-05-02 "allow" [verbs.tsv:080.4 src=subject tgt=slot]
          042 IRNGOV->RUS planned 2025-05-02 "visit" [verbs.tsv:042.1 src=subject tgt=slot]
        > Iran would allow Russian officials to visit Tehran.
          080 IRN->RUSGOV hypothetical 2025-05-02 "allow" [verbs.tsv:080.4 src=subject tgt=slot]
          042 RUSGOV->IRN hypothetical 2025-05-02 "visit" [verbs.tsv:042.1 src=subject tgt=slot]
        > Iran allowed Russian officials to visit Tehran.
          080 IRN->RUSGOV asserted 2025-05-02 "allowed" [verbs.tsv:080.4 src=subject tgt=slot]
          042 RUSGOV->IRN hypothetical 2025-05-02 "visit" [verbs.tsv:042.1 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}

#[test]
fn where_clauses_of_future_acts() {
    let got = common::golden(&[
        // A present-tense "where" clause about the place of a future act.
        "Talks are likely to resume in Sochi, where Russia hosts Turkey and Iran.",
        // Told in the past, it happened.
        "Talks resumed in Sochi, where Russia hosted Turkey.",
    ]);
    expect![[r#"
        > Talks are likely to resume in Sochi, where Russia hosts Turkey and Iran.
          043 RUS->TUR planned 2025-05-02 "hosts" [verbs.tsv:043.1 src=subject tgt=slot]
          043 RUS->IRN planned 2025-05-02 "hosts" [verbs.tsv:043.1 src=subject tgt=slot]
        > Talks resumed in Sochi, where Russia hosted Turkey.
          043 RUS->TUR asserted 2025-05-02 "hosted" [verbs.tsv:043.1 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}

#[test]
fn feared_acts_and_mandates() {
    let got = common::golden(&[
        // An act feared or risked has not happened.
        "Russia warned of the threat to peace from American air strikes on Syria.",
        // A mandate to act is no act.
        "The French army has a mandate to support Malian troops.",
    ]);
    expect![[r#"
        > Russia warned of the threat to peace from American air strikes on Syria.
          195 USA->SYR hypothetical 2025-05-02 "air" [verbs.tsv:195.9 src=possessive tgt=object]
          190 USA->SYR hypothetical 2025-05-02 "strikes" [verbs.tsv:190.8 src=possessive tgt=slot]
        > The French army has a mandate to support Malian troops.
          051 FRAMIL->MLIMIL hypothetical 2025-05-02 "support" [verbs.tsv:051.5 src=subject tgt=slot]
    "#]].assert_eq(&got);
}
