//! Dependency parsing: a greedy arc-eager transition system (Nivre 2003)
//! scored by an averaged perceptron over the feature set of Zhang and
//! Nivre (2011), trained with the dynamic oracle of Goldberg and Nivre
//! (2012) so that it learns to recover from its own mistakes.
//!
//! Token 0 is the artificial root and sits at the bottom of the stack.

use crate::hash::feat;
use crate::perceptron::{argmax, Model, Trainer};
use crate::word::NONE;

/// A word as the parser sees it: its form's and its tag's atoms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub w: u64,
    pub t: u64,
    /// The form's last three letters, for words seen rarely in training.
    pub s: u64,
}

impl Tok {
    pub fn new(word: &crate::word::WordAtoms, tag: u64) -> Tok {
        Tok {
            w: word.lower,
            t: tag,
            s: word.suf[2],
        }
    }
}

const ROOT_TOK: Tok = Tok {
    w: 0x524f_4f54_2121,
    t: 0x524f_4f54_2122,
    s: 0x524f_4f54_2123,
};

/// Transitions: 0 shift, 1 reduce, `2 + 2l` left-arc with label `l`,
/// `3 + 2l` right-arc with label `l`.
const SHIFT: usize = 0;
const REDUCE: usize = 1;
/// A beam item that is already a whole parse, carried over unchanged.
const STAY: u16 = u16::MAX;
/// Template of the row that records the beam width (as its one class).
const BEAM: u64 = 300;

/// A candidate extension of a beam item.
#[derive(Clone, Copy)]
struct Cand {
    score: i64,
    item: u32,
    t: u16,
}

impl Cand {
    fn new(score: i64, item: usize, t: usize) -> Cand {
        Cand {
            score,
            item: item as u32,
            t: t as u16,
        }
    }
}

/// Keeps the `k` best candidates, best first; ties go to the earlier item
/// and transition, so that parsing is deterministic.
fn best_first(cands: &mut Vec<Cand>, k: usize) {
    let order = |a: &Cand, b: &Cand| {
        b.score
            .cmp(&a.score)
            .then(a.item.cmp(&b.item))
            .then(a.t.cmp(&b.t))
    };
    if cands.len() > k {
        cands.select_nth_unstable_by(k - 1, order);
        cands.truncate(k);
    }
    cands.sort_unstable_by(order);
}

/// A parse: for each word (1-based positions, index 0 unused) its head
/// (0 = root) and label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
}

#[derive(Clone)]
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    has_head: Vec<bool>,
    lmost: [Vec<usize>; 2],
    rmost: [Vec<usize>; 2],
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    root_done: bool,
}

#[derive(Clone, Copy)]
struct Moves {
    shift: bool,
    reduce: bool,
    left: bool,
    /// Right-arcs allowed: `Some(true)` only with the root label (s0 is the
    /// root), `Some(false)` with any other.
    right: Option<bool>,
}

impl Moves {
    #[inline(always)]
    fn allows(self, t: usize, root_label: usize) -> bool {
        match t {
            SHIFT => self.shift,
            REDUCE => self.reduce,
            _ if t & 1 == 0 => self.left && (t - 2) / 2 != root_label,
            _ => self
                .right
                .is_some_and(|root| root == ((t - 3) / 2 == root_label)),
        }
    }
}

/// 0 stands for "none" in the dependent slots: the root is never a
/// dependent.
const NO: usize = 0;

impl State {
    fn new(n: usize) -> State {
        let z = vec![0usize; n + 1];
        State {
            n,
            stack: vec![0],
            b: 1,
            head: z.clone(),
            label: vec![0; n + 1],
            has_head: vec![false; n + 1],
            lmost: [z.clone(), z.clone()],
            rmost: [z.clone(), z],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
            root_done: false,
        }
    }

    /// Becomes a copy of `other`, reusing this state's buffers.
    fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.head.clone_from(&other.head);
        self.label.clone_from(&other.label);
        self.has_head.clone_from(&other.has_head);
        for i in 0..2 {
            self.lmost[i].clone_from(&other.lmost[i]);
            self.rmost[i].clone_from(&other.rmost[i]);
        }
        self.nl.clone_from(&other.nl);
        self.nr.clone_from(&other.nr);
        self.lset.clone_from(&other.lset);
        self.rset.clone_from(&other.rset);
        self.root_done = other.root_done;
    }

    fn done(&self) -> bool {
        self.b > self.n && self.stack.len() <= 1
    }

    fn s0(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    fn buffer_empty(&self) -> bool {
        self.b > self.n
    }

    fn valid(&self, t: usize, root_label: usize) -> bool {
        self.moves().allows(t, root_label)
    }

    /// Which kinds of transition the state allows.
    fn moves(&self) -> Moves {
        let buffer = !self.buffer_empty();
        let Some(s0) = self.s0() else {
            return Moves {
                shift: buffer,
                reduce: false,
                left: false,
                right: None,
            };
        };
        Moves {
            shift: buffer,
            // With the buffer empty a headless word is popped anyway; it is
            // attached after parsing.
            reduce: s0 != 0 && (self.has_head[s0] || !buffer),
            left: s0 != 0 && !self.has_head[s0] && buffer,
            right: match (buffer, s0 == 0) {
                (false, _) => None,
                (true, true) if self.root_done => None,
                (true, root) => Some(root),
            },
        }
    }

    fn arc(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h;
        self.has_head[d] = true;
        self.label[d] = l as u16;
        if d < h {
            if self.lmost[0][h] == NO || d < self.lmost[0][h] {
                self.lmost[1][h] = self.lmost[0][h];
                self.lmost[0][h] = d;
            } else if self.lmost[1][h] == NO || d < self.lmost[1][h] {
                self.lmost[1][h] = d;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1 << (l % 64);
        } else {
            if d > self.rmost[0][h] {
                self.rmost[1][h] = self.rmost[0][h];
                self.rmost[0][h] = d;
            } else if d > self.rmost[1][h] {
                self.rmost[1][h] = d;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1 << (l % 64);
        }
    }

    fn apply(&mut self, t: usize) {
        match t {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            _ if t & 1 == 0 => {
                if let Some(s0) = self.stack.pop() {
                    self.arc(self.b, s0, (t - 2) / 2);
                }
            }
            _ => {
                if let Some(s0) = self.s0() {
                    if s0 == 0 {
                        self.root_done = true;
                    }
                    self.arc(s0, self.b, (t - 3) / 2);
                    self.stack.push(self.b);
                    self.b += 1;
                }
            }
        }
    }

    /// Gold arcs made unreachable by transition `t` (Goldberg and Nivre's
    /// arc-eager costs), a wrong label counting one more.
    fn cost(&self, t: usize, gh: &[usize], gl: &[u16]) -> u32 {
        let s0 = self.s0().unwrap_or(0);
        let b = self.b;
        let buf = b..=self.n;
        let mut c = 0u32;
        match t {
            SHIFT => {
                for &k in &self.stack {
                    if gh[b] == k {
                        c += 1;
                    }
                    if k != 0 && gh[k] == b && !self.has_head[k] {
                        c += 1;
                    }
                }
            }
            REDUCE => {
                for k in buf {
                    if gh[k] == s0 {
                        c += 1;
                    }
                }
            }
            _ if t & 1 == 0 => {
                for k in buf {
                    if gh[k] == s0 {
                        c += 1;
                    }
                    if k != b && gh[s0] == k {
                        c += 1;
                    }
                }
                if gh[s0] == b && gl[s0] as usize != (t - 2) / 2 {
                    c += 1;
                }
            }
            _ => {
                for &k in &self.stack {
                    if k != s0 && gh[b] == k {
                        c += 1;
                    }
                    if k != 0 && gh[k] == b && !self.has_head[k] {
                        c += 1;
                    }
                }
                for k in b + 1..=self.n {
                    if gh[b] == k {
                        c += 1;
                    }
                }
                if gh[b] == s0 && gl[b] as usize != (t - 3) / 2 {
                    c += 1;
                }
            }
        }
        c
    }

    fn features(&self, toks: &[Tok], out: &mut Vec<u64>) {
        out.clear();
        let tok = |i: usize| toks[i];
        let none = Tok {
            w: NONE,
            t: NONE,
            s: NONE,
        };
        let opt = |i: usize| if i == NO { none } else { tok(i) };
        let lab = |i: usize, l: &[u16]| if i == NO { NONE } else { l[i] as u64 + 1 };
        let s0i = self.s0();
        let s0 = s0i.map_or(none, tok);
        let n0i = if self.buffer_empty() {
            None
        } else {
            Some(self.b)
        };
        let n0 = n0i.map_or(none, tok);
        let n1 = if self.b < self.n {
            tok(self.b + 1)
        } else {
            none
        };
        let n2 = if self.b + 1 < self.n {
            tok(self.b + 2)
        } else {
            none
        };
        let s1 = if self.stack.len() >= 2 {
            tok(self.stack[self.stack.len() - 2])
        } else {
            none
        };
        let (s0h, s0h2, s0l, s0l2, s0r, s0r2, s0vl, s0vr, s0sl, s0sr) = match s0i {
            Some(s) if s != 0 => {
                let h = if self.has_head[s] {
                    self.head[s]
                } else {
                    usize::MAX
                };
                let hh = if h != usize::MAX && h != 0 && self.has_head[h] {
                    self.head[h]
                } else {
                    usize::MAX
                };
                let ht = |i: usize| if i == usize::MAX { none } else { tok(i) };
                (
                    ht(h),
                    ht(hh),
                    self.lmost[0][s],
                    self.lmost[1][s],
                    self.rmost[0][s],
                    self.rmost[1][s],
                    self.nl[s] as u64,
                    self.nr[s] as u64,
                    self.lset[s],
                    self.rset[s],
                )
            }
            Some(s) => (
                none,
                none,
                NO,
                NO,
                self.rmost[0][s],
                self.rmost[1][s],
                0,
                self.nr[s] as u64,
                0,
                self.rset[s],
            ),
            None => (none, none, NO, NO, NO, NO, 0, 0, 0, 0),
        };
        let s0hl = match s0i {
            Some(s) if s != 0 && self.has_head[s] => self.label[s] as u64 + 1,
            _ => NONE,
        };
        let (n0l, n0l2, n0vl, n0sl) = match n0i {
            Some(b) => (
                self.lmost[0][b],
                self.lmost[1][b],
                self.nl[b] as u64,
                self.lset[b],
            ),
            None => (NO, NO, 0, 0),
        };
        let dist = match (s0i, n0i) {
            (Some(s), Some(b)) if s != 0 => (b - s).min(6) as u64,
            (Some(_), Some(_)) => 7,
            _ => 0,
        };
        let l = &self.label;
        let (s0l_t, s0l2_t, s0r_t, s0r2_t, n0l_t, n0l2_t) = (
            opt(s0l),
            opt(s0l2),
            opt(s0r),
            opt(s0r2),
            opt(n0l),
            opt(n0l2),
        );
        let f = |k: u64, a: u64, b: u64, c: u64| feat(k, a, b, c);
        // Single words.
        out.extend([
            f(1, s0.w, s0.t, 0),
            f(2, s0.w, 0, 0),
            f(3, s0.t, 0, 0),
            f(4, n0.w, n0.t, 0),
            f(5, n0.w, 0, 0),
            f(6, n0.t, 0, 0),
            f(7, n1.w, n1.t, 0),
            f(8, n1.w, 0, 0),
            f(9, n1.t, 0, 0),
            f(10, n2.w, n2.t, 0),
            f(11, n2.w, 0, 0),
            f(12, n2.t, 0, 0),
        ]);
        // Pairs.
        out.extend([
            f(13, s0.w ^ s0.t.rotate_left(17), n0.w, n0.t),
            f(14, s0.w, s0.t, n0.w),
            f(15, s0.w, n0.w, n0.t),
            f(16, s0.w, s0.t, n0.t),
            f(17, s0.t, n0.w, n0.t),
            f(18, s0.w, n0.w, 0),
            f(19, s0.t, n0.t, 0),
            f(20, n0.t, n1.t, 0),
        ]);
        // Triples of tags.
        out.extend([
            f(21, n0.t, n1.t, n2.t),
            f(22, s0.t, n0.t, n1.t),
            f(23, s0h.t, s0.t, n0.t),
            f(24, s0.t, s0l_t.t, n0.t),
            f(25, s0.t, s0r_t.t, n0.t),
            f(26, s0.t, n0.t, n0l_t.t),
        ]);
        // Distance.
        out.extend([
            f(27, s0.w, dist, 0),
            f(28, s0.t, dist, 0),
            f(29, n0.w, dist, 0),
            f(30, n0.t, dist, 0),
            f(31, s0.w, n0.w, dist),
            f(32, s0.t, n0.t, dist),
        ]);
        // Valency.
        out.extend([
            f(33, s0.w, s0vr, 0),
            f(34, s0.t, s0vr, 0),
            f(35, s0.w, s0vl, 0),
            f(36, s0.t, s0vl, 0),
            f(37, n0.w, n0vl, 0),
            f(38, n0.t, n0vl, 0),
        ]);
        // The words around s0 and n0.
        out.extend([
            f(39, s0h.w, 0, 0),
            f(40, s0h.t, 0, 0),
            f(41, s0hl, 0, 0),
            f(42, s0l_t.w, 0, 0),
            f(43, s0l_t.t, 0, 0),
            f(44, lab(s0l, l), 0, 0),
            f(45, s0r_t.w, 0, 0),
            f(46, s0r_t.t, 0, 0),
            f(47, lab(s0r, l), 0, 0),
            f(48, n0l_t.w, 0, 0),
            f(49, n0l_t.t, 0, 0),
            f(50, lab(n0l, l), 0, 0),
        ]);
        // Third order.
        out.extend([
            f(51, s0h2.w, 0, 0),
            f(52, s0h2.t, 0, 0),
            f(53, s0l2_t.w, 0, 0),
            f(54, s0l2_t.t, 0, 0),
            f(55, lab(s0l2, l), 0, 0),
            f(56, s0r2_t.w, 0, 0),
            f(57, s0r2_t.t, 0, 0),
            f(58, lab(s0r2, l), 0, 0),
            f(59, n0l2_t.w, 0, 0),
            f(60, n0l2_t.t, 0, 0),
            f(61, lab(n0l2, l), 0, 0),
            f(62, s0.t, s0l_t.t, s0l2_t.t),
            f(63, s0.t, s0r_t.t, s0r2_t.t),
            f(64, s0.t, s0h.t, s0h2.t),
            f(65, n0.t, n0l_t.t, n0l2_t.t),
        ]);
        // Label sets.
        out.extend([
            f(66, s0.w, s0sr, 0),
            f(67, s0.t, s0sr, 0),
            f(68, s0.w, s0sl, 0),
            f(69, s0.t, s0sl, 0),
            f(70, n0.w, n0sl, 0),
            f(71, n0.t, n0sl, 0),
        ]);
        // The second stack word, which decides many reduce/attach choices.
        out.extend([
            f(72, s1.t, 0, 0),
            f(73, s1.w, s1.t, 0),
            f(74, s1.t, s0.t, n0.t),
            f(75, s1.t, s0.t, 0),
        ]);
        // Suffixes, for words too rare to have weights of their own.
        out.extend([
            f(76, s0.s, 0, 0),
            f(77, n0.s, 0, 0),
            f(78, s0.t, n0.s, 0),
            f(79, s0.s, n0.t, 0),
            f(80, n1.s, 0, 0),
        ]);
    }
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    model: Model,
    labels: Vec<String>,
    root_label: usize,
    /// Beam width it was trained for (1: greedy).
    beam: usize,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ParserError {
    #[error("parser classes are not shift, reduce, then left/right pairs per label")]
    Classes,
}

impl Parser {
    pub fn new(model: Model) -> Result<Parser, ParserError> {
        let cls = model.classes();
        if cls.len() < 4 || cls.len() & 1 != 0 || cls[0] != "shift" || cls[1] != "reduce" {
            return Err(ParserError::Classes);
        }
        let mut labels = Vec::new();
        for pair in cls[2..].chunks(2) {
            let l = pair[0].strip_prefix("left:").ok_or(ParserError::Classes)?;
            if pair[1].strip_prefix("right:") != Some(l) {
                return Err(ParserError::Classes);
            }
            labels.push(l.to_string());
        }
        let root_label = labels
            .iter()
            .position(|l| l == "root")
            .ok_or(ParserError::Classes)?;
        let beam = model
            .row(feat(BEAM, 0, 0, 0))
            .and_then(|r| r.first())
            .map_or(1, |c| c.0 as usize)
            .max(1);
        Ok(Parser {
            model,
            labels,
            root_label,
            beam,
        })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn label(&self, l: u16) -> &str {
        self.labels.get(l as usize).map_or("dep", String::as_str)
    }

    /// The beam width the parser searches with (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// The parser searching with another beam width (1: greedy), for
    /// trading accuracy for speed.
    pub fn with_beam(mut self, k: usize) -> Parser {
        self.beam = k.max(1);
        self
    }

    /// Parses words (`toks[0]` is the first word).
    pub fn parse(&self, words: &[Tok]) -> Tree {
        let toks = with_root(words);
        if self.beam > 1 {
            return self.parse_beam(&toks, words.len(), self.beam);
        }
        let mut st = State::new(words.len());
        let mut feats = Vec::with_capacity(80);
        let mut scores = vec![0i32; self.model.nclass()];
        while !st.done() {
            st.features(&toks, &mut feats);
            self.model.score(&feats, &mut scores);
            let rl = self.root_label;
            let moves = st.moves();
            let Some(t) = argmax(&scores, |t| moves.allows(t, rl)) else {
                break;
            };
            st.apply(t);
        }
        finish(st, self.root_label, self.dep_label())
    }

    /// Beam search: the `k` best transition sequences so far, extended by
    /// every transition each allows, until the best is a whole parse.
    fn parse_beam(&self, toks: &[Tok], n: usize, k: usize) -> Tree {
        let nclass = self.model.nclass();
        let rl = self.root_label;
        let mut beam: Vec<(State, i64)> = vec![(State::new(n), 0)];
        // The next beam's states, kept between steps so that their
        // buffers are reused rather than allocated again.
        let mut next: Vec<(State, i64)> = Vec::with_capacity(k);
        let mut feats = Vec::with_capacity(80);
        let mut scores = vec![0i32; nclass];
        let mut cands: Vec<Cand> = Vec::with_capacity(k * k);
        let mut own: Vec<Cand> = Vec::with_capacity(nclass);
        while beam.first().is_some_and(|b| !b.0.done()) {
            cands.clear();
            for (bi, (st, sc)) in beam.iter().enumerate() {
                if st.done() {
                    cands.push(Cand::new(*sc, bi, STAY as usize));
                    continue;
                }
                st.features(toks, &mut feats);
                self.model.score(&feats, &mut scores);
                let moves = st.moves();
                own.clear();
                for (t, &s) in scores.iter().enumerate() {
                    if moves.allows(t, rl) {
                        own.push(Cand::new(sc + s as i64, bi, t));
                    }
                }
                // No more than k extensions of one item can survive.
                best_first(&mut own, k);
                cands.extend_from_slice(&own);
            }
            if cands.is_empty() {
                break;
            }
            best_first(&mut cands, k);
            next.truncate(cands.len());
            for (j, c) in cands.iter().enumerate() {
                let parent = &beam[c.item as usize].0;
                if let Some(slot) = next.get_mut(j) {
                    slot.0.copy_from(parent);
                    slot.1 = c.score;
                } else {
                    next.push((parent.clone(), c.score));
                }
                if c.t != STAY {
                    next[j].0.apply(c.t as usize);
                }
            }
            std::mem::swap(&mut beam, &mut next);
        }
        match beam.into_iter().next() {
            Some((st, _)) => finish(st, self.root_label, self.dep_label()),
            None => finish(State::new(n), self.root_label, self.dep_label()),
        }
    }

    fn dep_label(&self) -> usize {
        self.labels
            .iter()
            .position(|l| l == "dep")
            .unwrap_or(self.root_label)
    }
}

fn with_root(words: &[Tok]) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(words.len() + 1);
    toks.push(ROOT_TOK);
    toks.extend_from_slice(words);
    toks
}

/// Words left without a head attach to the root word (or become it).
fn finish(st: State, root_label: usize, dep_label: usize) -> Tree {
    let mut heads = st.head;
    let mut labels = st.label;
    let root = (1..=st.n).find(|&d| st.has_head[d] && heads[d] == 0);
    let mut root = root;
    for d in 1..=st.n {
        if !st.has_head[d] {
            match root {
                Some(r) => {
                    heads[d] = r;
                    labels[d] = dep_label as u16;
                }
                None => {
                    heads[d] = 0;
                    labels[d] = root_label as u16;
                    root = Some(d);
                }
            }
        }
    }
    Tree { heads, labels }
}

/// A training sentence: words, gold heads (1-based, index 0 unused) and
/// gold label ids.
pub struct Gold {
    pub toks: Vec<Tok>,
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
}

/// The root label's id and the number of transitions (shift, reduce, and
/// a left and a right arc per label).
fn transition_classes(labels: &[String]) -> Result<(usize, usize), ParserError> {
    let root_label = labels
        .iter()
        .position(|l| l == "root")
        .ok_or(ParserError::Classes)?;
    Ok((root_label, 2 + 2 * labels.len()))
}

/// Trains a parser. `labels` names the label ids used in `sents` and must
/// contain "root".
pub fn train(
    sents: &[Gold],
    labels: &[String],
    epochs: usize,
    seed: u64,
    min_count: u32,
) -> Result<Parser, ParserError> {
    let (root_label, nclass) = transition_classes(labels)?;
    let mut t = Trainer::new(nclass);
    let mut rng = crate::train::Rng::new(seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::with_capacity(80);
    let mut scores = vec![0f32; nclass];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let g = &sents[si];
            let toks = with_root(&g.toks);
            let mut st = State::new(g.toks.len());
            while !st.done() {
                st.features(&toks, &mut feats);
                if epoch == 0 {
                    t.count(&feats);
                }
                t.score(&feats, &mut scores);
                let valid: Vec<bool> = (0..nclass).map(|c| st.valid(c, root_label)).collect();
                let Some(guess) = argmax(&scores, |c| valid[c]) else {
                    break;
                };
                let costs: Vec<u32> = (0..nclass)
                    .map(|c| {
                        if valid[c] {
                            st.cost(c, &g.heads, &g.labels)
                        } else {
                            u32::MAX
                        }
                    })
                    .collect();
                let best_cost = costs.iter().copied().min().unwrap_or(0);
                let truth = argmax(&scores, |c| costs[c] == best_cost).unwrap_or(guess);
                if costs[guess] > best_cost {
                    t.update(&feats, truth, guess);
                }
                t.tick();
                // Explore from the second epoch on: follow the model's own
                // mistakes most of the time, so training sees the states that
                // parsing reaches.
                let next = if costs[guess] > best_cost && (epoch == 0 || rng.below(10) == 0) {
                    truth
                } else {
                    guess
                };
                st.apply(next);
            }
        }
    }
    let mut classes = vec!["shift".to_string(), "reduce".to_string()];
    for l in labels {
        classes.push(format!("left:{l}"));
        classes.push(format!("right:{l}"));
    }
    Parser::new(t.freeze(classes, min_count))
}

/// A beam item while training: its state, score, transitions so far and
/// whether it can still reach the gold tree.
#[derive(Clone)]
struct Item {
    st: State,
    score: i64,
    acts: Vec<u16>,
    zero: bool,
}

impl State {
    /// The cost of every transition `moves` allows, by kind: the label
    /// only matters for the arc to a word's gold head.
    fn costs(&self, gh: &[usize], gl: &[u16], out: &mut [u32]) {
        let s0 = self.s0().unwrap_or(0);
        let b = self.b;
        let moves = self.moves();
        let n = out.len();
        out.iter_mut().for_each(|c| *c = u32::MAX);
        if moves.shift {
            out[SHIFT] = self.cost(SHIFT, gh, gl);
        }
        if moves.reduce {
            out[REDUCE] = self.cost(REDUCE, gh, gl);
        }
        if moves.left {
            let gold = gh[s0] == b;
            let l = if gold { gl[s0] as usize } else { 0 };
            let base = self.cost(2 + 2 * l, gh, gl);
            for t in (2..n).step_by(2) {
                out[t] = base + u32::from(gold && (t - 2) / 2 != l);
            }
        }
        if moves.right.is_some() {
            let gold = gh[b] == s0;
            let l = if gold { gl[b] as usize } else { 0 };
            let base = self.cost(3 + 2 * l, gh, gl);
            for t in (3..n).step_by(2) {
                out[t] = base + u32::from(gold && (t - 3) / 2 != l);
            }
        }
    }
}

/// Trains a parser that searches with a beam of `k`, as a structured
/// perceptron over whole transition sequences with max-violation updates
/// (Huang, Fayong and Guo 2012): where the best sequence in the beam most
/// outscores the best one that can still reach the gold tree, the latter's
/// features gain and the former's lose. Any sequence of zero-cost
/// transitions counts as gold (Goldberg and Nivre's oracle), so the
/// learner is never pushed off an equally good order of moves.
pub fn train_beam(
    sents: &[Gold],
    labels: &[String],
    epochs: usize,
    seed: u64,
    min_count: u32,
    k: usize,
    progress: &mut dyn FnMut(&str),
) -> Result<Parser, ParserError> {
    let (root_label, nclass) = transition_classes(labels)?;
    let k = k.max(1);
    let mut t = Trainer::new(nclass);
    let mut rng = crate::train::Rng::new(seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::with_capacity(80);
    let mut scores = vec![0f32; nclass];
    let mut costs = vec![0u32; nclass];
    let mut cands: Vec<Cand> = Vec::with_capacity(k * nclass);
    let mut zero: Vec<bool> = Vec::with_capacity(k * nclass);
    for epoch in 0..epochs {
        progress(&format!("parser, beam {k}, pass {}/{epochs}", epoch + 1));
        rng.shuffle(&mut order);
        for &si in &order {
            let g = &sents[si];
            let toks = with_root(&g.toks);
            let n = g.toks.len();
            let start = Item {
                st: State::new(n),
                score: 0,
                acts: Vec::with_capacity(2 * n),
                zero: true,
            };
            let mut beam = vec![start.clone()];
            let mut gold = start;
            // Whether the gold item is in the beam, and where.
            let mut gold_in = true;
            let mut gold_at = 0;
            // (violation, predicted and gold prefixes) at the worst step.
            let mut worst: Option<(i64, Vec<u16>, Vec<u16>)> = None;
            while !beam[0].st.done() {
                cands.clear();
                zero.clear();
                let mut gold_next: Option<(i64, usize)> = None;
                for (bi, it) in beam.iter().enumerate() {
                    if it.st.done() {
                        cands.push(Cand::new(it.score, bi, STAY as usize));
                        zero.push(it.zero);
                        continue;
                    }
                    it.st.features(&toks, &mut feats);
                    t.score(&feats, &mut scores);
                    let is_gold = gold_in && bi == gold_at;
                    if epoch == 0 && is_gold {
                        t.count(&feats);
                    }
                    if it.zero {
                        it.st.costs(&g.heads, &g.labels, &mut costs);
                    }
                    let moves = it.st.moves();
                    for (c, &s) in scores.iter().enumerate() {
                        if !moves.allows(c, root_label) {
                            continue;
                        }
                        let z = it.zero && costs[c] == 0;
                        let sc = it.score + s as i64;
                        cands.push(Cand::new(sc, bi, c));
                        zero.push(z);
                        if is_gold && z && gold_next.is_none_or(|(b, _)| sc > b) {
                            gold_next = Some((sc, c));
                        }
                    }
                }
                if !gold_in {
                    // The gold sequence fell out of the beam: extend it on
                    // its own, by its best zero-cost transition.
                    gold.st.features(&toks, &mut feats);
                    t.score(&feats, &mut scores);
                    if epoch == 0 {
                        t.count(&feats);
                    }
                    gold.st.costs(&g.heads, &g.labels, &mut costs);
                    let moves = gold.st.moves();
                    for (c, &s) in scores.iter().enumerate() {
                        let sc = gold.score + s as i64;
                        if moves.allows(c, root_label)
                            && costs[c] == 0
                            && gold_next.is_none_or(|(b, _)| sc > b)
                        {
                            gold_next = Some((sc, c));
                        }
                    }
                }
                let Some((gs, gt)) = gold_next else {
                    // No zero-cost move (a tree the oracle cannot reach):
                    // nothing to learn from the rest of this sentence.
                    break;
                };
                // Keep the zero flags with their candidates while choosing.
                let mut idx: Vec<Cand> = cands
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Cand {
                        score: c.score,
                        item: i as u32,
                        t: 0,
                    })
                    .collect();
                best_first(&mut idx, k);
                let next: Vec<Item> = idx
                    .iter()
                    .map(|x| {
                        let c = cands[x.item as usize];
                        let parent = &beam[c.item as usize];
                        let mut st = parent.st.clone();
                        let mut acts = parent.acts.clone();
                        if c.t != STAY {
                            st.apply(c.t as usize);
                            acts.push(c.t);
                        }
                        Item {
                            st,
                            score: c.score,
                            acts,
                            zero: zero[x.item as usize],
                        }
                    })
                    .collect();
                beam = next;
                match beam.iter().position(|it| it.zero) {
                    Some(j) => {
                        gold = beam[j].clone();
                        gold_in = true;
                        gold_at = j;
                    }
                    None => {
                        if gt != STAY as usize {
                            gold.st.apply(gt);
                            gold.acts.push(gt as u16);
                        }
                        gold.score = gs;
                        gold_in = false;
                    }
                }
                if !beam[0].zero {
                    let v = beam[0].score - gold.score;
                    if worst.as_ref().is_none_or(|w| v >= w.0) {
                        worst = Some((v, beam[0].acts.clone(), gold.acts.clone()));
                    }
                }
            }
            if !beam[0].zero {
                if let Some((_, pred, good)) = worst {
                    structured_update(&mut t, &toks, &pred, &good, &mut feats);
                }
            }
            t.tick();
        }
    }
    let mut classes = vec!["shift".to_string(), "reduce".to_string()];
    for l in labels {
        classes.push(format!("left:{l}"));
        classes.push(format!("right:{l}"));
    }
    let m = t.freeze(classes, min_count);
    let mark = (
        feat(BEAM, 0, 0, 0),
        vec![(k.min(nclass - 1) as u16, i16::MAX)],
    );
    Parser::new(Model::merged(&[&m], vec![mark]))
}

/// Rewards the gold sequence's transitions and penalises the predicted
/// one's, from where they part.
fn structured_update(
    t: &mut Trainer,
    toks: &[Tok],
    pred: &[u16],
    good: &[u16],
    feats: &mut Vec<u64>,
) {
    let n = toks.len() - 1;
    let common = pred.iter().zip(good).take_while(|(a, b)| a == b).count();
    let mut st = State::new(n);
    for &a in &pred[..common] {
        st.apply(a as usize);
    }
    for (acts, delta) in [(good, 1.0f32), (pred, -1.0)] {
        let mut s = st.clone();
        for &a in &acts[common..] {
            s.features(toks, feats);
            t.add(feats, a as usize, delta);
            s.apply(a as usize);
        }
    }
}

/// Lifts non-projective arcs (to the head's head) until the tree is
/// projective, so that an arc-eager oracle can reach every arc.
pub fn projectivize(heads: &mut [usize]) {
    // heads[0] unused; words 1..n.
    let n = heads.len().saturating_sub(1);
    for _ in 0..n * n + 1 {
        let mut changed = false;
        // Lift the shortest non-projective arc first.
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let h = heads[d];
            if !is_projective_arc(heads, h, d) {
                let len = h.abs_diff(d);
                if worst.is_none_or(|(_, l)| len < l) {
                    worst = Some((d, len));
                }
            }
        }
        if let Some((d, _)) = worst {
            let h = heads[d];
            if h != 0 {
                heads[d] = heads[h];
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    for _ in 0..heads.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads[k];
    }
    false
}

fn is_projective_arc(heads: &[usize], h: usize, d: usize) -> bool {
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|k| dominates(heads, h, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1 <- 3, 2 <- 4 crosses: "A hearing is scheduled on the issue today" style.
        let mut heads = vec![0, 3, 4, 0, 3];
        projectivize(&mut heads);
        for d in 1..heads.len() {
            assert!(is_projective_arc(&heads, heads[d], d), "{heads:?}");
        }
        let mut ok = vec![0, 2, 0, 2];
        projectivize(&mut ok);
        assert_eq!(ok, vec![0, 2, 0, 2]);
    }

    /// A beam parser trained on two sentences parses them back, and its
    /// model says how wide a beam it wants.
    #[test]
    fn beam_training_learns_small_treebanks() {
        let labels: Vec<String> = ["root", "nsubj", "obj", "det"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let tok = |w: &str, t: &str| Tok {
            w: crate::hash::str_hash(w),
            t: crate::hash::str_hash(t),
            s: 0,
        };
        let sents = vec![
            Gold {
                toks: vec![
                    tok("the", "DT"),
                    tok("minister", "NN"),
                    tok("met", "VBD"),
                    tok("the", "DT"),
                    tok("king", "NN"),
                ],
                heads: vec![0, 2, 3, 0, 5, 3],
                labels: vec![0, 3, 1, 0, 3, 2],
            },
            Gold {
                toks: vec![tok("troops", "NNS"), tok("left", "VBD")],
                heads: vec![0, 2, 0],
                labels: vec![0, 1, 0],
            },
        ];
        let p = train_beam(&sents, &labels, 8, 1, 0, 4, &mut |_| {}).expect("trains");
        assert_eq!(p.beam(), 4);
        for g in &sents {
            let tree = p.parse(&g.toks);
            assert_eq!(tree.heads[1..], g.heads[1..]);
            assert_eq!(tree.labels[1..], g.labels[1..]);
        }
    }

    /// The dynamic oracle, followed, rebuilds every projective gold tree.
    #[test]
    fn oracle_reaches_the_gold_tree() {
        let labels: Vec<String> = ["root", "nsubj", "obj", "det"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // "the minister met the king": det nsubj root det obj
        let heads = vec![0, 2, 3, 0, 5, 3];
        let gl = vec![0u16, 3, 1, 0, 3, 2];
        let mut st = State::new(5);
        let nclass = 2 + 2 * labels.len();
        while !st.done() {
            let t = (0..nclass)
                .filter(|&c| st.valid(c, 0))
                .min_by_key(|&c| st.cost(c, &heads, &gl))
                .expect("a valid transition");
            assert_eq!(st.cost(t, &heads, &gl), 0);
            st.apply(t);
        }
        let tree = finish(st, 0, 0);
        assert_eq!(tree.heads[1..], heads[1..]);
        assert_eq!(tree.labels[1..], gl[1..]);
    }
}
