//! Golden test: statements, appeals, accusations and threats.

mod common;

use expect_test::expect;

#[test]
fn statements() {
    let got = common::golden(&[
        "Iran accused Israel of sabotage.",
        "Russia warned Finland.",
        "Iran threatened to attack Israel.",
        "Britain called on China to release its detained citizens.",
        "Turkey condemned Israel.",
        "Israel said Turkish bases in Syria would be red lines.",
    ]);
    expect![[r#"
        > Iran accused Israel of sabotage.
          112 IRN->ISR asserted 2025-05-02 "accused" [verbs.tsv:112.1 src=subject tgt=slot]
        > Russia warned Finland.
          130 RUS->FIN asserted 2025-05-02 "warned" [verbs.tsv:130.4 src=subject tgt=slot]
        > Iran threatened to attack Israel.
          138 IRN->ISR asserted 2025-05-02 "threatened" [verbs.tsv:138.1 src=subject tgt=slot]
        > Britain called on China to release its detained citizens.
          0253 GBR->CHN asserted 2025-05-02 "called" [verbs.tsv:0253.1 src=subject tgt=slot]
        > Turkey condemned Israel.
          111 TUR->ISR asserted 2025-05-02 "condemned" [verbs.tsv:111.1 src=subject tgt=slot]
        > Israel said Turkish bases in Syria would be red lines.
          130 ISR->TUR hypothetical 2025-05-02 "red" [verbs.tsv:130.3 src=speaker tgt=predicate]
    "#]]
    .assert_eq(&got);
}
