//! Part-of-speech tagging: greedy averaged perceptrons (the design of
//! Collins 2002, with the feature set of the "good POS tagger in 200
//! lines" family) in two passes. The first reads left to right with the
//! tags it has already chosen; the second reads again with the first's
//! tags of the following words too, which a left-to-right pass cannot
//! see ("that" before a verb or a noun). Each class is a Penn Treebank
//! tag with its Universal tag ("VBD VERB"), so one decision gives both.
//!
//! Both passes also see each word's ambiguity class: the set of tags the
//! training data gave it (a small dictionary stored among the weights),
//! which generalises across words that behave alike.

use std::collections::HashMap;

use crate::hash::{feat, mix, str_hash};
use crate::perceptron::{argmax, Model, Trainer};
use crate::word::{WordAtoms, END, START};

/// Template of the dictionary rows: under `feat(DICT, lower, 0, 0)`, one
/// cell per tag the word was seen with.
const DICT: u64 = 200;
/// Template of the row that marks a two-pass model.
const TWO_PASS: u64 = 201;
/// The second pass's templates are the first's plus this.
const PASS2: u64 = 100;
/// The ambiguity class of a word the dictionary does not hold.
const UNSEEN: u64 = 0x554e_5345_454e;

/// A word needs this many occurrences to enter the dictionary, and a tag
/// this share of them (1/20) to enter its class: rarer ones are mostly
/// annotation noise.
const DICT_MIN: u32 = 2;
const DICT_SHARE: u32 = 20;

/// Features of word `i` given the two previous tags, and in the second
/// pass (`right`) the first pass's tags of every word.
pub(crate) fn features(
    w: &[WordAtoms],
    amb: &[u64],
    i: usize,
    (p1, p2): (u64, u64),
    right: Option<&[u64]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let base = if right.is_some() { PASS2 } else { 0 };
    let at = |k: isize| -> Option<&WordAtoms> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            w.get(j as usize)
        }
    };
    let edge = |k: isize| if k < 0 { START } else { END };
    let lower = |k: isize| at(k).map_or(edge(k), |a| a.lower);
    let suf = |k: isize, n: usize| at(k).map_or(edge(k), |a| a.suf[n]);
    let shape = |k: isize| at(k).map_or(edge(k), |a| a.shape);
    let amb_at = |k: isize| {
        let j = i as isize + k;
        if j < 0 {
            START
        } else {
            amb.get(j as usize).copied().unwrap_or(END)
        }
    };
    let me = &w[i];
    let f = |t: u64, a: u64, b: u64| feat(base + t, a, b, 0);
    out.push(f(1, 0, 0));
    out.push(f(2, me.lower, 0));
    for (k, s) in me.suf.iter().enumerate() {
        out.push(f(3 + k as u64, *s, 0));
    }
    for (k, p) in me.pre.iter().enumerate() {
        out.push(f(7 + k as u64, *p, 0));
    }
    out.push(f(10, me.shape, 0));
    out.push(f(11, p1, 0));
    out.push(f(12, p2, 0));
    out.push(f(13, p1, p2));
    out.push(f(14, p1, me.lower));
    out.push(f(15, lower(-1), 0));
    out.push(f(16, suf(-1, 2), 0));
    out.push(f(17, lower(-2), 0));
    out.push(f(18, lower(1), 0));
    out.push(f(19, suf(1, 2), 0));
    out.push(f(20, lower(2), 0));
    out.push(f(21, lower(-1), me.lower));
    out.push(f(22, me.lower, lower(1)));
    out.push(f(23, shape(1), 0));
    out.push(f(24, shape(-1), 0));
    out.push(f(25, p1, me.suf[2]));
    out.push(f(26, (i == 0) as u64, me.title as u64));
    out.push(f(27, p1, lower(1)));
    out.push(f(28, suf(1, 2), me.suf[2]));
    out.push(f(29, suf(-1, 1), 0));
    out.push(f(30, suf(1, 1), 0));
    out.push(f(31, suf(1, 3), 0));
    out.push(f(32, p1, me.shape));
    out.push(f(33, lower(-1), lower(1)));
    out.push(f(34, lower(1), lower(2)));
    out.push(f(35, suf(2, 2), 0));
    // Ambiguity classes.
    let a0 = amb_at(0);
    out.push(f(40, a0, 0));
    out.push(f(41, amb_at(1), 0));
    out.push(f(42, amb_at(2), 0));
    out.push(f(43, a0, amb_at(1)));
    out.push(f(44, p1, a0));
    out.push(f(45, a0, me.suf[2]));
    out.push(f(46, amb_at(-1), a0));
    if let Some(r) = right {
        let tag_at = |k: usize| r.get(i + k).copied().unwrap_or(END);
        let (r1, r2) = (tag_at(1), tag_at(2));
        out.push(f(60, r1, 0));
        out.push(f(61, r1, r2));
        out.push(f(62, r1, me.lower));
        out.push(f(63, p1, r1));
        out.push(f(64, r1, me.suf[2]));
        out.push(f(65, r1, a0));
        out.push(f(66, tag_at(0), 0));
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    two_pass: bool,
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
        let two_pass = model.row(feat(TWO_PASS, 0, 0, 0)).is_some();
        Tagger {
            model,
            two_pass,
            xpos,
            upos,
            hashes,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The ambiguity class of a word: its tags in the dictionary.
    fn ambiguity(&self, w: &WordAtoms) -> u64 {
        self.model
            .row(feat(DICT, w.lower, 0, 0))
            .map_or(UNSEEN, |row| class_set_hash(row.iter().map(|c| c.0)))
    }

    /// The class of each word.
    pub fn tag(&self, words: &[WordAtoms]) -> Vec<u16> {
        let amb: Vec<u64> = words.iter().map(|w| self.ambiguity(w)).collect();
        self.tag_with(words, &amb)
    }

    /// The class of each word, given their ambiguity classes.
    fn tag_with(&self, words: &[WordAtoms], amb: &[u64]) -> Vec<u16> {
        let first = self.pass(words, amb, None);
        if !self.two_pass {
            return first;
        }
        let right: Vec<u64> = first.iter().map(|&c| self.hash(c)).collect();
        self.pass(words, amb, Some(&right))
    }

    fn pass(&self, words: &[WordAtoms], amb: &[u64], right: Option<&[u64]>) -> Vec<u16> {
        let mut out = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0i32; self.model.nclass()];
        let (mut p1, mut p2) = (START, START);
        for i in 0..words.len() {
            features(words, amb, i, (p1, p2), right, &mut feats);
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

/// The atom of a set of classes (given in increasing order).
fn class_set_hash(classes: impl Iterator<Item = u16>) -> u64 {
    classes.fold(0x616d_6221, |h, c| mix(h, c as u64 + 1))
}

/// Tag counts per word form.
type Counts = HashMap<u64, Vec<(u16, u32)>>;

/// The ambiguity class of `lower` from its tag counts, less `minus` (the
/// counts of the sentence being tagged, when training).
fn class_from(counts: &[(u16, u32)], minus: &[(u16, u32)]) -> Option<Vec<u16>> {
    let left = |c: u16, n: u32| n - minus.iter().find(|m| m.0 == c).map_or(0, |m| m.1);
    let total: u32 = counts.iter().map(|&(c, n)| left(c, n)).sum();
    if total < DICT_MIN {
        return None;
    }
    let mut set: Vec<u16> = counts
        .iter()
        .filter(|&&(c, n)| {
            let k = left(c, n);
            k > 0 && k * DICT_SHARE >= total
        })
        .map(|&(c, _)| c)
        .collect();
    set.sort_unstable();
    Some(set)
}

fn count_tags(words: &[WordAtoms], gold: &[usize], into: &mut Counts) {
    for (w, &y) in words.iter().zip(gold) {
        let row = into.entry(w.lower).or_default();
        match row.iter_mut().find(|r| r.0 as usize == y) {
            Some(r) => r.1 += 1,
            None => row.push((y as u16, 1)),
        }
    }
}

/// Trains a tagger on sentences of (form, "XPOS UPOS") pairs. With
/// `folds` > 1 it has two passes, the second trained on first-pass tags
/// from `folds` taggers that did not see the sentence; the result then
/// also holds, per sentence, the tags of a two-pass tagger that did not
/// see it (for training the parser on realistic tags). `progress` hears
/// what is being done.
pub fn train(
    sents: &[(Vec<WordAtoms>, Vec<String>)],
    epochs: usize,
    seed: u64,
    min_count: u32,
    folds: usize,
    progress: &mut dyn FnMut(&str),
) -> (Tagger, Option<Vec<Vec<u16>>>) {
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
    // The dictionary, and each training word's class without its own
    // sentence's counts: the tagger then meets unseen words in training
    // about as often as it will at run time.
    let mut counts = Counts::new();
    for (s, g) in sents.iter().zip(&gold) {
        count_tags(&s.0, g, &mut counts);
    }
    let amb: Vec<Vec<u64>> = sents
        .iter()
        .zip(&gold)
        .map(|(s, g)| {
            let mut own = Counts::new();
            count_tags(&s.0, g, &mut own);
            s.0.iter()
                .map(|w| {
                    let c = &counts[&w.lower];
                    class_from(c, &own[&w.lower])
                        .map_or(UNSEEN, |set| class_set_hash(set.into_iter()))
                })
                .collect()
        })
        .collect();
    let mut dict: Vec<(u64, Vec<(u16, i16)>)> = counts
        .iter()
        .filter_map(|(&w, c)| {
            let set = class_from(c, &[])?;
            Some((
                feat(DICT, w, 0, 0),
                set.into_iter().map(|c| (c, i16::MAX)).collect(),
            ))
        })
        .collect();
    dict.sort_unstable_by_key(|r| r.0);
    let data = Data {
        sents,
        gold: &gold,
        amb: &amb,
        hashes: &hashes,
        classes: &classes,
        epochs,
        min_count,
    };
    let all: Vec<usize> = (0..sents.len()).collect();
    progress("tagger, first pass");
    let first = data.pass(&all, None, seed);
    if folds <= 1 {
        let t = Tagger::new(Model::merged(&[&first], dict));
        return (t, None);
    }
    let fold =
        |k: usize| -> (Vec<usize>, Vec<usize>) { (0..sents.len()).partition(|i| i % folds != k) };
    // First-pass tags of every sentence from taggers that did not see it.
    let mut right: Vec<Vec<u64>> = vec![Vec::new(); sents.len()];
    let mut firsts = Vec::with_capacity(folds);
    for k in 0..folds {
        progress(&format!("tagger, first pass, fold {}/{folds}", k + 1));
        let (train, held) = fold(k);
        let m = data.pass(&train, None, seed + k as u64 + 1);
        let t = Tagger::new(Model::merged(&[&m], Vec::new()));
        for &i in &held {
            right[i] = t
                .tag_with(&sents[i].0, &amb[i])
                .into_iter()
                .map(|c| hashes[c as usize])
                .collect();
        }
        firsts.push(m);
    }
    // Two-pass tags from taggers that did not see the sentence.
    let mut held_tags: Vec<Vec<u16>> = vec![Vec::new(); sents.len()];
    for (k, m1) in firsts.iter().enumerate() {
        progress(&format!("tagger, second pass, fold {}/{folds}", k + 1));
        let (train, held) = fold(k);
        let m2 = data.pass(&train, Some(&right), seed + (folds + k) as u64 + 1);
        let t = Tagger::new(Model::merged(&[m1, &m2], vec![marker()]));
        for &i in &held {
            held_tags[i] = t.tag_with(&sents[i].0, &amb[i]);
        }
    }
    progress("tagger, second pass");
    let second = data.pass(&all, Some(&right), seed + 2 * folds as u64 + 1);
    dict.push(marker());
    let t = Tagger::new(Model::merged(&[&first, &second], dict));
    (t, Some(held_tags))
}

fn marker() -> (u64, Vec<(u16, i16)>) {
    (feat(TWO_PASS, 0, 0, 0), vec![(0, i16::MAX)])
}

/// What every training pass reads.
struct Data<'a> {
    sents: &'a [(Vec<WordAtoms>, Vec<String>)],
    gold: &'a [Vec<usize>],
    amb: &'a [Vec<u64>],
    hashes: &'a [u64],
    classes: &'a [String],
    epochs: usize,
    min_count: u32,
}

impl Data<'_> {
    /// Trains one pass on the sentences `which`: the first pass, or with
    /// `right` (first-pass tag atoms per sentence) the second.
    fn pass(&self, which: &[usize], right: Option<&[Vec<u64>]>, seed: u64) -> Model {
        let mut t = Trainer::new(self.classes.len());
        let mut order = which.to_vec();
        let mut rng = crate::train::Rng::new(seed);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; self.classes.len()];
        for epoch in 0..self.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let words = &self.sents[si].0;
                let r = right.map(|r| r[si].as_slice());
                let (mut p1, mut p2) = (START, START);
                for (i, &y) in self.gold[si].iter().enumerate() {
                    features(words, &self.amb[si], i, (p1, p2), r, &mut feats);
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
                    p1 = self.hashes[g];
                }
            }
        }
        t.freeze(self.classes.to_vec(), self.min_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two-pass training on a toy corpus: the stored model knows it has
    /// two passes and a dictionary, and tags its training words back.
    #[test]
    fn two_pass_tagger_learns_and_keeps_its_dictionary() {
        let sent = |ws: &[(&str, &str)]| {
            (
                ws.iter().map(|w| WordAtoms::of(w.0)).collect::<Vec<_>>(),
                ws.iter().map(|w| w.1.to_string()).collect::<Vec<_>>(),
            )
        };
        let verb = sent(&[("they", "PRP PRON"), ("talk", "VBP VERB"), (".", ". PUNCT")]);
        let noun = sent(&[
            ("the", "DT DET"),
            ("talk", "NN NOUN"),
            ("ended", "VBD VERB"),
        ]);
        // Both kinds in each of the two folds (sentence i is in fold i % 2).
        let data: Vec<_> = (0..8)
            .map(|i| {
                if i % 4 == 0 || i % 4 == 3 {
                    verb.clone()
                } else {
                    noun.clone()
                }
            })
            .collect();
        let (t, held) = train(&data, 5, 1, 1, 2, &mut |_| {});
        assert!(t.two_pass);
        assert_eq!(held.map(|h| h.len()), Some(data.len()));
        let talk = t.ambiguity(&WordAtoms::of("talk"));
        assert_ne!(talk, UNSEEN);
        assert_ne!(talk, t.ambiguity(&WordAtoms::of("the")));
        assert_eq!(t.ambiguity(&WordAtoms::of("zebra")), UNSEEN);
        // The dictionary and the mark survive pruning and coarsening.
        let small = Tagger::new(
            Model::from_bytes(&t.model().pruned(500).coarsened(6).to_bytes()).expect("reads"),
        );
        assert!(small.two_pass);
        assert_eq!(small.ambiguity(&WordAtoms::of("talk")), talk);
        let back = Tagger::new(Model::from_bytes(&t.model().to_bytes()).expect("reads"));
        for (words, gold) in &data[..2] {
            let tags: Vec<&str> = back.tag(words).iter().map(|&c| back.xpos(c)).collect();
            let want: Vec<&str> = gold
                .iter()
                .map(|g| g.split(' ').next().unwrap_or(""))
                .collect();
            assert_eq!(tags, want);
        }
    }
}
