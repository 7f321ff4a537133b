//! The learning machinery every trained stage shares: a multi-class averaged
//! perceptron over hashed sparse features, and its frozen, compact form.
//!
//! Training keeps dense rows (one weight per class) for every feature that
//! was ever updated, with the running sum needed for averaging. Freezing
//! averages the weights, drops those that round to zero and keeps the rest
//! as sparse rows; the stored form quantises them to 16 bits.

use std::collections::HashMap;

use crate::hash::BuildPrehashed;

/// A perceptron being trained.
pub struct Trainer {
    nclass: usize,
    rows: HashMap<u64, u32, BuildPrehashed>,
    /// Current weights, `nclass` per row.
    w: Vec<f32>,
    /// Sum of `step * delta` over every update, for the average.
    u: Vec<f64>,
    /// Instances seen (the averaging clock).
    step: u64,
    /// How often each feature was seen while counting (`count`).
    seen: HashMap<u64, u32, BuildPrehashed>,
}

impl Trainer {
    pub fn new(nclass: usize) -> Trainer {
        Trainer {
            nclass,
            rows: HashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            step: 1,
            seen: HashMap::default(),
        }
    }

    pub fn nclass(&self) -> usize {
        self.nclass
    }

    /// Adds each feature's current weights to `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.w[r as usize * self.nclass..][..self.nclass];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// Counts the features of one instance (call during one pass), for
    /// `freeze`'s frequency cut-off.
    pub fn count(&mut self, feats: &[u64]) {
        for &f in feats {
            *self.seen.entry(f).or_insert(0) += 1;
        }
    }

    /// One instance seen: advances the averaging clock.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Feature `f`'s row of weights, added (zeroed) if it is new.
    fn row(&mut self, f: u64) -> usize {
        let n = self.rows.len() as u32;
        let r = *self.rows.entry(f).or_insert(n);
        if r == n {
            self.w.resize(self.w.len() + self.nclass, 0.0);
            self.u.resize(self.u.len() + self.nclass, 0.0);
        }
        r as usize
    }

    /// Moves weight from `guess` to `truth` on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let base = self.row(f) * self.nclass;
            let t = self.step as f64;
            self.w[base + truth] += 1.0;
            self.u[base + truth] += t;
            self.w[base + guess] -= 1.0;
            self.u[base + guess] -= t;
        }
    }

    /// Adds `delta` to `class`'s weight on every feature: one half of a
    /// structured update (the beam parser's, over whole transition
    /// sequences).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let t = self.step as f64;
        for &f in feats {
            let i = self.row(f) * self.nclass + class;
            self.w[i] += delta;
            self.u[i] += t * delta as f64;
        }
    }

    /// Averages the weights and keeps those that survive quantisation, of
    /// features counted at least `min_count` times (when any were counted):
    /// a feature seen once or twice is mostly noise, and most features are.
    pub fn freeze(&self, classes: Vec<String>, min_count: u32) -> Model {
        let t = self.step as f64;
        let mut avg: Vec<(u64, Vec<(u16, f32)>)> = Vec::with_capacity(self.rows.len());
        let mut max = 0f32;
        for (&key, &r) in &self.rows {
            if !self.seen.is_empty() && self.seen.get(&key).copied().unwrap_or(0) < min_count {
                continue;
            }
            let base = r as usize * self.nclass;
            let mut row = Vec::new();
            for c in 0..self.nclass {
                let a = (self.w[base + c] as f64 - self.u[base + c] / t) as f32;
                if a != 0.0 {
                    max = max.max(a.abs());
                    row.push((c as u16, a));
                }
            }
            if !row.is_empty() {
                avg.push((key, row));
            }
        }
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut rows = Vec::with_capacity(avg.len());
        for (key, row) in avg {
            let q: Vec<(u16, i16)> = row
                .into_iter()
                .map(|(c, a)| (c, (a / scale).round() as i16))
                .filter(|&(_, q)| q != 0)
                .collect();
            if !q.is_empty() {
                rows.push((key, q));
            }
        }
        Model::from_rows(classes, scale, rows)
    }
}

/// A trained perceptron: sparse rows of quantised weights.
#[derive(Debug, Clone)]
pub struct Model {
    classes: Vec<String>,
    scale: f32,
    index: Table,
    /// `(class, weight)` pairs, rows back to back.
    cells: Vec<(u16, i16)>,
    /// For models of up to `DENSE_MAX` classes (the name tagger), every
    /// row again, inline with its key: one cache line per feature.
    dense: Option<Dense>,
}

/// The most classes a model may have to get a `Dense` table.
const DENSE_MAX: usize = 12;

#[derive(Debug, Clone)]
struct Dense {
    mask: usize,
    slots: Vec<DenseSlot>,
    zero: Option<[i16; DENSE_MAX]>,
}

/// A key and its weights for every class: 32 bytes, aligned so that a slot
/// never straddles two cache lines.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct DenseSlot {
    key: u64,
    w: [i16; DENSE_MAX],
}

impl Dense {
    fn build(nclass: usize, rows: &[(u64, Vec<(u16, i16)>)]) -> Option<Dense> {
        if nclass > DENSE_MAX {
            return None;
        }
        let cap = (rows.len() + rows.len() / 2).next_power_of_two().max(16);
        let mut d = Dense {
            mask: cap - 1,
            slots: vec![DenseSlot::default(); cap],
            zero: None,
        };
        for (key, row) in rows {
            let mut w = [0i16; DENSE_MAX];
            for &(c, x) in row {
                if let Some(cell) = w.get_mut(c as usize) {
                    *cell = x;
                }
            }
            if *key == 0 {
                d.zero = Some(w);
                continue;
            }
            let mut i = *key as usize & d.mask;
            while d.slots[i].key != 0 {
                i = (i + 1) & d.mask;
            }
            d.slots[i] = DenseSlot { key: *key, w };
        }
        Some(d)
    }

    #[inline(always)]
    fn get(&self, key: u64) -> Option<&[i16; DENSE_MAX]> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let mut i = key as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some(&s.w);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn score(&self, feats: &[u64], scores: &mut [i32]) {
        let mut acc = 0u64;
        for &k in feats {
            acc ^= self.slots[k as usize & self.mask].key;
        }
        std::hint::black_box(acc);
        for &f in feats {
            if let Some(w) = self.get(f) {
                for (s, &x) in scores.iter_mut().zip(w) {
                    *s += x as i32;
                }
            }
        }
    }
}

/// Feature key -> row, by open addressing: keys are already uniform
/// hashes, so the low bits are the slot, and a slot holds its key and row
/// together, so that a probe is one cache line.
#[derive(Debug, Clone)]
struct Table {
    mask: usize,
    /// Key 0 marks an empty slot (a real key of 0 is kept in `zero`).
    slots: Vec<Slot>,
    zero: Option<(u32, u32)>,
    len: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let cap = (n + n / 2).next_power_of_two().max(16);
        Table {
            mask: cap - 1,
            slots: vec![Slot::default(); cap],
            zero: None,
            len: 0,
        }
    }

    /// Inserts a key not yet present.
    fn insert(&mut self, key: u64, (start, len): (u32, u32)) {
        self.len += 1;
        if key == 0 {
            self.zero = Some((start, len));
            return;
        }
        let mut i = key as usize & self.mask;
        while self.slots[i].key != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = Slot { key, start, len };
    }

    #[inline(always)]
    fn get(&self, key: u64) -> Option<(u32, u32)> {
        if key == 0 {
            return self.zero;
        }
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.key == key {
                return Some((s.start, s.len));
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Reads the home slot of every key with no dependence between the
    /// reads, so that their cache misses overlap instead of queueing.
    #[inline(always)]
    fn warm(&self, keys: &[u64]) -> u64 {
        let mut acc = 0u64;
        for &k in keys {
            acc ^= self.slots[k as usize & self.mask].key;
        }
        acc
    }

    fn iter(&self) -> impl Iterator<Item = (u64, (u32, u32))> + '_ {
        self.slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, (s.start, s.len)))
            .chain(self.zero.map(|r| (0, r)))
    }

    fn len(&self) -> usize {
        self.len
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    #[error("not an entente perceptron model (bad magic)")]
    Magic,
    #[error("model data ends early")]
    Truncated,
    #[error("model data is inconsistent: {0}")]
    Invalid(&'static str),
}

const MAGIC: &[u8; 8] = b"ENTPCPT2";

impl Model {
    fn from_rows(classes: Vec<String>, scale: f32, mut rows: Vec<(u64, Vec<(u16, i16)>)>) -> Model {
        rows.sort_unstable_by_key(|r| r.0);
        let dense = Dense::build(classes.len(), &rows);
        let mut index = Table::with_capacity(rows.len());
        let mut cells = Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum());
        for (key, row) in rows {
            index.insert(key, (cells.len() as u32, row.len() as u32));
            cells.extend(row);
        }
        Model {
            classes,
            scale,
            index,
            cells,
            dense,
        }
    }

    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    pub fn nclass(&self) -> usize {
        self.classes.len()
    }

    /// Number of features with weights, and of weights.
    pub fn size(&self) -> (usize, usize) {
        (self.index.len(), self.cells.len())
    }

    /// Scores every class (in the model's integer units; only their order
    /// and differences matter). `scores` must have `nclass()` cells.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        if let Some(d) = &self.dense {
            return d.score(feats, scores);
        }
        // The tables are megabytes, so nearly every probe misses the cache:
        // issue all the reads first, then use them.
        let mut rows = [(0u32, 0u32); 128];
        for chunk in feats.chunks(rows.len()) {
            std::hint::black_box(self.index.warm(chunk));
            let mut n = 0;
            let mut acc = 0i16;
            for &f in chunk {
                if let Some((start, len)) = self.index.get(f) {
                    rows[n] = (start, len);
                    n += 1;
                    acc ^= self.cells.get(start as usize).map_or(0, |c| c.1);
                }
            }
            std::hint::black_box(acc);
            for &(start, len) in &rows[..n] {
                let row = self
                    .cells
                    .get(start as usize..(start + len) as usize)
                    .unwrap_or(&[]);
                for &(c, w) in row {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += w as i32;
                    }
                }
            }
        }
    }

    /// The model without weights smaller than `min` (in stored units):
    /// most averaged weights are tiny and matter little, so this trades a
    /// little accuracy for a much smaller file.
    pub fn pruned(&self, min: i16) -> Model {
        self.map_weights(self.scale, |w| {
            (w.unsigned_abs() >= min.unsigned_abs()).then_some(w)
        })
    }

    /// The model with `bits` fewer bits of precision per weight (weights
    /// that round to zero are dropped): a smaller file, since the stored
    /// form codes small weights in fewer bytes.
    pub fn coarsened(&self, bits: u32) -> Model {
        let d = (1i32 << bits.min(14)) as f32;
        self.map_weights(self.scale * d, |w| {
            Some((w as f32 / d).round() as i16).filter(|&q| q != 0)
        })
    }

    /// The model with every weight mapped (`None` drops it) under a new scale.
    fn map_weights(&self, scale: f32, f: impl Fn(i16) -> Option<i16>) -> Model {
        let rows = self
            .index
            .iter()
            .map(|(k, (start, len))| {
                let cells = self
                    .cells
                    .get(start as usize..(start + len) as usize)
                    .unwrap_or(&[]);
                let row: Vec<(u16, i16)> = cells
                    .iter()
                    .filter_map(|&(c, w)| f(w).map(|q| (c, q)))
                    .collect();
                (k, row)
            })
            .filter(|r| !r.1.is_empty())
            .collect();
        Model::from_rows(self.classes.clone(), scale, rows)
    }

    /// The stored weights under one key, if any: how models keep side
    /// tables (the tagger's word classes) among their feature rows.
    pub fn row(&self, key: u64) -> Option<&[(u16, i16)]> {
        let (start, len) = self.index.get(key)?;
        self.cells.get(start as usize..(start + len) as usize)
    }

    /// The rows of several models over the same classes (whose keys must
    /// not overlap) in one, rescaled to the coarsest scale, plus `extra`
    /// rows taken as they are.
    pub fn merged(models: &[&Model], extra: Vec<(u64, Vec<(u16, i16)>)>) -> Model {
        let classes = models.first().map_or_else(Vec::new, |m| m.classes.clone());
        let scale = models
            .iter()
            .map(|m| m.scale)
            .fold(f32::MIN_POSITIVE, f32::max);
        let mut rows = extra;
        for m in models {
            let r = m.scale / scale;
            for (k, (start, len)) in m.index.iter() {
                let row: Vec<(u16, i16)> = m.cells[start as usize..(start + len) as usize]
                    .iter()
                    .map(|&(c, w)| (c, (w as f32 * r).round() as i16))
                    .filter(|&(_, w)| w != 0)
                    .collect();
                if !row.is_empty() {
                    rows.push((k, row));
                }
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        Model::from_rows(classes, scale, rows)
    }

    /// A score in the model's units as a weight sum.
    pub fn unscale(&self, s: i32) -> f32 {
        s as f32 * self.scale
    }

    /// The stored form: magic, classes, scale, then rows sorted by key with
    /// delta-coded keys and classes and zigzag-coded weights, all LEB128.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.cells.len() * 3 + self.index.len() * 5);
        out.extend_from_slice(MAGIC);
        put_varint(&mut out, self.classes.len() as u64);
        for c in &self.classes {
            put_varint(&mut out, c.len() as u64);
            out.extend_from_slice(c.as_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        let mut keys: Vec<(u64, (u32, u32))> = self.index.iter().collect();
        keys.sort_unstable_by_key(|k| k.0);
        put_varint(&mut out, keys.len() as u64);
        let mut prev = 0u64;
        for (key, (start, len)) in keys {
            put_varint(&mut out, key - prev);
            prev = key;
            put_varint(&mut out, len as u64);
            let mut pc = 0u16;
            for &(c, w) in &self.cells[start as usize..(start + len) as usize] {
                put_varint(&mut out, (c - pc) as u64);
                pc = c;
                put_varint(&mut out, zigzag(w));
            }
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, at: 0 };
        let v1 = match r.take(8)? {
            m if m == MAGIC => false,
            m if m == b"ENTPCPT1" => true,
            _ => return Err(ModelError::Magic),
        };
        let nclass = r.varint()? as usize;
        if nclass == 0 || nclass > u16::MAX as usize {
            return Err(ModelError::Invalid("class count"));
        }
        let mut classes = Vec::with_capacity(nclass);
        for _ in 0..nclass {
            let n = r.varint()? as usize;
            let s =
                std::str::from_utf8(r.take(n)?).map_err(|_| ModelError::Invalid("class name"))?;
            classes.push(s.to_string());
        }
        let mut sc = [0u8; 4];
        sc.copy_from_slice(r.take(4)?);
        let scale = f32::from_le_bytes(sc);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Invalid("scale"));
        }
        let nrows = r.varint()? as usize;
        // Each row takes at least three bytes: no allocation beyond the input.
        if nrows > b.len() {
            return Err(ModelError::Truncated);
        }
        let mut rows = Vec::with_capacity(nrows);
        let mut key = 0u64;
        for i in 0..nrows {
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(ModelError::Invalid("keys not increasing"));
            }
            key = key
                .checked_add(d)
                .ok_or(ModelError::Invalid("key overflow"))?;
            let len = r.varint()? as usize;
            if len > nclass {
                return Err(ModelError::Invalid("row longer than the class count"));
            }
            let mut row = Vec::with_capacity(len);
            let mut c = 0u64;
            for _ in 0..len {
                c += r.varint()?;
                if c as usize >= nclass {
                    return Err(ModelError::Invalid("class out of range"));
                }
                let w = if v1 {
                    let mut w = [0u8; 2];
                    w.copy_from_slice(r.take(2)?);
                    i16::from_le_bytes(w)
                } else {
                    i16::try_from(unzigzag(r.varint()?))
                        .map_err(|_| ModelError::Invalid("weight out of range"))?
                };
                row.push((c as u16, w));
            }
            rows.push((key, row));
        }
        if r.at != b.len() {
            return Err(ModelError::Invalid("trailing bytes"));
        }
        Ok(Model::from_rows(classes, scale, rows))
    }
}

fn zigzag(w: i16) -> u64 {
    ((w as i64) << 1 ^ ((w as i64) >> 63)) as u64
}

fn unzigzag(z: u64) -> i64 {
    (z >> 1) as i64 ^ -((z & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.b.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.at).ok_or(ModelError::Truncated)?;
            self.at += 1;
            x |= ((byte & 0x7f) as u64) << shift;
            if byte < 0x80 {
                return Ok(x);
            }
        }
        Err(ModelError::Invalid("varint too long"))
    }
}

/// The index of the highest score among `allowed` classes (all when `None`).
pub fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two features, each of which says which of three classes it is.
    fn toy() -> Trainer {
        let mut t = Trainer::new(3);
        let data = [(vec![1u64, 10], 0usize), (vec![2, 10], 1), (vec![3, 10], 2)];
        let mut scores = vec![0f32; 3];
        for _ in 0..10 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let g = argmax(&scores, |_| true).unwrap_or(0);
                t.update(f, *y, g);
                t.tick();
            }
        }
        t
    }

    #[test]
    fn learns_separable_data_and_round_trips() {
        let m = toy().freeze(vec!["a".into(), "b".into(), "c".into()], 0);
        let mut s = vec![0i32; 3];
        for (f, y) in [(1u64, 0usize), (2, 1), (3, 2)] {
            m.score(&[f, 10], &mut s);
            assert_eq!(argmax(&s, |_| true), Some(y));
        }
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).expect("reads back");
        assert_eq!(back.classes(), m.classes());
        assert_eq!(back.size(), m.size());
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn damaged_models_are_errors() {
        let bytes = toy()
            .freeze(vec!["a".into(), "b".into(), "c".into()], 0)
            .to_bytes();
        assert_eq!(
            Model::from_bytes(b"nope").unwrap_err(),
            ModelError::Truncated
        );
        assert_eq!(
            Model::from_bytes(b"NOTMAGIC").unwrap_err(),
            ModelError::Magic
        );
        for cut in 8..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
    }

    #[test]
    fn argmax_respects_the_mask() {
        assert_eq!(argmax(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax(&[3, 9, 5], |_| false), None);
    }
}
