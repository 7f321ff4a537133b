//! facts (in progress).
