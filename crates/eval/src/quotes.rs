//! Scoring quotes against PolNeAR attributions and casualty facts against
//! ACLED fatality counts. Pure functions over strings: the caller reads files.

use model::{Quote, Span, Speaker};

/// One gold attribution from a brat `.ann` file, with byte spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
}

/// Parses a PolNeAR brat standoff file. Brat offsets count characters; they
/// are turned into byte offsets into `text`. Lines that do not parse are
/// skipped: the scorer measures, it does not validate the corpus.
pub fn parse_brat(text: &str, ann: &str) -> Vec<GoldAttribution> {
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let to_byte = |c: usize| byte_of.get(c).copied();
    let mut spans: std::collections::HashMap<&str, (String, Vec<Span>)> =
        std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((kind, offs)) = body.split_once(' ') else {
                continue;
            };
            let mut v = Vec::new();
            for piece in offs.split(';') {
                let mut it = piece
                    .split_whitespace()
                    .filter_map(|x| x.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (it.next(), it.next()) {
                    if let (Some(a), Some(b)) = (to_byte(a), to_byte(b)) {
                        if a < b {
                            v.push([a, b]);
                        }
                    }
                }
            }
            spans.insert(id, (kind.to_string(), v));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut g = GoldAttribution::default();
        for arg in ev.split_whitespace().skip(1) {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, v)) = spans.get(tid) else {
                continue;
            };
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => g.content.extend(v),
                "Source" => g.source.extend(v),
                "Cue" => g.cue.extend(v),
                _ => {}
            }
        }
        if !g.content.is_empty() {
            out.push(g);
        }
    }
    out
}

/// Counts from which precision, recall and speaker accuracy follow; add the
/// counts of several documents with `add`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteScore {
    pub gold: usize,
    pub predicted: usize,
    /// Predictions whose content overlaps a gold content span.
    pub overlap_pred: usize,
    /// Gold attributions overlapped by some prediction.
    pub overlap_gold: usize,
    /// Predictions whose content equals a gold content span (see `norm`).
    pub exact_pred: usize,
    pub exact_gold: usize,
    /// Overlapping predictions whose gold attribution names a source.
    pub speaker_checked: usize,
    /// Of those, predictions whose speaker span overlaps the gold source.
    pub speaker_ok: usize,
}

impl QuoteScore {
    pub fn add(&mut self, o: &QuoteScore) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.overlap_pred += o.overlap_pred;
        self.overlap_gold += o.overlap_gold;
        self.exact_pred += o.exact_pred;
        self.exact_gold += o.exact_gold;
        self.speaker_checked += o.speaker_checked;
        self.speaker_ok += o.speaker_ok;
    }
    /// (precision, recall, F1) for overlapping content.
    pub fn overlap(&self) -> (f64, f64, f64) {
        prf(
            self.overlap_pred,
            self.predicted,
            self.overlap_gold,
            self.gold,
        )
    }
    /// (precision, recall, F1) for exact content.
    pub fn exact(&self) -> (f64, f64, f64) {
        prf(self.exact_pred, self.predicted, self.exact_gold, self.gold)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_checked)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn prf(tp_p: usize, n_p: usize, tp_g: usize, n_g: usize) -> (f64, f64, f64) {
    let p = ratio(tp_p, n_p);
    let r = ratio(tp_g, n_g);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// A span without surrounding spaces, quotation marks, punctuation and a
/// leading complementizer, so that `“Yes,”` equals `Yes` and `that X` equals `X`.
pub fn norm(text: &str, [a, b]: Span) -> Span {
    let Some(s) = text.get(a..b) else {
        return [a, b];
    };
    let junk = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’«»—–…".contains(c);
    let t = s.trim_start_matches(junk);
    let start = a + (s.len() - t.len());
    let t = t.trim_end_matches(junk);
    // A leading complementizer is not content: "(said) that X" = "X".
    match t.strip_prefix("that ").or_else(|| t.strip_prefix("That ")) {
        Some(rest) => {
            let rest = rest.trim_start_matches(junk);
            let start = start + (t.len() - rest.len());
            [start, start + rest.len()]
        }
        None => [start, start + t.len()],
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

fn overlap_len(a: Span, b: Span) -> usize {
    a[1].min(b[1]).saturating_sub(a[0].max(b[0]))
}

/// The span a speaker points at.
pub fn speaker_span(s: &Speaker) -> Span {
    match s {
        Speaker::Actor(p) => p.span,
        Speaker::Unresolved { span, .. } => *span,
    }
}

/// Scores one document's quotes against its gold attributions.
pub fn score_quotes(text: &str, gold: &[GoldAttribution], pred: &[Quote]) -> QuoteScore {
    let mut s = QuoteScore {
        gold: gold.len(),
        predicted: pred.len(),
        ..QuoteScore::default()
    };
    let exact_match = |p: Span, g: &GoldAttribution| {
        let np = norm(text, p);
        let whole = [
            g.content.iter().map(|x| x[0]).min().unwrap_or(0),
            g.content.iter().map(|x| x[1]).max().unwrap_or(0),
        ];
        g.content.iter().any(|&c| norm(text, c) == np) || norm(text, whole) == np
    };
    let mut gold_hit = vec![false; gold.len()];
    let mut gold_exact = vec![false; gold.len()];
    for q in pred {
        let p = q.content_span;
        let mut best: Option<(usize, usize)> = None;
        let mut exact = false;
        for (gi, g) in gold.iter().enumerate() {
            let ov: usize = g
                .content
                .iter()
                .filter(|&&c| overlaps(p, c))
                .map(|&c| overlap_len(p, c))
                .sum();
            if ov > 0 {
                gold_hit[gi] = true;
                if best.is_none_or(|(_, b)| ov > b) {
                    best = Some((gi, ov));
                }
            }
            if exact_match(p, g) {
                exact = true;
                gold_exact[gi] = true;
            }
        }
        if exact {
            s.exact_pred += 1;
        }
        if let Some((gi, _)) = best {
            s.overlap_pred += 1;
            let g = &gold[gi];
            if !g.source.is_empty() {
                s.speaker_checked += 1;
                let sp = speaker_span(&q.speaker);
                if g.source.iter().any(|&x| overlaps(sp, x)) {
                    s.speaker_ok += 1;
                }
            }
        }
    }
    s.overlap_gold = gold_hit.iter().filter(|&&x| x).count();
    s.exact_gold = gold_exact.iter().filter(|&&x| x).count();
    s
}

/// Agreement of our fatality figure with ACLED's over many notes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FatalityScore {
    pub notes: usize,
    /// Notes for which we state a figure.
    pub stated: usize,
    /// Of those, figures equal to ACLED's.
    pub agree: usize,
    /// Notes ACLED codes with at least one fatality.
    pub gold_positive: usize,
    /// Of those, notes where our figure equals ACLED's.
    pub gold_positive_agree: usize,
    /// Notes where we state nothing and ACLED codes zero (silence agrees).
    pub silent_zero: usize,
}

impl FatalityScore {
    /// Agreement when the note states a number.
    pub fn precision(&self) -> f64 {
        ratio(self.agree, self.stated)
    }
    /// Share of ACLED's positive counts we reproduce.
    pub fn recall_positive(&self) -> f64 {
        ratio(self.gold_positive_agree, self.gold_positive)
    }
    /// Agreement over all notes, reading silence as zero.
    pub fn overall(&self) -> f64 {
        ratio(self.agree + self.silent_zero, self.notes)
    }
}

/// Our fatality figure for one note.
pub fn note_fatalities(note: &str) -> Option<u64> {
    let sentences = text::sentences(note);
    let tokens = text::tokens(note);
    claims::facts::fatalities(&claims::facts::facts(note, &sentences, &tokens, &[], &[]))
}

/// Adds one note and ACLED's figure to the score.
pub fn score_fatality(score: &mut FatalityScore, ours: Option<u64>, gold: u64) {
    score.notes += 1;
    if gold > 0 {
        score.gold_positive += 1;
    }
    match ours {
        Some(n) => {
            score.stated += 1;
            if n == gold {
                score.agree += 1;
                if gold > 0 {
                    score.gold_positive_agree += 1;
                }
            }
        }
        None if gold == 0 => score.silent_zero += 1,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_char_offsets_become_bytes() {
        let text = "“Yes,” she said. Café owners said prices rose.";
        let ann = "T1\tContent 0 6\t“Yes,”\nT2\tSource 7 10\tshe\nT3\tCue 11 15\tsaid\nT4\tAttribution 11 15\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
        let g = parse_brat(text, ann);
        assert_eq!(g.len(), 1);
        assert_eq!(&text[g[0].content[0][0]..g[0].content[0][1]], "“Yes,”");
        assert_eq!(&text[g[0].source[0][0]..g[0].source[0][1]], "she");
    }
}
