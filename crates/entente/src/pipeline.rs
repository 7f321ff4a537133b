//! The stateless pipeline: a `Document` in, everything coded from it out.
//!
//! Pure composition of the core stages; it reads nothing and writes nothing,
//! so `code`, `ingest`, `recode` and the benchmarks all share it.

use actors::Recognizer;
use chrono::NaiveDate;
use lexicon::Lexicon;
use model::{Coded, Diagnostic, Document, Severity};

/// Everything built once at start-up and shared by every document.
pub struct Pipeline {
    recognizer: Recognizer,
}

impl Pipeline {
    pub fn new(lexicon: &Lexicon) -> Pipeline {
        Pipeline {
            recognizer: Recognizer::new(lexicon),
        }
    }

    pub fn code(&self, doc: Document) -> Coded {
        let mut diagnostics = Vec::new();
        let date = NaiveDate::parse_from_str(&doc.date, "%Y-%m-%d").unwrap_or_else(|_| {
            diagnostics.push(Diagnostic {
                doc: Some(doc.id.clone()),
                file: None,
                line: None,
                severity: Severity::Warning,
                message: format!(
                    "document date {:?} is not YYYY-MM-DD; time expressions use 1970-01-01",
                    doc.date
                ),
            });
            NaiveDate::default()
        });
        let sentences = text::sentences(&doc.text);
        let tokens = text::tokens(&doc.text);
        let times = text::times(&doc.text, &sentences, date);
        let mentions = self
            .recognizer
            .recognise(&doc.text, &sentences, &tokens, date);
        Coded {
            document: Some(doc),
            sentences,
            times,
            mentions,
            diagnostics,
            ..Coded::default()
        }
    }
}
