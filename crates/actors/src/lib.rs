//! Actor recognition: lexicon matches, compositions, discovered actors and
//! light coreference, each mention with the rule that made it.

use chrono::NaiveDate;
use lexicon::Lexicon;
use model::{Mention, Sentence, Token};

/// Built once per lexicon, then shared by every document.
pub struct Recognizer {}

impl Recognizer {
    pub fn new(_lex: &Lexicon) -> Recognizer {
        Recognizer {}
    }

    /// All actor mentions in a document body, in text order.
    pub fn recognise(
        &self,
        _text: &str,
        _sentences: &[Sentence],
        _tokens: &[Token],
        _doc_date: NaiveDate,
    ) -> Vec<Mention> {
        Vec::new()
    }
}
