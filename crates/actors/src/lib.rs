//! Actor recognition: lexicon matches, compositions, discovered actors and
//! light coreference, each mention with the rule that made it.
//!
//! Pipeline per document: fold the text (lower case, diacritics) keeping a
//! byte map back to the original; look the lexicon keys up at word starts
//! (matches on word boundaries only); keep those whose capitalisation fits the lexicon
//! form; pick the longest non-overlapping ones ("atoms"); then assemble
//! phrases from atoms and nearby words (compositions, titles, appositions,
//! offices); finally resolve surnames and pronouns.
//!
//! Choices worth knowing:
//! - a seat of government ("Baku", "the Kremlin", "Tel Aviv") is coded as
//!   the government (`AZEGOV`) with type `place`; a `region` row is a place
//!   of the country with no role. Whether a city is an actor or only a
//!   location is left to the events stage.
//! - "Iranian-backed militias" is one mention coded with the backer's
//!   country and the noun's role (`IRN` + `UAF`...), rule `compose:backed:...`:
//!   the group acts for its backer as far as CAMEO coding goes.
//! - a person's code is the role held at the sentence's date (the first
//!   time expression of the sentence, else the document date); out of office,
//!   the last role's country with `ELI`.
//! - gazetteer places (`places.tsv`, cities of 15,000+ and first-level
//!   regions) are looked up at capitalised words, not in the automaton, and
//!   become `place` mentions coded with the bare country (`ISR`, rule
//!   `places.tsv:N`, id `place:...` or `region:...`): a place alone is never
//!   a government. Between places of one name, a country named in the same
//!   sentence wins, then the country the document names most often
//!   (countries, seats, organisations with a home country), then the country
//!   of its unambiguous places, then population; a seat named like a place
//!   of a country the document names instead ("Tripoli" in a text about
//!   Lebanon) is that place, and an unmapped region in a country the
//!   document does not name gets no country. A
//!   place next to a capitalised non-lexicon word, after a title or given
//!   name, or in capitals outside a dateline is not read as one.
//! - multi-word group names match whatever the case of their later words
//!   ("Al shabaab militants"); a one-word organisation inside a longer
//!   capitalised name ("Trinamool Congress", "National Congress Party") is
//!   not that organisation.
//! - "protesters in Haifa", "Haifa residents": an agent noun without a
//!   country takes the country of a place or country it is located by
//!   (`ISRCVL`, rule `compose:located:...`).
//! - unknown names (`discovered: true`): organisations by a suffix or head
//!   word ("... Holdings Inc", "Ministry of ..."), persons by a given name
//!   (`given_names.tsv`), a title ("coach", "Gen.") or an initial ("S.
//!   Waugh"). Their code is the country from context ("Kenyan runner Paul
//!   Tergat", "Paul Tergat (Kenya)", a country or large city inside an
//!   organisation's name) plus the title's or suffix's role; with no country
//!   the code is empty and `role` alone may be set.

#![forbid(unsafe_code)]

mod assemble;
mod index;

use chrono::NaiveDate;
use index::Index;
use lexicon::Lexicon;
use model::{Mention, Sentence, TimeExpr, Token};

/// Built once per lexicon, then shared by every document.
pub struct Recogniser {
    idx: Index,
}

impl Recogniser {
    pub fn new(lex: &Lexicon) -> Recogniser {
        Recogniser {
            idx: Index::build(lex),
        }
    }

    /// All actor mentions in a document body, in text order.
    pub fn recognise(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        doc_date: NaiveDate,
    ) -> Vec<Mention> {
        self.recognise_with_times(text, sentences, tokens, &[], doc_date)
    }

    /// As [`Recogniser::recognise`], with the document's time expressions:
    /// a dated expression in a sentence sets the date at which people's
    /// offices are read there ("Yair Lapid ... in September 2022").
    pub fn recognise_with_times(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        times: &[TimeExpr],
        doc_date: NaiveDate,
    ) -> Vec<Mention> {
        assemble::run(&self.idx, text, sentences, tokens, times, doc_date)
    }

    /// The name tagger's input for a document: per sentence, the words'
    /// spans and the words with what the lexicon says of them. Training
    /// (`entente train names`) and recognition share it.
    pub fn name_words(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
    ) -> syntax::ner::DocumentWords {
        assemble::name_words(&self.idx, text, sentences, tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recogniser_is_shareable() {
        fn check<T: Send + Sync>() {}
        check::<Recogniser>();
    }

    #[test]
    fn empty_lexicon_finds_nothing() {
        let rec = Recogniser::new(&Lexicon::default());
        let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        assert!(rec.recognise("Israel and Iran.", &[], &[], d).is_empty());
    }
}
