//! The stateless pipeline: a `Document` in, everything coded from it out.
//!
//! Pure composition of the core stages; it reads nothing and writes nothing,
//! so `code`, `ingest`, `recode` and the benchmarks all share it.

use actors::Recogniser;
use anyhow::Context;
use chrono::NaiveDate;
use events::EventCoder;
use lexicon::Lexicon;
use model::{Coded, Diagnostic, Document, Severity};
use std::time::{Duration, Instant};

/// Time spent in each stage, summed over documents.
#[derive(Debug, Default, Clone)]
pub struct StageTimes {
    pub text: Duration,
    pub times: Duration,
    pub actors: Duration,
    pub quotes: Duration,
    pub facts: Duration,
    pub events: Duration,
}

impl StageTimes {
    pub fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("sentences+tokens", self.text),
            ("time expressions", self.times),
            ("actors", self.actors),
            ("quotes", self.quotes),
            ("facts", self.facts),
            ("events", self.events),
        ]
    }
}

/// Everything built once at start-up and shared by every document.
pub struct Pipeline {
    recogniser: Recogniser,
    coder: EventCoder,
}

impl Pipeline {
    pub fn new(lexicon: &Lexicon) -> anyhow::Result<Pipeline> {
        let coder = EventCoder::builtin()
            .context("built-in verb lexicon")?
            .with_lexicon_places(&lexicon.places);
        Ok(Pipeline {
            recogniser: Recogniser::new(lexicon),
            coder,
        })
    }

    /// With events checked against the dependency parse (`--grammar`).
    pub fn with_grammar(mut self, on: bool) -> Pipeline {
        self.coder.grammar = on;
        self
    }

    pub fn code(&self, doc: Document) -> Coded {
        self.code_timed(doc, &mut StageTimes::default())
    }

    /// As `code`, adding each stage's time to `times` (for `entente bench`).
    pub fn code_timed(&self, doc: Document, clock: &mut StageTimes) -> Coded {
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
        let mut t = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - t;
            t = now;
        };
        let sentences = text::sentences(text);
        let tokens = text::tokens(text);
        lap(&mut clock.text);
        let times = text::times(text, &sentences, date);
        lap(&mut clock.times);
        let mentions = self
            .recogniser
            .recognise_with_times(text, &sentences, &tokens, &times, date);
        lap(&mut clock.actors);
        // Quotes and facts start from the same lexing; the quote lap pays for it.
        let mut arena = String::new();
        let lexed = claims::quotes::Lexed::new(text, &sentences, &mut arena);
        let quotes = claims::quotes::quotes_in(&lexed, &sentences, &mentions);
        lap(&mut clock.quotes);
        let facts = claims::facts::facts_in(&lexed, &sentences, &mentions, &times);
        lap(&mut clock.facts);
        let events = self
            .coder
            .code_with_quotes(text, &sentences, &tokens, &mentions, &times, date, &quotes);
        lap(&mut clock.events);
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
