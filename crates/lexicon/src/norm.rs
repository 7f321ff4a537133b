//! Key normalisation shared by the lexicon checks and the recogniser:
//! lower case, Latin diacritics folded, typographic quotes and dashes unified.
//!
//! Written as a small table rather than full Unicode decomposition because
//! news names are overwhelmingly Latin script and the table keeps byte offsets
//! easy to map back (one input char -> zero or more output chars).

/// Base letters for U+00C0..=U+00FF; `*` marks characters handled elsewhere.
const LATIN1: &[u8; 64] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
/// Base letters for U+0100..=U+017F (Latin Extended-A).
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the folded form of `c` to `out`.
pub fn fold_char(c: char, out: &mut String) {
    let u = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'Æ' | 'æ' => out.push_str("ae"),
        'Œ' | 'œ' => out.push_str("oe"),
        'Þ' | 'þ' => out.push_str("th"),
        'ß' => out.push_str("ss"),
        'Ə' | 'ə' => out.push('e'),
        'Ș' | 'ș' => out.push('s'),
        'Ț' | 'ț' => out.push('t'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{02BB}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-')
        }
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        _ if (0x300..=0x36F).contains(&u) => {} // combining marks vanish
        _ if (0xC0..=0xFF).contains(&u) && LATIN1[(u - 0xC0) as usize] != b'*' => {
            out.push(LATIN1[(u - 0xC0) as usize] as char)
        }
        _ if (0x100..=0x17F).contains(&u) && LATIN_EXT_A[(u - 0x100) as usize] != b'*' => {
            out.push(LATIN_EXT_A[(u - 0x100) as usize] as char)
        }
        _ => out.extend(c.to_lowercase()),
    }
}

/// The folded form of `s` (lexicon keys and their uniqueness checks).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Folds `s` and records, for every output byte, the byte offset in `s` of
/// the character that produced it, so matches map back to exact spans.
pub fn fold_with_map(s: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII runs (nearly all of a news text) fold a byte at a time.
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii() {
            i += 1;
        }
        if i > start {
            let run = &s[start..i];
            let n = out.len();
            out.push_str(run);
            out[n..].make_ascii_lowercase();
            map.extend((start as u32)..(i as u32));
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let before = out.len();
        fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(i as u32, out.len() - before));
        i += c.len_utf8();
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Əliyev’s"), "eliyev's");
        assert_eq!(fold("İlham"), "ilham");
        assert_eq!(fold("Łódź–Kraków"), "lodz-krakow");
        assert_eq!(fold("Straße"), "strasse");
        let (f, m) = fold_with_map("Aé b");
        assert_eq!(f, "ae b");
        assert_eq!(m, vec![0, 1, 3, 4]);
    }

    #[test]
    fn map_points_at_each_source_char() {
        let s = "Ærø’s ŞIŞLI–Kraków, São Paulo İzmir ß x\u{301}y";
        let (f, m) = fold_with_map(s);
        assert_eq!(f, fold(s));
        let mut want = Vec::new();
        for (i, c) in s.char_indices() {
            let mut one = String::new();
            fold_char(c, &mut one);
            want.extend(std::iter::repeat_n(i as u32, one.len()));
        }
        assert_eq!(m, want);
    }
}
