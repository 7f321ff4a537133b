//! Golden test: compound actors.

mod common;

use expect_test::expect;

#[test]
fn compounds() {
    let got = common::golden(&[
        "Israel and Turkey condemned Iran.",
        "Russia attacked Ukraine and Georgia.",
        "Oman, Qatar and Bahrain praised Egypt.",
        "Armenia and Azerbaijan signed a peace treaty.",
        // Mutual predicates: the compound is both sides, whatever object
        // another clause names; a partner marked by "with" stays the target.
        "The United States and China held talks before the Security Council voted on sanctions.",
        "Palestinian gunmen and Israeli troops fought pitched battles on the outskirts of the refugee camp.",
        "Iran and Iraq held talks with Turkey.",
        // Allies are no enemies. (Group members, expected talks and victims
        // abroad need the full recogniser: entente's sides-and-allies golden.)
        "Special forces from the UK and France have fought alongside the Syrian Democratic Forces.",
    ]);
    expect![[r#"
        > Israel and Turkey condemned Iran.
          111 ISR->IRN asserted 2025-05-02 "condemned" [verbs.tsv:111.1 src=subject tgt=slot]
          111 TUR->IRN asserted 2025-05-02 "condemned" [verbs.tsv:111.1 src=subject tgt=slot]
        > Russia attacked Ukraine and Georgia.
          190 RUS->UKR asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot means=state]
          190 RUS->GEO asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot means=state]
        > Oman, Qatar and Bahrain praised Egypt.
          051 OMN->EGY asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
          051 QAT->EGY asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
          051 BHR->EGY asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
        > Armenia and Azerbaijan signed a peace treaty.
          057 ARM->AZE asserted 2025-05-02 "signed" [verbs.tsv:057.8 compound]
        > The United States and China held talks before the Security Council voted on sanctions.
          046 USA->CHN asserted 2025-05-02 "talks" [verbs.tsv:046.9 compound]
        > Palestinian gunmen and Israeli troops fought pitched battles on the outskirts of the refugee camp.
          190 PSEUAF->ISRMIL asserted 2025-05-02 "fought" [verbs.tsv:190.1 compound]
        > Iran and Iraq held talks with Turkey.
          046 IRN->TUR asserted 2025-05-02 "held" [verbs.tsv:046.3 src=subject tgt=slot]
          046 IRQ->TUR asserted 2025-05-02 "held" [verbs.tsv:046.3 src=subject tgt=slot]
        > Special forces from the UK and France have fought alongside the Syrian Democratic Forces.
          (no event)
    "#]]
    .assert_eq(&got);
}
