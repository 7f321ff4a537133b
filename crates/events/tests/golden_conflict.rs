//! Golden test: attacks, fighting and coercion.

mod common;

use expect_test::expect;

#[test]
fn conflict() {
    let got = common::golden(&[
        "Syria repelled hundreds of Israeli Air Force attacks.",
        "Israel struck Iran.",
        "Russia invaded Ukraine.",
        "Iran's attack on Israel failed.",
        "Israeli forces killed Palestinians.",
        "The United States imposed sanctions on Iran.",
        "Turkish police arrested Syrian militants.",
        "Arafat fought for the Palestinian cause.",
        "Chechen volunteers fought for Russia.",
        // The means and the doer tell conventional force from unconventional
        // violence, and poison gas from both.
        "Israeli helicopters attacked Syrian rebels near Quneitra.",
        "An Israeli tank opened fire and killed three Egyptian soldiers.",
        "Iraqi forces launched a major assault on Sunni militants.",
        "Sunni militants attacked Iraqi soldiers.",
        "The Syrian army attacked Syrian rebels with sarin.",
        // The second conjunct of a prepositional phrase is no subject.
        "Iraqi insurgents fired at American and Iraqi outposts, killing ten Iraqi policemen.",
        "The United States imposed new economic sanctions on Russia.",
    ]);
    expect![[r#"
        > Syria repelled hundreds of Israeli Air Force attacks.
          190 SYR->ISRMIL asserted 2025-05-02 "repelled" [verbs.tsv:190.2 src=subject tgt=slot]
        > Israel struck Iran.
          195 ISR->IRN asserted 2025-05-02 "struck" [verbs.tsv:195.4 src=subject tgt=slot]
        > Russia invaded Ukraine.
          192 RUS->UKR asserted 2025-05-02 "invaded" [verbs.tsv:192.2 src=subject tgt=slot]
        > Iran's attack on Israel failed.
          190 IRN->ISR asserted 2025-05-02 "attack" [verbs.tsv:180.2 src=possessive tgt=slot means=state]
        > Israeli forces killed Palestinians.
          1823 ISRMIL->PSE asserted 2025-05-02 "killed" [verbs.tsv:1823.1 src=subject tgt=slot]
        > The United States imposed sanctions on Iran.
          163 USA->IRN asserted 2025-05-02 "imposed" [verbs.tsv:163.1 src=subject tgt=slot]
        > Turkish police arrested Syrian militants.
          173 TURCOP->SYRINS asserted 2025-05-02 "arrested" [verbs.tsv:173.1 src=subject tgt=slot]
        > Arafat fought for the Palestinian cause.
          (no event)
        > Chechen volunteers fought for Russia.
          (no event)
        > Israeli helicopters attacked Syrian rebels near Quneitra.
          195 ISR->SYRREB asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot means=air]
        > An Israeli tank opened fire and killed three Egyptian soldiers.
          194 ISR->EGYMIL asserted 2025-05-02 "killed" [verbs.tsv:1823.1 src=subject tgt=slot means=artillery]
        > Iraqi forces launched a major assault on Sunni militants.
          190 IRQMIL->IRQINS asserted 2025-05-02 "assault" [verbs.tsv:182.1 src=subject tgt=object means=state]
        > Sunni militants attacked Iraqi soldiers.
          180 IRQINS->IRQMIL asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot]
        > The Syrian army attacked Syrian rebels with sarin.
          2041 SYRMIL->SYRREB asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=slot means=chemical]
        > Iraqi insurgents fired at American and Iraqi outposts, killing ten Iraqi policemen.
          190 IRQINS->USA asserted 2025-05-02 "fired" [verbs.tsv:190.12 src=subject tgt=slot]
          190 IRQINS->IRQ asserted 2025-05-02 "fired" [verbs.tsv:190.12 src=subject tgt=slot]
          1823 IRQINS->IRQCOP asserted 2025-05-02 "killing" [verbs.tsv:1823.1 src=subject tgt=slot]
        > The United States imposed new economic sanctions on Russia.
          163 USA->RUS asserted 2025-05-02 "imposed" [verbs.tsv:163.6 src=subject tgt=slot]
    "#]]
    .assert_eq(&got);
}
