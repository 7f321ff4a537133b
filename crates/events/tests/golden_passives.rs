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
          190 SYR->TUR asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=by-agent tgt=passive-subject passive means=state]
        > Ukraine was invaded by Russia in 2022.
          192 RUS->UKR asserted 2022 "invaded" [verbs.tsv:192.2 src=by-agent tgt=passive-subject passive]
        > The talks were mediated by Qatar.
          (no event)
        > Damascus fought forces supported by Iran.
          190 SYR->SYRMIL asserted 2025-05-02 "fought" [verbs.tsv:190.1 src=subject tgt=slot]
          051 IRN->SYRMIL asserted 2025-05-02 "supported" [verbs.tsv:051.5 src=by-agent tgt=passive-subject passive]
    "#]].assert_eq(&got);
}

/// Violence told in the passive with no agent has an unnamed perpetrator of
/// the place; harm that may be no one's act, habitual statements and defeats
/// of named organisations get none.
#[test]
fn passives_without_agent() {
    let got = common::golden(&[
        "On 3 May 2020, in Guadalajara, a man was shot dead inside a butcher shop.",
        "Two police officers were killed in Baghdad.",
        "Three people were killed in a car crash in Baghdad.",
        "In Mexico, journalists are killed for their work.",
        "Isis was beaten in Mosul.",
        "On 2 May 2020, a mob of locals killed two civilians in Goma.",
        "In Acapulco, two Mexican journalists were found dead with gunshot wounds.",
        "An elderly man was found dead in his flat in Paris.",
        "Two men were found dead by police in Baghdad. Their bodies showed signs of torture.",
        "Two Britons killed fighting Isis were named on Monday.",
        "A Turkish engineer abducted by Afghan militants was found dead.",
        "Israeli soldiers shot and killed a Palestinian near Gaza.",
        "Iraqi police arrested around 50 Syrian smugglers.",
    ]);
    expect![[r#"
        > On 3 May 2020, in Guadalajara, a man was shot dead inside a butcher shop.
          1823 MEXUAF->MEXCVL asserted 2020-05-03 "shot" [verbs.tsv:1823.2 src=implicit-perpetrator tgt=passive-subject passive]
        > Two police officers were killed in Baghdad.
          1823 IRQUAF->IRQCOP asserted 2025-05-02 "killed" [verbs.tsv:1823.1 src=implicit-perpetrator tgt=passive-subject passive]
        > Three people were killed in a car crash in Baghdad.
          (no event)
        > In Mexico, journalists are killed for their work.
          (no event)
        > Isis was beaten in Mosul.
          (no event)
        > On 2 May 2020, a mob of locals killed two civilians in Goma.
          1823 CODCVL->CODCVL asserted 2020-05-02 "killed" [verbs.tsv:1823.1 src=subject tgt=slot]
        > In Acapulco, two Mexican journalists were found dead with gunshot wounds.
          1823 MEXUAF->MEXMED asserted 2025-05-02 "found" [verbs.tsv:1823.3 src=implicit-perpetrator tgt=passive-subject passive]
        > An elderly man was found dead in his flat in Paris.
          (no event)
        > Two men were found dead by police in Baghdad. Their bodies showed signs of torture.
          1823 IRQUAF->IRQCVL asserted 2025-05-02 "found" [verbs.tsv:1823.3 src=implicit-perpetrator tgt=passive-subject passive]
        > Two Britons killed fighting Isis were named on Monday.
          (no event)
        > A Turkish engineer abducted by Afghan militants was found dead.
          181 AFGINS->TUR asserted 2025-05-02 "abducted" [verbs.tsv:181.1 src=by-agent tgt=passive-subject passive]
        > Israeli soldiers shot and killed a Palestinian near Gaza.
          193 ISRMIL->PSE asserted 2025-05-02 "shot" [verbs.tsv:193.3 src=subject tgt=object]
          1823 ISRMIL->PSE asserted 2025-05-02 "killed" [verbs.tsv:1823.1 src=subject tgt=slot]
        > Iraqi police arrested around 50 Syrian smugglers.
          173 IRQCOP->SYRCRM asserted 2025-05-02 "arrested" [verbs.tsv:173.1 src=subject tgt=object]
    "#]].assert_eq(&got);
}
