//! Golden test: who acts when the nearest actor does not (passives hit by
//! an event noun, suspects held, lists after a preposition, relative
//! clauses, pairs of sides, plots and things that strike).

mod common;

use expect_test::expect;

#[test]
fn subjects_that_do_not_act() {
    let got = common::golden(&[
        "A US official was killed on Sunday by a mortar attack on a US Army base.",
        "Kenyan police arrested a man in the killing of two Somali traders.",
        "Two Kenyan men were arrested by the police for attacking Somali traders.",
        "In the fight against Isis and al-Qaida, Iraqi police detained ten Syrians.",
        "Militants who killed two hostages are threatening to execute an American.",
        "Families who claim their children were kidnapped by the PKK protested in Turkey.",
        "The blast was the second deadly blast to strike Afghanistan this week.",
    ]);
    expect![[r#"
        > A US official was killed on Sunday by a mortar attack on a US Army base.
          (no event)
        > Kenyan police arrested a man in the killing of two Somali traders.
          173 KENCOP->KENCVL asserted 2025-05-02 "arrested" [verbs.tsv:173.1 src=subject tgt=slot]
        > Two Kenyan men were arrested by the police for attacking Somali traders.
          173 KENCOP->KENCVL asserted 2025-05-02 "arrested" [verbs.tsv:173.1 src=by-agent tgt=passive-subject passive]
          180 KENCVL->SOMBUS asserted 2025-05-02 "attacking" [verbs.tsv:180.1 src=subject tgt=slot]
        > In the fight against Isis and al-Qaida, Iraqi police detained ten Syrians.
          173 IRQCOP->SYR asserted 2025-05-02 "detained" [verbs.tsv:173.2 src=subject tgt=slot]
        > Militants who killed two hostages are threatening to execute an American.
          1823 USAINS->USACVL asserted 2025-05-02 "killed" [verbs.tsv:1823.1 src=subject tgt=slot]
          130 USAINS->USA asserted 2025-05-02 "threatening" [verbs.tsv:130.1 src=subject tgt=object]
        > Families who claim their children were kidnapped by the PKK protested in Turkey.
          181 TURUAF->TURCVL asserted 2025-05-02 "kidnapped" [verbs.tsv:181.2 src=implicit-perpetrator tgt=passive-subject passive]
          140 TURCVL->TUR asserted 2025-05-02 "protested" [verbs.tsv:140.2 src=subject tgt=object]
        > The blast was the second deadly blast to strike Afghanistan this week.
          (no event)
    "#]].assert_eq(&got);
}

#[test]
fn sides_and_places_that_are_no_targets() {
    let got = common::golden(&[
        "The war has led to clashes between Iran and Israel, Syria and Israel, and Turkey and the Kurds.",
        "Isis has carried out attacks in countries other than Iraq and Syria.",
        "The US reimposed sanctions lifted under former president Barack Obama on Iran.",
        "British citizens travelled to Syria in 2014.",
        "Sudan's government lifted a state of emergency in Sudan.",
    ]);
    expect![[r#"
        > The war has led to clashes between Iran and Israel, Syria and Israel, and Turkey and the Kurds.
          190 IRN->ISR asserted 2025-05-02 "clashes" [verbs.tsv:190.14 compound]
          190 SYR->ISR asserted 2025-05-02 "clashes" [verbs.tsv:190.14 compound]
        > Isis has carried out attacks in countries other than Iraq and Syria.
          (no event)
        > The US reimposed sanctions lifted under former president Barack Obama on Iran.
          163 USA->IRN asserted 2025-05-02 "sanctions" [verbs.tsv:163.2 src=subject tgt=object]
        > British citizens travelled to Syria in 2014.
          (no event)
        > Sudan's government lifted a state of emergency in Sudan.
          0814 SDNGOV->SDN asserted 2025-05-02 "lifted" [verbs.tsv:0814.1 src=subject tgt=slot]
    "#]].assert_eq(&got);
}

#[test]
fn acts_that_did_not_or_may_not_happen() {
    let got = common::golden(&[
        "Ecuadorean police barred the judges from returning to Ecuador.",
        "China rejected suggestions that it consider accepting Taiwan's offer of talks.",
        "Four Cuban men accused of planning to kill the Panamanian president were pardoned.",
        "The EU should not attach conditions to Turkey's bid to start membership talks.",
        "Farm groups petitioned the US government to file a trade case against China.",
    ]);
    expect![[r#"
        > Ecuadorean police barred the judges from returning to Ecuador.
          (no event)
        > China rejected suggestions that it consider accepting Taiwan's offer of talks.
          120 CHN->TWN asserted 2025-05-02 "rejected" [verbs.tsv:120.1 src=subject tgt=object]
          080 CHN->TWN hypothetical 2025-05-02 "accepting" [verbs.tsv:080.5 src=subject tgt=slot]
          046 CHN->TWN asserted 2025-05-02 "talks" [verbs.tsv:046.9 src=subject tgt=predicate]
        > Four Cuban men accused of planning to kill the Panamanian president were pardoned.
          1823 CUBCVL->PANGOV planned 2025-05-02 "kill" [verbs.tsv:1823.1 src=subject tgt=slot]
        > The EU should not attach conditions to Turkey's bid to start membership talks.
          (no event)
        > Farm groups petitioned the US government to file a trade case against China.
          115 USAGOV->CHN hypothetical 2025-05-02 "file" [verbs.tsv:115.3 src=asked tgt=slot]
    "#]]
    .assert_eq(&got);
}
