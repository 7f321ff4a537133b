//! Training from treebanks: the tagger on gold tags, the parser on tags
//! the tagger predicts for text it was not trained on (jackknifing), so
//! that it learns from the tags it will see at run time.

use crate::conllu::TreeSentence;
use crate::parser::{self, Gold, Tok};
use crate::tagger::{self, Tagger};
use crate::word::WordAtoms;
use crate::Syntax;

/// A small deterministic generator (xorshift64*) for shuffling: training
/// is reproducible from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

/// How long to train.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Parts for jackknifed tags (1 = train the parser on gold tags).
    pub folds: usize,
    pub seed: u64,
    /// Features seen fewer times than this in the first pass get no
    /// weights: the tagger's and the parser's cut-off.
    pub tagger_min_count: u32,
    pub parser_min_count: u32,
    /// The parser's beam (1: greedy, trained with the dynamic oracle).
    pub beam: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            tagger_epochs: 8,
            parser_epochs: 20,
            folds: 4,
            seed: 1,
            tagger_min_count: 2,
            parser_min_count: 4,
            beam: 8,
        }
    }
}

fn atoms(s: &TreeSentence) -> Vec<WordAtoms> {
    s.forms.iter().map(|f| WordAtoms::of(f)).collect()
}

fn tagger_data(sents: &[TreeSentence]) -> Vec<(Vec<WordAtoms>, Vec<String>)> {
    sents
        .iter()
        .map(|s| {
            let tags = s
                .xpos
                .iter()
                .zip(&s.upos)
                .map(|(x, u)| format!("{x} {u}"))
                .collect();
            (atoms(s), tags)
        })
        .collect()
}

/// Trains the tagger alone.
pub fn train_tagger(sents: &[TreeSentence], cfg: &Settings) -> Tagger {
    tagger::train(
        &tagger_data(sents),
        cfg.tagger_epochs,
        cfg.seed,
        cfg.tagger_min_count,
        cfg.folds,
        &mut |_| {},
    )
    .0
}

/// Trains a tagger and a parser from the sentences of a treebank.
/// `progress` hears what is being done.
pub fn train(
    sents: &[TreeSentence],
    cfg: &Settings,
    progress: &mut dyn FnMut(&str),
) -> Result<Syntax, parser::ParserError> {
    let tdata = tagger_data(sents);
    let (tagger, held) = tagger::train(
        &tdata,
        cfg.tagger_epochs,
        cfg.seed,
        cfg.tagger_min_count,
        cfg.folds,
        progress,
    );
    // Tags the parser trains on: with folds, those of taggers that did not
    // see the sentence (the tagger's own jackknife).
    let tags: Vec<Vec<u64>> = match held {
        Some(held) => held
            .iter()
            .map(|t| t.iter().map(|&c| tagger.hash(c)).collect())
            .collect(),
        None => sents
            .iter()
            .map(|s| s.xpos.iter().map(|x| tagger::tag_hash(x)).collect())
            .collect(),
    };
    let mut labels: Vec<String> = sents
        .iter()
        .flat_map(|s| s.deprels.iter().cloned())
        .collect();
    labels.push("root".into());
    labels.push("dep".into());
    labels.sort();
    labels.dedup();
    let gold: Vec<Gold> = sents
        .iter()
        .zip(&tdata)
        .zip(&tags)
        .map(|((s, (w, _)), t)| {
            let mut heads = Vec::with_capacity(s.len() + 1);
            heads.push(0);
            heads.extend_from_slice(&s.heads);
            parser::projectivize(&mut heads);
            let mut lab = vec![0u16];
            lab.extend(
                s.deprels
                    .iter()
                    .map(|d| labels.binary_search(d).unwrap_or(0) as u16),
            );
            Gold {
                toks: w.iter().zip(t).map(|(a, &t)| Tok::new(a, t)).collect(),
                heads,
                labels: lab,
            }
        })
        .collect();
    progress("parser");
    let parser = if cfg.beam > 1 {
        parser::train_beam(
            &gold,
            &labels,
            cfg.parser_epochs,
            cfg.seed,
            cfg.parser_min_count,
            cfg.beam,
            progress,
        )?
    } else {
        parser::train(
            &gold,
            &labels,
            cfg.parser_epochs,
            cfg.seed,
            cfg.parser_min_count,
        )?
    };
    Ok(Syntax { tagger, parser })
}
