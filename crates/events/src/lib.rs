//! Events, quotes and facts: what the sentences say actors did and said.

pub mod cameo;
pub mod clause;
pub mod coder;
pub mod eval;
pub mod eval_quotes;
pub mod facts;
pub mod generic;
pub mod morph;
pub mod petrarch;
pub mod places;
pub mod quotes;
pub mod tagger;
pub mod verbs;
pub mod wordtab;

pub use coder::{reported_by, EventCoder};
pub use verbs::VerbLexicon;
