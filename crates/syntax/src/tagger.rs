//! Part-of-speech tagging: a greedy left-to-right averaged perceptron
//! (the design of Collins 2002, with the feature set of the "good POS
//! tagger in 200 lines" family). Each class is a Penn Treebank tag with
//! its Universal tag ("VBD VERB"), so one decision gives both.

use crate::hash::{feat, str_hash};
use crate::perceptron::{argmax, Model, Trainer};
use crate::word::{WordAtoms, END, START};

/// Features of word `i` given the two previous tags.
pub(crate) fn features(w: &[WordAtoms], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> Option<&WordAtoms> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            w.get(j as usize)
        }
    };
    let lower = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |a| a.lower);
    let suf3 = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |a| a.suf[2]);
    let shape = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |a| a.shape);
    let me = &w[i];
    out.push(feat(1, 0, 0, 0));
    out.push(feat(2, me.lower, 0, 0));
    for (k, s) in me.suf.iter().enumerate() {
        out.push(feat(3 + k as u64, *s, 0, 0));
    }
    for (k, p) in me.pre.iter().enumerate() {
        out.push(feat(7 + k as u64, *p, 0, 0));
    }
    out.push(feat(10, me.shape, 0, 0));
    out.push(feat(11, p1, 0, 0));
    out.push(feat(12, p2, 0, 0));
    out.push(feat(13, p1, p2, 0));
    out.push(feat(14, p1, me.lower, 0));
    out.push(feat(15, lower(-1), 0, 0));
    out.push(feat(16, suf3(-1), 0, 0));
    out.push(feat(17, lower(-2), 0, 0));
    out.push(feat(18, lower(1), 0, 0));
    out.push(feat(19, suf3(1), 0, 0));
    out.push(feat(20, lower(2), 0, 0));
    out.push(feat(21, lower(-1), me.lower, 0));
    out.push(feat(22, me.lower, lower(1), 0));
    out.push(feat(23, shape(1), 0, 0));
    out.push(feat(24, shape(-1), 0, 0));
    out.push(feat(25, p1, me.suf[2], 0));
    out.push(feat(26, (i == 0) as u64, me.title as u64, 0));
    out.push(feat(27, p1, lower(1), 0));
    out.push(feat(28, suf3(1), me.suf[2], 0));
    let suf = |k: isize, n: usize| at(k).map_or(if k < 0 { START } else { END }, |a| a.suf[n]);
    out.push(feat(29, suf(-1, 1), 0, 0));
    out.push(feat(30, suf(1, 1), 0, 0));
    out.push(feat(31, suf(1, 3), 0, 0));
    out.push(feat(32, p1, me.shape, 0));
    out.push(feat(33, lower(-1), lower(1), 0));
    out.push(feat(34, lower(1), lower(2), 0));
    out.push(feat(35, suf(2, 2), 0, 0));
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    /// Per class: the Penn tag, the Universal tag, and the hash the next
    /// decision and the parser see.
    xpos: Vec<String>,
    upos: Vec<String>,
    hashes: Vec<u64>,
}

impl Tagger {
    pub fn new(model: Model) -> Tagger {
        let mut xpos = Vec::new();
        let mut upos = Vec::new();
        for c in model.classes() {
            let (x, u) = c.split_once(' ').unwrap_or((c.as_str(), c.as_str()));
            xpos.push(x.to_string());
            upos.push(u.to_string());
        }
        let hashes = xpos.iter().map(|x| tag_hash(x)).collect();
        Tagger {
            model,
            xpos,
            upos,
            hashes,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The class of each word.
    pub fn tag(&self, words: &[WordAtoms]) -> Vec<u16> {
        let mut out = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.model.nclass()];
        let (mut p1, mut p2) = (START, START);
        for i in 0..words.len() {
            features(words, i, p1, p2, &mut feats);
            self.model.score(&feats, &mut scores);
            let c = argmax(&scores, |_| true).unwrap_or(0);
            out.push(c as u16);
            p2 = p1;
            p1 = self.hashes[c];
        }
        out
    }

    pub fn xpos(&self, class: u16) -> &str {
        self.xpos.get(class as usize).map_or("X", String::as_str)
    }

    pub fn upos(&self, class: u16) -> &str {
        self.upos.get(class as usize).map_or("X", String::as_str)
    }

    /// The atom the parser sees for a class.
    pub fn hash(&self, class: u16) -> u64 {
        self.hashes.get(class as usize).copied().unwrap_or(0)
    }
}

/// The atom of a Penn tag, as the tagger's history and the parser see it.
pub fn tag_hash(xpos: &str) -> u64 {
    str_hash(xpos) ^ 0x7461_6721
}

/// Trains a tagger on sentences of (form, "XPOS UPOS") pairs.
pub fn train(
    sents: &[(Vec<WordAtoms>, Vec<String>)],
    epochs: usize,
    seed: u64,
    min_count: u32,
) -> Tagger {
    let mut classes: Vec<String> = sents.iter().flat_map(|s| s.1.iter().cloned()).collect();
    classes.sort();
    classes.dedup();
    let class_of = |c: &str| classes.binary_search_by(|x| x.as_str().cmp(c)).unwrap_or(0);
    let gold: Vec<Vec<usize>> = sents
        .iter()
        .map(|s| s.1.iter().map(|c| class_of(c)).collect())
        .collect();
    let hashes: Vec<u64> = classes
        .iter()
        .map(|c| tag_hash(c.split_once(' ').map_or(c.as_str(), |x| x.0)))
        .collect();
    let mut t = Trainer::new(classes.len());
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0f32; classes.len()];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let words = &sents[si].0;
            let (mut p1, mut p2) = (START, START);
            for (i, &y) in gold[si].iter().enumerate() {
                features(words, i, p1, p2, &mut feats);
                if epoch == 0 {
                    t.count(&feats);
                }
                t.score(&feats, &mut scores);
                let g = argmax(&scores, |_| true).unwrap_or(0);
                t.update(&feats, y, g);
                t.tick();
                p2 = p1;
                // Condition on what the tagger will see at run time: its
                // own previous guess.
                p1 = hashes[g];
            }
        }
    }
    Tagger::new(t.freeze(classes, min_count))
}
