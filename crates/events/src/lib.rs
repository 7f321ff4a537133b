//! Events, quotes and facts: what the sentences say actors did and said.

pub mod facts;
pub mod quotes;
