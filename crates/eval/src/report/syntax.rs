//! `entente eval syntax`: the shipped tagger and parser against CoNLL-U
//! treebanks (UD English EWT dev and test, GUM to see how they carry to
//! other genres).

use crate::syntax::score;
use crate::Error;
use std::io::Write;
use std::path::Path;

/// Scores the shipped models on each file and prints one row per file.
pub fn run(files: &[&Path], out: &mut dyn Write) -> Result<(), Error> {
    let model = syntax::Syntax::builtin()
        .map_err(|e| Error::NotTheCorpus(format!("shipped syntax weights: {e}")))?;
    writeln!(out, "| treebank | words | UPOS | XPOS | UAS | LAS |")?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    for path in files {
        let src = std::fs::read_to_string(path)
            .map_err(Error::io(|| format!("reading {}", path.display())))?;
        let gold = syntax::conllu::parse(&src)
            .map_err(|e| Error::NotTheCorpus(format!("{}: {e}", path.display())))?;
        let s = score(model, &gold);
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        writeln!(
            out,
            "| {name} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            s.words,
            s.upos_pct(),
            s.xpos_pct(),
            s.uas_pct(),
            s.las_pct()
        )?;
    }
    Ok(())
}
