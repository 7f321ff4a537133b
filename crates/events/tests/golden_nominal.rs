//! Golden test: nominal triggers (possessive sources, between-phrases).

mod common;

use expect_test::expect;

#[test]
fn nominal() {
    let got = common::golden(&[
        "President Isaac Herzog's visit to Ankara was historic.",
        "Despite continuing strong dissatisfaction from Iran, Azerbaijan continued.",
        "Egypt's mediation between Israel and Palestinians continued.",
        "Israel's strike on Iran was discussed.",
        "The reconciliation between Israel and Turkey was praised.",
        "Britain condemned the attack on the Egyptian embassy.",
        "France called for an investigation into the killing of Syrian civilians.",
        "Turkey held talks with Russia.",
        "Turkey released a statement on Russia.",
        "Turkey released two Russian pilots.",
        "Iraq met the demands of Iran.",
        "The demands of Iran were met by Iraq.",
        "Iran has once again rejected a Turkish proposal.",
        "Thousands of Iranians took to the streets to celebrate the victory.",
        "Thousands of Kenyans demonstrated against Uganda.",
        "Kenya demonstrated its commitment to Uganda.",
        "Britain agreed to meet a U.S. request for troops.",
        "Israel warned of a war with Iran.",
        "Israel warned Iran that it would strike.",
        "Israel is counting on support from France.",
        "The strike on Syria comes with likely support from France.",
        "Russia demanded a withdrawal from Syria.",
        "Russia sent aircraft to attack Idlib, as foreign ministers gathered in Brussels to pledge aid to Jordan.",
        "A coalition led by Riyadh, backed by the US and Britain, has launched airstrikes on Yemen.",
        "Britain, touring a camp housing refugees from Syria, urged Turkey to act.",
        "Israel dealt a blow to the Palestinian group Hamas, arresting a Syrian leader.",
        "Britain linked the militants with the Turkish forces fighting inside Syria.",
    ]);
    expect![[r#"
        > President Isaac Herzog's visit to Ankara was historic.
          (no event)
        > Despite continuing strong dissatisfaction from Iran, Azerbaijan continued.
          110 IRN->AZE asserted 2025-05-02 "dissatisfaction" [verbs.tsv:110.3 src=slot tgt=object]
        > Egypt's mediation between Israel and Palestinians continued.
          045 EGY->ISR asserted 2025-05-02 "mediation" [verbs.tsv:045.3 src=possessive tgt=slot]
          045 EGY->PSE asserted 2025-05-02 "mediation" [verbs.tsv:045.3 src=possessive tgt=slot]
        > Israel's strike on Iran was discussed.
          190 ISR->IRN asserted 2025-05-02 "strike" [verbs.tsv:190.8 src=possessive tgt=slot]
        > The reconciliation between Israel and Turkey was praised.
          050 ISR->TUR asserted 2025-05-02 "reconciliation" [verbs.tsv:050.5 compound]
        > Britain condemned the attack on the Egyptian embassy.
          111 GBR->EGY asserted 2025-05-02 "condemned" [verbs.tsv:111.1 src=subject tgt=object]
        > France called for an investigation into the killing of Syrian civilians.
          (no event)
        > Turkey held talks with Russia.
          046 TUR->RUS asserted 2025-05-02 "held" [verbs.tsv:046.3 src=subject tgt=slot]
        > Turkey released a statement on Russia.
          (no event)
        > Turkey released two Russian pilots.
          0841 TUR->RUS asserted 2025-05-02 "released" [verbs.tsv:0841.3 src=subject tgt=slot]
        > Iraq met the demands of Iran.
          (no event)
        > The demands of Iran were met by Iraq.
          (no event)
        > Iran has once again rejected a Turkish proposal.
          120 IRN->TUR asserted 2025-05-02 "rejected" [verbs.tsv:120.1 src=subject tgt=slot]
        > Thousands of Iranians took to the streets to celebrate the victory.
          (no event)
        > Thousands of Kenyans demonstrated against Uganda.
          141 KEN->UGA asserted 2025-05-02 "demonstrated" [verbs.tsv:141.1 src=subject tgt=slot]
        > Kenya demonstrated its commitment to Uganda.
          (no event)
        > Britain agreed to meet a U.S. request for troops.
          036 GBR->GBRMIL asserted 2025-05-02 "agreed" [verbs.tsv:036.1 src=subject tgt=object]
        > Israel warned of a war with Iran.
          (no event)
        > Israel warned Iran that it would strike.
          130 ISR->IRN asserted 2025-05-02 "warned" [verbs.tsv:130.4 src=subject tgt=slot]
        > Israel is counting on support from France.
          051 FRA->ISR hypothetical 2025-05-02 "support" [verbs.tsv:051.5 src=from-agent tgt=receiver]
        > The strike on Syria comes with likely support from France.
          (no event)
        > Russia demanded a withdrawal from Syria.
          100 RUS->SYR asserted 2025-05-02 "demanded" [verbs.tsv:100.1 src=subject tgt=slot]
        > Russia sent aircraft to attack Idlib, as foreign ministers gathered in Brussels to pledge aid to Jordan.
          (no event)
        > A coalition led by Riyadh, backed by the US and Britain, has launched airstrikes on Yemen.
          195 SAU->YEM asserted 2025-05-02 "launched" [verbs.tsv:195.1 src=subject tgt=slot]
        > Britain, touring a camp housing refugees from Syria, urged Turkey to act.
          020 GBR->TUR asserted 2025-05-02 "urged" [verbs.tsv:020.2 src=subject tgt=slot]
        > Israel dealt a blow to the Palestinian group Hamas, arresting a Syrian leader.
          173 ISR->SYRGOV asserted 2025-05-02 "arresting" [verbs.tsv:173.1 src=subject tgt=slot]
        > Britain linked the militants with the Turkish forces fighting inside Syria.
          190 TURMIL->SYR asserted 2025-05-02 "fighting" [verbs.tsv:190.1 src=subject tgt=object]
    "#]]
    .assert_eq(&got);
}
