//! `entente eval polnear` / `eval acled-fatalities`: quotes scored against
//! PolNeAR attributions, casualty facts against ACLED's fatality counts.
//!
//! Parsing and scoring live in [`crate::quotes`]; this file only walks
//! directories, reads files and prints the figures.

use std::io::Write;
use std::path::Path;

use crate::corpus::csv_rows;
use crate::quotes::{self as eval_quotes, FatalityScore, QuoteScore};
use crate::Error;

/// Scores quotes on a PolNeAR split: `dir` holds `text/<article>.txt` and
/// `attributions/<article>_<annotator>.ann` (brat standoff). Each `.ann` file
/// is scored on its own, so doubly annotated articles count twice.
pub fn run_polnear(dir: &Path, out: &mut dyn Write) -> Result<(), Error> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    if !ann_dir.is_dir() || !text_dir.is_dir() {
        return Err(Error::NotTheCorpus(format!(
            "{} should hold text/ and attributions/ (a PolNeAR split such as ../shared/corpora/polnear-attribution/dev)",
            dir.display()
        )));
    }
    let mut anns = Vec::new();
    let cannot_list = || format!("cannot list {}", ann_dir.display());
    for e in std::fs::read_dir(&ann_dir).map_err(Error::io(cannot_list))? {
        let p = e.map_err(Error::io(cannot_list))?.path();
        if p.extension().is_some_and(|x| x == "ann") {
            anns.push(p);
        }
    }
    anns.sort();
    let mut total = QuoteScore::default();
    let (mut files, mut skipped, mut bytes) = (0usize, 0usize, 0usize);
    let t0 = std::time::Instant::now();
    for ann_path in &anns {
        let stem = ann_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // "<article>_<annotator>.ann" annotates "<article>.txt".
        let article = stem.rsplit_once('_').map_or(stem, |x| x.0);
        let text_path = text_dir.join(format!("{article}.txt"));
        let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(&text_path),
            std::fs::read_to_string(ann_path),
        ) else {
            writeln!(
                out,
                "skipped {}: unreadable text or annotation",
                ann_path.display()
            )?;
            skipped += 1;
            continue;
        };
        let gold = eval_quotes::parse_brat(&text, &ann);
        let sentences = text::sentences(&text);
        let tokens = text::tokens(&text);
        let quotes = claims::quotes::quotes(&text, &sentences, &tokens, &[]);
        total.add(&eval_quotes::score_quotes(&text, &gold, &quotes));
        files += 1;
        bytes += text.len();
    }
    let secs = t0.elapsed().as_secs_f64().max(1e-9);
    let (op, or, of) = total.overlap();
    let (ep, er, ef) = total.exact();
    writeln!(
        out,
        "polnear {}: {files} files ({skipped} skipped), gold {}, predicted {}",
        dir.display(),
        total.gold,
        total.predicted
    )?;
    writeln!(out, "content overlap  P {op:.3}  R {or:.3}  F1 {of:.3}")?;
    writeln!(out, "content exact    P {ep:.3}  R {er:.3}  F1 {ef:.3}  (edges without spaces, quotation marks, punctuation)")?;
    writeln!(
        out,
        "speaker accuracy {:.3}  ({}/{} overlapping quotes whose gold names a source)",
        total.speaker_accuracy(),
        total.speaker_ok,
        total.speaker_checked
    )?;
    writeln!(
        out,
        "speed {:.2} MB/s (sentences, tokens, quotes)",
        bytes as f64 / 1e6 / secs
    )?;
    Ok(())
}

/// Compares our fatality figure for each ACLED note with the coded `fatalities`.
pub fn run_acled_fatalities(csv_path: &Path, out: &mut dyn Write) -> Result<(), Error> {
    let data = std::fs::read(csv_path)
        .map_err(Error::io(|| format!("cannot read {}", csv_path.display())))?;
    let rows = csv_rows(&data).map_err(Error::csv(csv_path))?;
    let has = |name: &str| rows.first().is_some_and(|r| r.contains_key(name));
    if !has("notes") || !has("fatalities") {
        return Err(Error::NotTheCorpus(format!(
            "{} has no `notes` and `fatalities` columns (an ACLED export is expected)",
            csv_path.display()
        )));
    };
    let mut score = FatalityScore::default();
    let mut bad = 0usize;
    for row in &rows {
        let (Some(note), Some(gold)) = (
            row.get("notes"),
            row.get("fatalities")
                .and_then(|f| f.trim().parse::<u64>().ok()),
        ) else {
            bad += 1;
            continue;
        };
        eval_quotes::score_fatality(&mut score, eval_quotes::note_fatalities(note), gold);
    }
    writeln!(
        out,
        "acled fatalities {}: {} notes ({bad} rows without a note or a number)",
        csv_path.display(),
        score.notes
    )?;
    writeln!(
        out,
        "when we state a figure: {}/{} equal ACLED's ({:.3})",
        score.agree,
        score.stated,
        score.precision()
    )?;
    writeln!(
        out,
        "notes ACLED codes with deaths: {}/{} equal ({:.3})",
        score.gold_positive_agree,
        score.gold_positive,
        score.recall_positive()
    )?;
    writeln!(out, "all notes, silence read as 0: {:.3}", score.overall())?;
    Ok(())
}
