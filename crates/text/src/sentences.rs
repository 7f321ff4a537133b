//! Sentence segmentation tuned for news English.

use model::Sentence;

/// Splits `text` into sentences; spans cover the trimmed sentence text.
pub fn sentences(text: &str) -> Vec<Sentence> {
    // Placeholder until the real segmenter lands: one sentence per non-empty line.
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let s = start + (line.len() - line.trim_start().len());
            out.push(Sentence { index: out.len(), span: [s, s + t.len()] });
        }
        start += line.len();
    }
    out
}
