//! Golden test: passive voice and reduced relatives.

mod common;

use expect_test::expect;

#[test]
fn passives() {
    let got = common::golden(&[
        "Turkey was attacked by Syria.",
        "Ukraine was invaded by Russia in 2022.",
        "The talks were mediated by Qatar.",
        "Damascus fought forces supported by Iran.",
    ]);
    expect![[r#"
        > Turkey was attacked by Syria.
          180 SYR->TUR asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=by-agent tgt=passive-subject passive]
        > Ukraine was invaded by Russia in 2022.
          192 RUS->UKR asserted 2022 "invaded" [verbs.tsv:192.2 src=by-agent tgt=passive-subject passive]
        > The talks were mediated by Qatar.
          (no event)
        > Damascus fought forces supported by Iran.
          190 SYR->SYRMIL asserted 2025-05-02 "fought" [verbs.tsv:190.1 src=subject tgt=slot]
          051 IRN->SYRMIL asserted 2025-05-02 "supported" [verbs.tsv:051.5 src=by-agent tgt=passive-subject passive]
    "#]].assert_eq(&got);
}
