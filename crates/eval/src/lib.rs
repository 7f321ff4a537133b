//! How good is it? Gold readers and scorers for the annotated corpora, and
//! the reports `entente eval` prints. Used by the binary and by tests, never
//! by the pipeline: no production crate carries scoring code.
//!
//! The scorers (`events`, `quotes`, `timeml`) are pure functions over gold
//! records and stage output. The reports (`report`) read the corpus files
//! they are pointed at, code them with the pipeline the caller passes in and
//! print their tables.

#![forbid(unsafe_code)]

pub mod corpus;
pub mod events;
pub mod judged;
pub mod names;
pub mod quotes;
pub mod report;
pub mod syntax;
pub mod timeml;

pub use report::Error;

/// The pipeline a report scores: one document in, everything found in it out.
pub type Code<'a> = &'a dyn Fn(model::Document) -> model::Coded;
