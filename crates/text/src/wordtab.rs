//! A read-mostly table from words to values for per-word lookups (the time
//! rules' start words; the event coder's closed-class tags, verb triggers,
//! generic nouns and place names).
//!
//! Every word of every sentence is looked up in several of these tables, so
//! a lookup must be a handful of instructions: keys of up to 24 bytes are
//! packed into three machine words (zero-padded), hashed with one multiply
//! and compared as integers, with no byte-at-a-time hashing and no `memcmp`.
//! Longer keys (rare) live in an ordinary map.

use std::collections::HashMap;

/// Longest key packed inline.
const PACKED: usize = 24;

/// A word packed for lookup: its bytes zero-padded to 24, little-endian, and its length.
#[derive(Debug, Clone, Copy, Eq)]
pub struct Key {
    w: [u64; 3],
    len: u32,
}

// Written out: the derived comparison of the array became a `memcmp` call,
// and every word of every sentence is compared in several tables.
impl PartialEq for Key {
    #[inline]
    fn eq(&self, o: &Key) -> bool {
        self.len == o.len && self.w[0] == o.w[0] && self.w[1] == o.w[1] && self.w[2] == o.w[2]
    }
}

impl Key {
    /// The packed form of `s`, or `None` when it is longer than 24 bytes.
    #[inline(always)]
    pub fn of(s: &str) -> Option<Key> {
        let b = s.as_bytes();
        let n = b.len();
        if n > PACKED {
            return None;
        }
        let mut w = [0u64; 3];
        if n >= 8 {
            let full = n / 8;
            for (i, x) in w.iter_mut().enumerate().take(full) {
                *x = read8(b, 8 * i);
            }
            let rem = n % 8;
            if rem > 0 {
                // The last eight bytes, shifted so only the tail remains.
                w[full] = read8(b, n - 8) >> (8 * (8 - rem));
            }
        } else if n >= 4 {
            // Two overlapping four-byte reads cover 4..=7 bytes.
            let lo = u64::from(read4(b, 0));
            let hi = u64::from(read4(b, n - 4));
            w[0] = lo | (hi << (8 * (n - 4)));
        } else if n > 0 {
            let a = u64::from(b[0]);
            let m = u64::from(b[n / 2]);
            let z = u64::from(b[n - 1]);
            w[0] = a | (m << (8 * (n / 2))) | (z << (8 * (n - 1)));
        }
        Some(Key { w, len: n as u32 })
    }

    /// A key from bytes already zero-padded to 24.
    #[inline]
    pub fn from_padded(buf: &[u8; PACKED], len: usize) -> Key {
        Key {
            w: [read8(buf, 0), read8(buf, 8), read8(buf, 16)],
            len: len as u32,
        }
    }

    /// The key's bytes as three little-endian words (zero past the end).
    #[inline]
    pub fn words(&self) -> [u64; 3] {
        self.w
    }

    /// The length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The key's bytes lower-cased, if they are all ASCII.
    #[inline]
    pub fn ascii_lowercase(&self) -> Option<Key> {
        use crate::bytes::{in_range, HI};
        if (self.w[0] | self.w[1] | self.w[2]) & HI != 0 {
            return None;
        }
        // An upper-case letter's top-bit mark, moved to 0x20, lowers it.
        let lower = |x: u64| x | (in_range(x, b'A', b'Z') >> 2);
        Some(Key {
            w: [lower(self.w[0]), lower(self.w[1]), lower(self.w[2])],
            len: self.len,
        })
    }

    #[inline]
    fn hash(&self) -> u64 {
        const A: u64 = 0x9e37_79b9_7f4a_7c15;
        const B: u64 = 0xc2b2_ae3d_27d4_eb4f;
        const C: u64 = 0x1656_67b1_9e37_79f9;
        (self.w[0] ^ u64::from(self.len))
            .wrapping_mul(A)
            .wrapping_add(self.w[1].wrapping_mul(B))
            .wrapping_add(self.w[2].wrapping_mul(C))
            .rotate_left(29)
            .wrapping_mul(A)
    }
}

#[inline]
fn read8(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

#[inline]
fn read4(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

/// Control byte of an empty slot; a full one holds seven bits of its key's hash.
const EMPTY: u8 = 0xFF;

/// Words to values; built once, then looked up for every word of every sentence.
///
/// Open addressing over one control byte per slot (seven bits of the hash):
/// a word that is not in the table (most words) is settled from the control
/// bytes alone, which stay in cache even for the gazetteer's tens of
/// thousands of names; keys and values are only read on a likely hit.
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    entries: Vec<(Box<str>, V)>,
    /// The packed key of each entry (unused for long keys).
    keys: Vec<Key>,
    /// Power-of-two size, at most half full.
    ctrl: Vec<u8>,
    /// The entry of each full slot.
    slot_entry: Vec<u32>,
    /// Keys longer than [`PACKED`] bytes.
    long: HashMap<Box<str>, u32>,
    /// For each first byte, a bit per packed key length seen with it: most
    /// words not in the table fail this before any hashing.
    first: [u32; 256],
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            first: [0; 256],
            entries: Vec::new(),
            keys: Vec::new(),
            ctrl: vec![EMPTY; 16],
            slot_entry: vec![0; 16],
            long: HashMap::new(),
        }
    }
}

impl<V> WordTable<V> {
    /// The slot holding `k` (`Ok`), or the empty slot where it would go (`Err`).
    #[inline]
    fn probe(&self, k: &Key) -> Result<usize, usize> {
        let mask = self.ctrl.len() - 1;
        let h = k.hash();
        let tag = (h & 0x7F) as u8;
        let mut i = (h >> (64 - self.ctrl.len().trailing_zeros())) as usize;
        loop {
            let c = self.ctrl[i];
            if c == EMPTY {
                return Err(i);
            }
            if c == tag {
                let e = self.slot_entry[i] as usize;
                if self.keys.get(e) == Some(k) {
                    return Ok(i);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of a packed word.
    #[inline]
    pub fn get_key(&self, k: &Key) -> Option<&V> {
        if self.first[(k.w[0] & 0xFF) as usize] & (1 << k.len) == 0 {
            return None;
        }
        let i = self.probe(k).ok()?;
        self.entries.get(self.slot_entry[i] as usize).map(|e| &e.1)
    }

    /// The value of `word`.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        match Key::of(word) {
            Some(k) => self.get_key(&k),
            None => self
                .long
                .get(word)
                .and_then(|&i| self.entries.get(i as usize))
                .map(|e| &e.1),
        }
    }

    fn find(&self, word: &str) -> Option<usize> {
        match Key::of(word) {
            Some(k) => self.probe(&k).ok().map(|i| self.slot_entry[i] as usize),
            None => self.long.get(word).map(|&i| i as usize),
        }
    }

    /// The value of `word`, inserted with `make` when absent.
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(word) {
            Some(i) => i,
            None => {
                let i = self.entries.len();
                self.entries.push((word.into(), make()));
                let key = Key::of(word);
                self.keys.push(key.unwrap_or(Key { w: [0; 3], len: 0 }));
                match key {
                    Some(k) => {
                        self.first[(k.w[0] & 0xFF) as usize] |= 1 << k.len;
                        if 2 * (self.entries.len() + 1) > self.ctrl.len() {
                            self.rehash(self.ctrl.len() * 2);
                        } else {
                            self.place(&k, i);
                        }
                    }
                    None => {
                        self.long.insert(word.into(), i as u32);
                    }
                }
                i
            }
        };
        &mut self.entries[i].1
    }

    fn place(&mut self, k: &Key, entry: usize) {
        if let Err(at) = self.probe(k) {
            self.ctrl[at] = (k.hash() & 0x7F) as u8;
            self.slot_entry[at] = entry as u32;
        }
    }

    fn rehash(&mut self, size: usize) {
        self.ctrl = vec![EMPTY; size];
        self.slot_entry = vec![0; size];
        for i in 0..self.entries.len() {
            if let Some(k) = Key::of(&self.entries[i].0) {
                self.place(&k, i);
            }
        }
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|e| &mut e.1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn packs_like_zero_padding() {
        for s in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "é'’s",
        ] {
            let mut buf = [0u8; PACKED];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            assert_eq!(Key::of(s), Some(Key::from_padded(&buf, s.len())), "{s:?}");
        }
        assert_eq!(Key::of(&"x".repeat(25)), None);
    }

    proptest! {
        #[test]
        fn ascii_lowercase_is_std(s in "[ -~]{0,24}|[a-zA-Z@\\[`{]{0,24}") {
            let k = Key::of(&s).and_then(|k| k.ascii_lowercase());
            prop_assert_eq!(k, Key::of(&s.to_ascii_lowercase()));
        }
    }

    proptest! {
        #[test]
        fn behaves_like_a_map(words in proptest::collection::vec("[a-c'é]{0,30}", 0..200), probes in proptest::collection::vec("[a-c'é]{0,30}", 0..50)) {
            let mut t: WordTable<usize> = WordTable::default();
            let mut m: HashMap<String, usize> = HashMap::new();
            for (i, w) in words.iter().enumerate() {
                *t.get_or_insert_with(w, || 0) += i;
                *m.entry(w.clone()).or_default() += i;
            }
            prop_assert_eq!(t.len(), m.len());
            for w in words.iter().chain(&probes) {
                prop_assert_eq!(t.get(w), m.get(w));
                let mut buf = [0u8; PACKED];
                if w.len() <= PACKED {
                    buf[..w.len()].copy_from_slice(w.as_bytes());
                    prop_assert_eq!(t.get_key(&Key::from_padded(&buf, w.len())), m.get(w));
                }
            }
        }
    }
}
