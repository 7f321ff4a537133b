//! Golden test: a wire dateline or byline at the start of the body names
//! where and who reported, never who acted; a dash later in a sentence, or
//! one after an ordinary subject, is no dateline.

mod common;

use expect_test::expect;

#[test]
fn datelines() {
    let got = common::golden(&[
        "BAGHDAD (Reuters) - Iraq condemned Iran on Tuesday.",
        "MOSCOW - Police arrested protesters.",
        "AFP - Israel criticized Turkey.",
        "Turkey - a NATO member - criticized Israel.",
        "Israel criticized Turkey - and Syria - on Monday.",
        "The prospect of a re-elected Recep Tayyip Erdoğan alarms Israel - and Turkey.",
        "ANKARA ĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞ - Turkey criticized Israel.",
    ]);
    expect![[r#"
        > BAGHDAD (Reuters) - Iraq condemned Iran on Tuesday.
          111 IRQ->IRN asserted 2025-04-29 "condemned" [verbs.tsv:111.1 src=subject tgt=slot]
        > MOSCOW - Police arrested protesters.
          173 COP->CVL asserted 2025-05-02 "arrested" [verbs.tsv:173.1 src=subject tgt=slot]
        > AFP - Israel criticized Turkey.
          110 ISR->TUR asserted 2025-05-02 "criticized" [verbs.tsv:110.1 src=subject tgt=slot]
        > Turkey - a NATO member - criticized Israel.
          110 TUR->ISR asserted 2025-05-02 "criticized" [verbs.tsv:110.1 src=subject tgt=slot]
        > Israel criticized Turkey - and Syria - on Monday.
          110 ISR->TUR asserted 2025-04-28 "criticized" [verbs.tsv:110.1 src=subject tgt=slot]
        > The prospect of a re-elected Recep Tayyip Erdoğan alarms Israel - and Turkey.
          (no event)
        > ANKARA ĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞĞ - Turkey criticized Israel.
          110 TUR->ISR asserted 2025-05-02 "criticized" [verbs.tsv:110.1 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}
