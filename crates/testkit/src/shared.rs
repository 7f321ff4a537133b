//! Where the shared data folder is, and the rule for tests that need it:
//! skipped with a message on a developer's machine, failed when `CI` is set,
//! so that a CI run without the data cannot pass without checking.
//!
//! Std only: crates below `testkit` (text, lexicon) include this file by
//! `#[path]` rather than depend on `testkit`.

use std::path::{Path, PathBuf};

/// `ENTENTE_SHARED` when set (`ENTENTE_SHARED=/nonexistent` checks the
/// rule), else `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("ENTENTE_SHARED") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// `rel` under the shared folder, or `None` (see [`skip`]) when absent.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let p = shared_dir().join(rel);
    if p.exists() {
        Some(p)
    } else {
        skip(&format!("{} is absent", p.display()));
        None
    }
}

/// Reports a test that cannot run for want of shared data: a message
/// locally, a failure when the environment variable `CI` is set.
pub fn skip(why: &str) {
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    if ci {
        panic!(
            "{why}; CI is set, so this test fails rather than pass without checking \
             (put the shared data at ../shared or name it with ENTENTE_SHARED)"
        );
    }
    eprintln!("skipped: {why}");
}
