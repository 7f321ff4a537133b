//! Tagging and parsing accuracy against a Universal Dependencies treebank:
//! UPOS and XPOS accuracy, unlabelled and labelled attachment (every word
//! counts, punctuation included, as in the CoNLL 2018 shared task).

use syntax::conllu::TreeSentence;
use syntax::Syntax;

/// Counts of agreement with the gold treebank.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub uas: usize,
    pub las: usize,
}

impl Scores {
    fn pct(&self, n: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.words as f64
        }
    }

    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }

    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }

    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }

    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
}

/// Tags and parses the gold sentences' words and counts agreements.
pub fn score(model: &Syntax, sents: &[TreeSentence]) -> Scores {
    let mut sc = Scores::default();
    for s in sents {
        let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        let a = model.analyse(&forms);
        for (i, w) in a.words.iter().enumerate() {
            sc.words += 1;
            sc.upos += usize::from(w.upos == s.upos[i]);
            sc.xpos += usize::from(w.xpos == s.xpos[i]);
            let head_ok = w.head == s.heads[i];
            sc.uas += usize::from(head_ok);
            sc.las += usize::from(head_ok && w.deprel == s.deprels[i]);
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agreements_word_by_word() {
        let model = Syntax::builtin().expect("shipped weights");
        let gold = syntax::conllu::parse(
            "1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tattacked\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tUkraine\t_\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n",
        )
        .expect("parses");
        let s = score(model, &gold);
        assert_eq!(s.words, 3);
        assert_eq!((s.upos, s.uas), (3, 3));
        // The gold label of "Ukraine" is deliberately wrong: an object.
        assert_eq!(s.las, 2);
        assert!((s.las_pct() - 200.0 / 3.0).abs() < 1e-9);
    }
}
