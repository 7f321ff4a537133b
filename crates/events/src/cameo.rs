//! The CAMEO code table: names, Goldstein weights, quad classes and PLOVER types.

use crate::verbs::LexError;
use lexicon::table;

const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");

/// The columns of `cameo.tsv`.
pub const CAMEO_HEADER: &[&str] = &[
    "code",
    "name",
    "goldstein",
    "quad",
    "plover",
    "mode",
    "context",
];

/// What one CAMEO code means and how it scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub quad: u8,
    /// PLOVER event type; empty for codes the CAMEO->PLOVER table leaves out (01x).
    pub plover: String,
    pub mode: Option<String>,
}

/// Every CAMEO code, keyed by code.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: crate::tagger::WordMap<String, CameoInfo>,
    order: Vec<String>,
}

impl CameoTable {
    /// The table compiled in from `data/cameo.tsv`.
    pub fn builtin() -> Result<CameoTable, LexError> {
        CameoTable::parse("cameo.tsv", CAMEO_TSV)
    }

    pub fn parse(file: &str, src: &str) -> Result<CameoTable, LexError> {
        let mut t = CameoTable::default();
        for row in table::strict_rows(file, src, CAMEO_HEADER)? {
            let err = |message: String| LexError::from(row.problem(message));
            let f = &row.cells;
            let code = f[0].to_string();
            if !(code.len() == 3 || code.len() == 4) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(format!("bad CAMEO code {code:?}")));
            }
            let goldstein: f64 = f[2]
                .parse()
                .map_err(|_| err(format!("bad goldstein {:?}", f[2])))?;
            let quad: u8 = f[3]
                .parse()
                .map_err(|_| err(format!("bad quad {:?}", f[3])))?;
            if !(1..=4).contains(&quad) || !(-10.0..=10.0).contains(&goldstein) {
                return Err(err("quad or goldstein out of range".into()));
            }
            if t.codes.contains_key(&code) {
                return Err(err(format!("duplicate code {code}")));
            }
            let mode = (!f[5].is_empty()).then(|| f[5].to_string());
            t.order.push(code.clone());
            t.codes.insert(
                code.clone(),
                CameoInfo {
                    code,
                    name: f[1].to_string(),
                    goldstein,
                    quad,
                    plover: f[4].to_string(),
                    mode,
                },
            );
        }
        Ok(t)
    }

    pub fn get(&self, code: &str) -> Option<&CameoInfo> {
        self.codes.get(code)
    }

    /// Codes in file order.
    pub fn codes(&self) -> impl Iterator<Item = &CameoInfo> {
        self.order.iter().filter_map(|c| self.codes.get(c))
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_complete_and_sorted() {
        let t = CameoTable::builtin().expect("cameo.tsv parses");
        assert!(t.len() > 280, "{}", t.len());
        let codes: Vec<&str> = t.codes().map(|c| c.code.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|c| (c[..3].to_string(), c.len(), c.to_string()));
        assert_eq!(codes, sorted);
        for root in 1..=20 {
            let r = format!("{root:02}0");
            assert!(t.get(&r).is_some(), "missing root code {r}");
        }
        // Spot checks against the published Goldstein scale.
        for (c, g) in [
            ("010", 0.0),
            ("020", 3.0),
            ("036", 4.0),
            ("040", 1.0),
            ("042", 1.9),
            ("043", 2.8),
            ("045", 5.0),
            ("046", 7.0),
            ("051", 3.4),
            ("057", 8.0),
            ("061", 6.4),
            ("062", 7.4),
            ("064", 7.0),
            ("087", 9.0),
            ("190", -10.0),
            ("0874", 10.0),
        ] {
            assert_eq!(t.get(c).map(|i| i.goldstein), Some(g), "{c}");
        }
        assert_eq!(t.get("042").map(|i| i.plover.as_str()), Some("CONSULT"));
        assert_eq!(
            t.get("042").and_then(|i| i.mode.clone()).as_deref(),
            Some("visit")
        );
        assert_eq!(t.get("145").map(|i| i.quad), Some(4));
    }
}
