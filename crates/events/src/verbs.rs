//! The verb lexicon: patterns that turn a verb or noun phrase into a CAMEO code.
//!
//! A pattern is a space-separated sequence read left to right from the trigger:
//! - the first word is the trigger: for `verb` rows a lemma matched in every
//!   inflection (visit, visits, visited, visiting), for `noun` rows a head noun
//!   matched singular or plural;
//! - `word` is a literal (singular or plural); `a|b` are alternatives;
//! - `@lemma` is a verb matched in any inflection after the trigger;
//! - `*` skips up to seven words inside the clause, `**` one to seven;
//! - `+` is an actor slot: the target (two `+` in `between + and +` give two targets);
//! - `$` is a source slot (`dissatisfaction from $`).
//!
//! Roles not in the pattern come from the clause analyser (`clause.rs`).

use lexicon::table::{self, Problem};
use thiserror::Error;

use crate::cameo::CameoTable;
use crate::morph::{noun_forms, verb_forms};

const VERBS_TSV: &str = include_str!("../data/verbs.tsv");

#[derive(Debug, Error, Clone, PartialEq)]
pub enum LexError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
}

impl From<Problem> for LexError {
    fn from(p: Problem) -> LexError {
        LexError::Parse {
            file: p.file,
            line: p.line,
            message: p.message,
        }
    }
}

/// The columns of `verbs.tsv`.
pub const VERBS_HEADER: &[&str] = &["id", "kind", "pattern", "cameo", "example"];

/// Whether the trigger is a verb or a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Verb,
    Noun,
}

/// One element of a pattern after the trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// Any of these surface forms.
    Word(Vec<String>),
    /// Any word starting with one of these stems (PETRARCH's unmarked words).
    Prefix(Vec<String>),
    /// Skip up to seven words.
    Gap,
    /// Skip one to seven words (`**`): "return ** to +" needs an object.
    Gap1,
    /// A target actor.
    Target,
    /// A source actor.
    Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Stable id: `verbs.tsv:<id>` for our rows, `petrarch:<file>:<line>` for overlays.
    pub id: String,
    pub kind: Kind,
    /// Surface forms of the trigger word.
    pub trigger: Vec<String>,
    pub elems: Vec<Elem>,
    pub cameo: String,
    pub example: String,
    /// The pattern as written.
    pub text: String,
}

impl Pattern {
    /// Builds a pattern from its written form.
    pub fn parse(
        id: &str,
        kind: Kind,
        text: &str,
        cameo: &str,
        example: &str,
    ) -> Result<Pattern, String> {
        let mut words = text.split_whitespace();
        let first = words.next().ok_or("empty pattern")?;
        if matches!(first, "+" | "$" | "*") || first.starts_with('@') {
            return Err(format!(
                "pattern must start with its trigger word, not {first:?}"
            ));
        }
        let mut trigger = Vec::new();
        for alt in first.split('|') {
            match kind {
                Kind::Verb => trigger.extend(verb_forms(alt)),
                Kind::Noun => trigger.extend(noun_forms(alt)),
            }
        }
        let mut elems = Vec::new();
        for w in words {
            elems.push(match w {
                "*" => Elem::Gap,
                "**" => Elem::Gap1,
                "+" => Elem::Target,
                "$" => Elem::Source,
                _ if w.starts_with('@') => {
                    Elem::Word(w[1..].split('|').flat_map(verb_forms).collect())
                }
                _ => Elem::Word(
                    w.split('|')
                        .flat_map(|a| {
                            if a.chars().all(|c| c.is_alphabetic()) && a.len() > 3 {
                                noun_forms(a)
                            } else {
                                vec![a.to_lowercase()]
                            }
                        })
                        .collect(),
                ),
            });
        }
        if matches!(elems.last(), Some(Elem::Gap | Elem::Gap1)) {
            return Err("pattern cannot end with `*`".into());
        }
        Ok(Pattern {
            id: id.to_string(),
            kind,
            trigger,
            elems,
            cameo: cameo.to_string(),
            example: example.to_string(),
            text: text.to_string(),
        })
    }

    /// Number of literal words: longer patterns win over shorter ones.
    pub fn specificity(&self) -> usize {
        1 + self
            .elems
            .iter()
            .filter(|e| matches!(e, Elem::Word(_)))
            .count()
            * 2
            + self
                .elems
                .iter()
                .filter(|e| matches!(e, Elem::Target | Elem::Source))
                .count()
    }
}

/// All patterns, indexed by trigger form.
#[derive(Debug, Clone, Default)]
pub struct VerbLexicon {
    pub patterns: Vec<Pattern>,
    index: crate::wordtab::WordTable<Vec<usize>>,
}

impl VerbLexicon {
    /// Our own patterns from `data/verbs.tsv`.
    pub fn builtin() -> Result<VerbLexicon, LexError> {
        let cameo = CameoTable::builtin()?;
        let mut v = VerbLexicon::default();
        v.add_tsv("verbs.tsv", VERBS_TSV, &cameo)?;
        Ok(v)
    }

    /// Adds rows of a `verbs.tsv`-shaped file (`id kind pattern cameo example`).
    pub fn add_tsv(&mut self, file: &str, src: &str, cameo: &CameoTable) -> Result<(), LexError> {
        let mut seen = std::collections::HashSet::new();
        for row in table::strict_rows(file, src, VERBS_HEADER)? {
            let err = |message: String| LexError::from(row.problem(message));
            let f = &row.cells;
            let kind = match f[1] {
                "verb" => Kind::Verb,
                "noun" => Kind::Noun,
                k => return Err(err(format!("kind must be verb or noun, not {k:?}"))),
            };
            if cameo.get(f[3]).is_none() {
                return Err(err(format!("unknown CAMEO code {:?}", f[3])));
            }
            if !seen.insert(f[0].to_string()) {
                return Err(err(format!("duplicate id {:?}", f[0])));
            }
            let p =
                Pattern::parse(&format!("{file}:{}", f[0]), kind, f[2], f[3], f[4]).map_err(err)?;
            self.push(p);
        }
        Ok(())
    }

    pub fn push(&mut self, p: Pattern) {
        let i = self.patterns.len();
        for t in &p.trigger {
            self.index.get_or_insert_with(t, Vec::new).push(i);
        }
        self.patterns.push(p);
    }

    /// Patterns whose trigger has this lower-case surface form.
    pub fn triggered_by<W: TriggerWord + ?Sized>(&self, word: &W) -> &[usize] {
        word.look_up(&self.index)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

impl VerbLexicon {
    /// Our patterns plus those read from PETRARCH/TABARI verb dictionaries
    /// (`(file name, contents)` pairs read by the caller). Ours come first, so
    /// they win ties; the overlay's skipped lines are returned as messages.
    pub fn with_petrarch(
        files: &[(String, String)],
    ) -> Result<(VerbLexicon, Vec<String>), LexError> {
        let cameo = CameoTable::builtin()?;
        let mut v = VerbLexicon::builtin()?;
        let mut skipped = Vec::new();
        for (name, src) in files {
            let o = crate::petrarch::read_verbs(name, src, &cameo);
            for p in o.patterns {
                v.push(p);
            }
            skipped.extend(o.skipped);
        }
        Ok((v, skipped))
    }
}

/// A word [`VerbLexicon::triggered_by`] can look up: a `str`, or a sentence
/// word's [`Lower`](crate::clause::Lower), already packed for the table.
pub trait TriggerWord {
    fn look_up<'t, V>(&self, t: &'t crate::wordtab::WordTable<V>) -> Option<&'t V>;
}

impl TriggerWord for str {
    #[inline]
    fn look_up<'t, V>(&self, t: &'t crate::wordtab::WordTable<V>) -> Option<&'t V> {
        t.get(self)
    }
}

impl TriggerWord for crate::clause::Lower {
    #[inline]
    fn look_up<'t, V>(&self, t: &'t crate::wordtab::WordTable<V>) -> Option<&'t V> {
        match self.key() {
            Some(k) => t.get_key(&k),
            None => t.get(self.as_str()),
        }
    }
}
