//! A bound on sentence length. Several stages do work per sentence that
//! grows with the square of its words (each trigger looks over its
//! sentence), which is nothing on news sentences and minutes on a run of
//! text with no sentence end (a table, a list, hostile input). Such runs are
//! cut at spaces into pieces of bounded length, so that the work stays
//! linear in the length of the text.

use model::Sentence;

/// The longest sentence kept whole, in bytes. The longest in the Guardian
/// sample and the ACLED notes is under 900 bytes.
pub const MAX_SENTENCE: usize = 2_000;

/// `sentences` with every one longer than [`MAX_SENTENCE`] cut at ASCII
/// whitespace (the last within the bound, else the first after it: a single
/// longer word stays whole), renumbered. Spans stay trimmed and in order.
pub fn split_long(text: &str, sentences: Vec<Sentence>) -> Vec<Sentence> {
    if sentences
        .iter()
        .all(|s| s.span[1].saturating_sub(s.span[0]) <= MAX_SENTENCE)
    {
        return sentences;
    }
    let b = text.as_bytes();
    let ws = |i: usize| b.get(i).is_some_and(u8::is_ascii_whitespace);
    let mut out = Vec::with_capacity(sentences.len() + b.len() / MAX_SENTENCE);
    for s in sentences {
        let [mut start, end] = s.span;
        while end.saturating_sub(start) > MAX_SENTENCE {
            let limit = start + MAX_SENTENCE;
            let cut = (start + 1..=limit)
                .rev()
                .find(|&i| ws(i))
                .or_else(|| (limit..end).find(|&i| ws(i)));
            let Some(cut) = cut else { break };
            let mut piece_end = cut;
            while piece_end > start && ws(piece_end - 1) {
                piece_end -= 1;
            }
            out.push(Sentence {
                index: 0,
                span: [start, piece_end],
            });
            start = cut;
            while start < end && ws(start) {
                start += 1;
            }
        }
        if start < end {
            out.push(Sentence {
                index: 0,
                span: [start, end],
            });
        }
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.index = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_are_cut_at_spaces() {
        let text = "word ".repeat(1_000) + "end";
        let whole = vec![Sentence {
            index: 0,
            span: [0, text.len()],
        }];
        let cut = split_long(&text, whole);
        assert!(cut.len() >= 3, "{}", cut.len());
        let mut last = 0;
        for (i, s) in cut.iter().enumerate() {
            assert_eq!(s.index, i);
            assert!(s.span[1] - s.span[0] <= MAX_SENTENCE);
            assert!(s.span[0] >= last);
            let piece = &text[s.span[0]..s.span[1]];
            assert_eq!(piece.trim(), piece);
            last = s.span[1];
        }
        assert_eq!(cut.last().map(|s| s.span[1]), Some(text.len()));
        // Only whitespace is left out.
        let kept: usize = cut.iter().map(|s| s.span[1] - s.span[0]).sum();
        assert_eq!(kept + cut.len() - 1, text.len());
    }

    #[test]
    fn a_long_word_stays_whole_and_short_sentences_untouched() {
        let text = format!("{} tail", "x".repeat(5_000));
        let cut = split_long(
            &text,
            vec![Sentence {
                index: 0,
                span: [0, text.len()],
            }],
        );
        let spans: Vec<_> = cut.iter().map(|s| s.span).collect();
        assert_eq!(spans, vec![[0, 5_000], [5_001, text.len()]]);
        let short = vec![Sentence {
            index: 0,
            span: [0, 4],
        }];
        assert_eq!(split_long("abcd", short.clone()), short);
    }
}
