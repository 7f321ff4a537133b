//! The typed records every pipeline stage produces and the `code` stream emits.
//!
//! Spans are `[start, end)` byte offsets into `Document::text`, never into the
//! raw input: the body is what users read and what every fact points back to.

#![forbid(unsafe_code)]

use serde::{Deserialize, Serialize};

/// `[start, end)` byte offsets into the document body.
pub type Span = [usize; 2];

/// Where a document's date came from; users must be able to tell a real
/// publication date from a fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The document's own metadata (a date line, a meta tag, a feed field).
    Metadata,
    /// `--date` on the command line.
    Option,
    /// Nothing else was known: the day of processing.
    Today,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Option => "option",
            DateSource::Today => "today",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "metadata" => Some(DateSource::Metadata),
            "option" => Some(DateSource::Option),
            "today" => Some(DateSource::Today),
            _ => None,
        }
    }
}

/// One article, after format parsing and boilerplate removal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the input's own id, else a content hash.
    #[serde(rename = "doc")]
    pub id: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub date_source: DateSource,
    pub url: Option<String>,
    /// Publisher or feed name when the input says.
    pub source: Option<String>,
    /// Input format that produced it (`text`, `html`, `jsonl`, `feed`).
    pub format: String,
    /// The body: every span in every record indexes into this string.
    pub text: String,
    /// Lines removed from the body (captions, disclaimers, source lines).
    pub boilerplate: Vec<String>,
}

impl Document {
    /// A bare text of a known date (`YYYY-MM-DD`), as corpora give them:
    /// no title, author or source.
    pub fn from_text(id: String, text: String, date: String) -> Document {
        Document {
            id,
            title: None,
            author: None,
            date,
            date_source: DateSource::Metadata,
            url: None,
            source: None,
            format: "text".into(),
            text,
            boilerplate: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: usize,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A time expression normalised against the document date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    pub text: String,
    /// ISO-style value: `2025`, `2025-04`, `2025-04-03`, `2015/2025`, `2025-W14`, `199X`, `PRESENT_REF`, `P3Y`...
    pub value: String,
    /// `early`, `mid`, `late`, `since`, `approx`... when the text says so.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub qualifier: Option<String>,
    /// TimeML-like type: `date`, `time`, `duration`, `set`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Which rule found and normalised it.
    pub rule: String,
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    Person,
    Organisation,
    Group,
    Country,
    Place,
}

impl ActorType {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Organisation => "organisation",
            ActorType::Group => "group",
            ActorType::Country => "country",
            ActorType::Place => "place",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "person" => Some(ActorType::Person),
            "organisation" | "organization" | "org" => Some(ActorType::Organisation),
            "group" => Some(ActorType::Group),
            "country" => Some(ActorType::Country),
            "place" => Some(ActorType::Place),
            _ => None,
        }
    }
}

/// A CAMEO-coded actor: country (ISO alpha-3, or IGO/NGO/IMG/MNC) + role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Full CAMEO code, e.g. `ISRGOV`, `AZEBUS`, `IGOUNO`.
    pub code: String,
    pub country: Option<String>,
    pub role: Option<String>,
    /// Canonical name of the entity.
    pub name: String,
    /// Stable lexicon id (or `discovered:<name>`).
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ActorType,
}

/// A stretch of text that names an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub sentence: usize,
    pub actor: Actor,
    /// Why: `lexicon/people.tsv:42`, `compose:agents.tsv:7`, `discover:apposition`, `coref:surname`...
    pub rule: String,
    pub discovered: bool,
    /// For discovered actors and coreference: the span that gave the evidence.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<Span>,
}

/// An actor as it takes part in an event, fact or quote: the actor and the
/// mention span it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    #[serde(flatten)]
    pub actor: Actor,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Planned,
    Hypothetical,
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// A resolved place (gazetteer entry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<Span>,
}

/// Who did what to whom: one coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub sentence: usize,
    /// The trigger (verb or noun phrase) span.
    pub span: Span,
    pub source: Participant,
    pub target: Participant,
    /// Three- or four-digit CAMEO code, e.g. `042`.
    pub cameo: String,
    /// Two-digit CAMEO root, e.g. `04`.
    pub root: String,
    /// PLOVER event type, e.g. `CONSULT`.
    pub plover: String,
    /// PLOVER mode when the mapping gives one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mode: Option<String>,
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub modality: Modality,
    /// The speaker when the event is told inside or attributed to a quote.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reported_by: Option<Participant>,
    /// ISO date value (`2025-04`, `2022`, `2025-05-02`).
    pub date: String,
    /// `day`, `month`, `year`, `range`, or `document` when it fell back to the document date.
    pub date_precision: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub place: Option<Place>,
    /// The pattern that matched and why this source and target.
    pub rule: String,
    pub confidence: f64,
}

/// Who is speaking, when not resolved to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Speaker {
    Actor(Participant),
    Unresolved {
        text: String,
        span: Span,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        country: Option<String>,
    },
}

/// A direct or indirect quote with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub sentence: usize,
    /// The whole attribution (speaker, cue and content).
    pub span: Span,
    pub speaker: Speaker,
    /// The cue verb or phrase ("said", "according to").
    pub cue: String,
    pub content: String,
    pub content_span: Span,
    /// `direct` or `indirect`.
    pub style: String,
    pub rule: String,
}

/// A quantitative fact: shares, stakes, money, counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub sentence: usize,
    pub span: Span,
    /// `import_share`, `supply_share`, `stake`, `money`, `casualties`, `count`, `share`...
    pub measure: String,
    pub value: f64,
    /// `fraction`, `USD`, `people`, `attacks`...
    pub unit: String,
    pub approx: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub holder: Option<Participant>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub counterpart: Option<Participant>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub commodity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub asset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub period: Option<String>,
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// Something a user should know about an input: never a panic, never silent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub doc: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

/// One line of the `entente code` stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Document(Document),
    Sentence {
        doc: String,
        #[serde(flatten)]
        sentence: Sentence,
    },
    Time {
        doc: String,
        sentence: usize,
        #[serde(flatten)]
        time: TimeExpr,
    },
    Mention {
        doc: String,
        #[serde(flatten)]
        mention: Mention,
    },
    /// Events and facts are boxed: each is several times the size of the
    /// other records, and a stream holds many more of those.
    Event {
        doc: String,
        #[serde(flatten)]
        event: Box<Event>,
    },
    Quote {
        doc: String,
        #[serde(flatten)]
        quote: Quote,
    },
    Fact {
        doc: String,
        #[serde(flatten)]
        fact: Box<Fact>,
    },
    Diagnostic(Diagnostic),
}

/// Everything the pipeline found in one document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Coded {
    pub document: Option<Document>,
    pub sentences: Vec<Sentence>,
    pub times: Vec<TimeExpr>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Index of the sentence holding byte `offset`, by binary search over ordered spans.
pub fn sentence_at(sentences: &[Sentence], offset: usize) -> usize {
    match sentences.binary_search_by(|s| {
        if s.span[1] <= offset {
            std::cmp::Ordering::Less
        } else if s.span[0] > offset {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => sentences[i].index,
        // Between sentences (whitespace): the one before.
        Err(i) => sentences.get(i.saturating_sub(1)).map_or(0, |s| s.index),
    }
}

impl Coded {
    /// The document's records in stream order: document, sentences, times,
    /// mentions, events, quotes, facts, diagnostics.
    ///
    /// Made one at a time as the caller asks: a list of them all would copy
    /// the whole coding, which on a long document holds hundreds of megabytes.
    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        let doc = self.document.as_ref();
        let id = doc.map_or("", |d| d.id.as_str());
        let id = move || id.to_string();
        // A coding without a document carries diagnostics only.
        let body = doc.is_some();
        let all = |on: bool| if on { usize::MAX } else { 0 };
        let head = doc.cloned().map(Record::Document).into_iter();
        let sentences = self
            .sentences
            .iter()
            .take(all(body))
            .map(move |s| Record::Sentence {
                doc: id(),
                sentence: s.clone(),
            });
        let times = self
            .times
            .iter()
            .take(all(body))
            .map(move |t| Record::Time {
                doc: id(),
                sentence: sentence_at(&self.sentences, t.span[0]),
                time: t.clone(),
            });
        let mentions = self
            .mentions
            .iter()
            .take(all(body))
            .map(move |m| Record::Mention {
                doc: id(),
                mention: m.clone(),
            });
        let events = self
            .events
            .iter()
            .take(all(body))
            .map(move |e| Record::Event {
                doc: id(),
                event: Box::new(e.clone()),
            });
        let quotes = self
            .quotes
            .iter()
            .take(all(body))
            .map(move |q| Record::Quote {
                doc: id(),
                quote: q.clone(),
            });
        let facts = self
            .facts
            .iter()
            .take(all(body))
            .map(move |f| Record::Fact {
                doc: id(),
                fact: Box::new(f.clone()),
            });
        let diagnostics = self.diagnostics.iter().cloned().map(Record::Diagnostic);
        head.chain(sentences)
            .chain(times)
            .chain(mentions)
            .chain(events)
            .chain(quotes)
            .chain(facts)
            .chain(diagnostics)
    }
}

impl Coded {
    /// Moves every span `bytes` further into the text and every sentence
    /// index `sentences` further on: a section of a long document, coded on
    /// its own, takes its place in the whole. Each span of every record is
    /// listed here, so a new span field belongs here too.
    pub fn shift(&mut self, bytes: usize, sentences: usize) {
        let sp = |s: &mut Span| {
            s[0] += bytes;
            s[1] += bytes;
        };
        let part = |p: &mut Participant| sp(&mut p.span);
        for s in &mut self.sentences {
            s.index += sentences;
            sp(&mut s.span);
        }
        for t in &mut self.times {
            sp(&mut t.span);
        }
        for m in &mut self.mentions {
            m.sentence += sentences;
            sp(&mut m.span);
            if let Some(e) = &mut m.evidence {
                sp(e);
            }
        }
        for e in &mut self.events {
            e.sentence += sentences;
            sp(&mut e.span);
            part(&mut e.source);
            part(&mut e.target);
            if let Some(r) = &mut e.reported_by {
                part(r);
            }
            if let Some(s) = e.place.as_mut().and_then(|p| p.span.as_mut()) {
                sp(s);
            }
        }
        for q in &mut self.quotes {
            q.sentence += sentences;
            sp(&mut q.span);
            sp(&mut q.content_span);
            match &mut q.speaker {
                Speaker::Actor(p) => part(p),
                Speaker::Unresolved { span, .. } => sp(span),
            }
        }
        for f in &mut self.facts {
            f.sentence += sentences;
            sp(&mut f.span);
            if let Some(p) = &mut f.holder {
                part(p);
            }
            if let Some(p) = &mut f.counterpart {
                part(p);
            }
        }
    }
}
