//! PETRARCH overlay (in progress).
