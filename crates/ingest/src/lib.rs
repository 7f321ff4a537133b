//! Ingest: what is this document? Bytes and a format in, `Document`s out.
//!
//! This crate parses; it opens no files. The caller (the `entente` binary)
//! reads bytes and passes them here with the name it should report.

#![forbid(unsafe_code)]

mod csv;
mod date;
mod decode;
mod feed;
mod html;
mod jsonl;
mod plain;

use chrono::NaiveDate;
use model::{DateSource, Diagnostic, Document, Severity};
use thiserror::Error;

pub use crate::csv::{CsvColumns, CsvLayout};
pub use date::parse_date_loose;
pub use html::html_to_text;

/// The input formats, in the order `--input` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Feed,
    Csv,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Html,
        Format::Jsonl,
        Format::Feed,
        Format::Csv,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
            Format::Csv => "csv",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The format a file name implies, if its extension says.
    pub fn from_extension(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "rss" | "atom" | "xml" | "feed" => Some(Format::Feed),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// Guesses from the first bytes when neither the user nor the name says.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
        let t = head.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with("<?xml")
            && (t.contains("<rss") || t.contains("<feed") || t.contains("<rdf"))
            || t.starts_with("<rss")
            || t.starts_with("<feed")
        {
            Format::Feed
        } else if t.starts_with('<') {
            Format::Html
        } else if t.starts_with('{') {
            Format::Jsonl
        } else {
            Format::Text
        }
    }
}

/// Options that decide ids and dates.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--date`: the date of documents that carry none.
    pub default_date: Option<NaiveDate>,
    /// The processing day, last resort for a document's date.
    pub today: NaiveDate,
    /// Inputs larger than this are refused whole.
    pub max_bytes: usize,
    /// Which CSV columns hold the text and the metadata.
    pub csv: CsvColumns,
}

/// Problems that make a whole input unusable.
#[derive(Debug, Error, PartialEq)]
pub enum IngestError {
    #[error("{origin}: empty input")]
    Empty { origin: String },
    #[error("{origin}: looks like a binary file (NUL byte at offset {offset}); entente reads text, HTML, JSONL and RSS/Atom")]
    Binary { origin: String, offset: usize },
    #[error(
        "{origin}: {size} bytes is over the limit of {limit} bytes (raise it with --max-bytes)"
    )]
    TooLarge {
        origin: String,
        size: usize,
        limit: usize,
    },
    #[error("{origin}: malformed feed: {message}")]
    Feed { origin: String, message: String },
    #[error(
        "{origin}: no column {column:?} ({flag} names the column to read; the header is {found})"
    )]
    CsvColumn {
        origin: String,
        flag: String,
        column: String,
        found: String,
    },
    #[error("{origin}: malformed CSV: {message}")]
    Csv { origin: String, message: String },
    #[error("{origin}: no article text found")]
    NoText { origin: String },
}

/// What one input gave: its documents and what went wrong along the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Parts of the input (e.g. JSONL lines) that were skipped.
    pub skipped: usize,
}

impl Parsed {
    pub(crate) fn warn(&mut self, origin: &str, line: Option<usize>, message: String) {
        self.diagnostics.push(Diagnostic {
            doc: None,
            file: Some(origin.to_string()),
            line,
            severity: Severity::Warning,
            message,
        });
    }
    pub(crate) fn error(&mut self, origin: &str, line: Option<usize>, message: String) {
        self.skipped += 1;
        self.diagnostics.push(Diagnostic {
            doc: None,
            file: Some(origin.to_string()),
            line,
            severity: Severity::Error,
            message,
        });
    }
}

/// Metadata a format parser found, before ids and dates are settled.
#[derive(Debug, Default, Clone)]
pub(crate) struct Draft {
    pub id: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub text: String,
    pub boilerplate: Vec<String>,
}

impl Draft {
    pub(crate) fn finish(self, format: Format, opts: &Options) -> Document {
        let (date, date_source) = match (self.date, opts.default_date) {
            (Some(d), _) => (d, DateSource::Metadata),
            (None, Some(d)) => (d, DateSource::Option),
            (None, None) => (opts.today, DateSource::Today),
        };
        let id = match self.id {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ => content_id(self.title.as_deref(), &self.text),
        };
        Document {
            id,
            title: self.title,
            author: self.author,
            date: date.format("%Y-%m-%d").to_string(),
            date_source,
            url: self.url,
            source: self.source,
            format: format.as_str().to_string(),
            text: self.text,
            boilerplate: self.boilerplate,
        }
    }
}

/// A stable id from the content, so re-ingesting the same article is a no-op.
pub fn content_id(title: Option<&str>, text: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(title.unwrap_or("").as_bytes());
    h.update(b"\n");
    h.update(text.as_bytes());
    h.finalize().to_hex()[..16].to_string()
}

/// Parses one input (a file's bytes, or standard input) in the given format.
///
/// Whole-input failures are `Err`; per-record problems (a bad JSONL line, a
/// feed item without text) are diagnostics in `Parsed`, and the rest goes on.
pub fn parse(
    bytes: &[u8],
    format: Format,
    origin: &str,
    opts: &Options,
) -> Result<Parsed, IngestError> {
    if bytes.len() > opts.max_bytes {
        return Err(IngestError::TooLarge {
            origin: origin.into(),
            size: bytes.len(),
            limit: opts.max_bytes,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty {
            origin: origin.into(),
        });
    }
    if let Some(offset) = decode::binary_offset(bytes) {
        return Err(IngestError::Binary {
            origin: origin.into(),
            offset,
        });
    }
    let mut parsed = Parsed::default();
    let (text, bad) = decode::decode(bytes);
    if let Some(offset) = bad {
        parsed.warn(
            origin,
            None,
            format!(
                "invalid UTF-8 at byte offset {offset}; undecodable bytes replaced with U+FFFD"
            ),
        );
    }
    let drafts = match format {
        Format::Text => vec![plain::parse(&text)],
        Format::Html => vec![html::parse(&text)],
        Format::Jsonl => jsonl::parse(&text, origin, &mut parsed),
        Format::Feed => feed::parse(text.as_bytes(), origin, &mut parsed)?,
        Format::Csv => {
            crate::csv::parse(&text, origin, opts, &mut parsed)?;
            Vec::new()
        }
    };
    let single = matches!(format, Format::Text | Format::Html);
    for d in drafts {
        if d.text.trim().is_empty() {
            if single {
                return Err(IngestError::NoText {
                    origin: origin.into(),
                });
            }
            parsed.error(
                origin,
                None,
                format!(
                    "document {:?} has no text; skipped",
                    d.title.as_deref().unwrap_or("")
                ),
            );
            continue;
        }
        parsed.documents.push(d.finish(format, opts));
    }
    Ok(parsed)
}
