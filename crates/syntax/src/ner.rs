//! Name tagging: people, organisations, locations and a miscellaneous class
//! (nationalities, events, works), as BIO tags chosen greedily left to right
//! by the same averaged perceptron as the part-of-speech tagger.
//!
//! Besides the word and its neighbours, each word carries two pieces of
//! outside evidence the caller supplies: a *hint* (what a lexicon or
//! gazetteer match covering the word says it is, as an atom; 0 for none) and
//! whether the document writes the same word capitalised mid-sentence
//! elsewhere (which tells a name in an all-capitals headline from a word).
//!
//! Lower-case words after a word outside any name are not scored (they are
//! outside names, but for a few lower-case names on the web): it keeps the
//! tagger cheap enough to run on every sentence. Training applies the same
//! rule, so the model learns only the decisions it will be asked.

use crate::hash::{feat, str_hash};
use crate::perceptron::{argmax, Model, Trainer};
use crate::word::{WordAtoms, END, NONE, START};

/// What the tagger knows of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameWord {
    pub atoms: WordAtoms,
    /// The form as written (case kept), digits folded.
    pub form: u64,
    /// A lexicon or gazetteer hint (an atom from `hint`), or 0.
    pub hint: u64,
    /// The document writes this word capitalised mid-sentence elsewhere.
    pub doc_title: bool,
    /// Has an upper-case letter: a word that may open a name.
    pub marked: bool,
    /// Every letter is upper case (and there are at least two).
    pub caps: bool,
}

/// The atom of a hint, from the kind of lexicon entry and whether the word
/// opens the match ("B") or continues it ("I").
pub fn hint(kind: &str, begins: bool) -> u64 {
    str_hash(kind) ^ if begins { 0x4221 } else { 0x4921 }
}

impl NameWord {
    /// Everything but the word's atoms and hashes, which only words near a
    /// capitalised one need (`complete`).
    fn cheap(form: &str, hint: u64) -> NameWord {
        let (mut upper, mut lower, mut letters) = (false, false, 0);
        for c in form.chars() {
            upper |= c.is_uppercase();
            lower |= c.is_lowercase();
            letters += usize::from(c.is_alphabetic());
        }
        NameWord {
            atoms: WordAtoms::default(),
            form: 0,
            hint,
            doc_title: false,
            marked: upper,
            caps: letters >= 2 && !lower,
        }
    }

    fn complete(&mut self, form: &str) {
        // The case-kept form with digits folded, hashed without allocating
        // for ordinary words.
        self.form = if form.len() <= 64 && form.bytes().any(|b| b.is_ascii_digit()) {
            let mut buf = [0u8; 64];
            for (o, b) in buf.iter_mut().zip(form.bytes()) {
                *o = if b.is_ascii_digit() { b'0' } else { b };
            }
            str_hash(std::str::from_utf8(&buf[..form.len()]).unwrap_or(form))
        } else {
            str_hash(form)
        };
        self.atoms = WordAtoms::of(form);
    }
}

/// A document as the name tagger reads it: per sentence, the words' byte
/// spans and the words.
pub type DocumentWords = (Vec<Vec<(usize, usize)>>, Vec<Vec<NameWord>>);

/// One document's sentences as name-tagger words. `sents` holds each
/// sentence's word spans in `text`, `hints` a hint per word (same shape).
/// Works out `doc_title` over the whole document.
pub fn document(
    text: &str,
    sents: &[Vec<(usize, usize)>],
    hints: &[Vec<u64>],
) -> Vec<Vec<NameWord>> {
    let form = |&(s, e): &(usize, usize)| text.get(s..e).unwrap_or("");
    let mut words: Vec<Vec<NameWord>> = sents
        .iter()
        .enumerate()
        .map(|(k, sent)| {
            let mut ws: Vec<NameWord> = sent
                .iter()
                .enumerate()
                .map(|(i, sp)| {
                    let h = hints.get(k).and_then(|h| h.get(i)).copied().unwrap_or(0);
                    NameWord::cheap(form(sp), h)
                })
                .collect();
            // Features reach two words either side of a scored word, and
            // only capitalised words and the words after a name are scored.
            let marked: Vec<bool> = ws.iter().map(|w| w.marked).collect();
            for (i, w) in ws.iter_mut().enumerate() {
                let near = marked[i.saturating_sub(2)..(i + 3).min(marked.len())]
                    .iter()
                    .any(|&m| m);
                if near {
                    w.complete(form(&sent[i]));
                }
            }
            ws
        })
        .collect();
    // Words written with a capital mid-sentence, outside all-capitals
    // sentences (by the hash of their lower-cased form).
    let mut titled = std::collections::HashSet::<u64, crate::hash::BuildPrehashed>::default();
    for sent in &words {
        if headline_words(sent) {
            continue;
        }
        for w in sent.iter().skip(1) {
            if w.atoms.title {
                titled.insert(w.atoms.lower);
            }
        }
    }
    for w in words.iter_mut().flatten() {
        w.doc_title = titled.contains(&w.atoms.lower);
    }
    words
}

/// Whether word `i` is scored, given the previous decision.
fn scored(w: &NameWord, prev_outside: bool) -> bool {
    w.marked || !prev_outside
}

/// Features of word `i` given the two previous tags; `caps` says the
/// sentence is mostly in capitals.
/// What the document said of a word before: the kind of the last name it
/// was part of (by its lower-cased form), as an atom, or `NONE`.
type Memory = std::collections::HashMap<u64, u64, crate::hash::BuildPrehashed>;

fn features(
    w: &[NameWord],
    i: usize,
    (p1, p2): (u64, u64),
    caps: bool,
    before: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
    let at = |k: isize| -> Option<&NameWord> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            w.get(j as usize)
        }
    };
    let edge = |k: isize| if k < 0 { START } else { END };
    let lower = |k: isize| at(k).map_or(edge(k), |a| a.atoms.lower);
    let form = |k: isize| at(k).map_or(edge(k), |a| a.form);
    let shape = |k: isize| at(k).map_or(edge(k), |a| a.atoms.shape);
    let hint = |k: isize| at(k).map_or(edge(k), |a| a.hint);
    let me = &w[i];
    let a = &me.atoms;
    let caps = caps as u64;
    out.push(feat(1, 0, 0, 0));
    out.push(feat(2, me.form, 0, 0));
    out.push(feat(3, a.lower, 0, 0));
    out.push(feat(4, a.suf[1], 0, 0));
    out.push(feat(5, a.suf[2], 0, 0));
    out.push(feat(6, a.suf[3], 0, 0));
    out.push(feat(8, a.pre[2], 0, 0));
    out.push(feat(11, a.shape, caps, 0));
    out.push(feat(12, p1, 0, 0));
    out.push(feat(13, p1, p2, 0));
    out.push(feat(14, p1, a.shape, 0));
    out.push(feat(16, lower(-1), 0, 0));
    out.push(feat(17, lower(1), 0, 0));
    out.push(feat(18, lower(-2), 0, 0));
    out.push(feat(19, lower(2), 0, 0));
    out.push(feat(20, form(-1), 0, 0));
    out.push(feat(21, form(1), 0, 0));
    out.push(feat(22, lower(-1), a.lower, 0));
    out.push(feat(23, a.lower, lower(1), 0));
    out.push(feat(24, shape(-1), a.shape, shape(1)));
    out.push(feat(27, me.hint, 0, 0));
    out.push(feat(28, me.hint, a.shape, 0));
    out.push(feat(29, hint(-1), me.hint, 0));
    out.push(feat(30, me.hint, hint(1), 0));
    out.push(feat(31, me.doc_title as u64, a.shape, caps));
    out.push(feat(32, me.doc_title as u64, a.lower, caps));
    out.push(feat(33, (i == 0) as u64, a.shape, 0));
    out.push(feat(34, before, 0, 0));
    out.push(feat(35, before, a.shape, 0));
}

/// The kind of a tagged name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Person,
    Organisation,
    Location,
    Misc,
}

impl NameKind {
    pub fn label(self) -> &'static str {
        match self {
            NameKind::Person => "PER",
            NameKind::Organisation => "ORG",
            NameKind::Location => "LOC",
            NameKind::Misc => "MISC",
        }
    }

    fn of(label: &str) -> Option<NameKind> {
        Some(match label {
            "PER" => NameKind::Person,
            "ORG" => NameKind::Organisation,
            "LOC" => NameKind::Location,
            "MISC" => NameKind::Misc,
            _ => return None,
        })
    }
}

/// A tagged name: words `start..end` of its sentence, its kind, and the
/// smallest margin between the chosen tag and the best other one over its
/// words (in the model's units: a confidence, higher is surer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
    pub margin: f32,
}

/// A trained name tagger.
#[derive(Debug, Clone)]
pub struct NameTagger {
    model: Model,
    /// Per class: `None` for O, else (begins, kind).
    tags: Vec<Option<(bool, NameKind)>>,
    hashes: Vec<u64>,
    outside: usize,
}

/// Why a stored name model cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum NameModelError {
    #[error("{0}")]
    Model(#[from] crate::perceptron::ModelError),
    #[error("name model class {0:?} is not O, B-KIND or I-KIND")]
    Class(String),
}

fn parse_class(c: &str) -> Option<Option<(bool, NameKind)>> {
    if c == "O" {
        return Some(None);
    }
    let (bio, kind) = c.split_once('-')?;
    let begins = match bio {
        "B" => true,
        "I" => false,
        _ => return None,
    };
    Some(Some((begins, NameKind::of(kind)?)))
}

impl NameTagger {
    pub fn new(model: Model) -> Result<NameTagger, NameModelError> {
        let mut tags = Vec::new();
        for c in model.classes() {
            tags.push(parse_class(c).ok_or_else(|| NameModelError::Class(c.clone()))?);
        }
        let outside = tags
            .iter()
            .position(Option::is_none)
            .ok_or_else(|| NameModelError::Class("(no O class)".to_string()))?;
        let hashes = model.classes().iter().map(|c| class_hash(c)).collect();
        Ok(NameTagger {
            model,
            tags,
            hashes,
            outside,
        })
    }

    pub fn from_bytes(b: &[u8]) -> Result<NameTagger, NameModelError> {
        NameTagger::new(Model::from_bytes(b)?)
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The names in one sentence, seen alone.
    pub fn names(&self, words: &[NameWord]) -> Vec<Name> {
        self.names_with(words, &mut Memory::default())
    }

    /// The names in each sentence of a document, in order: a word tagged
    /// earlier informs its later uses ("Tergat" after "Paul Tergat").
    pub fn document_names(&self, sents: &[Vec<NameWord>]) -> Vec<Vec<Name>> {
        let mut memory = Memory::default();
        sents
            .iter()
            .map(|s| self.names_with(s, &mut memory))
            .collect()
    }

    fn names_with(&self, words: &[NameWord], memory: &mut Memory) -> Vec<Name> {
        let mut out = Vec::new();
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.model.nclass()];
        let caps = headline_words(words);
        let (mut p1, mut p2) = (START, START);
        let mut prev = self.outside;
        let mut open: Option<Name> = None;
        for i in 0..words.len() {
            let (c, margin) = if scored(&words[i], prev == self.outside) {
                let before = memory.get(&words[i].atoms.lower).copied().unwrap_or(NONE);
                features(words, i, (p1, p2), caps, before, &mut feats);
                self.model.score(&feats, &mut scores);
                let ok = |k: usize| follows(&self.tags, prev, k);
                let c = argmax(&scores, ok).unwrap_or(self.outside);
                let second = (0..scores.len())
                    .filter(|&k| k != c && ok(k))
                    .map(|k| scores[k])
                    .max()
                    .unwrap_or(scores[c]);
                (c, self.model.unscale(scores[c] - second))
            } else {
                (self.outside, 0.0)
            };
            if let Some((_, kind)) = self.tags[c] {
                memory.insert(words[i].atoms.lower, kind_atom(kind));
            }
            match self.tags[c] {
                Some((true, kind)) => {
                    out.extend(open.take());
                    open = Some(Name {
                        start: i,
                        end: i + 1,
                        kind,
                        margin,
                    });
                }
                Some((false, _)) => {
                    if let Some(n) = open.as_mut() {
                        n.end = i + 1;
                        n.margin = n.margin.min(margin);
                    }
                }
                None => out.extend(open.take()),
            }
            prev = c;
            p2 = p1;
            p1 = self.hashes[c];
        }
        out.extend(open);
        out
    }
}

fn kind_atom(k: NameKind) -> u64 {
    str_hash(k.label()) ^ 0x6b69_6e64
}

fn headline_words(words: &[NameWord]) -> bool {
    let n = words.iter().filter(|w| w.marked || w.caps).count();
    let caps = words.iter().filter(|w| w.caps).count();
    n >= 2 && caps * 2 > words.len().max(2)
}

/// Whether class `k` may follow class `prev`: I-X only inside an X.
fn follows(tags: &[Option<(bool, NameKind)>], prev: usize, k: usize) -> bool {
    match tags[k] {
        Some((false, kind)) => matches!(tags[prev], Some((_, p)) if p == kind),
        _ => true,
    }
}

fn class_hash(c: &str) -> u64 {
    str_hash(c) ^ 0x6e65_7221
}

/// One training document: its sentences, each with its words and their
/// BIO classes ("O", "B-PER", "I-ORG", ...).
pub type TrainingDoc = Vec<(Vec<NameWord>, Vec<String>)>;

/// Trains a name tagger on documents (shuffled each epoch; sentences stay
/// in order, as the tagger's memory of a document needs).
pub fn train(
    docs: &[TrainingDoc],
    epochs: usize,
    seed: u64,
    min_count: u32,
) -> Result<NameTagger, NameModelError> {
    let mut classes: Vec<String> = docs
        .iter()
        .flatten()
        .flat_map(|s| s.1.iter().cloned())
        .collect();
    classes.push("O".to_string());
    classes.sort();
    classes.dedup();
    let tags: Vec<Option<(bool, NameKind)>> = classes
        .iter()
        .map(|c| parse_class(c).ok_or_else(|| NameModelError::Class(c.clone())))
        .collect::<Result<_, _>>()?;
    let outside = classes.iter().position(|c| c == "O").unwrap_or(0);
    let class_of = |c: &str| {
        classes
            .binary_search_by(|x| x.as_str().cmp(c))
            .unwrap_or(outside)
    };
    let hashes: Vec<u64> = classes.iter().map(|c| class_hash(c)).collect();
    let mut t = Trainer::new(classes.len());
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0f32; classes.len()];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &di in &order {
            let mut memory = Memory::default();
            for (words, gold) in &docs[di] {
                let caps = headline_words(words);
                let (mut p1, mut p2) = (START, START);
                let mut prev = outside;
                for (i, y) in gold.iter().enumerate().take(words.len()) {
                    let y = class_of(y);
                    let g = if scored(&words[i], prev == outside) {
                        let before = memory.get(&words[i].atoms.lower).copied().unwrap_or(NONE);
                        features(words, i, (p1, p2), caps, before, &mut feats);
                        if epoch == 0 {
                            t.count(&feats);
                        }
                        t.score(&feats, &mut scores);
                        let g = argmax(&scores, |k| follows(&tags, prev, k)).unwrap_or(outside);
                        t.update(&feats, y, g);
                        t.tick();
                        g
                    } else {
                        outside
                    };
                    // Remember what the tagger said, as at run time.
                    if let Some((_, kind)) = tags[g] {
                        memory.insert(words[i].atoms.lower, kind_atom(kind));
                    }
                    prev = g;
                    p2 = p1;
                    p1 = hashes[g];
                }
            }
        }
    }
    NameTagger::new(t.freeze(classes, min_count))
}

/// How the shipped name tagger was made small (see `crate::PRUNE`): its
/// weights are fewer and smaller than the parser's, so it is pruned less.
pub const PRUNE: i16 = 10;
pub const COARSEN: u32 = 4;

static NAMES: &[u8] = include_bytes!("../data/names.bin");

/// The shipped name tagger, read once on first use.
pub fn builtin() -> Result<&'static NameTagger, &'static NameModelError> {
    static BUILTIN: std::sync::OnceLock<Result<NameTagger, NameModelError>> =
        std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| NameTagger::from_bytes(NAMES))
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(words: &[(&str, &str)]) -> (Vec<NameWord>, Vec<String>) {
        let text: Vec<String> = words.iter().map(|w| w.0.to_string()).collect();
        let mut spans = Vec::new();
        let mut joined = String::new();
        for w in &text {
            if !joined.is_empty() {
                joined.push(' ');
            }
            spans.push((joined.len(), joined.len() + w.len()));
            joined.push_str(w);
        }
        let ws = document(&joined, &[spans], &[vec![0; words.len()]]).remove(0);
        (ws, words.iter().map(|w| w.1.to_string()).collect())
    }

    /// A toy corpus: people after "Mr", organisations before "Corp".
    fn toy() -> Vec<TrainingDoc> {
        let mut docs = Vec::new();
        for (a, b) in [
            ("Smith", "Acme"),
            ("Jones", "Bolt"),
            ("Brown", "Crane"),
            ("Green", "Delta"),
        ] {
            docs.push(vec![
                sent(&[
                    ("Mr", "O"),
                    (a, "B-PER"),
                    ("met", "O"),
                    (b, "B-ORG"),
                    ("Corp", "I-ORG"),
                    ("staff", "O"),
                ]),
                sent(&[
                    (b, "B-ORG"),
                    ("Corp", "I-ORG"),
                    ("hired", "O"),
                    ("Mr", "O"),
                    (a, "B-PER"),
                ]),
            ]);
        }
        docs
    }

    #[test]
    fn learns_and_decodes_bio_names() {
        let tagger = train(&toy(), 5, 1, 1).expect("trained");
        let (ws, _) = sent(&[
            ("Mr", "O"),
            ("White", "O"),
            ("met", "O"),
            ("Echo", "O"),
            ("Corp", "O"),
        ]);
        let names = tagger.names(&ws);
        let got: Vec<(usize, usize, &str)> = names
            .iter()
            .map(|n| (n.start, n.end, n.kind.label()))
            .collect();
        assert_eq!(got, vec![(1, 2, "PER"), (3, 5, "ORG")]);
        assert!(names.iter().all(|n| n.margin > 0.0));
        // The stored form reads back to the same decisions.
        let bytes = tagger.model().to_bytes();
        let again = NameTagger::from_bytes(&bytes).expect("reads back");
        assert_eq!(again.names(&ws), names);
    }

    #[test]
    fn lower_case_words_after_no_name_are_not_scored() {
        let tagger = train(&toy(), 5, 1, 1).expect("trained");
        let (ws, _) = sent(&[("the", "O"), ("staff", "O"), ("met", "O")]);
        assert!(ws.iter().all(|w| !w.marked));
        assert!(tagger.names(&ws).is_empty());
    }

    #[test]
    fn a_model_without_bio_classes_is_refused() {
        let mut t = Trainer::new(2);
        t.update(&[1], 0, 1);
        let m = t.freeze(vec!["O".into(), "NOUN".into()], 0);
        assert!(matches!(NameTagger::new(m), Err(NameModelError::Class(c)) if c == "NOUN"));
    }

    #[test]
    fn shipped_tagger_reads() {
        let t = builtin().expect("names.bin reads");
        assert!(t.model().nclass() >= 9);
    }

    #[test]
    fn headline_words_and_doc_titles() {
        let text = "IRAQ SAYS TALKS WITH UN STALLED\nThe Iraq envoy said talks stalled";
        let s1: Vec<(usize, usize)> =
            [(0, 4), (5, 9), (10, 15), (16, 20), (21, 23), (24, 31)].to_vec();
        let s2: Vec<(usize, usize)> =
            [(32, 35), (36, 40), (41, 46), (47, 51), (52, 57), (58, 65)].to_vec();
        let ws = document(text, &[s1, s2], &[vec![0; 6], vec![0; 6]]);
        assert!(headline_words(&ws[0]));
        assert!(!headline_words(&ws[1]));
        // "IRAQ" is written "Iraq" mid-sentence later; "SAYS" never is.
        assert!(ws[0][0].doc_title && !ws[0][1].doc_title);
    }
}
