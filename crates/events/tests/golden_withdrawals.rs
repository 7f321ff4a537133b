//! Golden test: withdrawals, retreats and releases.

mod common;

use expect_test::expect;

#[test]
fn withdrawals() {
    let got = common::golden(&[
        "Iran has completely withdrawn from Syria, evacuating its military advisors.",
        "Russia withdrew troops from Armenia.",
        "Russia released Ukrainian prisoners.",
        "The United States lifted sanctions on Syria.",
    ]);
    expect![[r#"
        > Iran has completely withdrawn from Syria, evacuating its military advisors.
          087 IRN->SYR asserted 2025-05-02 "withdrawn" [verbs.tsv:087.1 src=subject tgt=slot]
        > Russia withdrew troops from Armenia.
          0874 RUS->ARM asserted 2025-05-02 "withdrew" [verbs.tsv:0874.3 src=subject tgt=slot]
        > Russia released Ukrainian prisoners.
          0841 RUS->UKRCVL asserted 2025-05-02 "released" [verbs.tsv:0841.3 src=subject tgt=slot]
        > The United States lifted sanctions on Syria.
          085 USA->SYR asserted 2025-05-02 "lifted" [verbs.tsv:085.1 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}
