//! The lexicon: countries, seats of government, people with dated offices,
//! organisations and agent nouns, parsed from the TSV files under `data/`.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Parse { file: String, line: usize, message: String },
}

/// Everything entente knows before reading a document.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {})
    }

    /// Adds or overrides entries from user files: `(file name, contents)` pairs,
    /// read by the caller (this crate opens no files).
    pub fn overlay(&mut self, _files: &[(String, String)]) -> Result<(), LexiconError> {
        Ok(())
    }
}
