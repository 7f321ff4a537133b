//! Quotes and claims: direct quotations and indirect speech, each with its
//! cue and its speaker resolved to an actor mention where the text allows.
//!
//! The finder works in three passes over the body:
//! 1. quotation-mark regions (`lex::regions`) are attributed from the words
//!    just before them (`X said: "..."`), just after them (`"...," X said`),
//!    or, for a paragraph that is all quote, from the quote just before it;
//! 2. every reporting cue outside quotation marks (`cues.tsv`) that has a
//!    speaker and a clause gives an indirect quote (`X said that ...`,
//!    `according to X, ...`, `..., X said.`);
//! 3. speakers are resolved: a mention at the speaker position, a pronoun to
//!    the latest person mention, otherwise an unresolved phrase with the
//!    country of a place or country named inside it.
//!
//! Quoted phrases with no cue and no speaker (scare quotes, titles) are not quotes.

pub mod cues;
mod direct;
mod indirect;
pub(crate) mod lex;
mod spans;
mod speaker;

use cues::{Needs, Style};
pub use lex::Lexed;
use lex::{Region, Tok, K};
use model::{ActorType, Mention, Participant, Quote, Sentence, Speaker, Token};

/// Every quote and claim in `text`, in text order.
///
/// `tokens` is accepted for pipeline symmetry; word boundaries are re-derived
/// (see `lex`) so cue matching does not depend on tokeniser choices.
pub fn quotes(
    text: &str,
    sentences: &[Sentence],
    _tokens: &[Token],
    mentions: &[Mention],
) -> Vec<Quote> {
    let mut arena = String::new();
    let lexed = Lexed::new(text, sentences, &mut arena);
    quotes_in(&lexed, sentences, mentions)
}

/// As [`quotes`] over a text already lexed (shared with [`crate::facts::facts_in`]).
pub fn quotes_in(lexed: &Lexed, sentences: &[Sentence], mentions: &[Mention]) -> Vec<Quote> {
    let text = lexed.text;
    let cx = Ctx::new(lexed, sentences, mentions);
    let mut cands = Vec::new();
    // Tokens that start a cue already used by a direct quote.
    let mut used_cues = vec![false; cx.toks.len()];
    // Pass 1: direct quotes.
    let mut last_direct: Option<usize> = None;
    for (ri, r) in cx.regs.iter().enumerate() {
        let found = cx.direct_pre(ri).or_else(|| cx.direct_post(ri));
        let found = match found {
            Some(c) => Some(c),
            None => last_direct.and_then(|li| cx.continuation(ri, &cands[li])),
        };
        if let Some(c) = found {
            if let Some(ct) = c.cue {
                if let Some(u) = used_cues.get_mut(ct.0) {
                    *u = true;
                }
            }
            cands.push(c);
            last_direct = Some(cands.len() - 1);
        } else if r.content[1] - r.content[0] > 0 && cx.word_count(r.content) >= 4 {
            // A longer unattributed quote breaks a continuation chain only
            // when it is separated from the last quote by another paragraph.
        }
    }
    // Labelled lines ("Name: words") that overlap no candidate so far.
    let labels: Vec<Cand> = cx
        .units
        .iter()
        .filter_map(|&u| cx.label(u))
        .filter(|c| !cx.in_region(c.content[0]))
        .collect();
    let mut taken = spans::Overlaps::new(cands.iter().chain(&labels).map(|c| c.content[0]));
    for d in &cands {
        taken.insert(d.content);
    }
    for c in labels {
        if taken.overlaps(c.content) {
            continue;
        }
        if let Some(ct) = c.cue {
            if let Some(u) = used_cues.get_mut(ct.0) {
                *u = true;
            }
        }
        taken.insert(c.content);
        cands.push(c);
    }
    // Pass 2: indirect speech.
    // `in_region` for every token, in one sweep: tokens and regions (which
    // never overlap) are both in text order.
    let mut tok_in_region = Vec::with_capacity(cx.toks.len());
    let mut ri = 0;
    for t in cx.toks {
        while ri < cx.regs.len() && cx.regs[ri].open <= t.s {
            ri += 1;
        }
        tok_in_region.push(ri > 0 && t.s < cx.regs[ri - 1].close);
    }
    // Only direct quotes are ever dropped below: index them once.
    let mut directs = spans::Directs::default();
    for (k, d) in cands.iter().enumerate() {
        if d.style == "direct" {
            directs.insert(k, d.content, d.cue.map(|(a, _)| cx.toks[a].s));
        }
    }
    let mut dropped = vec![false; cands.len()];
    let mut i = 0;
    while i < cx.toks.len() {
        if used_cues[i] || tok_in_region[i] {
            i += 1;
            continue;
        }
        if let Some(c) = cx.indirect(i).or_else(|| cx.that_clause(i)) {
            // `X said in a statement: "..."`: the "content" is the frame of a
            // direct quote that has its own cue there.
            if directs.cue_within(c.content) {
                i += 1;
                continue;
            }
            // Direct quotes wholly inside indirect content are part of it.
            for k in directs.take_within(c.content) {
                dropped[k] = true;
            }
            i = c.cue.map_or(i + 1, |x| x.1.max(i + 1));
            cands.push(c);
            continue;
        }
        i += 1;
    }
    dropped.resize(cands.len(), false);
    let mut dropped = dropped.into_iter();
    cands.retain(|_| !dropped.next().unwrap_or(false));
    cands.sort_by_key(|c| (c.content[0], c.content[1]));
    cands.dedup_by(|b, a| a.content == b.content);
    // Pass 3: speakers, in text order so pronouns can fall back on earlier speakers.
    let mut out: Vec<Quote> = Vec::with_capacity(cands.len());
    for c in cands {
        let SpeakerSrc::Toks(a, b) = c.speaker;
        let speaker = cx.resolve(a, b, &out);
        let cue = c
            .cue
            .map_or(String::new(), |(a, b)| cx.slice_toks(a, b).to_string());
        let span = [c.span[0].min(c.content[0]), c.span[1].max(c.content[1])];
        out.push(Quote {
            sentence: cx.sentence_of(span[0]),
            span,
            speaker,
            cue,
            content: text[c.content[0]..c.content[1]].to_string(),
            content_span: c.content,
            style: c.style.to_string(),
            rule: c.rule,
        });
    }
    out
}

/// Where a candidate's speaker comes from: the token range `[a, b)` of the
/// speaker phrase (for continuations, the earlier quote's phrase).
#[derive(Debug, Clone, Copy)]
enum SpeakerSrc {
    Toks(usize, usize),
}

#[derive(Debug, Clone)]
struct Cand {
    span: [usize; 2],
    content: [usize; 2],
    /// Token range of the cue.
    cue: Option<(usize, usize)>,
    speaker: SpeakerSrc,
    style: &'static str,
    rule: String,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    regs: &'a [Region],
    /// Units as token ranges `[a, b)`.
    units: Vec<[usize; 2]>,
    /// Unit index of each token (`usize::MAX` when outside every unit).
    unit_of: Vec<usize>,
    sentences: &'a [Sentence],
    mentions: Vec<&'a Mention>,
    table: &'static cues::CueTable,
    /// For each token, the cues whose first word it is (looked up once here:
    /// the finders ask about the same token many times).
    cue_first: Vec<Option<&'static [usize]>>,
}

/// Words that end a speaker phrase when walking back from a cue.
const STOP_BEFORE: &[&str] = &[
    "that", "which", "who", "whom", "whose", "because", "if", "when", "while", "although",
    "though", "since", "as", "after", "before", "where", "whether", "so", "than", "but", "what",
    "how", "why", "unless", "until", "whereas",
];
/// Adverbs and auxiliaries allowed between a speaker and a cue.
const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "have",
    "has",
    "had",
    "again",
    "later",
    "then",
    "further",
    "once",
    "would",
    "will",
    "could",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "not",
    "never",
    "always",
    "often",
    "still",
    "already",
    "just",
    "now",
    "even",
    "too",
    "long",
    "recently",
    "previously",
    "earlier",
    "today",
    "yesterday",
    "had",
    "in",
    "turn",
];
const BE_AUX: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "am", "'s",
];
const LEADING_TRIM: &[&str] = &[
    "but",
    "and",
    "so",
    "however",
    "also",
    "yet",
    "then",
    "now",
    "meanwhile",
    "still",
    "or",
    "thus",
    "indeed",
];
const BAD_LAST: &[&str] = &[
    "to", "of", "the", "a", "an", "and", "or", "not", "who", "in", "on", "at", "for", "with", "by",
    "from", "there", "this", "that", "which", "what", "it's", "is", "was", "be",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];
const AUX_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "do", "does", "did", "seems", "seem", "appear", "appears", "remain",
    "remains",
];
const STOP_AFTER: &[&str] = &[
    "on",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "to",
    "as",
    "last",
    "this",
    "earlier",
    "later",
    "today",
    "yesterday",
    "who",
    "which",
    "that",
    "adding",
    "saying",
    "noting",
    "in",
    "from",
    "of",
    "via",
    "on",
];
const IRREGULAR_PAST: &[&str] = &[
    "spoke", "said", "told", "went", "came", "made", "took", "gave", "met", "left", "wrote",
    "held", "ran", "sent", "put", "set", "began", "brought", "drew", "fought", "led", "saw",
    "stood", "struck", "won", "lost", "hit", "sought",
];
/// Head nouns that stand for an unnamed group of speakers.
const CONTAINERS: &[&str] = &[
    "article",
    "report",
    "statement",
    "editorial",
    "piece",
    "column",
    "post",
    "op-ed",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "official",
    "source",
    "analysis",
    "study",
    "survey",
];

impl<'a> Ctx<'a> {
    fn new(lexed: &'a Lexed<'a>, sentences: &'a [Sentence], mentions: &'a [Mention]) -> Ctx<'a> {
        let text = lexed.text;
        let regs = &lexed.regs[..];
        let unit_spans = &lexed.units;
        let toks = &lexed.toks[..];
        let mut unit_of = vec![usize::MAX; toks.len()];
        let mut units = Vec::with_capacity(unit_spans.len());
        let mut ti = 0;
        for (ui, &[a, b]) in unit_spans.iter().enumerate() {
            while ti < toks.len() && toks[ti].s < a {
                ti += 1;
            }
            let start = ti;
            while ti < toks.len() && toks[ti].e <= b {
                unit_of[ti] = ui;
                ti += 1;
            }
            units.push([start, ti]);
        }
        let mut ms: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.span[0] < m.span[1] && m.span[1] <= text.len())
            .collect();
        ms.sort_by_key(|m| (m.span[0], std::cmp::Reverse(m.span[1])));
        let table = cues::table();
        let cue_first = toks
            .iter()
            .map(|t| match t.k {
                K::Word if table.first_filter.may_contain(t.lower) => {
                    table.by_first.get(t.lower).map(Vec::as_slice)
                }
                _ => None,
            })
            .collect();
        Ctx {
            text,
            toks,
            regs,
            units,
            unit_of,
            sentences,
            mentions: ms,
            table,
            cue_first,
        }
    }

    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower)
    }

    fn slice_toks(&self, a: usize, b: usize) -> &str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        &self.text[self.toks[a].s..self.toks[b - 1].e]
    }

    fn word_count(&self, span: [usize; 2]) -> usize {
        let (a, b) = self.tok_range(span);
        self.toks[a..b].iter().filter(|t| t.is_word()).count()
    }

    /// Tokens wholly inside `span`.
    fn tok_range(&self, span: [usize; 2]) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.s < span[0]);
        let b = self.toks.partition_point(|t| t.e <= span[1]).max(a);
        (a, b)
    }

    fn in_region(&self, pos: usize) -> bool {
        let i = self.regs.partition_point(|r| r.open <= pos);
        i > 0 && pos < self.regs[i - 1].close
    }

    fn is_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.k == K::Punct
                && self.text[t.s..]
                    .chars()
                    .next()
                    .is_some_and(lex::is_quote_mark)
        })
    }

    fn sentence_of(&self, pos: usize) -> usize {
        let i = self.sentences.partition_point(|s| s.span[0] <= pos);
        if i == 0 {
            self.sentences.first().map_or(0, |s| s.index)
        } else {
            self.sentences[i - 1].index
        }
    }

    /// The cue starting at token `i`, if any.
    fn cue_at(&self, i: usize, hi: usize) -> Option<(&'static cues::Cue, usize)> {
        let t = self.toks.get(i)?;
        if t.k != K::Word {
            return None;
        }
        // Most words start no cue: settle that first.
        let entries = self.cue_first.get(i).copied().flatten()?;
        // "the United States" is not a cue: capitalised cues only open a unit.
        if t.cap
            && i > 0
            && self.unit_bounds(i).is_some_and(|u| u[0] != i)
            && self.toks[i - 1].k != K::Punct
        {
            return None;
        }
        for &ci in entries {
            let c = &self.table.cues[ci];
            let n = c.words.len();
            if i + n <= hi && (0..n).all(|k| self.w(i + k) == c.words[k]) {
                return Some((c, n));
            }
        }
        None
    }

    fn unit_bounds(&self, tok: usize) -> Option<[usize; 2]> {
        let u = *self.unit_of.get(tok)?;
        self.units.get(u).copied()
    }

    /// The unit holding byte `pos` (or the one just after it).
    fn unit_at(&self, pos: usize) -> Option<[usize; 2]> {
        let ti = self.toks.partition_point(|t| t.e <= pos);
        self.unit_bounds(ti)
    }

    fn is_boundary(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.k == K::Punct {
            if t.lower == "." && i > 0 && is_title(self.w(i - 1)) {
                return false;
            }
            return matches!(
                t.lower,
                "," | ";" | ":" | "(" | ")" | "—" | "–" | "―" | "[" | "]" | "." | "!" | "?" | "'"
            ) || self.is_mark(i);
        }
        STOP_BEFORE.contains(&t.lower)
    }

    /// Reported content ends where the reporter's own additions start:
    /// ", which ...", ", but ...", ", adding ...", a dash or a semicolon.
    fn clip(&self, [s, e]: [usize; 2]) -> [usize; 2] {
        let (a, b) = self.tok_range([s, e]);
        for k in a + 2..b {
            if self.in_region(self.toks[k].s) {
                continue;
            }
            let w = self.w(k);
            let stop = match w {
                ";" | "―" | "—" | "--" => true,
                "," => {
                    let n = self.w(k + 1);
                    matches!(
                        n,
                        "which"
                            | "who"
                            | "whom"
                            | "while"
                            | "but"
                            | "although"
                            | "though"
                            | "according"
                            | "whereas"
                    ) || n.ends_with("ing")
                        && n.len() > 5
                        && !self.toks.get(k + 1).is_some_and(|t| t.cap)
                }
                _ => false,
            };
            if stop && self.word_count([s, self.toks[k].s]) >= 3 {
                return [s, self.toks[k - 1].e];
            }
        }
        [s, e]
    }
}

fn participant(m: &Mention) -> Participant {
    Participant {
        actor: m.actor.clone(),
        text: m.text.clone(),
        span: m.span,
    }
}

fn country_of(m: &Mention) -> Option<String> {
    if let Some(c) = &m.actor.country {
        return Some(c.clone());
    }
    let code = m.actor.code.as_str();
    (code.len() >= 3
        && code.is_char_boundary(3)
        && code[..3].chars().all(|c| c.is_ascii_uppercase()))
    .then(|| code[..3].to_string())
}

/// A title before a full stop, or a name suffix: the stop does not end the
/// clause ("Gen. Smith", "John Smith Jr. said").
fn is_title(w: &str) -> bool {
    matches!(w, "jr" | "sr") || text::sentences::is_title(w)
}

fn is_punct_word(w: &str) -> bool {
    !w.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "last"
            | "earlier"
            | "later"
    )
}

/// Content without surrounding spaces, a trailing comma or a lone final period.
fn trim_content(text: &str, [a, b]: [usize; 2]) -> [usize; 2] {
    let (a, b) = (a.min(text.len()), b.min(text.len()).max(a.min(text.len())));
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let t = t.strip_suffix(',').unwrap_or(t).trim_end();
    [a + lead, a + lead + t.len()]
}

/// The end of a unit's content: before the final sentence punctuation.
fn content_end(text: &str, toks: &[Tok]) -> Option<usize> {
    let mut k = toks.len();
    while k > 0 && matches!(toks[k - 1].lower, "." | "!" | "?" | ";" | ",") {
        k -= 1;
    }
    let _ = text;
    toks.get(k.checked_sub(1)?).map(|t| t.e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_table_parses_and_is_sorted() {
        let cues = cues::parse(cues::CUES_TSV).expect("cues.tsv parses");
        assert!(cues.len() > 50);
        let mut seen = std::collections::HashSet::new();
        for c in &cues {
            assert!(
                seen.insert(c.words.join(" ")),
                "duplicate cue {:?}",
                c.words
            );
        }
    }

    #[test]
    fn every_cue_example_codes() {
        let mut bad = Vec::new();
        for c in &cues::parse(cues::CUES_TSV).expect("parses") {
            let q = quotes(&c.example, &[], &[], &[]);
            if !q.iter().any(|q| q.cue.to_lowercase() == c.words.join(" ")) {
                bad.push(format!(
                    "cues.tsv:{} {:?} -> {:?}",
                    c.line,
                    c.example,
                    q.iter().map(|q| &q.cue).collect::<Vec<_>>()
                ));
            }
        }
        assert!(bad.is_empty(), "examples not coded:\n{}", bad.join("\n"));
    }
}
