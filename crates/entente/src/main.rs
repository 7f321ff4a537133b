//! The `entente` command line.
fn main() {}
