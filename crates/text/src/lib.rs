//! The text layer: where are the sentences, the words and the time expressions?
//!
//! Everything here is a pure function of the document body (and, for times,
//! of the document date); all spans are byte offsets into that body.

#![forbid(unsafe_code)]

pub mod bytes;
pub mod chars;
pub mod long;
pub mod sentences;
pub mod time;
pub mod tokens;
pub mod wordtab;

pub use sentences::sentences;
pub use time::times;
pub use tokens::tokens;
