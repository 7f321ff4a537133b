//! Generic actor nouns ("protesters", "gunmen", "a journalist"): participants
//! whose country comes from the sentence's place or the text's context.

use crate::clause::Sent;
use crate::verbs::LexError;
use lexicon::table;

const GENERIC_TSV: &str = include_str!("../data/generic.tsv");

/// The columns of `generic.tsv`.
pub const GENERIC_HEADER: &[&str] = &["role", "forms"];

/// A generic noun found in a sentence: words `[start, end)` and its role.
#[derive(Debug, Clone, PartialEq)]
pub struct GenericHit {
    pub start: usize,
    pub end: usize,
    pub role: String,
}

#[derive(Debug, Clone, Default)]
pub struct Generic {
    /// first word -> (all words, role), longest first.
    index: crate::wordtab::WordTable<Vec<(Vec<String>, String)>>,
}

impl Generic {
    pub fn builtin() -> Result<Generic, LexError> {
        Generic::parse("generic.tsv", GENERIC_TSV)
    }

    pub fn parse(file: &str, src: &str) -> Result<Generic, LexError> {
        let mut g = Generic::default();
        for row in table::strict_rows(file, src, GENERIC_HEADER)? {
            let f = &row.cells;
            if f[0].len() != 3 {
                return Err(row.problem("role must be a three-letter code").into());
            }
            for form in f[1].split('|').filter(|s| !s.is_empty()) {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    g.index
                        .get_or_insert_with(first, Vec::new)
                        .push((words, f[0].to_string()));
                }
            }
        }
        for v in g.index.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        Ok(g)
    }

    /// Generic nouns on words no mention covers.
    pub fn find(&self, sent: &Sent) -> Vec<GenericHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < sent.words.len() {
            let w = &sent.words[i];
            let mut hit = None;
            if w.mention.is_none() {
                use crate::verbs::TriggerWord;
                for (words, role) in w
                    .lower
                    .look_up(&self.index)
                    .map(|v| v.as_slice())
                    .unwrap_or(&[])
                {
                    let n = words.len();
                    if i + n <= sent.words.len()
                        && (0..n).all(|d| {
                            sent.words[i + d].mention.is_none()
                                && sent.words[i + d].lower == words[d].as_str()
                        })
                    {
                        hit = Some(GenericHit {
                            start: i,
                            end: i + n,
                            role: role.clone(),
                        });
                        break;
                    }
                }
            }
            match hit {
                Some(h) => {
                    i = h.end;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }
}
