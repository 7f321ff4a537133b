//! Golden test: the grammar check (`--grammar`) on the error classes that
//! word order gets wrong: roles in passives, nominal and controlled
//! clauses, partners read as enemies, venues read as counterparts, and acts
//! told as risks, denials or intentions. Each sentence is coded without
//! and with the check, so the difference is on the page.

mod common;

use expect_test::expect;

const SENTENCES: &[&str] = &[
    "Forces of Turkey have fought alongside Russia.",
    "Weeks of airstrikes from Russia's jets hit Syria.",
    "Syria was criticised by Turkey.",
    "Leaders of Iran are meeting in Riyadh ahead of talks.",
    "A bomb exploded in southern Thailand, killing one person and wounding Malaysian soldiers.",
    "Iran met in Luxembourg with Turkey.",
    "A direct clash between Israel and Iran risks a wider war.",
    "Iran would not dare attack Israel.",
    "Turkey denied that its forces attacked Syria.",
    "Egypt plans to host Sudan next month.",
    "Did Russia attack Ukraine?",
    "Pakistani officials arrived in Britain for a visit.",
    "Iraq called for the withdrawal of British troops from Syria.",
    "Two Syrian suspects were shot dead by Turkish police.",
];

#[test]
fn grammar_check() {
    let mut got = String::new();
    for s in SENTENCES {
        let without = common::golden_with(&[s], false);
        let with = common::golden_with(&[s], true);
        got.push_str(&without);
        if with != without {
            got.push_str("  with the grammar check:\n");
            got.push_str(
                with.lines()
                    .skip(1)
                    .map(|l| format!("  {l}\n"))
                    .collect::<String>()
                    .as_str(),
            );
        }
    }
    expect![[r#"
        > Forces of Turkey have fought alongside Russia.
          (no event)
        > Weeks of airstrikes from Russia's jets hit Syria.
          (no event)
        > Syria was criticised by Turkey.
          110 TUR->SYR asserted 2025-05-02 "criticised" [verbs.tsv:110.2 src=by-agent tgt=passive-subject passive]
        > Leaders of Iran are meeting in Riyadh ahead of talks.
          (no event)
        > A bomb exploded in southern Thailand, killing one person and wounding Malaysian soldiers.
          1823 THAUAF->THACVL asserted 2025-05-02 "killing" [verbs.tsv:1823.1 src=implicit-perpetrator tgt=slot]
        > Iran met in Luxembourg with Turkey.
          040 IRN->TUR asserted 2025-05-02 "met" [verbs.tsv:040.5 src=subject tgt=object]
        > A direct clash between Israel and Iran risks a wider war.
          190 ISR->IRN asserted 2025-05-02 "clash" [verbs.tsv:190.10 compound]
          with the grammar check:
            190 ISR->IRN hypothetical 2025-05-02 "clash" [verbs.tsv:190.10 compound grammar:modality governor:risks]
        > Iran would not dare attack Israel.
          190 IRN->ISR negated 2025-05-02 "attack" [verbs.tsv:180.1 src=subject tgt=slot means=state]
        > Turkey denied that its forces attacked Syria.
          190 TURMIL->SYR negated 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot means=state]
        > Egypt plans to host Sudan next month.
          043 EGY->SDN planned 2025-06 "host" [verbs.tsv:043.1 src=subject tgt=slot]
        > Did Russia attack Ukraine?
          190 RUS->UKR asserted 2025-05-02 "attack" [verbs.tsv:180.1 src=subject tgt=slot means=state]
          with the grammar check:
            190 RUS->UKR hypothetical 2025-05-02 "attack" [verbs.tsv:180.1 src=subject tgt=slot means=state grammar:modality question]
        > Pakistani officials arrived in Britain for a visit.
          042 PAKGOV->GBR asserted 2025-05-02 "arrived" [verbs.tsv:042.3 src=subject tgt=slot]
        > Iraq called for the withdrawal of British troops from Syria.
          0874 GBRMIL->SYR hypothetical 2025-05-02 "withdrawal" [verbs.tsv:0874.4 src=slot tgt=slot]
        > Two Syrian suspects were shot dead by Turkish police.
          1823 TURCOP->SYRCRM asserted 2025-05-02 "shot" [verbs.tsv:1823.2 src=by-agent tgt=passive-subject passive]
    "#]].assert_eq(&got);
}
