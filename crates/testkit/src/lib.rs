//! Test support shared by the crates' tests (a dev-dependency only, never a
//! dependency of a stage): where the shared corpora are, the seed article
//! with its expected findings, the PETRARCH verb dictionaries, and the
//! upstream stages (text, lexicon, actors) built once for a test to run over
//! many documents. Tests panic on what they cannot read, so this does too.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use model::{Mention, Sentence, TimeExpr, Token};

mod shared;
pub use shared::{shared_dir, shared_path, skip};

/// The shared data folder (`../shared` beside the repository, or
/// `ENTENTE_SHARED`), or `None` when it is absent: tests over it are then
/// skipped with a message, or fail when `CI` is set (see [`skip`]).
pub fn shared() -> Option<PathBuf> {
    shared_path("")
}

/// The seed article and what it is expected to give
/// (`tools/seed-expected.json`, as `seed_check.py` reads it).
pub struct Seed {
    pub text: String,
    pub expected: serde_json::Value,
    /// The article's date.
    pub date: NaiveDate,
}

/// The seed article under `../shared`, or `None` (with a message) when it
/// or its expectations are absent.
pub fn seed() -> Option<Seed> {
    let shared = shared()?;
    let (art, exp) = (
        shared.join("seed/000_b71a1b986c91ca77.txt"),
        shared.join("tools/seed-expected.json"),
    );
    if !art.exists() || !exp.exists() {
        skip(&format!(
            "seed article or seed-expected.json not found under {}",
            shared.display()
        ));
        return None;
    }
    let read =
        |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let expected = serde_json::from_str(&read(&exp)).unwrap_or_else(|e| panic!("{e}"));
    Some(Seed {
        text: read(&art),
        expected,
        date: NaiveDate::from_ymd_opt(2025, 5, 2).unwrap_or_default(),
    })
}

/// The PETRARCH-2 and TABARI verb dictionaries under `shared` that are
/// present, as `(file name, contents)`.
pub fn petrarch_verb_files(shared: &Path) -> Vec<(String, String)> {
    let dir = shared.join("petrarch2/dictionaries");
    ["CAMEO.2.0.txt", "CAMEO.verbpatterns.150430.txt"]
        .iter()
        .filter_map(|f| {
            std::fs::read_to_string(dir.join(f))
                .ok()
                .map(|s| (f.to_string(), s))
        })
        .collect()
}

/// The real upstream stages (text, lexicon, actors) over one document.
pub struct Pipeline {
    pub recogniser: actors::Recogniser,
}

/// One document after the upstream stages.
pub struct Prepared {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub times: Vec<TimeExpr>,
}

impl Pipeline {
    /// The stages with the built-in lexicon.
    pub fn new() -> Pipeline {
        let lex = lexicon::Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        Pipeline {
            recogniser: actors::Recogniser::new(&lex),
        }
    }

    pub fn prepare(&self, text: &str, date: NaiveDate) -> Prepared {
        let sentences = text::sentences(text);
        let tokens = text::tokens(text);
        let times = text::times(text, &sentences, date);
        let mentions = self
            .recogniser
            .recognise_with_times(text, &sentences, &tokens, &times, date);
        Prepared {
            sentences,
            tokens,
            mentions,
            times,
        }
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}
