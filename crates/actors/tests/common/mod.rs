//! Shared scaffolding for the actors golden tests: a lexicon from inline
//! TSV files, sentences that are one per line, and the built-in recogniser.
#![allow(dead_code)]

use lexicon::Lexicon;
use model::Sentence;

/// A lexicon made only of these `(file name, contents)` overlays.
pub fn lexicon(files: &[(&str, &str)]) -> Lexicon {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let mut lex = Lexicon::default();
    // Test lexicons may name countries their countries.tsv lacks: overlay
    // does not check codes.
    lex.overlay(&files).unwrap_or_else(|e| panic!("{e}"));
    lex
}

/// One sentence per non-empty line, spans without the line break.
pub fn line_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if !t.is_empty() {
            sentences.push(Sentence {
                index: sentences.len(),
                span: [pos, pos + t.len()],
            });
        }
        pos += line.len();
    }
    sentences
}

/// The recogniser over the built-in lexicon, built once per test binary.
pub fn builtin_recogniser() -> &'static actors::Recogniser {
    static REC: std::sync::OnceLock<actors::Recogniser> = std::sync::OnceLock::new();
    REC.get_or_init(|| {
        let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        actors::Recogniser::new(&lex)
    })
}
