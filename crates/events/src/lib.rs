//! Events: what the sentences say actors did to one another.

// One module holds unsafe code (see `lower`); none elsewhere.
#![deny(unsafe_code)]

pub mod cameo;
pub mod clause;
pub mod coder;
pub mod generic;
pub mod grammar;
#[allow(unsafe_code)]
mod lower;
pub mod morph;
pub mod petrarch;
pub mod places;
pub mod scope;
pub mod senses;
pub mod tagger;
pub mod verbs;
pub mod wordtab;

pub use coder::{reported_by, EventCoder};
pub use verbs::VerbLexicon;
