//! The stateless pipeline: a `Document` in, everything coded from it out.
//!
//! Pure composition of the core stages; it reads nothing and writes nothing,
//! so `code`, `ingest`, `recode` and the benchmarks all share it.

use actors::Recognizer;
use anyhow::Context;
use chrono::NaiveDate;
use events::EventCoder;
use lexicon::Lexicon;
use model::{Coded, Diagnostic, Document, Severity};

/// Everything built once at start-up and shared by every document.
pub struct Pipeline {
    recognizer: Recognizer,
    coder: EventCoder,
}

impl Pipeline {
    pub fn new(lexicon: &Lexicon) -> anyhow::Result<Pipeline> {
        let coder = EventCoder::builtin().context("built-in verb lexicon")?;
        Ok(Pipeline {
            recognizer: Recognizer::new(lexicon),
            coder,
        })
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
        let text = doc.text.as_str();
        let sentences = text::sentences(text);
        let tokens = text::tokens(text);
        let times = text::times(text, &sentences, date);
        let mentions = self
            .recognizer
            .recognise_with_times(text, &sentences, &tokens, &times, date);
        let quotes = events::quotes::quotes(text, &sentences, &tokens, &mentions);
        let facts = events::facts::facts(text, &sentences, &tokens, &mentions, &times);
        let events = self
            .coder
            .code_with_quotes(text, &sentences, &tokens, &mentions, &times, date, &quotes);
        Coded {
            document: Some(doc),
            sentences,
            times,
            mentions,
            events,
            quotes,
            facts,
            diagnostics,
        }
    }
}
