//! The reporting-cue table (`data/cues.tsv`), parsed once.

use lexicon::table::{self, Problem};
use std::sync::OnceLock;

/// The built-in cue table, as written.
pub const CUES_TSV: &str = include_str!("../../data/cues.tsv");

/// How a cue introduces what is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A reporting verb: `X said ...`, `"...," said X`.
    Verb,
    /// `according to X`.
    According,
    /// A cue noun before a colon: `the following conclusion: "..."`.
    Noun,
}

/// What must follow the cue for an indirect quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Any,
    That,
    Obj,
}

/// One row of `cues.tsv`.
#[derive(Debug, Clone)]
pub struct Cue {
    pub words: Vec<String>,
    pub style: Style,
    pub needs: Needs,
    pub example: String,
    /// 1-based line in `cues.tsv`, for rule ids.
    pub line: usize,
}

/// The columns of `cues.tsv`.
pub const CUES_HEADER: &[&str] = &["cue", "style", "needs", "example"];

/// Parses a cue table; every malformed line is an error naming its line.
pub fn parse(tsv: &str) -> Result<Vec<Cue>, Problem> {
    let mut out = Vec::new();
    for row in table::strict_rows("cues.tsv", tsv, CUES_HEADER)? {
        let f = &row.cells;
        let err = |m: &str| row.problem(m);
        let style = match f[1] {
            "verb" => Style::Verb,
            "according" => Style::According,
            "noun" => Style::Noun,
            _ => return Err(err("style must be verb, according or noun")),
        };
        let needs = match f[2] {
            "any" => Needs::Any,
            "that" => Needs::That,
            "obj" => Needs::Obj,
            _ => return Err(err("needs must be any, that or obj")),
        };
        let words: Vec<String> = f[0].split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Err(err("empty cue"));
        }
        out.push(Cue {
            words,
            style,
            needs,
            example: f[3].to_string(),
            line: row.line,
        });
    }
    Ok(out)
}

/// The built-in cues indexed by their first word.
pub struct CueTable {
    pub cues: Vec<Cue>,
    pub by_first: super::lex::FnvMap<String, Vec<usize>>,
    /// Rules out most words before `by_first` is asked.
    pub(crate) first_filter: super::lex::WordFilter,
}

impl CueTable {
    fn new(cues: Vec<Cue>) -> CueTable {
        let mut by_first: super::lex::FnvMap<String, Vec<usize>> = Default::default();
        for (i, c) in cues.iter().enumerate() {
            by_first.entry(c.words[0].clone()).or_default().push(i);
        }
        // Longest cue first, so "pointed out" wins over a shorter one.
        for v in by_first.values_mut() {
            v.sort_by_key(|&i| std::cmp::Reverse(cues[i].words.len()));
        }
        let first_filter = super::lex::WordFilter::new(by_first.keys().map(String::as_str));
        CueTable {
            cues,
            by_first,
            first_filter,
        }
    }

    /// The cue starting at word `i` of `words`, with its length in words.
    pub fn at<'a>(&'a self, words: &[&str], i: usize) -> Option<(&'a Cue, usize)> {
        let first = words.get(i)?;
        for &ci in self.by_first.get(*first)? {
            let c = &self.cues[ci];
            let n = c.words.len();
            if i + n <= words.len() && c.words.iter().zip(&words[i..i + n]).all(|(a, b)| a == b) {
                return Some((c, n));
            }
        }
        None
    }
}

/// The built-in table (a malformed built-in line is skipped here and caught by a test).
pub fn table() -> &'static CueTable {
    static T: OnceLock<CueTable> = OnceLock::new();
    T.get_or_init(|| CueTable::new(parse(CUES_TSV).unwrap_or_default()))
}
