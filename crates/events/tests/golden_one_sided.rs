//! Golden test: one-sided and domestic force, unnamed protesters, and object lists that are no compound.

mod common;

use expect_test::expect;

#[test]
fn one_sided_and_domestic() {
    let got = common::golden(&[
        // Force with no actor as target: the civilians of the place.
        "Iraqi militants attacked a village near Mosul.",
        "Two civilians were killed by Syrian troops in Aleppo.",
        // Domestic fighting between groups that code alike.
        "Clashes erupted between Yemeni forces and Yemeni soldiers in Aden.",
        "Turkish forces shelled Turkish rebels.",
        // A reciprocal verb with no named opponent: an unnamed armed group of the place.
        "Gunmen clashed in Aden on Monday.",
        // Unnamed protesters: the civilians of the place, against its government.
        "Hundreds of farmers protested in Lahore.",
        "On Monday they protested in Lahore against the new tax.",
        // A list in object position is no reciprocal predicate.
        "The fighters came from Indonesia, Kyrgyzstan and Somalia.",
        "He hosted separate meetings with Turkish and Israeli officials.",
        // A compound subject of a one-sided force verb does not fight itself.
        "Turkish forces and Syrian rebels shelled a village in Syria.",
    ]);
    expect![[r#"
        > Iraqi militants attacked a village near Mosul.
          180 IRQINS->IRQCVL asserted 2025-05-02 "attacked" [verbs.tsv:180.1 src=subject tgt=implicit-civilians]
        > Two civilians were killed by Syrian troops in Aleppo.
          1823 SYRMIL->SYRCVL asserted 2025-05-02 "killed" [verbs.tsv:1823.1 src=by-agent tgt=passive-subject passive]
        > Clashes erupted between Yemeni forces and Yemeni soldiers in Aden.
          190 YEMMIL->YEMMIL asserted 2025-05-02 "Clashes" [verbs.tsv:190.10 compound]
        > Turkish forces shelled Turkish rebels.
          194 TURMIL->TURREB asserted 2025-05-02 "shelled" [verbs.tsv:194.1 src=subject tgt=slot]
        > Gunmen clashed in Aden on Monday.
          190 YEMUAF->YEMUAF asserted 2025-04-28 "clashed" [verbs.tsv:190.14 src=subject tgt=implicit-opponent]
        > Hundreds of farmers protested in Lahore.
          140 PAKCVL->PAKGOV asserted 2025-05-02 "protested" [verbs.tsv:140.2 src=subject tgt=implicit-government]
        > On Monday they protested in Lahore against the new tax.
          140 PAKCVL->PAKGOV asserted 2025-04-28 "protested" [verbs.tsv:140.2 src=implicit-civilians tgt=implicit-government]
        > The fighters came from Indonesia, Kyrgyzstan and Somalia.
          (no event)
        > He hosted separate meetings with Turkish and Israeli officials.
          (no event)
        > Turkish forces and Syrian rebels shelled a village in Syria.
          194 TURMIL->SYR asserted 2025-05-02 "shelled" [verbs.tsv:194.1 src=subject tgt=object]
          194 SYRREB->SYR asserted 2025-05-02 "shelled" [verbs.tsv:194.1 src=subject tgt=object]
    "#]].assert_eq(&got);
}

/// A fight told with no side named is between unnamed armed groups of the
/// place; fights only feared or avoided are none.
#[test]
fn fights_without_sides() {
    let got = common::golden(&[
        "On 4 May 2020, in Baghdad, a shoot-out took place near the market.",
        "There were clashes in Kabul on Monday.",
        "Residents tried to avoid a clash in Baghdad.",
        "In Baghdad, two mobs clashed with each other.",
    ]);
    expect![[r#"
        > On 4 May 2020, in Baghdad, a shoot-out took place near the market.
          190 IRQUAF->IRQUAF asserted 2020-05-04 "shoot-out" [verbs.tsv:190.22 src=implicit-side tgt=implicit-side]
        > There were clashes in Kabul on Monday.
          190 AFGUAF->AFGUAF asserted 2025-04-28 "clashes" [verbs.tsv:190.23 src=implicit-side tgt=implicit-side]
        > Residents tried to avoid a clash in Baghdad.
          (no event)
        > In Baghdad, two mobs clashed with each other.
          190 IRQCVL->IRQUAF asserted 2025-05-02 "clashed" [verbs.tsv:190.3 src=subject tgt=implicit-opponent]
    "#]].assert_eq(&got);
}
