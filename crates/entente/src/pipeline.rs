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

/// Documents longer than this many bytes are coded a section at a time
/// (see [`Pipeline::code_sections`]). News articles are far shorter (the
/// longest of the Guardian sample is about 60 KB), so only books, dumps and
/// hostile inputs are cut.
pub const SECTION: usize = 1 << 20;

/// Where the sections of a long text start: at a sentence's start, the last
/// one after a line break in the second half of each section's span if there
/// is one (a paragraph ends there), else the last sentence that fits.
fn section_starts(text: &str) -> Vec<usize> {
    let sentences = text::sentences(text);
    let mut cuts = vec![0];
    let mut best: Option<usize> = None;
    let mut para: Option<usize> = None;
    let mut prev_end = 0;
    for s in &sentences {
        let start = s.span[0];
        let from = *cuts.last().unwrap_or(&0);
        if start > from {
            if start - from > SECTION {
                // Sentences are at most a few KB (text::long cuts longer
                // ones), so some earlier start fits unless this one is the first.
                let cut = para.or(best).unwrap_or(start);
                cuts.push(cut);
                best = None;
                para = None;
            }
            let from = *cuts.last().unwrap_or(&0);
            if start > from {
                best = Some(start);
                let gap = text.get(prev_end..start).unwrap_or("");
                if start - from > SECTION / 2 && gap.contains('\n') {
                    para = Some(start);
                }
            }
        }
        prev_end = s.span[1];
    }
    cuts
}

/// Everything built once at start-up and shared by every document.
pub struct Pipeline {
    recogniser: Recogniser,
    coder: EventCoder,
    /// The topic model that keeps conflict events out of sport, business
    /// and science stories (`events::scope`); `None` keeps every event.
    topics: Option<&'static syntax::topic::TopicModel>,
}

impl Pipeline {
    pub fn new(lexicon: &Lexicon) -> anyhow::Result<Pipeline> {
        let coder = EventCoder::for_lexicon(lexicon).context("built-in verb lexicon")?;
        let topics =
            syntax::topic::builtin().map_err(|e| anyhow::anyhow!("built-in topic model: {e}"))?;
        Ok(Pipeline {
            recogniser: Recogniser::new(lexicon),
            coder,
            topics: Some(topics),
        })
    }

    /// With (the default) or without the topic filter (`--all-topics`).
    pub fn with_topics(mut self, on: bool) -> Pipeline {
        if !on {
            self.topics = None;
        }
        self
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
        if doc.text.len() <= SECTION {
            return self.code_whole(doc, clock);
        }
        let mut whole: Option<Coded> = None;
        self.code_sections(doc, clock, &mut |part, _| {
            match &mut whole {
                None => whole = Some(part),
                Some(w) => {
                    w.sentences.extend(part.sentences);
                    w.times.extend(part.times);
                    w.mentions.extend(part.mentions);
                    w.events.extend(part.events);
                    w.quotes.extend(part.quotes);
                    w.facts.extend(part.facts);
                    w.diagnostics.extend(part.diagnostics);
                }
            }
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_or(());
        whole.unwrap_or_default()
    }

    /// Codes a document a section at a time and hands each section's coding
    /// to `emit` as soon as it is done, spans and sentence numbers those of
    /// the whole text. Time and memory then stay in proportion to one
    /// section, not to the document: a 20 MB document of repeated sentences
    /// coded whole held every record of it at once (1.9 GB). A document up
    /// to [`SECTION`] bytes is one section, coded exactly as before.
    ///
    /// The first part carries the document; later parts carry its metadata
    /// with an empty text, and `emit`'s flag says they continue it. Each
    /// section is coded on its own: pronouns, surnames and the name tagger's
    /// memory do not reach back across a section's start, which on a text of
    /// that length (a book, not an article) costs little.
    pub fn code_sections<E>(
        &self,
        doc: Document,
        clock: &mut StageTimes,
        emit: &mut dyn FnMut(Coded, bool) -> Result<(), E>,
    ) -> Result<(), E> {
        if doc.text.len() <= SECTION {
            return emit(self.code_whole(doc, clock), false);
        }
        let cuts = section_starts(&doc.text);
        let mut head = Some(doc.clone());
        let mut shell = doc;
        let text = std::mem::take(&mut shell.text);
        let mut sentences = 0;
        for (k, &start) in cuts.iter().enumerate() {
            let end = cuts.get(k + 1).copied().unwrap_or(text.len());
            let mut part_doc = shell.clone();
            part_doc.text = text[start..end].to_string();
            let mut part = self.code_whole(part_doc, clock);
            part.shift(start, sentences);
            sentences += part.sentences.len();
            part.document = if k == 0 {
                head.take()
            } else {
                Some(shell.clone())
            };
            emit(part, k > 0)?;
        }
        Ok(())
    }

    fn code_whole(&self, doc: Document, clock: &mut StageTimes) -> Coded {
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
        let (mut events, left_out) = self
            .coder
            .code_with_quotes_counted(text, &sentences, &tokens, &mentions, &times, date, &quotes);
        diagnostics.extend(events::grammar::left_out(&doc.id, &left_out));
        let could = events.iter().any(events::scope::could_leave);
        if let Some(model) = self.topics.filter(|_| could) {
            let topic = model.classify(text);
            diagnostics.extend(events::scope::filter(&doc.id, &mut events, &topic));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_start_at_sentences_and_prefer_paragraph_ends() {
        // Paragraphs of ten sentences: a cut falls between paragraphs.
        let sentence = "Turkey urged Russia to accept the proposal on Monday. ";
        let paragraph = format!("{}\n\n", sentence.repeat(10).trim_end());
        let text = paragraph.repeat(3 * SECTION / paragraph.len());
        let cuts = section_starts(&text);
        assert!(cuts.len() >= 3, "{cuts:?}");
        assert_eq!(cuts[0], 0);
        let starts: Vec<usize> = text::sentences(&text).iter().map(|s| s.span[0]).collect();
        for (k, &c) in cuts.iter().enumerate() {
            let end = cuts.get(k + 1).copied().unwrap_or(text.len());
            assert!(end - c <= SECTION, "section {k} is {} bytes", end - c);
            assert!(
                starts.binary_search(&c).is_ok(),
                "cut {c} is no sentence start"
            );
            if k > 0 {
                assert!(text[..c].ends_with("\n\n"), "cut {c} is inside a paragraph");
                assert!(c - cuts[k - 1] > SECTION / 2, "sections are not too short");
            }
        }
        // One long line of sentences: cut at sentences all the same.
        let flat = sentence.repeat(3 * SECTION / sentence.len());
        let cuts = section_starts(&flat);
        assert!(cuts.len() >= 3);
        assert!(cuts.windows(2).all(|w| w[1] - w[0] <= SECTION));
        // A short text is one section.
        assert_eq!(section_starts("Turkey urged Russia."), vec![0]);
    }
}
