//! [`Lower`]: a lower-cased word, kept inline when short (nearly every word):
//! one heap allocation per word used to be most of the coder's time.
//!
//! The crate's one `unsafe` block is here: [`Lower::as_str`] skips UTF-8
//! validation (validating on every comparison was a fifth of the coder's
//! time). It is sound because the representation is private: every inline
//! value is built below from a `&str` or from bytes checked once when built.
//! Checked under Miri: `cargo +nightly miri test -p events --lib lower`.

use crate::wordtab::Key;

/// Longest word kept inline in a [`Lower`].
pub const INLINE: usize = 22;

/// A lower-cased word.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Lower(Repr);

/// Private: `buf[..len]` of `Inline` is valid UTF-8, which `as_str` relies on.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<str>),
}

impl Lower {
    pub fn new(s: &str) -> Lower {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Lower(Repr::Inline {
                len: s.len() as u8,
                buf,
            })
        } else {
            Lower(Repr::Heap(s.into()))
        }
    }

    /// `s` lower-cased (ASCII without Unicode tables or allocation).
    pub fn lowercase(s: &str) -> Lower {
        if s.len() <= INLINE {
            // A word at a time: packed, then lower-cased in three registers.
            if let Some(k) = Key::of(s).and_then(|k| k.ascii_lowercase()) {
                return Lower::from_key(&k);
            }
        }
        Lower::new(&s.to_lowercase())
    }

    /// The word of a packed key (of a `&str`, lower-cased as ASCII).
    #[inline]
    pub(crate) fn from_key(k: &Key) -> Lower {
        let mut wide = [0u8; 24];
        for (d, w) in wide.chunks_exact_mut(8).zip(k.words()) {
            d.copy_from_slice(&w.to_le_bytes());
        }
        let bytes = wide.get(..k.len()).unwrap_or(&[]);
        // Checked once here, so that `as_str` need not check at every use;
        // a key that is not text (no caller makes one) keeps what decodes.
        match std::str::from_utf8(bytes) {
            Ok(s) => Lower::new(s),
            Err(_) => Lower::new(&String::from_utf8_lossy(bytes)),
        }
    }

    /// The word packed for [`crate::wordtab::WordTable`] lookups (`None` past 24 bytes).
    #[inline]
    pub fn key(&self) -> Option<Key> {
        match &self.0 {
            Repr::Inline { len, buf } => {
                let mut b = [0u8; 24];
                b[..INLINE].copy_from_slice(buf);
                Some(Key::from_padded(&b, usize::from(*len)))
            }
            Repr::Heap(s) => Key::of(s),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, buf } => {
                let bytes = buf.get(..usize::from(*len)).unwrap_or(&[]);
                // SAFETY: `Repr` is private and `new` (every inline value goes
                // through it) copies the bytes of a whole `&str` into `buf`
                // and its length into `len`, so `buf[..len]` is valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Lower {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<Lower> for String {
    fn eq(&self, o: &Lower) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<Lower> for &str {
    fn eq(&self, o: &Lower) -> bool {
        *self == o.as_str()
    }
}

/// Small enough for Miri: every way a `Lower` is built, read back.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_every_way_reads_back() {
        let words = [
            "",
            "a",
            "Turkey",
            "SAID",
            "négociations",
            "Zürich",
            "ŞİMŞEK",
            "abcdefghijklmnopqrstuv",
            "abcdefghijklmnopqrstuvw",
            "İstanbul",
            "北京",
            "x\u{301}",
            "ABCDEFGHIJKLMNOPQRSTUVWX",
        ];
        for w in words {
            let lower = w.to_lowercase();
            assert_eq!(Lower::new(w).as_str(), w);
            assert_eq!(Lower::lowercase(w).as_str(), lower, "{w}");
            assert_eq!(Lower::lowercase(w), Lower::new(&lower), "{w}");
            if let Some(k) = Key::of(w) {
                assert_eq!(Lower::from_key(&k).as_str(), w);
                let back = Lower::new(w).key().map(|k| Lower::from_key(&k));
                assert_eq!(back.as_ref().map(Lower::as_str), Some(w));
            }
            let l = Lower::new(w);
            assert_eq!(format!("{l}"), w);
            assert_eq!(format!("{l:?}"), format!("{w:?}"));
            // Each comparison, both ways round.
            assert_eq!(l, w);
            assert_eq!(w, l);
            assert_eq!(String::from(w), l);
        }
    }
}
