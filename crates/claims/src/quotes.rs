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
pub(crate) mod lex;

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
    for u in 0..cx.units.len() {
        if let Some(c) = cx.label(cx.units[u]) {
            if !cx.in_region(c.content[0])
                && !cands
                    .iter()
                    .any(|d: &Cand| d.content[0] < c.content[1] && c.content[0] < d.content[1])
            {
                if let Some(ct) = c.cue {
                    if let Some(u) = used_cues.get_mut(ct.0) {
                        *u = true;
                    }
                }
                cands.push(c);
            }
        }
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
    let mut i = 0;
    while i < cx.toks.len() {
        if used_cues[i] || tok_in_region[i] {
            i += 1;
            continue;
        }
        if let Some(c) = cx.indirect(i).or_else(|| cx.that_clause(i)) {
            // `X said in a statement: "..."`: the "content" is the frame of a
            // direct quote that has its own cue there.
            let frames_direct = cands.iter().any(|d: &Cand| {
                d.style == "direct"
                    && d.cue.is_some_and(|(a, _)| {
                        let p = cx.toks[a].s;
                        c.content[0] <= p && p < c.content[1]
                    })
            });
            if frames_direct {
                i += 1;
                continue;
            }
            // Direct quotes wholly inside indirect content are part of it.
            cands.retain(|d: &Cand| {
                !(d.style == "direct"
                    && c.content[0] <= d.content[0]
                    && d.content[1] <= c.content[1])
            });
            i = c.cue.map_or(i + 1, |x| x.1.max(i + 1));
            cands.push(c);
            continue;
        }
        i += 1;
    }
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

    /// The speaker phrase before a cue at token `i`, not before token `lo`:
    /// `(start, end)` token range.
    fn speaker_before(&self, i: usize, lo: usize) -> Option<(usize, usize)> {
        let mut k = i;
        while k > lo {
            let w = self.w(k - 1);
            let adverb = self.toks[k - 1].k == K::Word
                && !self.toks[k - 1].cap
                && w.ends_with("ly")
                && w.len() > 4;
            if SKIP_BEFORE_CUE.contains(&w) || adverb {
                k -= 1;
            } else {
                break;
            }
        }
        if k == lo {
            return None;
        }
        if BE_AUX.contains(&self.w(k - 1)) || self.w(k - 1) == "to" {
            // Passive or infinitive: "is said to", "wanted to say".
            return None;
        }
        let back = |end: usize| {
            let mut s = end;
            while s > lo && !self.is_boundary(s - 1) {
                s -= 1;
            }
            s
        };
        // Step over a parenthesis: "Gwen Moore (D-Wis.) said".
        let mut kk = k;
        if self.w(k - 1) == ")" {
            if let Some(p) = (lo..k - 1).rev().take(10).find(|&p| self.w(p) == "(") {
                kk = p;
            }
        }
        // Appositions may hold "that" or "who": only punctuation ends them.
        let back_punct = |end: usize| {
            let mut s = end;
            while s > lo && !(self.toks[s - 1].k == K::Punct && self.is_boundary(s - 1)) {
                s -= 1;
            }
            s
        };
        // "X did Y and said ...": the clause subject speaks.
        if matches!(self.w(k - 1), "and" | "but") && kk == k {
            return self.unit_subject(k - 1);
        }
        // "an architect who said": the noun phrase before the relative pronoun.
        if self.w(k - 1) == "who" {
            let mut e = k - 1;
            if e > lo && self.w(e - 1) == "," {
                e -= 1;
            }
            let mut s = back(e);
            while s < e && LEADING_TRIM.contains(&self.w(s)) {
                s += 1;
            }
            return self.check_speaker(s, e);
        }
        let (mut s, e) = if kk < k {
            (back(kk), k)
        } else if self.w(k - 1) == "," {
            // "X, the minister, said": the phrase before the apposition.
            let a_end = k - 1;
            let a_start = back_punct(a_end);
            if a_start > lo && self.w(a_start - 1) == "," {
                let b_start = back(a_start - 1);
                if matches!(self.w(a_start), "who" | "which") && b_start < a_start - 1 {
                    // "Mr. Obama, who understood ..., told": the name alone.
                    (b_start, a_start - 1)
                } else if b_start < a_start - 1 {
                    (b_start, a_end)
                } else {
                    (a_start, a_end)
                }
            } else {
                return None;
            }
        } else {
            (back(k), k)
        };
        while s < e && LEADING_TRIM.contains(&self.w(s)) {
            s += 1;
        }
        self.check_speaker(s, e)
    }

    fn check_speaker(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        if s >= e || e - s > 30 {
            return None;
        }
        let words = self.toks[s..e].iter().filter(|t| t.is_word()).count();
        if words == 0 || words > 22 {
            return None;
        }
        let last = self.w(e - 1);
        if matches!(
            self.w(s),
            "to" | "of" | "in" | "on" | "at" | "for" | "with" | "by" | "from" | "into"
        ) {
            return None;
        }
        if BAD_LAST.contains(&last) || self.toks[e - 1].k == K::Num {
            return None;
        }
        // A phrase ending in a past-tense verb is a clause, not a speaker.
        if !self.toks[e - 1].cap
            && last.ends_with("ed")
            && last.len() > 4
            && !matches!(last, "united" | "armed" | "red")
        {
            return None;
        }
        if e - s == 1
            && matches!(
                last,
                "this" | "that" | "there" | "which" | "what" | "one" | "none"
            )
        {
            return None;
        }
        // A finite verb inside the phrase means we walked into another clause.
        if self.toks[s..e].iter().any(|t| AUX_VERBS.contains(&t.lower)) {
            return None;
        }
        // Lower-case phrases must look like a noun phrase speaker: a pronoun,
        // a determiner or a plural noun ("officials", "the ministry").
        let first = &self.toks[s];
        if !self.toks[s..e].iter().any(|t| t.cap) {
            let f = first.lower;
            let det = matches!(
                f,
                "the"
                    | "a"
                    | "an"
                    | "another"
                    | "no"
                    | "each"
                    | "every"
                    | "all"
                    | "those"
                    | "these"
                    | "this"
                    | "that"
                    | "some"
                    | "many"
                    | "several"
                    | "most"
                    | "both"
                    | "other"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "two"
                    | "three"
                    | "few"
                    | "one"
                    | "senior"
                    | "local"
            );
            let plural = last.ends_with('s') && !last.ends_with("ss");
            let pron = PRONOUNS.contains(&f) && e - s == 1;
            if !(det || plural || pron) {
                return None;
            }
        }
        Some((s, e))
    }

    /// The speaker phrase after a cue, starting at token `j`, before token `hi`.
    fn speaker_after(&self, j: usize, hi: usize) -> Option<(usize, usize)> {
        let mut e = j;
        while e < hi && e - j < 12 {
            let t = &self.toks[e];
            if t.k == K::Punct {
                if t.lower == "-" || t.lower == "'" || t.lower == "’" {
                    e += 1;
                    continue;
                }
                break;
            }
            let w = t.lower;
            if e > j && STOP_AFTER.contains(&w) {
                // "experts in Baku" keeps its place; "in a statement" does not.
                let next_cap = self
                    .toks
                    .get(e + 1)
                    .is_some_and(|n| n.cap && !is_time_word(n.lower));
                if !(matches!(w, "in" | "of" | "from" | "at") && next_cap) {
                    break;
                }
            }
            if e > j && is_time_word(w) {
                break;
            }
            e += 1;
        }
        if e == j {
            return None;
        }
        let mut s = j;
        while s < e && LEADING_TRIM.contains(&self.w(s)) {
            s += 1;
        }
        self.check_speaker(s, e)
    }

    /// The grammatical subject at the start of the unit holding token `i`.
    fn unit_subject(&self, i: usize) -> Option<(usize, usize)> {
        let [a, _] = self.unit_bounds(i)?;
        let mut e = a;
        while e < i && e - a < 12 {
            let t = &self.toks[e];
            if t.k == K::Punct && t.lower != "-" {
                break;
            }
            // A past-tense verb ends the subject ("The ministry issued a statement").
            let verb_ed = e > a
                && !t.cap
                && t.k == K::Word
                && (t.lower.ends_with("ed") && t.lower.len() > 4
                    || IRREGULAR_PAST.contains(&t.lower));
            if AUX_VERBS.contains(&t.lower) || verb_ed || self.cue_at(e, i).is_some() {
                break;
            }
            e += 1;
        }
        let mut s = a;
        while s < e && LEADING_TRIM.contains(&self.w(s)) {
            s += 1;
        }
        while e > s && self.w(e - 1).ends_with("ly") && !self.toks[e - 1].cap {
            e -= 1;
        }
        self.check_speaker(s, e)
    }

    /// `X said: "..."`, `X told Y: "..."`, `He described A as "..."`.
    fn direct_pre(&self, ri: usize) -> Option<Cand> {
        let r = self.regs[ri];
        let [ua, _] = self.unit_at(r.open)?;
        let mut from = self.toks.get(ua)?.s;
        if ri > 0 && self.regs[ri - 1].close > from && self.regs[ri - 1].close <= r.open {
            from = self.regs[ri - 1].close;
        }
        let (pa, mut pb) = self.tok_range([from, r.open]);
        let mut colon = false;
        while pb > pa && matches!(self.w(pb - 1), ":" | "," | "—" | "–" | "-") {
            colon |= self.w(pb - 1) == ":";
            pb -= 1;
        }
        if pb == pa {
            return None;
        }
        // The last cue whose gap to the quote is acceptable.
        let mut i = pb;
        while i > pa {
            i -= 1;
            let Some((cue, n)) = self.cue_at(i, pb) else {
                continue;
            };
            let gap: Vec<&str> = (i + n..pb).map(|k| self.w(k)).collect();
            let gap_words = gap.len();
            let ok = match cue.style {
                Style::Noun => colon && gap_words == 0,
                Style::According => colon || gap_words == 0,
                Style::Verb => {
                    gap_words == 0
                        || gap == ["that"]
                        || (cue.needs == Needs::Obj
                            && gap_words <= 6
                            && !gap.iter().any(|w| is_punct_word(w)))
                            && (cue.words[0] != "described" || gap.last() == Some(&"as"))
                            // "told MSNBC's "Morning Joe"": a programme, not words.
                            && !(pb > pa && self.toks[pb - 1].possessive())
                        || colon && gap_words <= 6 && !gap.iter().any(|w| is_punct_word(w))
                }
            };
            if !ok {
                continue;
            }
            let speaker = match cue.style {
                Style::According => self.speaker_after(i + n, pb),
                Style::Noun => self.unit_subject(i),
                Style::Verb if self.w(i).ends_with("ing") => self.unit_subject(i),
                Style::Verb => self.speaker_before(i, pa).or_else(|| {
                    // "X, who ..., said:" and clause-initial participles fall back on the subject.
                    if colon {
                        self.unit_subject(i)
                    } else {
                        None
                    }
                }),
            }?;
            let start = self.toks[speaker.0].s.min(self.toks[i].s);
            return Some(Cand {
                span: [start, r.close],
                content: trim_content(self.text, r.content),
                cue: Some((i, i + n)),
                speaker: SpeakerSrc::Toks(speaker.0, speaker.1),
                style: "direct",
                rule: format!(
                    "quote/direct:{} cues.tsv:{}",
                    if colon { "colon" } else { "before" },
                    cue.line
                ),
            });
        }
        // `X boasted, "..."`: any verb-like word right before the comma or colon
        // of a longer quote is taken as the cue.
        let stripped = (pb..self.toks.partition_point(|t| t.s < r.open))
            .any(|k| matches!(self.w(k), ":" | ","));
        let v = pb - 1;
        let t = &self.toks[v];
        let verb_like = t.k == K::Word
            && !t.cap
            && (t.lower.ends_with("ed")
                || t.lower.ends_with('s')
                || IRREGULAR_PAST.contains(&t.lower));
        if stripped && verb_like && self.word_count(r.content) >= 3 {
            if let Some(sp) = self.speaker_before(v, pa) {
                return Some(Cand {
                    span: [self.toks[sp.0].s, r.close],
                    content: trim_content(self.text, r.content),
                    cue: Some((v, v + 1)),
                    speaker: SpeakerSrc::Toks(sp.0, sp.1),
                    style: "direct",
                    rule: "quote/direct:verb-before".to_string(),
                });
            }
        }
        None
    }

    /// `NAME: words` at the start of a paragraph (transcripts, headlines).
    fn label(&self, u: [usize; 2]) -> Option<Cand> {
        let [a, b] = u;
        let start = self.toks.get(a)?.s;
        if start > 0 && !self.text[..start].ends_with('\n') {
            return None;
        }
        let colon = (a..b.min(a + 6)).find(|&k| self.w(k) == ":")?;
        if colon == a || (a..colon).any(|k| !self.toks[k].cap && self.toks[k].k != K::Punct) {
            return None;
        }
        let label = self.slice_toks(a, colon).to_lowercase();
        const NOT_SPEAKERS: &[&str] = &[
            "author",
            "source",
            "original source",
            "disclaimer",
            "photo",
            "update",
            "note",
            "editor's note",
            "related",
            "read more",
            "caption",
            "image",
            "credit",
            "tags",
            "category",
            "date",
            "by",
            "see also",
            "watch",
            "video",
            "listen",
            "warning",
            "breaking",
            "exclusive",
            "analysis",
            "opinion",
            "q",
            "a",
            "faq",
            "correction",
            "corrections",
            "the latest",
            "latest",
            "live",
            "sources",
            "summary",
        ];
        if NOT_SPEAKERS.contains(&label.as_str()) || self.toks[a].k != K::Word {
            return None;
        }
        let c0 = self.toks.get(colon + 1)?.s;
        let para_end = self.text[c0..]
            .find('\n')
            .map_or(self.text.len(), |x| c0 + x);
        let content = trim_content(self.text, [c0, para_end]);
        let body = &self.text[content[0]..content[1]];
        if self.word_count(content) < 4 || body.contains("://") {
            return None;
        }
        Some(Cand {
            span: [start, content[1]],
            content,
            cue: Some((colon, colon + 1)),
            speaker: SpeakerSrc::Toks(a, colon),
            style: "direct",
            rule: "quote/direct:label".to_string(),
        })
    }

    /// `"...," X said` and `"...," said X, the ...`.
    fn direct_post(&self, ri: usize) -> Option<Cand> {
        let r = self.regs[ri];
        let ti = self.toks.partition_point(|t| t.s < r.close);
        let [_, mut ub] = self.unit_bounds(ti.saturating_sub(1))?;
        // `"Why?" she asked.`: a segmenter may end the sentence at the mark;
        // the attribution after it, in the same paragraph, still belongs here.
        if ti >= ub && ti < self.toks.len() && !self.text[r.close..self.toks[ti].s].contains('\n') {
            if let Some([_, nb]) = self.unit_bounds(ti) {
                ub = nb;
            }
        }
        let mut hi = ub;
        if let Some(next) = self.regs.get(ri + 1) {
            hi = hi.min(self.toks.partition_point(|t| t.s < next.open));
        }
        let mut j = ti;
        let mut dash = false;
        while j < hi && matches!(self.w(j), "," | "—" | "–" | "-" | "―") {
            dash |= self.w(j) != ",";
            j += 1;
        }
        if j >= hi {
            return None;
        }
        if dash && self.toks[j].cap && self.cue_at(j, hi).is_none() {
            // `"..." ― Jane Doe, a voter`: a signed quote.
            let mut e = j;
            while e < hi && e - j < 6 && (self.toks[e].cap || matches!(self.w(e), "." | "-")) {
                e += 1;
            }
            if let Some(sp) = self.check_speaker(j, e) {
                return Some(Cand {
                    span: [r.open, self.toks[sp.1 - 1].e],
                    content: trim_content(self.text, r.content),
                    cue: None,
                    speaker: SpeakerSrc::Toks(sp.0, sp.1),
                    style: "direct",
                    rule: "quote/direct:signed".to_string(),
                });
            }
        }
        let (cue_i, n, cue, speaker) = if let Some((cue, n)) = self.cue_at(j, hi) {
            if cue.style == Style::Noun {
                return None;
            }
            let sp = self.speaker_after(j + n, hi)?;
            (j, n, cue, sp)
        } else {
            let lim = hi.min(j + 25);
            let mut found = None;
            for k in j..lim {
                let abbrev_dot = self.w(k) == "."
                    && k > 0
                    && (is_title(self.w(k - 1))
                        || self.w(k + 1) == ")"
                        || self.w(k - 1).chars().count() == 1);
                if matches!(self.w(k), "." | ";" | "!" | "?" | ":") && !abbrev_dot
                    || self.is_mark(k)
                {
                    break;
                }
                if let Some((cue, n)) = self.cue_at(k, hi) {
                    if cue.style == Style::Verb {
                        found = Some((k, n, cue));
                    }
                    break;
                }
            }
            let (k, n, cue) = found?;
            let mut e = k;
            while e > j && (SKIP_BEFORE_CUE.contains(&self.w(e - 1)) || self.w(e - 1) == ",") {
                e -= 1;
            }
            let sp = self.check_speaker(j, e)?;
            (k, n, cue, sp)
        };
        if self.word_count(r.content) <= 2 && cue.style == Style::According {
            // `as an "assisting party" according to ...`: a scare quote inside a claim.
            return None;
        }
        let end = self.toks[(cue_i + n).max(speaker.1) - 1].e;
        Some(Cand {
            span: [r.open, end],
            content: trim_content(self.text, r.content),
            cue: Some((cue_i, cue_i + n)),
            speaker: SpeakerSrc::Toks(speaker.0, speaker.1),
            style: "direct",
            rule: format!("quote/direct:after cues.tsv:{}", cue.line),
        })
    }

    /// A paragraph or sentence that is all quote, right after an attributed quote.
    fn continuation(&self, ri: usize, prev: &Cand) -> Option<Cand> {
        let r = self.regs[ri];
        if prev.span[1] > r.open || self.word_count(r.content) < 4 {
            return None;
        }
        let [ua, _] = self.unit_at(r.open)?;
        if self.toks.get(ua)?.s != r.open {
            return None;
        }
        let between = &self.text[prev.span[1]..r.open];
        let paras = between.matches('\n').count();
        let words = between
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        // Same paragraph with only a few words between, or the next paragraph.
        if paras > 2 || (paras == 0 && words > 12) || (paras > 0 && words > 0) {
            return None;
        }
        let speaker = prev.speaker;
        Some(Cand {
            span: [r.open, r.close],
            content: trim_content(self.text, r.content),
            cue: None,
            speaker,
            style: "direct",
            rule: "quote/direct:continuation".to_string(),
        })
    }

    /// Indirect speech around the cue at token `i`.
    fn indirect(&self, i: usize) -> Option<Cand> {
        let [ua, ub] = self.unit_bounds(i)?;
        let (cue, n) = self.cue_at(i, ub)?;
        let cue_end = i + n;
        // "his plans", "the group's demands": a noun, not a reporting verb.
        if i > ua {
            let p = &self.toks[i - 1];
            let det = matches!(
                p.lower,
                "his" | "her" | "their" | "its" | "our" | "my" | "your" | "whose"
            );
            if (det || p.possessive() && p.k == K::Word) && self.w(cue_end) != "that" {
                return None;
            }
        }
        // "called into a show", "calls off the visit": not speech.
        if matches!(cue.words[0].as_str(), "called" | "calls" | "calling")
            && matches!(
                self.w(cue_end),
                "into" | "in" | "off" | "up" | "back" | "out" | "at" | "from" | "home"
            )
        {
            return None;
        }
        let unit_end_byte = content_end(self.text, &self.toks[ua..ub])?;
        let mk = |sp: (usize, usize), content: [usize; 2], how: &str| -> Option<Cand> {
            let content = trim_content(self.text, content);
            if self.word_count(content) < 2 {
                return None;
            }
            let s = self.toks[sp.0].s.min(self.toks[i].s).min(content[0]);
            let e = self.toks[sp.1 - 1]
                .e
                .max(self.toks[cue_end - 1].e)
                .max(content[1]);
            Some(Cand {
                span: [s, e],
                content,
                cue: Some((i, cue_end)),
                speaker: SpeakerSrc::Toks(sp.0, sp.1),
                style: "indirect",
                rule: format!("quote/indirect:{how} cues.tsv:{}", cue.line),
            })
        };
        match cue.style {
            Style::Noun => None,
            Style::According => {
                let sp = self.speaker_after(cue_end, ub)?;
                let lead = (ua..i)
                    .filter(|&k| !LEADING_TRIM.contains(&self.w(k)) && !is_punct_word(self.w(k)))
                    .count();
                if lead == 0 {
                    let mut c = sp.1;
                    while c < ub && self.w(c) != "," {
                        c += 1;
                    }
                    let start = self.toks.get(c + 1)?.s;
                    mk(sp, self.clip([start, unit_end_byte]), "according-before")
                } else {
                    let mut e = i;
                    while e > ua && is_punct_word(self.w(e - 1)) {
                        e -= 1;
                    }
                    if e == ua {
                        return None;
                    }
                    mk(sp, [self.toks[ua].s, self.toks[e - 1].e], "according-after")
                }
            }
            Style::Verb => {
                if i > ua && (BE_AUX.contains(&self.w(i - 1)) || self.w(i - 1) == "to") {
                    return None;
                }
                let tail_words = (cue_end..ub).filter(|&k| self.toks[k].is_word()).count();
                // "..., said X." : cue right after a comma, short speaker to the end.
                if i > ua && self.w(i - 1) == "," {
                    if let Some(sp) = self.speaker_after(cue_end, ub) {
                        let rest = (sp.1..ub).filter(|&k| self.toks[k].is_word()).count();
                        if rest <= 8 && i - 1 > ua {
                            return mk(sp, [self.toks[ua].s, self.toks[i - 2].e], "after-inverted");
                        }
                    }
                }
                if self.w(i).ends_with("ing") {
                    // "It goes without saying", "it is worth noting": nobody speaks.
                    if i > ua && matches!(self.w(i - 1), "without" | "worth" | "by" | "of" | "for")
                    {
                        return None;
                    }
                    // "..., saying that ...": the clause subject speaks.
                    let sp = self.unit_subject(i)?;
                    let mut j = cue_end;
                    if self.w(j) == "that" || self.w(j) == ":" {
                        j += 1;
                    }
                    if j >= ub {
                        return None;
                    }
                    return mk(sp, self.clip([self.toks[j].s, unit_end_byte]), "participle");
                }
                let sp = self.speaker_before(i, ua);
                // "..., X said [on Tuesday]." : content before the speaker.
                if let Some(sp) = sp {
                    let first_after = self.w(cue_end);
                    let tail_ok = tail_words == 0
                        || tail_words <= 6
                            && (STOP_AFTER.contains(&first_after)
                                || is_time_word(first_after)
                                || first_after == ",");
                    if sp.0 > ua + 1
                        && self.w(sp.0 - 1) == ","
                        && tail_ok
                        && first_after != "that"
                        && first_after != ":"
                    {
                        let c_end = self.toks[sp.0 - 2].e;
                        return mk(sp, [self.toks[ua].s, c_end], "after");
                    }
                }
                let sp = sp?;
                // Content after the cue.
                let mut j = cue_end;
                match cue.needs {
                    Needs::Obj => {
                        let lim = ub.min(j + 8);
                        let mut found = None;
                        for k in j..lim {
                            match self.w(k) {
                                "that" | ":" | "," => {
                                    found = Some(k + 1);
                                    break;
                                }
                                "to" if matches!(
                                    cue.words[0].as_str(),
                                    "urged"
                                        | "urges"
                                        | "told"
                                        | "tell"
                                        | "tells"
                                        | "asked"
                                        | "asks"
                                        | "called"
                                ) =>
                                {
                                    found = Some(k);
                                    break;
                                }
                                w if is_punct_word(w) => break,
                                _ => {}
                            }
                        }
                        j = match found {
                            Some(j) => j,
                            // "accused X of ...", "urged X to ...": the object is part of what is said.
                            None if !matches!(
                                cue.words[0].as_str(),
                                "told" | "tell" | "tells" | "asked" | "asks" | "described"
                            ) =>
                            {
                                j
                            }
                            None => return None,
                        };
                    }
                    Needs::That | Needs::Any => {
                        let lim = ub.min(j + 6);
                        let that = (j..lim)
                            .take_while(|&k| !is_punct_word(self.w(k)) || self.w(k) == ",")
                            .find(|&k| self.w(k) == "that");
                        if let Some(k) = that {
                            j = k + 1;
                        } else if matches!(self.w(j), ":" | ",") {
                            j += 1;
                        } else if cue.needs == Needs::That {
                            return None;
                        }
                    }
                }
                if j >= ub || is_punct_word(self.w(j)) && !self.is_mark(j) {
                    return None;
                }
                let speech = matches!(
                    cue.words[0].as_str(),
                    "said"
                        | "says"
                        | "say"
                        | "added"
                        | "adds"
                        | "wrote"
                        | "writes"
                        | "explained"
                        | "replied"
                        | "responded"
                        | "tweeted"
                        | "complained"
                );
                if j == cue_end
                    && (speech && self.w(j) == "to"
                        || matches!(
                            self.w(j),
                            "it" | "so" | "nothing" | "something" | "yes" | "no" | "otherwise"
                        ))
                {
                    return None;
                }
                // "said in an interview." is a setting, not content.
                let rest = (j..ub).filter(|&k| self.toks[k].is_word()).count();
                let setting = matches!(
                    self.w(j),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "via"
                        | "from"
                );
                if rest <= 6 && (setting || is_time_word(self.w(j))) {
                    return None;
                }
                mk(sp, self.clip([self.toks[j].s, unit_end_byte]), "that")
            }
        }
    }

    /// `X <verb> that <clause>` for verbs not in the cue table ("X has long
    /// suspected that ..."): a complement clause after a verb with a subject.
    fn that_clause(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "that" {
            return None;
        }
        let [ua, ub] = self.unit_bounds(i)?;
        let mut v = i;
        while v > ua
            && (SKIP_BEFORE_CUE.contains(&self.w(v - 1))
                || self.w(v - 1).ends_with("ly") && !self.toks[v - 1].cap)
        {
            v -= 1;
        }
        if v == ua {
            return None;
        }
        let v = v - 1;
        let t = &self.toks[v];
        let w = t.lower;
        const THAT_VERBS: &[&str] = &[
            "know",
            "think",
            "believe",
            "feel",
            "hope",
            "say",
            "argue",
            "claim",
            "insist",
            "fear",
            "worry",
            "suspect",
            "assume",
            "realize",
            "realise",
            "understand",
            "admit",
            "deny",
            "suggest",
            "show",
            "prove",
            "mean",
            "indicate",
            "promise",
            "agree",
            "decide",
            "conclude",
            "announce",
            "warn",
            "predict",
            "expect",
            "recommend",
            "acknowledge",
            "note",
            "find",
            "knew",
            "felt",
            "thought",
            "meant",
            "saw",
            "heard",
            "wrote",
            "told",
            "found",
            "understood",
            "see",
            "hear",
            "recognize",
            "recognise",
            "doubt",
            "imply",
            "ensure",
        ];
        let verb_like = t.k == K::Word
            && !t.cap
            && (THAT_VERBS.contains(&w)
                || w.strip_suffix('s').is_some_and(|b| THAT_VERBS.contains(&b))
                || w.ends_with("ed") && w.len() > 4);
        // "dresses that showed ...": a relative clause, not reported content.
        let nx = self.w(i + 1);
        if AUX_VERBS.contains(&nx) || nx.ends_with("ed") && nx.len() > 4 {
            return None;
        }
        if !verb_like || matches!(w, "so" | "such" | "given" | "provided" | "now" | "except") {
            return None;
        }
        let sp = self.speaker_before(v, ua)?;
        let end = content_end(self.text, &self.toks[ua..ub])?;
        let start = self.toks.get(i + 1)?.s;
        if start >= end {
            return None;
        }
        let content = trim_content(self.text, self.clip([start, end]));
        if self.word_count(content) < 3 {
            return None;
        }
        Some(Cand {
            span: [self.toks[sp.0].s, content[1]],
            content,
            cue: Some((v, v + 1)),
            speaker: SpeakerSrc::Toks(sp.0, sp.1),
            style: "indirect",
            rule: "quote/indirect:that-clause".to_string(),
        })
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

    /// The actor (or unresolved phrase) a speaker phrase names.
    fn resolve(&self, a: usize, b: usize, earlier: &[Quote]) -> Speaker {
        let span = [self.toks[a].s, self.toks[b - 1].e];
        let text = self.text[span[0]..span[1]].to_string();
        let unresolved = |country: Option<String>| Speaker::Unresolved {
            text: text.clone(),
            span,
            country,
        };
        // Pronouns: the latest person mention before (or the latest named speaker).
        if b - a == 1 && PRONOUNS.contains(&self.w(a)) {
            let w = self.w(a);
            let want: &[ActorType] = match w {
                "he" | "she" => &[ActorType::Person],
                "they" => &[ActorType::Group, ActorType::Organisation],
                "it" => &[ActorType::Organisation],
                _ => &[],
            };
            let sent = self.sentence_of(span[0]);
            // Mentions are sorted by start: only those starting before the
            // speaker can end before it.
            let before = self.mentions.partition_point(|m| m.span[0] < span[0]);
            let ante = self.mentions[..before]
                .iter()
                .rev()
                .filter(|m| m.span[1] <= span[0] && m.sentence + 5 >= sent)
                // Names inside someone's quoted words are not who "he" is afterwards.
                .filter(|m| !self.in_region(m.span[0]))
                .find(|m| want.contains(&m.actor.kind));
            if let Some(m) = ante {
                return Speaker::Actor(Participant {
                    actor: m.actor.clone(),
                    text,
                    span,
                });
            }
            if !want.is_empty() {
                let prev = earlier.iter().rev().take(3).find_map(|q| match &q.speaker {
                    Speaker::Actor(p) if want.contains(&p.actor.kind) => Some(p.actor.clone()),
                    _ => None,
                });
                if let Some(actor) = prev {
                    return Speaker::Actor(Participant { actor, text, span });
                }
            }
            return unresolved(None);
        }
        // Mentions are sorted by start: those inside start in `span`.
        let lo = self.mentions.partition_point(|m| m.span[0] < span[0]);
        let hi = self
            .mentions
            .partition_point(|m| m.span[0] < span[1])
            .max(lo);
        let inside: Vec<&&Mention> = self.mentions[lo..hi]
            .iter()
            .filter(|m| span[0] <= m.span[0] && m.span[1] <= span[1])
            .collect();
        let country = inside.iter().find_map(|m| country_of(m));
        // The head: the last word before a preposition or comma.
        let mut h = a;
        while h + 1 < b
            && !matches!(
                self.w(h + 1),
                "of" | "in"
                    | "at"
                    | "from"
                    | "for"
                    | "with"
                    | "on"
                    | "familiar"
                    | "close"
                    | ","
                    | "who"
            )
        {
            h += 1;
        }
        let head = &self.toks[h];
        if let Some(m) = inside
            .iter()
            .find(|m| m.span[0] <= head.s && head.e <= m.span[1])
        {
            return Speaker::Actor(participant(m));
        }
        // "Commentators in Baku": capitalised only because the sentence starts there.
        let at_unit_start = self
            .unit_bounds(h)
            .is_some_and(|u| u[0] == h || (u[0] + 1 == h && LEADING_TRIM.contains(&self.w(u[0]))));
        let generic_plural = (!head.cap || at_unit_start && h == a)
            && head.lower.ends_with('s')
            && !head.lower.ends_with("ss")
            && !CONTAINERS.contains(&head.lower);
        if generic_plural || inside.is_empty() {
            return unresolved(country);
        }
        let rank = |t: ActorType| match t {
            ActorType::Person => 0,
            ActorType::Organisation => 1,
            ActorType::Group => 2,
            ActorType::Country => 3,
            ActorType::Place => 4,
        };
        let best = inside
            .iter()
            .min_by_key(|m| (rank(m.actor.kind), m.span[0]));
        match best {
            Some(m)
                if matches!(
                    m.actor.kind,
                    ActorType::Person | ActorType::Organisation | ActorType::Group
                ) =>
            {
                Speaker::Actor(participant(m))
            }
            // A country or place inside a phrase with a named head ("the Azerbaijani side").
            Some(m) if head.cap || CONTAINERS.contains(&head.lower) => {
                Speaker::Actor(participant(m))
            }
            _ => unresolved(country),
        }
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

fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "prof"
            | "rev"
            | "st"
            | "jr"
            | "sr"
    )
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
