//! A small word lexer, quotation-mark regions and clause units shared by the
//! quote and fact finders.
//!
//! Word boundaries are re-derived here rather than taken from `text::tokens`
//! so that cue and number patterns do not depend on how the tokeniser splits
//! apostrophes, hyphens or decimal points.

/// What a lexed token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum K {
    Word,
    Num,
    Punct,
}

/// One lexed token: byte span, kind and lower-case text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub s: usize,
    pub e: usize,
    pub k: K,
    /// The token lower-cased: a slice of the text itself when that is
    /// already lower case, else of the arena `lex` was given (so lexing
    /// allocates nothing per token; allocation used to dominate these stages).
    pub lower: &'a str,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.k != K::Punct
    }
    /// The word without a trailing possessive `'s` / `’s` / `'`.
    pub fn stem(&self) -> &str {
        let l = self.lower;
        l.strip_suffix("'s")
            .or_else(|| l.strip_suffix("’s"))
            .or_else(|| l.strip_suffix('\''))
            .or_else(|| l.strip_suffix('’'))
            .unwrap_or(l)
    }
    pub fn possessive(&self) -> bool {
        self.stem().len() != self.lower.len()
    }
}

/// A token's span and kind, before lower-casing.
#[derive(Debug, Clone, Copy)]
struct Span {
    s: usize,
    e: usize,
    k: K,
    cap: bool,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character starting at byte `p` of `s`, if any (ASCII without decoding).
fn char_at(s: &str, p: usize) -> Option<char> {
    let b = *s.as_bytes().get(p)?;
    if b.is_ascii() {
        return Some(char::from(b));
    }
    s.get(p..).and_then(|r| r.chars().next())
}

/// Whether `w` has an ASCII upper-case letter, and whether it is all
/// ASCII: a machine word at a time (asked for every word of every document).
fn case_and_ascii(w: &str) -> (bool, bool) {
    use text::bytes::{in_range, HI};
    let Some(k) = text::wordtab::Key::of(w) else {
        return w.bytes().fold((false, true), |(u, a), b| {
            (u || b.is_ascii_uppercase(), a && b.is_ascii())
        });
    };
    let (mut upper, mut high) = (0u64, 0u64);
    for x in k.words() {
        upper |= in_range(x, b'A', b'Z');
        high |= x & HI;
    }
    (upper != 0, high == 0)
}

/// FNV-1a, for the cue and measure tables: their keys are single short
/// words looked up once or more per token, where SipHash's set-up would
/// cost more than the lookup itself.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A quick test that a word is not in a small word table, by its first
/// two bytes and by length against its first and last byte: most words of
/// a text fail it, sparing the hash.
#[derive(Clone)]
pub struct WordFilter {
    first: [u64; 256],
    last: [u64; 256],
    /// One bit per (first byte, second byte or 0).
    pair: Vec<u64>,
}

impl WordFilter {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut f = WordFilter {
            first: [0; 256],
            last: [0; 256],
            pair: vec![0; 65536 / 64],
        };
        for w in words {
            let b = w.as_bytes();
            if let (Some(&a), Some(&z)) = (b.first(), b.last()) {
                let bit = 1u64 << b.len().min(63);
                f.first[usize::from(a)] |= bit;
                f.last[usize::from(z)] |= bit;
                let p = pair_index(b);
                if let Some(x) = f.pair.get_mut(p / 64) {
                    *x |= 1 << (p % 64);
                }
            }
        }
        f
    }

    /// False only when `w` is surely not one of the words (or is empty).
    pub fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(&a), Some(&z)) = (b.first(), b.last()) else {
            return false;
        };
        let bit = 1u64 << b.len().min(63);
        let p = pair_index(b);
        self.first[usize::from(a)] & bit != 0
            && self.last[usize::from(z)] & bit != 0
            && self
                .pair
                .get(p / 64)
                .is_some_and(|x| x & (1 << (p % 64)) != 0)
    }
}

/// The first two bytes of a word (the second 0 when it has one byte).
fn pair_index(b: &[u8]) -> usize {
    usize::from(b.first().copied().unwrap_or(0)) << 8 | usize::from(b.get(1).copied().unwrap_or(0))
}

/// A `HashMap` hashed with `Fnv`.
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Lexes `text[from..to]` into words, numbers and single punctuation marks,
/// appending their spans to `out`.
fn spans(text: &str, from: usize, to: usize, mut emit: impl FnMut(Span)) {
    let Some(slice) = text.get(from..to) else {
        return;
    };
    let n = slice.len();
    let at = |p: usize| char_at(slice, p);
    let len = |c: Option<char>| c.map_or(0, char::len_utf8);
    // `i` and `j` are byte offsets into `slice`.
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i + c.len_utf8();
        // The character just before `j`.
        let mut prev = c;
        let kind;
        if text::chars::is_alphabetic(c) {
            kind = K::Word;
            let bytes = slice.as_bytes();
            loop {
                // ASCII letters and digits in bulk (most of any word).
                let run = bytes
                    .get(j..)
                    .map_or(0, |r| text::tokens::ascii_alnum_run(r).0);
                if run > 0 {
                    j += run;
                    prev = char::from(bytes[j - 1]);
                }
                let Some(d) = at(j) else {
                    break;
                };
                // The ASCII run stopped here, so an ASCII `d` is no letter or
                // digit; only apostrophes, hyphens and dots may go on (most
                // words end at a space, settled without the next char).
                if d.is_ascii() && !matches!(d, '\'' | '-' | '.') {
                    break;
                }
                let j1 = j + d.len_utf8();
                if !d.is_ascii() && !is_apos(d) && text::chars::is_alphanumeric(d) {
                    prev = d;
                    j = j1;
                    continue;
                }
                let n1 = at(j1);
                let next_alnum = n1.is_some_and(text::chars::is_alphanumeric);
                if (is_apos(d) || d == '-') && next_alnum {
                    prev = n1.unwrap_or(d);
                    j = j1 + len(n1);
                } else if is_apos(d) && prev == 's' && !next_alnum {
                    // Plural possessive: "states'".
                    j = j1;
                    break;
                } else if d == '.'
                    && n1.is_some_and(text::chars::is_alphabetic)
                    && at(j1 + len(n1)) == Some('.')
                {
                    // Dotted abbreviations such as "U.S." keep their dots.
                    prev = '.';
                    j = j1 + len(n1) + 1;
                } else {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            kind = K::Num;
            while let Some(d) = at(j) {
                let j1 = j + d.len_utf8();
                if d.is_ascii_digit()
                    || ((d == ',' || d == '.') && at(j1).is_some_and(|x| x.is_ascii_digit()))
                {
                    j = j1;
                } else {
                    break;
                }
            }
        } else {
            kind = K::Punct;
        }
        emit(Span {
            s: from + i,
            e: from + j.min(n),
            k: kind,
            cap: c.is_uppercase(),
        });
        i = j;
    }
}

/// Lexes `text[from..to]` into words, numbers and single punctuation marks.
/// Lower-cased forms that differ from the text are written to `arena`
/// (cleared first), which the tokens then borrow.
pub(crate) fn lex<'a>(
    text: &'a str,
    from: usize,
    to: usize,
    arena: &'a mut String,
) -> Vec<Tok<'a>> {
    arena.clear();
    // Only words with capitals are copied there, about a fifth of a news
    // text: one allocation rather than one per doubling.
    arena.reserve(to.saturating_sub(from) / 4);
    // Tokens first point at their own text; those whose lower case differs
    // are patched to point into `arena` once it is complete.
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(to.saturating_sub(from) / 5 + 1);
    let mut patches: Vec<(usize, usize, usize)> = Vec::with_capacity(toks.capacity() / 4);
    spans(text, from, to, |t| {
        let w = &text[t.s..t.e];
        let st = arena.len();
        // Numbers are ASCII digits and separators: their own lower case.
        if t.k != K::Num {
            let (upper, ascii) = case_and_ascii(w);
            if ascii {
                if upper {
                    arena.push_str(w);
                    arena[st..].make_ascii_lowercase();
                    patches.push((toks.len(), st, arena.len()));
                }
            } else {
                let l = w.to_lowercase();
                if l != w {
                    arena.push_str(&l);
                    patches.push((toks.len(), st, arena.len()));
                }
            }
        }
        toks.push(Tok {
            s: t.s,
            e: t.e,
            k: t.k,
            lower: w,
            cap: t.cap,
        });
    });
    let arena: &'a String = arena;
    for (ti, a, b) in patches {
        if let (Some(t), Some(l)) = (toks.get_mut(ti), arena.get(a..b)) {
            t.lower = l;
        }
    }
    toks
}

/// What the quote and fact finders both start from: the whole text lexed,
/// its quotation regions and its clause units (byte spans). Built once per
/// document and shared, as the two finders used to build it each.
pub struct Lexed<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Tok<'a>>,
    pub(crate) regs: Vec<Region>,
    pub(crate) units: Vec<[usize; 2]>,
}

impl<'a> Lexed<'a> {
    /// Lexes `text`; lower-cased forms that differ from the text go to `arena`.
    pub fn new(text: &'a str, sentences: &[model::Sentence], arena: &'a mut String) -> Lexed<'a> {
        let regs = regions(text);
        let sent_spans: Vec<[usize; 2]> = if sentences.is_empty() {
            vec![[0, text.len()]]
        } else {
            sentences.iter().map(|s| s.span).collect()
        };
        let units = units(text, &sent_spans, &regs);
        let toks = lex(text, 0, text.len(), arena);
        Lexed {
            text,
            toks,
            regs,
            units,
        }
    }
}

/// A stretch of text between double quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    /// Start of the opening mark.
    pub open: usize,
    /// End of the closing mark (or of the last paragraph when unclosed).
    pub close: usize,
    /// The words inside the marks.
    pub content: [usize; 2],
}

pub(crate) fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}
pub(crate) fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '»')
}
pub(crate) fn is_quote_mark(c: char) -> bool {
    c == '"' || is_open_mark(c) || is_close_mark(c)
}

/// Finds the double-quoted regions of `text`. Curly marks are directional;
/// straight marks open after a space and close before one. A quote left open
/// at the end of a paragraph continues into the next paragraph when that one
/// opens with a quote mark (news convention), and otherwise ends there.
pub(crate) fn regions(text: &str) -> Vec<Region> {
    let mut out = Vec::new();
    // Paragraphs as byte ranges.
    let mut paras = Vec::new();
    let mut s = 0;
    for line in text.split_inclusive('\n') {
        let e = s + line.len();
        paras.push([s, e]);
        s = e;
    }
    // An open quote carried over from an earlier paragraph: its opening mark.
    let mut carried: Option<usize> = None;
    for (pi, &[ps, pe]) in paras.iter().enumerate() {
        let para = &text[ps..pe];
        let first_nonspace = para.char_indices().find(|x| !x.1.is_whitespace());
        // (open mark start, opened at paragraph start)
        let mut cur: Option<(usize, bool)> = None;
        let mut skip_first = false;
        if let Some(open) = carried.take() {
            match first_nonspace {
                Some((_, f)) if f == '"' || is_open_mark(f) => {
                    cur = Some((open, true));
                    skip_first = true;
                }
                _ => {}
            }
        }
        // A paragraph without any quotation mark (or `''`) changes nothing.
        if cur.is_none() && !has_mark(para) {
            continue;
        }
        // Only quotation marks and apostrophes act, so jump from one to the
        // next: their first bytes are `"`, `'`, 0xC2 (« ») or 0xE2 (“ ” „),
        // all of which start a character.
        let pb = para.as_bytes();
        let mut from = 0;
        while let Some(off) = text::bytes::find_any(&pb[from..], [b'"', b'\'', 0xC2, 0xE2]) {
            let bi = from + off;
            let Some(mut c) = para[bi..].chars().next() else {
                break;
            };
            from = bi + c.len_utf8();
            if !(c == '\'' || is_quote_mark(c)) {
                continue;
            }
            let i = ps + bi;
            if skip_first && Some((bi, c)) == first_nonspace {
                continue;
            }
            let prev = para[..bi].chars().next_back();
            // Two apostrophes stand for a double mark in some archives.
            let mut width = c.len_utf8();
            if c == '\'' && para[from..].starts_with('\'') {
                c = '"';
                width = 2;
                from += 1;
            }
            let next = para[from..].chars().next();
            // Inside a quote opened with a straight mark, curly marks are nested
            // quotes (and the other way round).
            if let Some((open, _)) = cur {
                let straight_open = text[open..].starts_with('"') || text[open..].starts_with("''");
                if straight_open != (c == '"') {
                    continue;
                }
            }
            let stray_close = is_close_mark(c)
                && cur.is_none()
                && prev.is_none_or(char::is_whitespace)
                && next.is_some_and(text::chars::is_alphanumeric);
            let opens = if is_open_mark(c) || stray_close {
                true
            } else if is_close_mark(c) {
                false
            } else if c == '"' {
                let before_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
                let after_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}".contains(n));
                if before_space && !after_space {
                    true
                } else if after_space && !before_space {
                    false
                } else {
                    cur.is_none()
                }
            } else {
                continue;
            };
            match (opens, cur) {
                (true, _) => {
                    // A second opening mark abandons an unclosed one.
                    cur = Some((i, text[ps..i].trim().is_empty()));
                }
                (false, Some((open, _))) => {
                    out.push(region(text, open, i, i + width));
                    cur = None;
                }
                (false, None) => {}
            }
        }
        // An unclosed quote ends with its paragraph, unless the next paragraph
        // opens with a quote mark: then it runs on (news convention).
        if let Some((open, _)) = cur {
            let next_opens = paras[pi + 1..]
                .iter()
                .map(|&[a, b]| &text[a..b])
                .find(|p| !p.trim().is_empty())
                .and_then(|p| p.trim_start().chars().next())
                .is_some_and(|f| f == '"' || is_open_mark(f));
            if next_opens {
                carried = Some(open);
            } else {
                let end = ps + para.trim_end().len();
                out.push(region(text, open, end, end));
            }
        }
    }
    out
}

/// Does `s` hold a character that `regions` acts on?
fn has_mark(s: &str) -> bool {
    s.contains(|c: char| c == '"' || is_open_mark(c) || is_close_mark(c)) || s.contains("''")
}

fn region(text: &str, open: usize, close_start: usize, close_end: usize) -> Region {
    let w = if text[open..].starts_with("''") {
        2
    } else {
        text[open..].chars().next().map_or(1, char::len_utf8)
    };
    let cs = (open + w).min(close_start);
    Region {
        open,
        close: close_end,
        content: [cs, close_start],
    }
}

/// Clause units: the given sentences, split again at sentence-final
/// punctuation that lies outside quotation marks (so a unit never ends inside
/// a quote), and always at line breaks outside quotes.
pub(crate) fn units(text: &str, sentences: &[[usize; 2]], regions: &[Region]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    // Regions do not overlap and come in text order: binary search keeps
    // long documents with many quotes linear.
    let in_region = |p: usize| {
        let i = regions.partition_point(|r| r.open < p);
        i > 0 && p < regions[i - 1].close
    };
    let mut toks = Vec::new();
    for &[a, b] in sentences {
        let (a, b) = (a.min(text.len()), b.min(text.len()));
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let mut start = a;
        // Stops are `.`, `!` and `?` tokens. No token spans whitespace, so
        // lexing just the whitespace-delimited chunk around each such
        // character gives the same tokens as lexing the whole sentence (most
        // sentences have one stop, at the end).
        let mut p = a;
        while let Some(off) =
            text::bytes::find_any(&text.as_bytes()[p..b], [b'.', b'!', b'?', b'.'])
        {
            let q = p + off;
            let cs = text[p..q]
                .char_indices()
                .rev()
                .find(|x| x.1.is_whitespace())
                .map_or(p, |(k, c)| p + k + c.len_utf8());
            let ce = text[q..b].find(char::is_whitespace).map_or(b, |k| q + k);
            // The token after the chunk starts at its first non-space character.
            let after = text[ce..b]
                .char_indices()
                .find(|x| !x.1.is_whitespace())
                .map(|(k, c)| (ce + k, c));
            p = ce;
            toks.clear();
            spans(text, cs, ce, |t| toks.push(t));
            for (i, t) in toks.iter().enumerate() {
                // Punctuation is one character, its own lower case.
                let tw = &text[t.s..t.e];
                let stop = t.k == K::Punct && matches!(tw, "." | "!" | "?");
                // A closing mark after sentence-final punctuation does not end the
                // unit: `"Why?" she asked.` keeps its attribution.
                if !stop || in_region(t.s) {
                    continue;
                }
                // The next token: its start and first character.
                let next = match toks.get(i + 1) {
                    Some(nx) => text[nx.s..].chars().next().map(|c| (nx.s, c)),
                    None => after,
                };
                let Some((nx_s, nx_first)) = next else {
                    continue;
                };
                let starts_new =
                    nx_first.is_uppercase() || is_open_mark(nx_first) || nx_first == '"';
                // Checked only when it matters: it lower-cases a word. (A word
                // before the chunk is never glued to the stop.)
                let abbrev = || {
                    i > 0 && {
                        let p = &toks[i - 1];
                        p.e == t.s
                            && text::sentences::is_abbreviation(&text[p.s..p.e], &text[t.e..])
                    }
                };
                if starts_new && (tw != "." || !abbrev()) {
                    out.push([start, t.e]);
                    start = nx_s;
                }
            }
        }
        if start < b {
            out.push([start, b]);
        }
    }
    // Line breaks outside quotes.
    let mut split = Vec::with_capacity(out.len());
    for [a, b] in out {
        let mut s = a;
        // `\n` is one byte and never inside a multi-byte character.
        let mut from = a;
        while let Some(i) = text::bytes::find_any(&text.as_bytes()[from..b], [b'\n'; 4]) {
            let p = from + i;
            from = p + 1;
            if !in_region(p) {
                if !text[s..p].trim().is_empty() {
                    split.push([s, p]);
                }
                s = p + 1;
            }
        }
        if !text[s..b].trim().is_empty() {
            split.push([s, b]);
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `regions` as first written, over a vector of each paragraph's chars.
    fn regions_reference(text: &str) -> Vec<Region> {
        let mut out = Vec::new();
        // Paragraphs as byte ranges.
        let mut paras = Vec::new();
        let mut s = 0;
        for line in text.split_inclusive('\n') {
            let e = s + line.len();
            paras.push([s, e]);
            s = e;
        }
        // An open quote carried over from an earlier paragraph: its opening mark.
        let mut carried: Option<usize> = None;
        for (pi, &[ps, pe]) in paras.iter().enumerate() {
            let para = &text[ps..pe];
            let first_nonspace = para.char_indices().find(|x| !x.1.is_whitespace());
            // (open mark start, opened at paragraph start)
            let mut cur: Option<(usize, bool)> = None;
            let mut skip_first = false;
            if let Some(open) = carried.take() {
                match first_nonspace {
                    Some((_, f)) if f == '"' || is_open_mark(f) => {
                        cur = Some((open, true));
                        skip_first = true;
                    }
                    _ => {}
                }
            }
            // A paragraph without any quotation mark (or `''`) changes nothing.
            if cur.is_none() && !has_mark(para) {
                continue;
            }
            let chars: Vec<(usize, char)> = para.char_indices().collect();
            let mut k = 0;
            while k < chars.len() {
                let (bi, mut c) = chars[k];
                let i = ps + bi;
                k += 1;
                if skip_first && Some((bi, c)) == first_nonspace {
                    continue;
                }
                let prev = if k < 2 { None } else { Some(chars[k - 2].1) };
                // Two apostrophes stand for a double mark in some archives.
                let mut width = c.len_utf8();
                if c == '\'' && chars.get(k).is_some_and(|x| x.1 == '\'') {
                    c = '"';
                    width = 2;
                    k += 1;
                }
                let next = chars.get(k).map(|x| x.1);
                // Inside a quote opened with a straight mark, curly marks are nested
                // quotes (and the other way round).
                if let Some((open, _)) = cur {
                    let straight_open =
                        text[open..].starts_with('"') || text[open..].starts_with("''");
                    if straight_open != (c == '"') {
                        continue;
                    }
                }
                let stray_close = is_close_mark(c)
                    && cur.is_none()
                    && prev.is_none_or(char::is_whitespace)
                    && next.is_some_and(text::chars::is_alphanumeric);
                let opens = if is_open_mark(c) || stray_close {
                    true
                } else if is_close_mark(c) {
                    false
                } else if c == '"' {
                    let before_space =
                        prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
                    let after_space =
                        next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}".contains(n));
                    if before_space && !after_space {
                        true
                    } else if after_space && !before_space {
                        false
                    } else {
                        cur.is_none()
                    }
                } else {
                    continue;
                };
                match (opens, cur) {
                    (true, _) => {
                        // A second opening mark abandons an unclosed one.
                        cur = Some((i, text[ps..i].trim().is_empty()));
                    }
                    (false, Some((open, _))) => {
                        out.push(region(text, open, i, i + width));
                        cur = None;
                    }
                    (false, None) => {}
                }
            }
            // An unclosed quote ends with its paragraph, unless the next paragraph
            // opens with a quote mark: then it runs on (news convention).
            if let Some((open, _)) = cur {
                let next_opens = paras[pi + 1..]
                    .iter()
                    .map(|&[a, b]| &text[a..b])
                    .find(|p| !p.trim().is_empty())
                    .and_then(|p| p.trim_start().chars().next())
                    .is_some_and(|f| f == '"' || is_open_mark(f));
                if next_opens {
                    carried = Some(open);
                } else {
                    let end = ps + para.trim_end().len();
                    out.push(region(text, open, end, end));
                }
            }
        }
        out
    }

    /// `units` as first written: every sentence lexed whole.
    fn units_reference(
        text: &str,
        sentences: &[[usize; 2]],
        regions: &[Region],
    ) -> Vec<[usize; 2]> {
        let mut out = Vec::new();
        let in_region = |p: usize| {
            let i = regions.partition_point(|r| r.open < p);
            i > 0 && p < regions[i - 1].close
        };
        for &[a, b] in sentences {
            let (a, b) = (a.min(text.len()), b.min(text.len()));
            if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                continue;
            }
            let mut arena = String::new();
            let toks = lex(text, a, b, &mut arena);
            let mut start = a;
            for (i, t) in toks.iter().enumerate() {
                let stop = t.k == K::Punct && matches!(t.lower, "." | "!" | "?");
                if !stop || in_region(t.s) {
                    continue;
                }
                let Some(nx) = toks.get(i + 1) else { continue };
                let nx_first = text[nx.s..].chars().next().unwrap_or(' ');
                let starts_new = nx.cap || is_open_mark(nx_first) || nx_first == '"';
                let abbrev = i > 0 && {
                    let p = &toks[i - 1];
                    p.e == t.s && text::sentences::is_abbreviation(&text[p.s..p.e], &text[t.e..])
                };
                if starts_new && (t.lower != "." || !abbrev) {
                    out.push([start, t.e]);
                    start = nx.s;
                }
            }
            if start < b {
                out.push([start, b]);
            }
        }
        let mut split = Vec::new();
        for [a, b] in out {
            let mut s = a;
            for (i, c) in text[a..b].char_indices() {
                let p = a + i;
                if c == '\n' && !in_region(p) {
                    if !text[s..p].trim().is_empty() {
                        split.push([s, p]);
                    }
                    s = p + 1;
                }
            }
            if !text[s..b].trim().is_empty() {
                split.push([s, b]);
            }
        }
        split
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            Just(" "),
            Just("  "),
            Just("\n"),
            Just("."),
            Just("!"),
            Just("?"),
            Just("\""),
            Just("“"),
            Just("”"),
            Just("'"),
            Just("’"),
            Just("-"),
            Just("Mr"),
            Just("U.S."),
            Just("u.n"),
            Just("he"),
            Just("The"),
            Just("States"),
            Just("states"),
            Just("1.5"),
            Just("2,000"),
            Just("é"),
            Just("Élan"),
            Just("a"),
            Just("B"),
            Just("said"),
            Just("e.g."),
            Just("\u{a0}"),
            Just("ǅ"),
            Just("ΣΑΣ"),
            Just("«"),
            Just("»"),
            Just("„"),
            Just("—"),
            Just("("),
            Just(":"),
            Just(","),
            Just("\"Yes"),
        ]
    }

    proptest! {
        #[test]
        fn case_and_ascii_is_the_bytewise_reading(w in "[a-zA-Z0-9ÉéÇ'’ -]{0,30}") {
            let plain = w.bytes().fold((false, true), |(u, a), c| {
                (u || c.is_ascii_uppercase(), a && c.is_ascii())
            });
            prop_assert_eq!(case_and_ascii(&w), plain);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn chunked_units_match_whole_sentence_lexing(
            parts in proptest::collection::vec(piece(), 0..60),
            cuts in proptest::collection::vec(0usize..400, 0..6),
        ) {
            let text = parts.concat();
            // Sentence spans from arbitrary cut points (on char boundaries).
            let mut bounds: Vec<usize> = cuts
                .iter()
                .map(|&c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            bounds.push(0);
            bounds.push(text.len());
            bounds.sort_unstable();
            bounds.dedup();
            let sentences: Vec<[usize; 2]> = bounds.windows(2).map(|w| [w[0], w[1]]).collect();
            let regs = regions(&text);
            prop_assert_eq!(
                units(&text, &sentences, &regs),
                units_reference(&text, &sentences, &regs)
            );
        }
    }

    /// The lexer as first written, over a vector of chars, with owned lower case.
    fn lex_reference(text: &str) -> Vec<(usize, usize, K, String, bool)> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let kind;
            if c.is_alphabetic() {
                kind = K::Word;
                while j < chars.len() {
                    let d = chars[j].1;
                    let next_alnum = chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric());
                    if d.is_alphanumeric() {
                        j += 1;
                    } else if (is_apos(d) || d == '-') && next_alnum {
                        j += 2;
                    } else if is_apos(d) && chars[j - 1].1 == 's' && !next_alnum {
                        j += 1;
                        break;
                    } else if d == '.'
                        && chars.get(j + 1).is_some_and(|x| x.1.is_alphabetic())
                        && chars.get(j + 2).is_some_and(|x| x.1 == '.')
                    {
                        j += 3;
                    } else {
                        break;
                    }
                }
            } else if c.is_ascii_digit() {
                kind = K::Num;
                while j < chars.len() {
                    let d = chars[j].1;
                    let next_digit = chars.get(j + 1).is_some_and(|x| x.1.is_ascii_digit());
                    if d.is_ascii_digit() || ((d == ',' || d == '.') && next_digit) {
                        j += 1;
                    } else {
                        break;
                    }
                }
            } else {
                kind = K::Punct;
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push((
                start,
                end,
                kind,
                text[start..end].to_lowercase(),
                c.is_uppercase(),
            ));
            i = j;
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn lexer_matches_reference(parts in proptest::collection::vec(piece(), 0..60)) {
            let text = parts.concat();
            let mut arena = String::new();
            let got: Vec<(usize, usize, K, String, bool)> = lex(&text, 0, text.len(), &mut arena)
                .iter()
                .map(|t| (t.s, t.e, t.k, t.lower.to_string(), t.cap))
                .collect();
            prop_assert_eq!(got, lex_reference(&text));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn regions_match_reference(parts in proptest::collection::vec(piece(), 0..60)) {
            let text = parts.concat();
            prop_assert_eq!(regions(&text), regions_reference(&text));
        }
    }
}
