//! Golden test: meetings, consultations and negotiation.

mod common;

use expect_test::expect;

#[test]
fn meetings() {
    let got = common::golden(&[
        "Azerbaijan negotiated with Turkey and Syria.",
        "The talks between Iran and the United States resumed.",
        "Erdogan and Netanyahu met in New York.",
        "China held talks with Russia in Beijing.",
        "Japan's meeting with India lasted two hours.",
        "France telephoned Russia.",
    ]);
    expect![[r#"
        > Azerbaijan negotiated with Turkey and Syria.
          046 AZE->TUR asserted 2025-05-02 "negotiated" [verbs.tsv:046.1 src=subject tgt=slot]
          046 AZE->SYR asserted 2025-05-02 "negotiated" [verbs.tsv:046.1 src=subject tgt=slot]
        > The talks between Iran and the United States resumed.
          046 IRN->USA asserted 2025-05-02 "talks" [verbs.tsv:046.5 compound]
        > Erdogan and Netanyahu met in New York.
          (no event)
        > China held talks with Russia in Beijing.
          046 CHN->RUS asserted 2025-05-02 "held" [verbs.tsv:046.3 src=subject tgt=slot]
        > Japan's meeting with India lasted two hours.
          040 JPN->IND asserted 2025-05-02 "meeting" [verbs.tsv:040.6 src=possessive tgt=slot]
        > France telephoned Russia.
          041 FRA->RUS asserted 2025-05-02 "telephoned" [verbs.tsv:041.4 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}
