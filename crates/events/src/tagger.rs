//! A small rule tagger: closed-class word lists plus suffix rules, enough to
//! find auxiliaries, prepositions, conjunctions and clause boundaries.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::wordtab::WordTable;

/// A fast, non-keyed hasher for the word tables (closed classes, verb
/// triggers, generic nouns, place names): every word of every sentence is
/// looked up, and the keys are our own data, so SipHash's DoS resistance buys
/// nothing here. The multiply-rotate scheme of rustc's FxHasher.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` over [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Coarse word classes the clause analyser needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Det,
    /// `'s` after a noun.
    Poss,
    /// his, her, its, their, our, my, your.
    PossPron,
    Pron,
    /// be, have, do forms.
    Aux,
    /// will, would, can, could, may, might, shall, should, must.
    Modal,
    Neg,
    Prep,
    /// and, or, nor.
    Conj,
    /// who, which, that, whom, whose, where.
    Rel,
    /// if, because, although, though, whereas, unless, while.
    Subord,
    /// Comma.
    Comma,
    /// Hard clause boundary: ; : ( ) quotes, dashes.
    Boundary,
    /// Sentence-final or other punctuation.
    Punct,
    Adv,
    Number,
    Word,
}

const DETS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "any", "some", "each", "every", "all",
    "both", "no", "another", "such", "several", "many", "other",
];
const POSS_PRON: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];
const PRONS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "me",
    "itself",
    "themselves",
    "himself",
    "herself",
];
const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
    "does", "did",
];
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "'ll",
];
const NEGS: &[&str] = &["not", "n't", "never"];
const PREPS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "into",
    "onto",
    "against",
    "between",
    "among",
    "amid",
    "over",
    "under",
    "about",
    "after",
    "before",
    "during",
    "through",
    "across",
    "toward",
    "towards",
    "within",
    "without",
    "near",
    "despite",
    "via",
    "upon",
    "around",
    "along",
    "alongside",
    "beside",
    "beyond",
    "behind",
    "inside",
    "outside",
    "off",
    "since",
    "until",
    "throughout",
    "including",
    "regarding",
    "concerning",
    "per",
    "like",
];
const CONJS: &[&str] = &["and", "or", "nor"];
const RELS: &[&str] = &["who", "which", "whom", "whose", "where"];
const SUBORD: &[&str] = &[
    "if", "because", "although", "though", "whereas", "unless", "while", "whether", "once",
];

/// The closed-class words in one table (first list wins), built once:
/// tagging runs for every word of every sentence.
fn closed() -> &'static WordTable<Tag> {
    static TABLE: OnceLock<WordTable<Tag>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = WordTable::default();
        for (list, tag) in [
            (NEGS, Tag::Neg),
            (MODALS, Tag::Modal),
            (AUX, Tag::Aux),
            (DETS, Tag::Det),
            (POSS_PRON, Tag::PossPron),
            (PRONS, Tag::Pron),
            (PREPS, Tag::Prep),
            (CONJS, Tag::Conj),
            (RELS, Tag::Rel),
            (SUBORD, Tag::Subord),
        ] {
            for w in list {
                m.get_or_insert_with(w, || tag);
            }
        }
        m
    })
}

/// Tags one lower-cased word (or punctuation) without context.
pub fn tag_word(w: &str) -> Tag {
    tag_with(w, |t| t.get(w))
}

/// As [`tag_word`] for a sentence word, whose packed form makes the lookup cheap.
#[inline]
pub fn tag_lower(w: &crate::clause::Lower) -> Tag {
    use crate::verbs::TriggerWord;
    tag_with(w, |t| w.look_up(t))
}

/// As [`tag_word`] for a word whose packed form `k` is at hand.
#[inline]
pub fn tag_packed(w: &str, k: &crate::wordtab::Key) -> Tag {
    tag_with(w, |t| t.get_key(k))
}

#[inline]
fn tag_with<'t>(w: &str, closed_tag: impl FnOnce(&'t WordTable<Tag>) -> Option<&'t Tag>) -> Tag {
    let first = w.chars().next().unwrap_or(' ');
    if !text::chars::is_alphanumeric(first) && w != "'s" && w != "’s" && w != "n't" && w != "'ll"
    {
        return match w {
            "," => Tag::Comma,
            ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "—" | "–" | "[" | "]" => {
                Tag::Boundary
            }
            _ => Tag::Punct,
        };
    }
    if first.is_ascii_digit() {
        return Tag::Number;
    }
    if w == "'s" || w == "’s" {
        Tag::Poss
    } else if let Some(&t) = closed_tag(closed()) {
        t
    } else if w.ends_with("ly")
        && w.len() > 4
        && !matches!(
            w,
            "italy"
                | "rally"
                | "ally"
                | "family"
                | "supply"
                | "apply"
                | "reply"
                | "comply"
                | "assembly"
                | "july"
        )
    {
        Tag::Adv
    } else {
        Tag::Word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_classes() {
        assert_eq!(tag_word("will"), Tag::Modal);
        assert_eq!(tag_word("was"), Tag::Aux);
        assert_eq!(tag_word("between"), Tag::Prep);
        assert_eq!(tag_word("firmly"), Tag::Adv);
        assert_eq!(tag_word("italy"), Tag::Word);
        assert_eq!(tag_word(";"), Tag::Boundary);
        assert_eq!(tag_word("'s"), Tag::Poss);
    }
}
