//! `entente eval`: scores pipeline stages against annotated corpora.

pub mod actors;
pub mod events;
pub mod quotes;
pub mod timex;
