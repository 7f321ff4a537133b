//! From tokens to the treebank's syntactic words: entente's tokenizer keeps
//! "don't" and "fault-finding" whole (the lexicons want them so), while the
//! English Web Treebank the models learned from splits them ("do" "n't",
//! "fault" "-" "finding"). Every word is a sub-span of its token.

/// Splits tokens (byte spans into `text`) into syntactic words.
pub fn split(text: &str, tokens: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    out.clear();
    for &(s, e) in tokens {
        let Some(t) = text.get(s..e) else {
            continue;
        };
        split_token(t, s, out);
    }
}

fn split_token(t: &str, at: usize, out: &mut Vec<(usize, usize)>) {
    // Hyphens inside a word, not at its edges and not in numbers' ranges
    // such as "1990-91" (the treebank splits those too, so split all).
    let inner_hyphen = t
        .char_indices()
        .any(|(i, c)| c == '-' && i > 0 && i + 1 < t.len());
    if inner_hyphen && !t.starts_with('-') {
        let mut start = 0;
        for (i, c) in t.char_indices() {
            if c == '-' && i > start && i + 1 < t.len() {
                contraction(&t[start..i], at + start, out);
                out.push((at + i, at + i + 1));
                start = i + 1;
            }
        }
        contraction(&t[start..], at + start, out);
        return;
    }
    contraction(t, at, out);
}

/// "don't" -> "do" "n't", "can't" -> "ca" "n't", "I'm" -> "I" "'m",
/// "cannot" -> "can" "not", and "Syria's" -> "Syria" "'s" for tokenizers
/// that keep the possessive on.
fn contraction(t: &str, at: usize, out: &mut Vec<(usize, usize)>) {
    // Most tokens have no apostrophe and are not "cannot": nothing to split.
    if t.len() != 6 && !t.bytes().any(|b| b == b'\'' || b == 0xE2) {
        out.push((at, at + t.len()));
        return;
    }
    let lower = t.to_ascii_lowercase().replace('’', "'");
    let cut = if lower.len() > 3 && (lower.ends_with("n't")) {
        // "n't" is three bytes, or five with a curly apostrophe.
        Some(t.len() - if t.ends_with("n’t") { 5 } else { 3 })
    } else if lower == "cannot" {
        Some(3)
    } else {
        ["'m", "'re", "'ve", "'ll", "'d", "'s"]
            .iter()
            .find_map(|suf| {
                let curly = t.contains('’');
                let n = suf.len() + if curly { 2 } else { 0 };
                (lower.ends_with(suf) && t.len() > n).then(|| t.len() - n)
            })
    };
    match cut {
        Some(c) if t.is_char_boundary(c) && c > 0 => {
            out.push((at, at + c));
            out.push((at + c, at + t.len()));
        }
        _ => out.push((at, at + t.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    toks.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            toks.push((s, text.len()));
        }
        let mut out = Vec::new();
        split(text, &toks, &mut out);
        out.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    /// Every word is a non-empty sub-span of its token on char boundaries,
    /// and the words cover the token, whatever the token holds.
    #[test]
    fn words_tile_their_tokens() {
        let samples = [
            "“Hello",
            "“-”",
            "é-é",
            "-",
            "--",
            "n’t",
            "’s",
            "a’ll",
            "日本-中国",
            "x-",
            "can’t",
            "’",
            "a-b-c",
            "I’m",
        ];
        for t in samples {
            let mut out = Vec::new();
            split(t, &[(0, t.len())], &mut out);
            let mut at = 0;
            for &(s, e) in &out {
                assert_eq!(s, at, "{t:?}: {out:?}");
                assert!(
                    e > s && t.is_char_boundary(s) && t.is_char_boundary(e),
                    "{t:?}: {out:?}"
                );
                at = e;
            }
            assert_eq!(at, t.len(), "{t:?}: {out:?}");
        }
    }

    #[test]
    fn splits_as_the_treebank_does() {
        assert_eq!(words("They don't"), ["They", "do", "n't"]);
        assert_eq!(
            words("can't won't cannot"),
            ["ca", "n't", "wo", "n't", "can", "not"]
        );
        assert_eq!(
            words("I'm they’re we've"),
            ["I", "'m", "they", "’re", "we", "'ve"]
        );
        assert_eq!(
            words("fault-finding pro-Russian"),
            ["fault", "-", "finding", "pro", "-", "Russian"]
        );
        assert_eq!(
            words("al-Assad's -x x- - n't 's"),
            ["al", "-", "Assad", "'s", "-x", "x-", "-", "n't", "'s"]
        );
        assert_eq!(words("doesn’t"), ["does", "n’t"]);
    }
}
