//! Word tokens with byte spans.
//!
//! One pass with an ASCII fast path. The rules are the ones the actor and
//! event matchers want:
//! - words keep internal hyphens and apostrophes ("al-Assad", "T-4",
//!   "don't", "O'Brien"), but a possessive or contracted `'s` is its own
//!   token ("Israel" + "'s") so "X's" matches the actor X;
//! - dotted initialisms are one token with their final stop ("U.S.", "a.m.");
//! - numbers keep thousands separators and decimals ("1,200", "3.5") and a
//!   glued letter suffix ("1.2bn", "10th", "1990s"); "%" is a separate symbol;
//! - every other character is a token of its own, `Punct` or `Symbol`.
//!
//! Spans are byte offsets into the input, in order, non-overlapping, and
//! together they cover every non-whitespace character.

use model::{Token, TokenKind};

/// Tokenises `text` into words, numbers and punctuation.
pub fn tokens(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                    i += 1;
                    continue;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    let end = dotted_end(b, i).unwrap_or_else(|| word_end(text, i));
                    out.push(tok(i, end, TokenKind::Word));
                    i = end;
                }
                b'0'..=b'9' => {
                    let end = number_end(text, i);
                    out.push(tok(i, end, TokenKind::Number));
                    i = end;
                }
                b'\'' if possessive_at(text, i, 1) => {
                    out.push(tok(i, i + 2, TokenKind::Word));
                    i += 2;
                }
                _ => {
                    out.push(tok(i, i + 1, ascii_kind(c)));
                    i += 1;
                }
            }
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            // Unreachable for a &str; stop rather than loop.
            break;
        };
        let len = ch.len_utf8();
        if ch.is_whitespace() {
            i += len;
        } else if crate::chars::is_alphabetic(ch) {
            let end = word_end(text, i);
            out.push(tok(i, end, TokenKind::Word));
            i = end;
        } else if crate::chars::is_numeric(ch) {
            let end = number_end(text, i);
            out.push(tok(i, end, TokenKind::Number));
            i = end;
        } else if ch == '’' && possessive_at(text, i, len) {
            out.push(tok(i, i + len + 1, TokenKind::Word));
            i += len + 1;
        } else {
            out.push(tok(i, i + len, unicode_kind(ch)));
            i += len;
        }
    }
    out
}

/// The length of the run of ASCII letters and digits that `b` starts with,
/// and whether that run is all digits: eight bytes at a time, so a word costs
/// one mispredicted branch at its end rather than one test per byte.
#[inline]
pub fn ascii_alnum_run(b: &[u8]) -> (usize, bool) {
    use crate::bytes::{in_range, load8, HI};
    let mut n = 0;
    let mut digits = true;
    while let Some(w) = load8(b, n) {
        let digit = in_range(w, b'0', b'9');
        let letter = in_range(w, b'A', b'Z') | in_range(w, b'a', b'z');
        let stop = !(digit | letter) & HI;
        if stop != 0 {
            let k = (stop.trailing_zeros() / 8) as usize;
            // The top bits of the first `k` bytes.
            let first_k = if k == 0 {
                0
            } else {
                HI & (u64::MAX >> (64 - 8 * k))
            };
            digits &= digit & first_k == first_k;
            return (n + k, digits);
        }
        digits &= digit == HI;
        n += 8;
    }
    while let Some(&x) = b.get(n) {
        if !x.is_ascii_alphanumeric() {
            break;
        }
        digits &= x.is_ascii_digit();
        n += 1;
    }
    (n, digits)
}

fn tok(start: usize, end: usize, kind: TokenKind) -> Token {
    Token {
        span: [start, end],
        kind,
    }
}

/// The character starting at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    let c = *text.as_bytes().get(i)?;
    if c < 0x80 {
        Some(c as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Letters, digits and marks that continue a word (combining accents of
/// decomposed text, joiners used by Persian and Indic scripts).
fn continues_word(ch: char) -> bool {
    crate::chars::is_alphanumeric(ch)
        || matches!(ch,
            '\u{300}'..='\u{36F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{200C}'
            | '\u{200D}')
}

/// Whether an apostrophe of `len` bytes at `i` starts a possessive or
/// contracted `'s` glued to the word before ("Israel's", "it's",
/// "U.S.'s").
fn possessive_at(text: &str, i: usize, len: usize) -> bool {
    let b = text.as_bytes();
    if !matches!(b.get(i + len), Some(b's' | b'S')) {
        return false;
    }
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = char_at(text, i + len + 1);
    // "U.S.'s" counts too: the stop closes an initialism.
    before.is_some_and(|c| continues_word(c) || c == '.') && !after.is_some_and(continues_word)
}

/// End of the word starting at `i`: letters and digits, joined by single
/// internal hyphens and apostrophes, stopping before a possessive `'s`.
fn word_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut j = i;
    loop {
        // Run of word characters (ASCII ones eight at a time).
        while j < n {
            j += ascii_alnum_run(&b[j..]).0;
            let Some(&c) = b.get(j) else {
                break;
            };
            if c < 0x80 {
                break;
            } else {
                match char_at(text, j) {
                    Some(ch) if continues_word(ch) => j += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        if j >= n {
            return j;
        }
        // A joiner continues the word only when a word character follows.
        let joiner = match b[j] {
            b'-' | b'\'' => 1,
            0xE2 if b.get(j + 1..j + 3) == Some(&[0x80, 0x99]) => 3, // ’
            _ => return j,
        };
        if b[j] != b'-' && possessive_at(text, j, joiner) {
            return j;
        }
        match char_at(text, j + joiner) {
            Some(ch) if continues_word(ch) => j += joiner,
            _ => return j,
        }
    }
}

/// End of a dotted initialism starting at `i` ("U.S.", "a.m.", "Ph.D."):
/// at least two groups of one or two ASCII letters, each closed by a stop.
fn dotted_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    loop {
        let start = j;
        while j < b.len() && b[j].is_ascii_alphabetic() && j - start < 3 {
            j += 1;
        }
        let len = j - start;
        if len == 0 || len > 2 || b.get(j) != Some(&b'.') {
            break;
        }
        j += 1;
        groups += 1;
    }
    // Back off to the last complete group.
    if groups < 2 {
        return None;
    }
    let mut end = i;
    let mut seen = 0;
    for (k, &c) in b[i..].iter().enumerate() {
        if c == b'.' {
            seen += 1;
            if seen == groups {
                end = i + k + 1;
                break;
            }
        }
    }
    // "U.S.A" glued to more letters or digits is not an initialism.
    match b.get(end) {
        Some(c) if c.is_ascii_alphanumeric() || *c >= 0x80 => None,
        _ => Some(end),
    }
}

/// End of the number starting at `i`: digits with thousands separators and
/// decimals, then any glued letters ("1.2bn", "21st").
fn number_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    if b[i] >= 0x80 {
        // Digits of other scripts: a run of numeric characters.
        while let Some(ch) = char_at(text, j).filter(|c| crate::chars::is_numeric(*c)) {
            j += ch.len_utf8();
        }
        return j;
    }
    while digit(j) {
        j += 1;
    }
    loop {
        match b.get(j) {
            Some(b',') if digit(j + 1) && digit(j + 2) && digit(j + 3) && !digit(j + 4) => j += 4,
            Some(b'.') if digit(j + 1) => {
                j += 1;
                while digit(j) {
                    j += 1;
                }
            }
            _ => break,
        }
    }
    if j < n && b[j].is_ascii_alphabetic() {
        while j < n && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
    }
    j
}

fn ascii_kind(c: u8) -> TokenKind {
    match c {
        b'#' | b'$' | b'%' | b'&' | b'+' | b'<' | b'=' | b'>' | b'@' | b'^' | b'`' | b'|'
        | b'~' => TokenKind::Symbol,
        c if c.is_ascii_punctuation() => TokenKind::Punct,
        // Control characters.
        _ => TokenKind::Symbol,
    }
}

fn unicode_kind(ch: char) -> TokenKind {
    match ch {
        // Dashes, quotes, bullets, ellipsis and other general punctuation.
        '\u{2010}'..='\u{2027}'
        | '\u{2032}'..='\u{205E}'
        | '«'
        | '»'
        | '¡'
        | '¿'
        | '·'
        | '§'
        | '¶'
        | '\u{3001}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1F}'
        | '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{06D4}' => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

#[cfg(test)]
mod run_tests {
    use super::ascii_alnum_run;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn alnum_run_is_bytewise(b in proptest::collection::vec(prop_oneof![
            Just(b'a'), Just(b'Z'), Just(b'0'), Just(b'9'), Just(b' '), Just(b'@'), Just(b'['),
            Just(b'`'), Just(b'{'), Just(b'/'), Just(b':'), Just(0xC3u8), Just(0xE2u8), any::<u8>()
        ], 0..40)) {
            let n = b.iter().take_while(|x| x.is_ascii_alphanumeric()).count();
            let digits = b[..n].iter().all(u8::is_ascii_digit);
            prop_assert_eq!(ascii_alnum_run(&b), (n, digits));
        }
    }
}
