//! Golden test: visits, trips and hosting.

mod common;

use expect_test::expect;

#[test]
fn visits() {
    let got = common::golden(&[
        "Israeli Prime Minister Benjamin Netanyahu will visit Baku.",
        "The French President visited Algeria in March 2024.",
        "Egypt hosted Jordanian officials.",
        "Qatar's trip to Iran ended on Monday.",
        "The Indian Prime Minister arrived in Japan.",
        "Schnayer frequently visits Baku.",
    ]);
    expect![[r#"
        > Israeli Prime Minister Benjamin Netanyahu will visit Baku.
          042 ISRGOV->AZE planned 2025-05-02 "visit" [verbs.tsv:042.1 src=subject tgt=slot]
        > The French President visited Algeria in March 2024.
          042 FRAGOV->DZA asserted 2024-03 "visited" [verbs.tsv:042.1 src=subject tgt=slot]
        > Egypt hosted Jordanian officials.
          043 EGY->JORGOV asserted 2025-05-02 "hosted" [verbs.tsv:043.1 src=subject tgt=slot]
        > Qatar's trip to Iran ended on Monday.
          042 QAT->IRN asserted 2025-04-28 "trip" [verbs.tsv:042.5 src=possessive tgt=slot]
        > The Indian Prime Minister arrived in Japan.
          042 INDGOV->JPN asserted 2025-05-02 "arrived" [verbs.tsv:042.3 src=subject tgt=slot]
        > Schnayer frequently visits Baku.
          (no event)
    "#]]
    .assert_eq(&got);
}
