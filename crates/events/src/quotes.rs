//! quotes (in progress).
