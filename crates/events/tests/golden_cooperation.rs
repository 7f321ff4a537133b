//! Golden test: cooperation, agreements and support.

mod common;

use expect_test::expect;

#[test]
fn cooperation() {
    let got = common::golden(&[
        "Azerbaijan and Israel will strengthen their cooperation in the military field.",
        "Azerbaijan signed an energy agreement with Israel.",
        "Japan supports India's bid.",
        "Israel praised Azerbaijan.",
        "Israel shared intelligence with the United States.",
    ]);
    expect![[r#"
        > Azerbaijan and Israel will strengthen their cooperation in the military field.
          0312 AZE->ISR planned 2025-05-02 "strengthen" [verbs.tsv:062.4 compound]
        > Azerbaijan signed an energy agreement with Israel.
          057 AZE->ISR asserted 2025-05-02 "signed" [verbs.tsv:057.1 src=subject tgt=slot]
        > Japan supports India's bid.
          051 JPN->IND asserted 2025-05-02 "supports" [verbs.tsv:051.5 src=subject tgt=slot]
        > Israel praised Azerbaijan.
          051 ISR->AZE asserted 2025-05-02 "praised" [verbs.tsv:051.1 src=subject tgt=slot]
        > Israel shared intelligence with the United States.
          064 ISR->USA asserted 2025-05-02 "shared" [verbs.tsv:064.1 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}
