//! What the tagger and parser know of a word: hashes of its lower-cased
//! form, shape and affixes, computed once per word.

use crate::hash::{bytes_hash, str_hash};

/// Atoms of one word. Hashes, so that features cost no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordAtoms {
    pub lower: u64,
    pub shape: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub title: bool,
}

/// The atom standing for a position before the sentence's first word.
pub const START: u64 = 0x5354_4152_5421;
/// The atom standing for a position after the sentence's last word.
pub const END: u64 = 0x454e_4421_454e;
/// The atom standing for a slot that holds nothing (no such dependent).
pub const NONE: u64 = 0x4e4f_4e45_2121;

impl WordAtoms {
    /// The atoms of a word form. Runs for every word parsed, so it does
    /// not allocate for words of up to 64 bytes.
    pub fn of(form: &str) -> WordAtoms {
        let mut buf = [0u8; 64];
        let owned: String;
        let lower: &str = if form.len() <= 64 && form.is_ascii() {
            let has_digit = form.bytes().any(|b| b.is_ascii_digit());
            if has_digit && form.len() == 4 && form.bytes().all(|b| b.is_ascii_digit()) {
                "!YEAR"
            } else {
                for (o, b) in buf.iter_mut().zip(form.bytes()) {
                    *o = if b.is_ascii_digit() {
                        b'0'
                    } else {
                        b.to_ascii_lowercase()
                    };
                }
                std::str::from_utf8(&buf[..form.len()]).unwrap_or("")
            }
        } else {
            owned = normalise(form);
            &owned
        };
        if lower.is_ascii() {
            // Bytes are characters: affixes and shape without decoding.
            let b = lower.as_bytes();
            let n = b.len();
            let h = bytes_hash;
            let suffix = |k: usize| h(&b[n.saturating_sub(k)..]) ^ (k as u64);
            let prefix = |k: usize| h(&b[..k.min(n)]) ^ ((k as u64) << 8);
            return WordAtoms {
                lower: str_hash(lower),
                shape: if form.is_ascii() {
                    shape_hash_ascii(form.as_bytes())
                } else {
                    shape_hash(form)
                },
                suf: [suffix(1), suffix(2), suffix(3), suffix(4)],
                pre: [prefix(1), prefix(2), prefix(3)],
                title: form.chars().next().is_some_and(char::is_uppercase),
            };
        }
        general(form, lower)
    }
}

/// `WordAtoms::of` for any form, given its lower-cased form: affixes by
/// characters, taken from char boundaries of `lower`.
fn general(form: &str, lower: &str) -> WordAtoms {
    let suffix = |k: usize| -> u64 {
        let start = lower.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
        str_hash(&lower[start..]) ^ (k as u64)
    };
    let prefix = |k: usize| -> u64 {
        let end = lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i);
        str_hash(&lower[..end]) ^ ((k as u64) << 8)
    };
    let title = form.chars().next().is_some_and(char::is_uppercase);
    WordAtoms {
        lower: str_hash(lower),
        shape: shape_hash(form),
        suf: [suffix(1), suffix(2), suffix(3), suffix(4)],
        pre: [prefix(1), prefix(2), prefix(3)],
        title,
    }
}

/// The hash of `shape(form)`, built without allocating.
fn shape_hash(form: &str) -> u64 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for k in shape_chars(form) {
        let mut tmp = [0u8; 4];
        let enc = k.encode_utf8(&mut tmp).as_bytes();
        if n + enc.len() > buf.len() {
            break;
        }
        buf[n..n + enc.len()].copy_from_slice(enc);
        n += enc.len();
    }
    str_hash(std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

/// `shape_hash` of an ASCII form, byte by byte.
fn shape_hash_ascii(form: &[u8]) -> u64 {
    let mut buf = [0u8; 64];
    let (mut n, mut last, mut run) = (0, 0u8, 0);
    for &c in form {
        let k = match c {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => c,
        };
        if k == last {
            run += 1;
        } else {
            last = k;
            run = 1;
        }
        if run > 4 {
            continue;
        }
        if n == buf.len() {
            break;
        }
        buf[n] = k;
        n += 1;
    }
    bytes_hash(&buf[..n])
}

/// The characters of a word's shape: case and digit classes, runs of one
/// class capped at four.
fn shape_chars(form: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = '\0';
    let mut run = 0;
    form.chars().map(shape_class).filter(move |&k| {
        if k == last {
            run += 1;
        } else {
            last = k;
            run = 1;
        }
        run <= 4
    })
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// The lower-cased form, with digits folded so that numbers share
/// statistics: "1,200" and "3,400" look alike, years stay years.
pub fn normalise(form: &str) -> String {
    let lower = form.to_lowercase();
    if !lower.bytes().any(|b| b.is_ascii_digit()) {
        return lower;
    }
    if lower.len() == 4 && lower.bytes().all(|b| b.is_ascii_digit()) {
        return "!YEAR".to_string();
    }
    lower
        .chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// "Xxxx", "dd.dd", "XX-d": case and digit classes, runs capped at four.
pub fn shape(form: &str) -> String {
    shape_chars(form).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_numbers() {
        assert_eq!(shape("Hello"), "Xxxxx");
        assert_eq!(shape("Constantinople"), "Xxxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,200"), "d,ddd");
        assert_eq!(normalise("1999"), "!YEAR");
        assert_eq!(normalise("1,200"), "0,000");
        assert_eq!(normalise("Ankara"), "ankara");
        assert_eq!(WordAtoms::of("Ankara").lower, WordAtoms::of("ANKARA").lower);
        assert!(WordAtoms::of("Ankara").title);
        // The allocation-free path agrees with the general one.
        for w in [
            "Ankara",
            "a",
            "of",
            "I",
            "x86-64",
            "Kelvin\u{212a}",
            "ÉCOLE",
            "AAAAAbbbbbb1111122",
            &"Long".repeat(20),
            "1,200",
            "1999",
            "U.S.",
            "Erdoğan",
            "n't",
            "Constantinople-Istanbul",
        ] {
            // Shapes are hashed from their first 64 bytes.
            if shape(w).len() <= 64 {
                assert_eq!(shape_hash(w), crate::hash::str_hash(&shape(w)), "{w}");
            }
            if w.is_ascii() {
                assert_eq!(shape_hash_ascii(w.as_bytes()), shape_hash(w), "{w}");
            }
            // The byte-wise path for ASCII words agrees with the general one.
            assert_eq!(WordAtoms::of(w), general(w, &normalise(w)), "{w}");
            assert_eq!(
                WordAtoms::of(w).lower,
                crate::hash::str_hash(&normalise(w)),
                "{w}"
            );
        }
    }
}
