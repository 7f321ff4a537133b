//! Dependencies read from facts: who relies on whom for what, and how much.
//!
//! `import_share`, `supply_share` and `stake` facts say that the holder gets a
//! share of something from the counterpart (or holds a share of an asset);
//! two dependencies running in opposite directions are an exchange, such as
//! arms for oil.

use crate::network::{node_code, Level};
use model::Fact;
use serde::Serialize;

/// The measures that say one actor relies on another.
pub const MEASURES: &[&str] = &["import_share", "supply_share", "stake"];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dependency {
    /// Who depends (node code at the chosen level).
    pub holder: String,
    /// On whom: a node code, else the asset named by the fact (a gas field).
    pub counterpart: String,
    /// Whether `counterpart` is an actor code rather than an asset name.
    pub counterpart_is_actor: bool,
    pub commodity: Option<String>,
    /// What a stake is held in (a gas field, a company), when the fact names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asset: Option<String>,
    pub measure: String,
    pub value: f64,
    pub approx: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Index into the fact slice.
    pub fact: usize,
}

/// Dependencies from facts, strongest first (then by holder, counterpart).
/// Facts without a holder, or without counterpart and asset, say too little.
pub fn dependencies<'a>(
    facts: impl IntoIterator<Item = &'a Fact>,
    level: Level,
) -> Vec<Dependency> {
    let mut out: Vec<Dependency> = facts
        .into_iter()
        .enumerate()
        .filter(|(_, f)| MEASURES.contains(&f.measure.as_str()) && f.value.is_finite())
        .filter_map(|(i, f)| {
            let holder = node_code(f.holder.as_ref()?, level)?;
            let (counterpart, is_actor) =
                match f.counterpart.as_ref().and_then(|c| node_code(c, level)) {
                    Some(c) => (c, true),
                    None => (f.asset.clone().filter(|a| !a.trim().is_empty())?, false),
                };
            if is_actor && counterpart == holder {
                return None;
            }
            Some(Dependency {
                holder,
                counterpart,
                counterpart_is_actor: is_actor,
                commodity: f.commodity.clone(),
                asset: f.asset.clone(),
                measure: f.measure.clone(),
                value: f.value,
                approx: f.approx,
                period: f.period.clone(),
                fact: i,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.holder.cmp(&b.holder))
            .then_with(|| a.counterpart.cmp(&b.counterpart))
            .then(a.fact.cmp(&b.fact))
    });
    out
}

/// The measures of trade: a stake is ownership, not one side of an exchange.
const TRADE: &[&str] = &["import_share", "supply_share"];

/// Exchanges: pairs of trade dependencies in opposite directions between the
/// same two actors (`deps[i]`: A on B, `deps[j]`: B on A), as index pairs with
/// `i < j`. Each dependency joins at most one exchange, its strongest
/// counterpart (`deps` is sorted strongest first).
pub fn mutual_dependencies(deps: &[Dependency]) -> Vec<(usize, usize)> {
    let trade = |d: &Dependency| d.counterpart_is_actor && TRADE.contains(&d.measure.as_str());
    let mut used = vec![false; deps.len()];
    let mut out = Vec::new();
    for (i, a) in deps.iter().enumerate() {
        if used[i] || !trade(a) {
            continue;
        }
        let partner = deps.iter().enumerate().skip(i + 1).find(|(j, b)| {
            !used[*j] && trade(b) && a.holder == b.counterpart && a.counterpart == b.holder
        });
        if let Some((j, _)) = partner {
            used[i] = true;
            used[j] = true;
            out.push((i, j));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::tests::part;

    fn fact(
        measure: &str,
        holder: &str,
        counterpart: Option<&str>,
        commodity: &str,
        value: f64,
    ) -> Fact {
        Fact {
            sentence: 0,
            span: [0, 0],
            measure: measure.into(),
            value,
            unit: "fraction".into(),
            approx: true,
            holder: Some(part(holder)),
            counterpart: counterpart.map(part),
            commodity: Some(commodity.into()),
            asset: None,
            period: None,
            rule: "test".into(),
        }
    }

    #[test]
    fn arms_for_oil_is_a_mutual_dependency() {
        let mut money = fact("money", "AZE", Some("ISR"), "weapons", 5e9);
        money.unit = "USD".into();
        let mut field = fact("supply_share", "ISR", None, "electricity", 0.7);
        field.asset = Some("Tamar".into());
        let facts = vec![
            fact("import_share", "ISR", Some("AZEBUS"), "oil", 0.4),
            money,
            fact("import_share", "AZEGOV", Some("ISR"), "weapons", 0.7),
            field,
            fact("stake", "AZEBUS", Some("ISR"), "gas", 0.1),
            fact("import_share", "AZE", Some("ISR"), "weapons", 0.6),
        ];
        let deps = dependencies(&facts, Level::Country);
        let lines: Vec<String> = deps
            .iter()
            .map(|d| {
                format!(
                    "{} <- {} {:?} {}",
                    d.holder, d.counterpart, d.commodity, d.value
                )
            })
            .collect();
        expect_test::expect![[r#"
            [
                "AZE <- ISR Some(\"weapons\") 0.7",
                "ISR <- Tamar Some(\"electricity\") 0.7",
                "AZE <- ISR Some(\"weapons\") 0.6",
                "ISR <- AZE Some(\"oil\") 0.4",
                "AZE <- ISR Some(\"gas\") 0.1",
            ]
        "#]]
        .assert_debug_eq(&lines);
        // One exchange: the stake is no trade, the second weapons figure finds no partner left.
        assert_eq!(mutual_dependencies(&deps), vec![(0, 3)]);
    }
}
