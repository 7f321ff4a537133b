//! The HTML report (being written).
