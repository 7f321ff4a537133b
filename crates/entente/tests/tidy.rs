//! Tidy tests: the architecture's invariants, checked on the source tree.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every Rust file under a crate's `src/` (no tests, benches or examples).
fn src_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        rust_files(&e.path().join("src"), &mut files);
    }
    files
}

/// The core crates do no I/O, no SQL, no networking.
#[test]
fn core_crates_do_no_io() {
    for krate in [
        "model", "ingest", "text", "syntax", "lexicon", "actors", "claims", "events", "analysis",
        "report",
    ] {
        let dir = root().join("crates").join(krate);
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let deps = manifest.split("[dev-dependencies]").next().unwrap_or("");
        for banned in ["rusqlite", "tokio", "axum", "reqwest", "hyper", "indicatif"] {
            assert!(!deps.contains(banned), "crates/{krate} depends on {banned}");
        }
        let mut files = Vec::new();
        rust_files(&dir.join("src"), &mut files);
        for f in files {
            let src = std::fs::read_to_string(&f).unwrap();
            for banned in [
                "std::fs",
                "File::open",
                "std::net",
                "std::process",
                "read_to_string(",
            ] {
                assert!(
                    !src.contains(banned),
                    "{} uses {banned}: core crates do no I/O",
                    f.display()
                );
            }
        }
    }
}

/// The store is the only crate that knows SQL.
#[test]
fn only_the_store_knows_sql() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/entente/src"), &mut files);
    rust_files(&root().join("crates/server/src"), &mut files);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for banned in ["connection()", ".prepare(", "SELECT ", "rusqlite::"] {
            assert!(
                !src.contains(banned),
                "{} uses SQL ({banned}): put the query in crates/store",
                f.display()
            );
        }
    }
}

/// Every Rust file says what it is for in its first line.
#[test]
fn every_file_has_a_module_doc() {
    let mut files = Vec::new();
    rust_files(&root().join("crates"), &mut files);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        assert!(
            src.starts_with("//!"),
            "{} does not start with a //! line",
            f.display()
        );
    }
}

/// Every crate is in the architecture's code map.
#[test]
fn architecture_names_every_crate() {
    let arch = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    for e in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(
            arch.contains(&format!("`crates/{name}`")),
            "ARCHITECTURE.md does not describe crates/{name}"
        );
    }
}

/// Scoring code (gold readers, precision and recall) lives in `crates/eval`
/// only, and no production crate depends on it: the binary calls it for
/// `entente eval`, tests call it, the pipeline never does.
#[test]
fn scoring_lives_in_eval() {
    for e in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        let krate = e.file_name().to_string_lossy().into_owned();
        if krate == "eval" {
            continue;
        }
        if krate != "entente" {
            let manifest = std::fs::read_to_string(e.path().join("Cargo.toml")).unwrap();
            let deps = manifest.split("[dev-dependencies]").next().unwrap_or("");
            assert!(
                !deps.lines().any(|l| l.starts_with("eval")),
                "crates/{krate} depends on eval: production crates carry no scoring"
            );
        }
        let mut files = Vec::new();
        rust_files(&e.path().join("src"), &mut files);
        for f in files {
            let name = f.file_stem().unwrap_or_default().to_string_lossy();
            assert!(
                !name.starts_with("eval") && name != "timeml",
                "{} looks like scoring code: put it in crates/eval",
                f.display()
            );
            let src = std::fs::read_to_string(&f).unwrap();
            for marker in [
                "fn score_",
                "fn recall",
                "fn precision(",
                "fn f1",
                "struct Prf",
                "GoldActor",
                "GoldAttribution",
                "parse_brat",
                "read_conll",
            ] {
                assert!(
                    !src.contains(marker),
                    "{} has scoring code ({marker}): put it in crates/eval",
                    f.display()
                );
            }
        }
    }
}

/// Every TSV data table is read by `lexicon::table` (header check, comment
/// lines, `FILE:LINE` in every problem); no crate hand-writes another
/// reader. A file that splits lines at tabs is allowed only for a format
/// that is not a data table (brat standoff in `eval`'s PolNeAR reader,
/// CoNLL-U treebanks in `syntax`).
#[test]
fn one_tsv_reader() {
    let reader = root().join("crates/lexicon/src/table.rs");
    let allowed = [
        root().join("crates/eval/src/quotes.rs"),
        root().join("crates/syntax/src/conllu.rs"),
    ];
    for f in src_files() {
        if f == reader || allowed.contains(&f) {
            continue;
        }
        let src = std::fs::read_to_string(&f).unwrap();
        for tab_split in ["split('\\t')", "split(\"\\t\")", "split_terminator('\\t')"] {
            assert!(
                !src.contains(tab_split),
                "{} splits lines at tabs ({tab_split}): read the table with lexicon::table",
                f.display()
            );
        }
    }
}

/// No source file over 1,200 lines: a file that long decides more than one
/// thing and is split by what it decides. `events/src/coder.rs` waits for the
/// syntactic layer, which rewrites it.
#[test]
fn no_file_over_1200_lines() {
    let waiting = root().join("crates/events/src/coder.rs");
    for f in src_files().into_iter().filter(|f| *f != waiting) {
        let n = std::fs::read_to_string(&f).unwrap().lines().count();
        assert!(
            n <= 1200,
            "{} has {n} lines: split it by what it decides",
            f.display()
        );
    }
}

/// `testkit` is test support: a dev-dependency, never a dependency.
#[test]
fn testkit_is_only_for_tests() {
    for e in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        let manifest = std::fs::read_to_string(e.path().join("Cargo.toml")).unwrap();
        let deps = manifest.split("[dev-dependencies]").next().unwrap_or("");
        assert!(
            !deps.lines().any(|l| l.starts_with("testkit")),
            "crates/{} depends on testkit outside [dev-dependencies]",
            e.file_name().to_string_lossy()
        );
    }
}
