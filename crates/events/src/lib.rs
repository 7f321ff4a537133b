//! Events: what the sentences say actors did to one another.

pub mod cameo;
pub mod clause;
pub mod coder;
pub mod generic;
pub mod grammar;
pub mod morph;
pub mod petrarch;
pub mod places;
pub mod tagger;
pub mod verbs;
pub mod wordtab;

pub use coder::{reported_by, EventCoder};
pub use verbs::VerbLexicon;
