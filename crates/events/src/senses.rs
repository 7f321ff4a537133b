//! Second senses of trigger verbs (`data/senses.tsv`): "released a
//! statement" is no release of prisoners, "met the demands" no meeting.
//! The object right after the verb tells which sense is meant.

use crate::clause::Sent;
use crate::morph::verb_forms;
use crate::tagger::Tag;
use crate::verbs::LexError;
use lexicon::table;
use std::collections::HashMap;

const SENSES_TSV: &str = include_str!("../data/senses.tsv");

/// The columns of `senses.tsv`.
pub const SENSES_HEADER: &[&str] = &["lemma", "objects"];

/// How far after the trigger an object may tell the sense.
const REACH: usize = 4;
/// How far before a passive trigger its subject (the object) may start.
const PASSIVE_REACH: usize = 24;
/// Row words that name no object noun ("warned of", "demonstrated that").
const FUNCTION_WORDS: &[&str] = &["of", "about", "against", "that", "how"];

/// Trigger forms and the objects that give them their other sense.
#[derive(Debug, Clone, Default)]
pub struct Senses {
    /// inflected form -> (objects, the row's line in the file).
    by_form: HashMap<String, (Vec<String>, usize)>,
}

impl Senses {
    pub fn builtin() -> Result<Senses, LexError> {
        Senses::parse("senses.tsv", SENSES_TSV)
    }

    pub fn parse(file: &str, src: &str) -> Result<Senses, LexError> {
        let mut s = Senses::default();
        for row in table::strict_rows(file, src, SENSES_HEADER)? {
            let f = &row.cells;
            let objects: Vec<String> = f[1]
                .split('|')
                .filter(|o| !o.is_empty())
                .map(str::to_lowercase)
                .collect();
            if f[0].is_empty() || objects.is_empty() {
                return Err(row
                    .problem("a lemma and at least one object are needed")
                    .into());
            }
            for form in verb_forms(f[0]) {
                s.by_form.insert(form, (objects.clone(), row.line));
            }
        }
        Ok(s)
    }

    /// The line of the row that reads the verb at `t` in its other sense,
    /// if the object after it says so. A pattern that names the object
    /// itself (`share * view with +`) means that sense: `named` tells.
    pub fn other_sense(
        &self,
        sent: &Sent,
        t: usize,
        named: &dyn Fn(&str) -> bool,
    ) -> Option<usize> {
        let (objects, line) = self.by_form.get(sent.words[t].lower.as_str())?;
        if objects.iter().any(|o| named(o)) {
            return None;
        }
        // "the preconditions ... have been explicitly met by the Russians":
        // in the passive the object is the subject before the verb.
        if sent.is_passive(t) {
            let clause = sent.words[t].clause;
            let hit = sent.words[t.saturating_sub(PASSIVE_REACH)..t]
                .iter()
                .any(|w| {
                    (w.clause == clause || sent.nested_in(w.clause, clause))
                        && !FUNCTION_WORDS.contains(&w.lower.as_str())
                        && objects.iter().any(|o| *o == w.lower.as_str())
                });
            return hit.then_some(*line);
        }
        // The direct object: an actor, a preposition or the end of the
        // phrase first means the verb has its event sense ("demonstrated
        // in support of", "demonstrated to denounce that"). An actor as a
        // modifier does not ("demonstrate Putin's ability", "meet a U.S.
        // request"), and a row may name a preposition ("warned of").
        let end = (t + 1 + REACH).min(sent.words.len());
        let mut i = t + 1;
        while i < end {
            let w = &sent.words[i];
            if objects.iter().any(|o| *o == w.lower.as_str()) {
                return Some(*line);
            }
            if let Some(k) = w.mention {
                let after = sent.mentions[k].end;
                match sent.words.get(after) {
                    Some(n) if n.tag == Tag::Poss => {
                        i = after + 1;
                        continue;
                    }
                    Some(n)
                        if n.tag == Tag::Word && objects.iter().any(|o| *o == n.lower.as_str()) =>
                    {
                        return Some(*line);
                    }
                    _ => return None,
                }
            }
            if w.lower == "to"
                || matches!(
                    w.tag,
                    Tag::Prep | Tag::Comma | Tag::Punct | Tag::Boundary | Tag::Conj
                )
            {
                return None;
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_reads() {
        let s = Senses::builtin().expect("senses.tsv parses");
        assert!(s.by_form.contains_key("released"));
        assert!(s.by_form.contains_key("met"));
        assert!(s.by_form.contains_key("receiving"));
    }

    #[test]
    fn a_row_without_objects_names_its_line() {
        let err = Senses::parse("x.tsv", "lemma\tobjects\nrelease\t\n").unwrap_err();
        assert!(err.to_string().contains("x.tsv"), "{err}");
    }
}
