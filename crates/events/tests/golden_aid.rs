//! Golden test: material aid and trade.

mod common;

use expect_test::expect;

#[test]
fn aid() {
    let got = common::golden(&[
        "Israel sold weapons to Azerbaijan.",
        "Japan provided aid to Sri Lanka.",
        "Russia granted asylum to American whistleblowers.",
        "Azerbaijan's SOCAR acquired a 10% stake in Israel's gas field.",
        "Azerbaijan exports oil to Israel.",
    ]);
    expect![[r#"
        > Israel sold weapons to Azerbaijan.
          072 ISR->AZE asserted 2025-05-02 "sold" [verbs.tsv:072.2 src=subject tgt=slot]
        > Japan provided aid to Sri Lanka.
          070 JPN->LKA asserted 2025-05-02 "provided" [verbs.tsv:070.1 src=subject tgt=slot]
        > Russia granted asylum to American whistleblowers.
          075 RUS->USA asserted 2025-05-02 "granted" [verbs.tsv:075.1 src=subject tgt=slot]
        > Azerbaijan's SOCAR acquired a 10% stake in Israel's gas field.
          061 AZE->ISR asserted 2025-05-02 "acquired" [verbs.tsv:061.3 src=subject tgt=slot]
        > Azerbaijan exports oil to Israel.
          061 AZE->ISR asserted 2025-05-02 "exports" [verbs.tsv:061.6 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}
