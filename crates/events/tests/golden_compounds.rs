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
    ]);
    expect![[r#"
        > Israel and Turkey condemned Iran.
          111 ISR->IRN asserted 2025-05-02 "condemned" [verbs.tsv:111.1 src=subject tgt=slot]
          111 TUR->IRN asserted 2025-05-02 "condemned" [verbs.tsv:111.1 src=subject tgt=slot]
        > Russia attacked Ukraine and Georgia.
          180 RUS->UKR asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot]
          180 RUS->GEO asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot]
        > Oman, Qatar and Bahrain praised Egypt.
          051 OMN->EGY asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
          051 QAT->EGY asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
          051 BHR->EGY asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
        > Armenia and Azerbaijan signed a peace treaty.
          057 ARM->AZE asserted 2025-05-02 "signed" [verbs.tsv:057.8 compound]
    "#]]
    .assert_eq(&got);
}
