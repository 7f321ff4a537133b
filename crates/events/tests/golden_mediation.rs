//! Golden test: mediation and brokering.

mod common;

use expect_test::expect;

#[test]
fn mediation() {
    let got = common::golden(&[
        "Negotiations between Turkey and Israel continue to be mediated by Azerbaijan.",
        "Egypt mediated between Israel and Palestinians.",
        "Qatar offered to mediate between Russia and Ukraine.",
        "The United States brokered a deal between Armenia and Azerbaijan.",
    ]);
    expect![[r#"
        > Negotiations between Turkey and Israel continue to be mediated by Azerbaijan.
          046 TUR->ISR asserted 2025-05-02 "Negotiations" [verbs.tsv:046.4 compound]
          045 AZE->TUR asserted 2025-05-02 "mediated" [verbs.tsv:045.2 src=by-agent tgt=passive-subject passive]
          045 AZE->ISR asserted 2025-05-02 "mediated" [verbs.tsv:045.2 src=by-agent tgt=passive-subject passive]
        > Egypt mediated between Israel and Palestinians.
          045 EGY->ISR asserted 2025-05-02 "mediated" [verbs.tsv:045.1 src=subject tgt=slot]
          045 EGY->PSE asserted 2025-05-02 "mediated" [verbs.tsv:045.1 src=subject tgt=slot]
        > Qatar offered to mediate between Russia and Ukraine.
          039 QAT->RUS asserted 2025-05-02 "offered" [verbs.tsv:039.1 src=subject tgt=slot]
          039 QAT->UKR asserted 2025-05-02 "offered" [verbs.tsv:039.1 src=subject tgt=slot]
        > The United States brokered a deal between Armenia and Azerbaijan.
          045 USA->ARM asserted 2025-05-02 "brokered" [verbs.tsv:045.4 src=subject tgt=slot]
          045 USA->AZE asserted 2025-05-02 "brokered" [verbs.tsv:045.4 src=subject tgt=slot]
    "#]].assert_eq(&got);
}
