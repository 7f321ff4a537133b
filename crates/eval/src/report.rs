//! `entente eval`: the reports that score pipeline stages against annotated
//! corpora, one module per corpus family.

pub mod actors;
pub mod events;
pub mod judged;
pub mod quotes;
pub mod rams;
pub mod syntax;
pub mod timex;

use std::path::Path;

/// Why a report could not be made. Each says which file, and why.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A corpus file or folder that could not be read or listed.
    #[error("{what}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    /// A CSV corpus that does not parse.
    #[error("{what}")]
    Csv {
        what: String,
        #[source]
        source: csv::Error,
    },
    /// A JSON corpus that does not parse.
    #[error("{what}")]
    Json {
        what: String,
        #[source]
        source: serde_json::Error,
    },
    /// A built-in scoring table that does not parse.
    #[error("{what}")]
    Table {
        what: String,
        #[source]
        source: lexicon::table::Problem,
    },
    /// A folder or file that is not the corpus the report expects.
    #[error("{0}")]
    NotTheCorpus(String),
    /// Writing the report failed.
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn io(what: impl FnOnce() -> String) -> impl FnOnce(std::io::Error) -> Error {
        move |source| Error::Io {
            what: what(),
            source,
        }
    }

    pub(crate) fn csv(path: &Path) -> impl FnOnce(csv::Error) -> Error + '_ {
        move |source| Error::Csv {
            what: format!("parsing {}", path.display()),
            source,
        }
    }
}
