//! `entente eval timex`: scores `text::times` against TempEval-3 TimeML files.
//!
//! Reads every `.tml` file under a directory (TimeBank and AQUAINT in
//! `../shared/corpora/tempeval3-timeml/TBAQ-cleaned`), runs the time tagger on
//! the plain text of `<TEXT>` with the document creation time as the date, and
//! prints detection and normalisation scores. Parsing and scoring live in
//! [`crate::timeml`]; this file only walks the directory and reads files.

use crate::timeml::{self, Counts};
use crate::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Counts and scores over a directory of TimeML files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimexScores {
    /// Files scored.
    pub files: usize,
    /// Files skipped (unreadable, not TimeML, or without a creation time).
    pub skipped: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Predictions with exactly a gold span.
    pub strict_matches: usize,
    /// Gold expressions overlapped by a prediction.
    pub relaxed_matches: usize,
    /// Relaxed-matched gold expressions with the right value.
    pub value_correct: usize,
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub strict_f1: f64,
    pub relaxed_precision: f64,
    pub relaxed_recall: f64,
    pub relaxed_f1: f64,
    /// Of relaxed-matched gold, the fraction with an equal `value`.
    pub value_accuracy: f64,
    /// TempEval-style: value-correct matches over predicted, over gold, and their F1.
    pub value_precision: f64,
    pub value_recall: f64,
    pub value_f1: f64,
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let cannot_list = || format!("cannot list {}", dir.display());
    let rd = std::fs::read_dir(dir).map_err(Error::io(cannot_list))?;
    let mut entries = Vec::new();
    for e in rd {
        entries.push(e.map_err(Error::io(cannot_list))?.path());
    }
    entries.sort();
    for p in entries {
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Scores every `.tml` file under `dir` and prints a table to `out`.
pub fn run(dir: &Path, out: &mut dyn Write) -> Result<TimexScores, Error> {
    let mut files = Vec::new();
    tml_files(dir, &mut files)?;
    if files.is_empty() {
        return Err(Error::NotTheCorpus(format!(
            "no .tml files under {}: pass a TimeML folder such as ../shared/corpora/tempeval3-timeml/TBAQ-cleaned",
            dir.display()
        )));
    }
    let mut counts = Counts::default();
    let mut scored = 0;
    let mut skipped = 0;
    for f in &files {
        // One bad file is reported and skipped; the rest are still scored.
        let xml = match std::fs::read_to_string(f) {
            Ok(x) => x,
            Err(e) => {
                writeln!(out, "skipped {}: {e}", f.display())?;
                skipped += 1;
                continue;
            }
        };
        let doc = match timeml::parse(&xml) {
            Ok(d) => d,
            Err(e) => {
                writeln!(out, "skipped {}: {e}", f.display())?;
                skipped += 1;
                continue;
            }
        };
        let Some(dct) = doc.dct else {
            writeln!(out, "skipped {}: no CREATION_TIME TIMEX3", f.display())?;
            skipped += 1;
            continue;
        };
        let sentences = text::sentences(&doc.text);
        let found = text::times(&doc.text, &sentences, dct);
        counts.add(&doc.gold, &found);
        scored += 1;
    }
    writeln!(
        out,
        "timex: {} files scored, {} skipped, under {}",
        scored,
        skipped,
        dir.display()
    )?;
    write!(out, "{}", counts.table())?;
    let (sp, sr, sf) = counts.strict();
    let (rp, rr, rf) = counts.relaxed();
    let (vp, vr, vf) = counts.value_f1();
    Ok(TimexScores {
        files: scored,
        skipped,
        gold: counts.gold,
        predicted: counts.predicted,
        strict_matches: counts.strict,
        relaxed_matches: counts.relaxed_gold,
        value_correct: counts.value_ok,
        strict_precision: sp,
        strict_recall: sr,
        strict_f1: sf,
        relaxed_precision: rp,
        relaxed_recall: rr,
        relaxed_f1: rf,
        value_accuracy: counts.value_accuracy(),
        value_precision: vp,
        value_recall: vr,
        value_f1: vf,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_small_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07" functionInDocument="NONE">yesterday</TIMEX3> after a rise <TIMEX3 tid="t2" type="DATE" value="1997" functionInDocument="NONE">last year</TIMEX3>.</TEXT></TimeML>"#;
        std::fs::write(dir.path().join("a.tml"), xml).expect("write");
        std::fs::write(dir.path().join("b.tml"), "not timeml").expect("write");
        let mut out = Vec::new();
        let s = run(dir.path(), &mut out).expect("scores");
        assert_eq!((s.files, s.skipped, s.gold, s.value_correct), (1, 1, 2, 2));
        assert!((s.relaxed_f1 - 1.0).abs() < 1e-9);
        let table = String::from_utf8(out).expect("utf8");
        assert!(table.contains("relaxed"), "{table}");
    }

    #[test]
    fn empty_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut out = Vec::new();
        assert!(run(dir.path(), &mut out).is_err());
    }
}
