//! A small rule tagger: closed-class word lists plus suffix rules, enough to
//! find auxiliaries, prepositions, conjunctions and clause boundaries.

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

/// Tags one lower-cased word (or punctuation) without context.
pub fn tag_word(w: &str) -> Tag {
    let first = w.chars().next().unwrap_or(' ');
    if !first.is_alphanumeric() && w != "'s" && w != "’s" && w != "n't" && w != "'ll" {
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
    let has = |l: &[&str]| l.contains(&w);
    if w == "'s" || w == "’s" {
        Tag::Poss
    } else if has(NEGS) {
        Tag::Neg
    } else if has(MODALS) {
        Tag::Modal
    } else if has(AUX) {
        Tag::Aux
    } else if has(DETS) {
        Tag::Det
    } else if has(POSS_PRON) {
        Tag::PossPron
    } else if has(PRONS) {
        Tag::Pron
    } else if has(PREPS) {
        Tag::Prep
    } else if has(CONJS) {
        Tag::Conj
    } else if has(RELS) {
        Tag::Rel
    } else if has(SUBORD) {
        Tag::Subord
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
