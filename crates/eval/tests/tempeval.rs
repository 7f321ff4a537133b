//! Scores `text::times` against the TempEval-3 TimeML corpus (TBAQ-cleaned) and
//! fails when detection or normalisation regress below a floor.
//!
//! Run with `--nocapture` to see the table; set `TIMEX_DIFF=1` to list errors.

use eval::timeml::{self, Counts, Diff};
use std::path::{Path, PathBuf};

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            tml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
}

#[test]
fn tempeval3_tbaq() {
    let Some(dir) = testkit::shared_path("corpora/tempeval3-timeml/TBAQ-cleaned") else {
        return;
    };
    let mut files = Vec::new();
    tml_files(&dir, &mut files);
    let mut counts = Counts::default();
    let show = std::env::var_os("TIMEX_DIFF").is_some();
    for f in &files {
        let xml = std::fs::read_to_string(f).expect("readable corpus file");
        let doc = timeml::parse(&xml).expect("TimeML document");
        let Some(dct) = doc.dct else { continue };
        let sents = text::sentences(&doc.text);
        let pred = text::times(&doc.text, &sents, dct);
        let diffs = counts.add(&doc.gold, &pred);
        if show {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for d in diffs {
                match d {
                    Diff::Missed { text, value } => {
                        println!("MISS\t{dct}\t{text}\t{value}\t{name}")
                    }
                    Diff::Spurious { text, value, rule } => {
                        println!("FP\t{dct}\t{text}\t{value}\t{rule}\t{name}")
                    }
                    Diff::WrongValue {
                        gold,
                        gold_value,
                        text,
                        value,
                        rule,
                    } => {
                        println!(
                            "VAL\t{dct}\t{gold}\t{gold_value}\t{text}\t{value}\t{rule}\t{name}"
                        )
                    }
                }
            }
        }
    }
    println!("{} files\n{}", files.len(), counts.table());
    let (_, _, rf1) = counts.relaxed();
    assert!(rf1 >= 0.91, "relaxed F1 {rf1:.3} fell below the floor");
    assert!(
        counts.value_accuracy() >= 0.81,
        "value accuracy fell below the floor"
    );
}
