//! The packed word tables live in `text` (the time rules use them too).

pub use text::wordtab::{Key, WordTable};
