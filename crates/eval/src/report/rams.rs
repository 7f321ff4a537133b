//! `entente eval rams`: event coding against RAMS 1.0 (news windows of up to
//! five sentences, one annotated trigger each). Trigger types that CAMEO
//! covers map to root families (`data/rams_cameo.tsv`); a window counts when
//! an event of a fitting root is coded in the trigger's sentence, and its
//! source counts when, where RAMS names the acting argument (attacker,
//! communicator, giver...), a fitting event's source overlaps it.

use crate::{Code, Error};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The built-in type mapping.
pub const MAP: &str = include_str!("../../data/rams_cameo.tsv");

/// One row of the mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// A type, or a prefix ending in '.'.
    pub rams: String,
    pub roots: Vec<String>,
    pub source_role: Option<String>,
}

/// Reads the mapping table.
pub fn mappings(src: &str) -> Result<Vec<Mapping>, lexicon::table::Problem> {
    lexicon::table::strict_rows("rams_cameo.tsv", src, &["type", "roots", "source_role"])?
        .iter()
        .map(|r| {
            let roots: Vec<String> = r.cells[1]
                .split(',')
                .map(|s| s.trim().to_string())
                .collect();
            if roots
                .iter()
                .any(|x| x.len() != 2 || !x.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(r.problem(format!(
                    "roots must be two-digit CAMEO roots, not {:?}",
                    r.cells[1]
                )));
            }
            Ok(Mapping {
                rams: r.cells[0].to_string(),
                roots,
                source_role: (r.cells[2] != "-").then(|| r.cells[2].to_string()),
            })
        })
        .collect()
}

/// The most specific mapping of a RAMS type, if any.
pub fn mapping_of<'m>(maps: &'m [Mapping], ty: &str) -> Option<&'m Mapping> {
    maps.iter()
        .filter(|m| {
            if m.rams.ends_with('.') {
                ty.starts_with(&m.rams)
            } else {
                ty == m.rams
            }
        })
        .max_by_key(|m| m.rams.len())
}

/// The role name of a RAMS argument label: "evt089arg01victim" -> "victim".
pub fn role_name(label: &str) -> &str {
    label
        .find("arg")
        .and_then(|i| label.get(i + 5..))
        .unwrap_or(label)
}

#[derive(Debug, Default, Clone, Copy)]
struct Count {
    windows: usize,
    fitting: usize,
    with_source: usize,
    source_right: usize,
}

fn pct(a: usize, b: usize) -> String {
    format!("{a}/{b} = {:.1}%", 100.0 * a as f64 / b.max(1) as f64)
}

/// Scores the coder on every RAMS window whose trigger type maps to CAMEO.
pub fn run(path: &Path, code: Code, out: &mut dyn Write) -> Result<(), Error> {
    let maps = mappings(MAP).map_err(|e| Error::NotTheCorpus(e.to_string()))?;
    let src = std::fs::read_to_string(path)
        .map_err(Error::io(|| format!("reading {}", path.display())))?;
    let opts = ingest::Options {
        default_date: chrono::NaiveDate::from_ymd_opt(2016, 6, 1),
        today: chrono::NaiveDate::from_ymd_opt(2016, 6, 1).unwrap_or_default(),
        max_bytes: usize::MAX,
        csv: Default::default(),
    };
    let mut by_type: BTreeMap<String, Count> = BTreeMap::new();
    let mut all = Count::default();
    let mut windows = 0;
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| Error::NotTheCorpus(format!("{}:{}: {what}", path.display(), i + 1));
        let v: serde_json::Value = serde_json::from_str(line).map_err(|source| Error::Json {
            what: format!("{}:{}", path.display(), i + 1),
            source,
        })?;
        windows += 1;
        let Some(sents) = v["sentences"].as_array() else {
            return Err(bad("no sentences"));
        };
        // The window's text: tokens joined by spaces, a blank line between
        // sentences; every token's byte range and sentence kept.
        let mut text = String::new();
        let mut toks: Vec<([usize; 2], usize)> = Vec::new();
        let mut sent_range: Vec<[usize; 2]> = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            if k > 0 {
                text.push_str("\n\n");
            }
            let start = text.len();
            for (j, t) in s.as_array().into_iter().flatten().enumerate() {
                if j > 0 {
                    text.push(' ');
                }
                let w = t.as_str().unwrap_or("");
                toks.push(([text.len(), text.len() + w.len()], k));
                text.push_str(w);
            }
            sent_range.push([start, text.len()]);
        }
        let trig = &v["evt_triggers"][0];
        let (Some(t0), Some(ty)) = (trig[0].as_u64(), trig[2][0][0].as_str()) else {
            return Err(bad("no event trigger"));
        };
        let Some(map) = mapping_of(&maps, ty) else {
            continue;
        };
        let Some(&(_, sent)) = toks.get(t0 as usize) else {
            return Err(bad("trigger outside the window"));
        };
        let range = sent_range[sent];
        // The acting argument's byte ranges, where RAMS names one.
        let mut gold_src: Vec<[usize; 2]> = Vec::new();
        for link in v["gold_evt_links"].as_array().into_iter().flatten() {
            let role = link[2].as_str().map(role_name);
            if role.is_some() && role == map.source_role.as_deref() {
                if let (Some(a), Some(b)) = (link[1][0].as_u64(), link[1][1].as_u64()) {
                    if let (Some(x), Some(y)) = (toks.get(a as usize), toks.get(b as usize)) {
                        gold_src.push([x.0[0], y.0[1]]);
                    }
                }
            }
        }
        let doc = serde_json::json!({"id": v["doc_key"], "text": text}).to_string();
        let parsed = ingest::parse(doc.as_bytes(), ingest::Format::Jsonl, "rams", &opts)
            .map_err(|e| bad(&e.to_string()))?;
        let events: Vec<model::Event> = parsed
            .documents
            .into_iter()
            .flat_map(|d| code(d).events)
            .collect();
        let fitting: Vec<&model::Event> = events
            .iter()
            .filter(|e| {
                e.span[0] >= range[0] && e.span[1] <= range[1] && map.roots.contains(&e.root)
            })
            .collect();
        let overlaps = |a: [usize; 2], b: [usize; 2]| a[0] < b[1] && b[0] < a[1];
        let c = by_type.entry(map.rams.clone()).or_default();
        for c in [c, &mut all] {
            c.windows += 1;
            c.fitting += usize::from(!fitting.is_empty());
            if !gold_src.is_empty() {
                c.with_source += 1;
                c.source_right += usize::from(
                    fitting
                        .iter()
                        .any(|e| gold_src.iter().any(|&g| overlaps(e.source.span, g))),
                );
            }
        }
    }
    writeln!(
        out,
        "RAMS {}: {windows} windows, {} with a trigger type CAMEO covers",
        path.display(),
        all.windows
    )?;
    writeln!(out, "| trigger type | windows | fitting event in the trigger's sentence | right source (where RAMS names it) |")?;
    writeln!(out, "|---|---:|---:|---:|")?;
    for (t, c) in by_type
        .iter()
        .map(|(t, c)| (t.as_str(), c))
        .chain([("all", &all)])
    {
        writeln!(
            out,
            "| {t} | {} | {} | {} |",
            c.windows,
            pct(c.fitting, c.windows),
            pct(c.source_right, c.with_source)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mapping_reads_and_picks_the_most_specific_row() {
        let maps = mappings(MAP).expect("rams_cameo.tsv reads");
        let m = mapping_of(&maps, "conflict.attack.airstrikemissilestrike").expect("attacks map");
        assert_eq!(m.roots, ["18", "19", "20"]);
        assert_eq!(m.source_role.as_deref(), Some("attacker"));
        assert_eq!(
            mapping_of(&maps, "transaction.transfermoney.giftgrantprovideaid")
                .map(|m| m.roots.clone()),
            Some(vec!["07".to_string()])
        );
        assert!(mapping_of(&maps, "life.die.nonviolentdeath").is_none());
        assert_eq!(role_name("evt089arg01victim"), "victim");
        assert!(mappings("type\troots\tsource_role\nx.\t4\t-\n").is_err());
    }
}
