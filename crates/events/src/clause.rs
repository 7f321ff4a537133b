//! A light clause analyser: who is the subject and who the object of a trigger, without a parser.
//!
//! Method. Each sentence becomes a list of words (tokens re-joined so that
//! `'s` and `n't` are words of their own) tagged by a small rule tagger
//! (`tagger.rs`: closed-class lists for determiners, pronouns, auxiliaries,
//! modals, negation, prepositions, conjunctions, relative pronouns and
//! subordinators, plus suffix rules). Actor mentions are laid over the words.
//! Words are then grouped into clauses: a hard boundary (`;`, `:`, quotes,
//! dashes) or a subordinator starts a new clause; a comma closes a
//! subordinate clause; a comma followed by a relative pronoun opens a relative
//! clause that ends at the next comma, after which the outer clause resumes;
//! a parenthesis is an aside nested in its clause, and so are a participle
//! with its agent after a comma (", backed by the US,") and an -ing
//! participle after a comma after a name (", touring a camp,"); ", as" and a
//! sentence-initial "As" open a subordinate clause; a short quoted term
//! ("Tamar") is no boundary at all (`clause/bounds.rs`).
//! For each trigger found by a pattern:
//! - the **subject** is the nearest actor mention to the left inside the
//!   clause that is not the object of a preposition (except after a quantity
//!   noun: "thousands of Iraqi Kurds") and not the object of an
//!   earlier coordinated verb; a relative clause takes its antecedent; an
//!   infinitive chain ("is trying to prevent") is crossed, so the subject of
//!   the main verb is found;
//! - the **object** is the actor in the pattern's `+` slot (after the
//!   pattern's preposition), else the first actor to the right in the clause,
//!   not past a new predicate (", saying that ...") and taking the actor
//!   after "of" behind a count ("three members of X", `clause/roles.rs`);
//! - **passive** voice (a participle after a form of *be*, or right after an
//!   actor: "forces supported by Iran") swaps roles: the agent after `by` is
//!   the source and the subject the target; without an agent there is no
//!   event; "is opposed to" is adjectival, not passive;
//! - **compounds** ("Israel and Turkey", "Oman, Qatar and Bahrain") extend a
//!   mention to its coordinated neighbours and give one event per member;
//!   with no object, members of a compound subject act on each other
//!   ("Erdogan and Netanyahu met");
//! - **nominal** triggers take their source from a possessive or adjectival
//!   actor just before the noun ("Herzog's visit", "Israeli attacks"), from
//!   `by X` after it, else from the clause subject.
//!
//! An event needs both a source and a target whose countries (or codes) differ.

use model::{ActorType, Mention, Token, TokenKind};

pub use crate::lower::Lower;
use crate::lower::INLINE;
use crate::tagger::{tag_lower, tag_packed, Tag};
use crate::wordtab::Key;

mod bounds;
mod roles;

/// A word of the sentence with its tag and the mention that covers it.
#[derive(Debug, Clone)]
pub struct Word {
    pub span: [usize; 2],
    pub lower: Lower,
    pub tag: Tag,
    /// Index into `Sent::mentions` of the mention covering this word.
    pub mention: Option<usize>,
    pub clause: usize,
    pub capitalised: bool,
}

/// A mention laid over the words: `[start, end)` word indices.
#[derive(Debug, Clone)]
pub struct MentionAt<'m> {
    pub mention: &'m Mention,
    pub start: usize,
    pub end: usize,
}

/// One sentence prepared for coding.
#[derive(Debug, Clone)]
pub struct Sent<'m> {
    pub words: Vec<Word>,
    pub mentions: Vec<MentionAt<'m>>,
    /// For each clause id, the id of the clause it is nested in (relative clauses).
    pub parent: Vec<Option<usize>>,
    /// For each clause id, whether it was opened by a relative pronoun.
    pub relative: Vec<bool>,
    /// For each clause id, whether it was opened by a subordinator (`if`...), and which.
    pub subord: Vec<Option<Lower>>,
}

thread_local! {
    /// Word buffers of dropped sentences, for the next ones: a fresh buffer
    /// per sentence was memory no cache held (the allocator hands out a
    /// page's untouched blocks before recently freed ones), and writing the
    /// words into it was a quarter of building them.
    static SPARE: std::cell::RefCell<Vec<Vec<Word>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// An empty word buffer with room for `n` words.
fn spare_words(n: usize) -> Vec<Word> {
    let mut w = SPARE.with(|s| s.borrow_mut().pop()).unwrap_or_default();
    w.reserve(n);
    w
}

impl Drop for Sent<'_> {
    fn drop(&mut self) {
        let mut w = std::mem::take(&mut self.words);
        if w.capacity() == 0 {
            return;
        }
        w.clear();
        SPARE.with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < 4 {
                s.push(w);
            }
        });
    }
}

const CONTRACTED: &[(&str, &str)] = &[
    ("didn", "did"),
    ("doesn", "does"),
    ("don", "do"),
    ("won", "will"),
    ("wouldn", "would"),
    ("couldn", "could"),
    ("isn", "is"),
    ("wasn", "was"),
    ("aren", "are"),
    ("weren", "were"),
    ("hasn", "has"),
    ("haven", "have"),
    ("hadn", "had"),
    ("shouldn", "should"),
    ("can", "can"),
    ("mustn", "must"),
];

impl<'m> Sent<'m> {
    /// Builds the word view of `text[span]` from the document tokens and mentions.
    pub fn new(
        text: &str,
        span: [usize; 2],
        tokens: &[Token],
        mentions: &'m [Mention],
    ) -> Sent<'m> {
        let refs: Vec<&'m Mention> = mentions.iter().collect();
        Sent::from_refs(text, span, tokens, &refs)
    }

    /// As [`Sent::new`] over borrowed mentions (the coder adds its own to the recogniser's).
    pub fn from_refs(
        text: &str,
        span: [usize; 2],
        tokens: &[Token],
        mentions: &[&'m Mention],
    ) -> Sent<'m> {
        Sent::lay(Sent::words_of(text, span, tokens), span, mentions)
    }

    /// As [`Sent::from_refs`] without the clause analysis, for a first look
    /// (places, triggers, generic nouns) that [`Sent::relaid`] or
    /// [`Sent::with_clauses`] completes: most sentences are laid twice or
    /// never coded, and clauses were a third of the lay.
    pub fn from_refs_unclaused(
        text: &str,
        span: [usize; 2],
        tokens: &[Token],
        mentions: &[&'m Mention],
    ) -> Sent<'m> {
        Sent::lay_mentions(Sent::words_of(text, span, tokens), span, mentions)
    }

    /// Finishes a sentence made by [`Sent::from_refs_unclaused`].
    pub fn with_clauses(mut self) -> Sent<'m> {
        self.assign_clauses();
        self
    }

    /// The same words with another set of mentions laid over them (no re-lexing).
    pub fn relaid<'n>(mut self, span: [usize; 2], mentions: &[&'n Mention]) -> Sent<'n> {
        let mut words = std::mem::take(&mut self.words);
        for w in &mut words {
            w.mention = None;
            w.clause = 0;
        }
        Sent::lay(words, span, mentions)
    }

    /// The words of `text[span]`: tokens re-joined into `'s`, `n't` and `'ll` words.
    fn words_of(text: &str, span: [usize; 2], tokens: &[Token]) -> Vec<Word> {
        // Tokens come in text order: the sentence's tokens are one run. The
        // coder asks for sentences in order, so the run usually starts where
        // the last one ended (checked, else a binary search: probing a whole
        // document's tokens for every sentence was a cache miss each time),
        // and ends after a short scan over tokens read next anyway.
        thread_local! {
            static NEXT_RUN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        let before = |t: &Token| t.span[0] < span[0];
        let hint = NEXT_RUN.with(|c| c.get());
        let lo = if hint <= tokens.len()
            && (hint == 0 || before(&tokens[hint - 1]))
            && tokens.get(hint).is_none_or(|t| !before(t))
        {
            hint
        } else {
            tokens.partition_point(before)
        };
        let mut hi = lo;
        while tokens.get(hi).is_some_and(|t| t.span[0] < span[1]) {
            hi += 1;
        }
        NEXT_RUN.with(|c| c.set(hi));
        let keep = |t: &Token| t.span[1] <= span[1] && t.span[0] < t.span[1];
        let run = &tokens[lo..hi];
        // Nearly always the whole run is kept: then it needs no copy.
        if run.iter().all(keep) {
            Sent::words_from(text, run)
        } else {
            let toks: Vec<&Token> = run.iter().filter(|t| keep(t)).collect();
            Sent::words_from(text, &toks)
        }
    }

    fn words_from<T: std::borrow::Borrow<Token>>(text: &str, toks: &[T]) -> Vec<Word> {
        let slice = |s: [usize; 2]| text.get(s[0]..s[1]).unwrap_or("");
        let tok = |i: usize| toks.get(i).map(|t| t.borrow());
        let mut words = spare_words(toks.len());
        let mut i = 0;
        while let Some(t) = tok(i) {
            let s = slice(t.span);
            // Most words are ASCII: packed and lower-cased a machine word at a time.
            let packed = (s.len() <= INLINE)
                .then(|| Key::of(s).and_then(|k| k.ascii_lowercase()))
                .flatten();
            let lower = match &packed {
                Some(k) => Lower::from_key(k),
                None => Lower::lowercase(s),
            };
            // Both joins need an apostrophe next: settle that from its bytes.
            let apos_next = tok(i + 1).is_some_and(|n| {
                text.as_bytes()
                    .get(n.span[0]..n.span[1])
                    .is_some_and(|b| b == b"'" || b == "’".as_bytes())
            });
            if apos_next {
                let next = tok(i + 1).map(|t| slice(t.span));
                let next2 = tok(i + 2).map(|t| slice(t.span));
                let adjacent = |a: &Token, b: &Token| a.span[1] == b.span[0];
                // `n't`: "didn" "'" "t" -> "did" "n't".
                if let (Some(t1), Some(t2), Some("t")) = (tok(i + 1), tok(i + 2), next2) {
                    if adjacent(t, t1) {
                        if let Some((_, base)) =
                            CONTRACTED.iter().find(|(c, _)| *c == lower.as_str())
                        {
                            let cut = t.span[1] - 1;
                            words.push(mk(&[t.span[0], cut], base, s));
                            words.push(mk(&[cut, t2.span[1]], "n't", "n't"));
                            i += 3;
                            continue;
                        }
                    }
                }
                // `'s`: "Israel" "'" "s" -> "Israel" "'s".
                if let (Some(t1), Some(_)) = (tok(i + 1), next) {
                    if adjacent(t, t1) && t.kind != TokenKind::Punct {
                        if let (Some(b), Some(t2)) = (next2, tok(i + 2)) {
                            let bl = b.to_lowercase();
                            if (bl == "s" || bl == "ll") && adjacent(t1, t2) {
                                words.push(mk_owned(&t.span, lower, s));
                                let w = if bl == "s" { "'s" } else { "'ll" };
                                words.push(mk(&[t1.span[0], t2.span[1]], w, w));
                                i += 3;
                                continue;
                            }
                        }
                    }
                }
            }
            // A tokeniser that keeps "Israel's" whole.
            if let Some(stem) = lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("’s"))
            {
                let cut = t.span[1] - (lower.len() - stem.len());
                if !stem.is_empty() {
                    words.push(mk(&[t.span[0], cut], stem, s));
                    words.push(mk(&[cut, t.span[1]], "'s", "'s"));
                    i += 1;
                    continue;
                }
            }
            words.push(match &packed {
                Some(k) => mk_packed(&t.span, lower, k, s),
                None => mk_owned(&t.span, lower, s),
            });
            i += 1;
        }
        words
    }

    /// Lays mentions over words (longest first wins a word) and finds the clauses.
    fn lay(words: Vec<Word>, span: [usize; 2], mentions: &[&'m Mention]) -> Sent<'m> {
        Sent::lay_mentions(words, span, mentions).with_clauses()
    }

    fn lay_mentions(mut words: Vec<Word>, span: [usize; 2], mentions: &[&'m Mention]) -> Sent<'m> {
        let mut ms: Vec<&'m Mention> = mentions
            .iter()
            .copied()
            .filter(|m| m.span[0] >= span[0] && m.span[1] <= span[1])
            .collect();
        ms.sort_by_key(|m| (m.span[0], std::cmp::Reverse(m.span[1])));
        let mut at = Vec::new();
        for m in ms {
            // Words are in text order: binary search for the covered run.
            let s = words.partition_point(|w| w.span[1] <= m.span[0]);
            let e = words.partition_point(|w| w.span[0] < m.span[1]);
            {
                if s < e && words[s..e].iter().all(|w| w.mention.is_none()) {
                    let k = at.len();
                    for w in &mut words[s..e] {
                        w.mention = Some(k);
                    }
                    at.push(MentionAt {
                        mention: m,
                        start: s,
                        end: e,
                    });
                }
            }
        }
        let mut sent = Sent {
            words,
            mentions: at,
            parent: Vec::with_capacity(8),
            relative: Vec::with_capacity(8),
            subord: Vec::with_capacity(8),
        };
        sent.parent.push(None);
        sent.relative.push(false);
        sent.subord.push(None);
        sent
    }

    /// The mention whose first word is `i`, if any.
    pub fn mention_starting(&self, i: usize) -> Option<usize> {
        self.words
            .get(i)
            .and_then(|w| w.mention)
            .filter(|&k| self.mentions[k].start == i)
    }

    /// Extends mention `k` with coordinated neighbours to the right ("X, Y and Z").
    /// A chain joined only by commas is an apposition ("Iran, Azerbaijan's
    /// neighbour"), not a list: it needs an `and`/`or` somewhere.
    pub fn compound_right(&self, k: usize) -> Vec<usize> {
        let mut out = vec![k];
        let mut conj = false;
        let mut end = self.mentions[k].end;
        loop {
            let mut j = end;
            let mut joined = false;
            while j < self.words.len()
                && matches!(self.words[j].tag, Tag::Comma | Tag::Conj)
                && self.words[j].mention.is_none()
            {
                joined = true;
                conj |= self.words[j].tag == Tag::Conj;
                j += 1;
            }
            while j < self.words.len()
                && self.words[j].tag == Tag::Det
                && self.words[j].mention.is_none()
            {
                j += 1;
            }
            match self.mention_starting(j) {
                Some(m) if joined => {
                    out.push(m);
                    end = self.mentions[m].end;
                }
                _ => break,
            }
        }
        if !conj {
            out.truncate(1);
        }
        out
    }

    /// Whether mention `k` is (one of) the speakers of a reporting clause
    /// tacked on after what they report (", killing 17 people, police
    /// said", ", Pakistan army and security officials said on Friday"):
    /// they tell of the event, they take no part in it.
    pub fn reporter(&self, k: usize) -> bool {
        const SAY: &[&str] = &[
            "said",
            "says",
            "say",
            "told",
            "reported",
            "added",
            "confirmed",
            "stated",
            "announced",
            "claimed",
        ];
        let word = |i: usize| self.words.get(i);
        let skip_dets = |mut i: usize| {
            while word(i).is_some_and(|w| w.tag == Tag::Det && w.mention.is_none()) {
                i += 1;
            }
            i
        };
        // Rightwards over "and"-joined speakers to the verb of saying.
        let mut end = self.mentions[k].end;
        while word(end).is_some_and(|w| w.tag == Tag::Conj && w.mention.is_none()) {
            match self.mention_starting(skip_dets(end + 1)) {
                Some(m) => end = self.mentions[m].end,
                None => break,
            }
        }
        if word(end).is_some_and(|w| w.tag == Tag::Adv) {
            end += 1;
        }
        if !word(end).is_some_and(|w| w.mention.is_none() && SAY.contains(&w.lower.as_str())) {
            return false;
        }
        // The clause ends there, or goes on only with when and where it was said.
        let tail = word(end + 1).is_none_or(|w| {
            matches!(
                w.tag,
                Tag::Punct | Tag::Comma | Tag::Boundary | Tag::Prep | Tag::Adv
            ) || is_day_word(&w.lower)
        });
        if !tail {
            return false;
        }
        // Leftwards over "and"-joined speakers to the comma that opens the clause.
        let mut start = self.mentions[k].start;
        loop {
            while start > 0 && self.words[start - 1].tag == Tag::Det {
                start -= 1;
            }
            let joined = start >= 2
                && self.words[start - 1].tag == Tag::Conj
                && self.words[start - 1].mention.is_none();
            match joined.then(|| self.words[start - 2].mention).flatten() {
                Some(m) => start = self.mentions[m].start,
                None => break,
            }
        }
        start > 0 && self.words[start - 1].tag == Tag::Comma
    }

    /// Extends mention `k` with coordinated neighbours to the left.
    pub fn compound_left(&self, k: usize) -> Vec<usize> {
        let mut out = vec![k];
        let mut conj = false;
        let mut start = self.mentions[k].start;
        loop {
            let mut j = start;
            while j > 0 && self.words[j - 1].tag == Tag::Det && self.words[j - 1].mention.is_none()
            {
                j -= 1;
            }
            let mut joined = false;
            while j > 0
                && matches!(self.words[j - 1].tag, Tag::Comma | Tag::Conj)
                && self.words[j - 1].mention.is_none()
            {
                joined = true;
                conj |= self.words[j - 1].tag == Tag::Conj;
                j -= 1;
            }
            match (joined, j.checked_sub(1).and_then(|p| self.words[p].mention)) {
                (true, Some(m)) => {
                    out.insert(0, m);
                    start = self.mentions[m].start;
                }
                _ => break,
            }
        }
        if !conj {
            return vec![k];
        }
        out
    }

    /// Whether word `i` looks like a verb a clause could hang on (for coordination checks).
    fn verbish(&self, i: usize, is_trigger: &dyn Fn(&str) -> bool) -> bool {
        let w = &self.words[i];
        w.mention.is_none()
            && w.tag == Tag::Word
            && (is_trigger(&w.lower)
                || (w.lower.ends_with("ed") && w.lower.len() > 4)
                // "told", "gave": irregular past forms; not verbs of saying
                // or knowing, whose next noun starts a clause ("said Syrian
                // forces hit a hospital").
                || (!w.lower.ends_with("ed")
                    && crate::morph::is_past(&w.lower)
                    && !matches!(
                        w.lower.as_str(),
                        "said" | "thought" | "knew" | "felt" | "heard" | "saw" | "found"
                    )))
    }

    /// Whether word `i` modifies the noun after it like an adjective
    /// ("southern Thailand", "the rugged Afghan border", "downtown Kabul"),
    /// so that a preposition before it still governs the mention.
    fn adjective_like(&self, i: usize, is_trigger: &dyn Fn(&str) -> bool) -> bool {
        let w = &self.words[i];
        if w.mention.is_some() || w.tag != Tag::Word || w.capitalised || is_trigger(&w.lower) {
            return false;
        }
        let l = w.lower.as_str();
        let suffix = [
            "ern", "al", "ic", "ous", "ive", "ful", "less", "ary", "town", "ish",
        ]
        .iter()
        .any(|x| l.len() > x.len() + 2 && l.ends_with(x));
        // "the troubled", "the rugged": a participle after a determiner.
        let participle = l.ends_with("ed") && i > 0 && self.words[i - 1].tag == Tag::Det;
        suffix || participle
    }

    /// The first word of the noun phrase that mention `k` ends: determiners,
    /// possessive pronouns, adverbs, numbers and adjective-like words before it.
    pub fn phrase_start(&self, k: usize, is_trigger: &dyn Fn(&str) -> bool) -> usize {
        let m = &self.mentions[k];
        // "around 100 people", "over 50 protesters": a preposition
        // before a number approximates it, it opens no phrase.
        let approx = |p: usize| {
            p + 1 < self.words.len()
                && self.words[p + 1].tag == Tag::Number
                && matches!(
                    self.words[p].lower.as_str(),
                    "around" | "about" | "over" | "nearly" | "almost" | "under"
                )
        };
        let mut p = m.start;
        while p > 0
            && m.start - p < 4
            && (matches!(
                self.words[p - 1].tag,
                Tag::Det | Tag::PossPron | Tag::Adv | Tag::Number
            ) || approx(p - 1)
                || self.adjective_like(p - 1, is_trigger))
        {
            p -= 1;
        }
        // "to the Palestinian Islamic group Hamas", "by the militant group
        // X": a descriptive noun phrase in apposition before the name
        // belongs to its phrase when a determiner opens it.
        let mut q = p;
        while q > 0 && p - q < 4 {
            let w = &self.words[q - 1];
            let part = w.mention.is_some()
                || (w.tag == Tag::Word
                    && !is_trigger(&w.lower)
                    && !w.lower.ends_with("ed")
                    && !matches!(w.lower.as_str(), "said" | "says" | "say" | "told"));
            if !part {
                break;
            }
            q -= 1;
        }
        if q < p && q > 0 && matches!(self.words[q - 1].lower.as_str(), "the" | "a" | "an") {
            return q - 1;
        }
        p
    }

    /// The preposition that opens mention `k`'s phrase, if one does
    /// ("with" in "talks with the Chinese delegation").
    pub fn preposition_of(&self, k: usize, is_trigger: &dyn Fn(&str) -> bool) -> Option<&str> {
        let p = self.phrase_start(k, is_trigger);
        p.checked_sub(1)
            .map(|b| &self.words[b])
            .filter(|w| w.tag == Tag::Prep)
            .map(|w| w.lower.as_str())
    }

    /// Whether mention `k` is a place or country with no role: where, not who.
    pub fn bare_place(&self, k: usize) -> bool {
        let a = &self.mentions[k].mention.actor;
        a.role.is_none() && matches!(a.kind, ActorType::Place | ActorType::Country)
    }

    /// A bare place or a seat of government ("Riyadh", "England"): what a
    /// locative phrase may name.
    fn place_or_seat(&self, k: usize) -> bool {
        self.bare_place(k) || self.mentions[k].mention.actor.id.starts_with("seat:")
    }

    /// Whether mention `k` names where something happens: a place, a
    /// country or a seat of government after a locative preposition ("talks
    /// in Geneva", "meeting in Luxembourg", "arrested at Riyadh airport").
    pub fn venue(&self, k: usize, is_trigger: &dyn Fn(&str) -> bool) -> bool {
        if !self.place_or_seat(k) {
            return false;
        }
        let p = self.phrase_start(k, is_trigger);
        let locative = p.checked_sub(1).is_some_and(|b| {
            self.words[b].tag == Tag::Prep
                && matches!(
                    self.words[b].lower.as_str(),
                    "in" | "at" | "inside" | "outside" | "near" | "across" | "throughout"
                )
        });
        locative || self.in_place_list(k, is_trigger)
    }

    /// The last venue ([`Sent::venue`]) named before word `t`.
    pub fn venue_before(&self, t: usize, is_trigger: &dyn Fn(&str) -> bool) -> Option<usize> {
        (0..self.mentions.len())
            .rev()
            .find(|&k| self.mentions[k].end <= t && self.venue(k, is_trigger))
    }

    /// The subject of the trigger starting at word `t`: nearest acceptable mention to the left.
    pub fn subject(&self, t: usize, is_trigger: &dyn Fn(&str) -> bool) -> Option<usize> {
        self.subject_except(t, is_trigger, &|_| false)
    }

    /// A place named after others in a locative phrase: "Bogota" in "in
    /// Usaquen, Bogota, around 100 people protested", "Sulu" in "in
    /// Barangay Tumantangis, Indanan, Sulu".
    fn in_place_list(&self, k: usize, is_trigger: &dyn Fn(&str) -> bool) -> bool {
        let m = &self.mentions[k];
        let place = self.place_or_seat(k);
        // A listed place ends its list ("in Usaquen, Bogota, around 100 people"),
        // a subject its verb follows ("after a visit to Baku, Israel praised").
        let ends_list = self
            .words
            .get(m.end)
            .is_none_or(|w| matches!(w.tag, Tag::Comma | Tag::Punct | Tag::Boundary | Tag::Prep));
        if !place || !ends_list {
            return false;
        }
        let mut p = m.start;
        let mut listed = false;
        while p > 0 {
            let w = &self.words[p - 1];
            let area = matches!(
                w.lower.as_str(),
                "district"
                    | "province"
                    | "region"
                    | "state"
                    | "city"
                    | "town"
                    | "village"
                    | "department"
                    | "municipality"
                    | "county"
                    | "governorate"
                    | "capital"
                    | "("
                    | ")"
            );
            // "in the Bangladesh capital, Dhaka", "in India's capital, New Delhi".
            let modifier = matches!(w.tag, Tag::Det | Tag::Poss | Tag::PossPron)
                || self.adjective_like(p - 1, is_trigger);
            if w.tag == Tag::Comma || area || modifier || w.capitalised || w.mention.is_some() {
                listed |= w.tag == Tag::Comma || w.lower == "(";
                p -= 1;
                continue;
            }
            return listed && w.tag == Tag::Prep;
        }
        false
    }

    /// A word of "at least", "more than", "up to" before a count.
    fn count_phrase(&self, i: usize) -> bool {
        let w = |j: usize| self.words.get(j).map_or("", |w| w.lower.as_str());
        let pair = |a: &str, b: &str| {
            matches!(
                (a, b),
                ("at", "least" | "most") | ("more" | "fewer" | "less", "than") | ("up", "to")
            )
        };
        pair(w(i), w(i + 1)) || (i > 0 && pair(w(i - 1), w(i)))
    }

    /// As [`Sent::subject`], passing over mentions `skip` rejects (the target's own country).
    pub fn subject_except(
        &self,
        t: usize,
        is_trigger: &dyn Fn(&str) -> bool,
        skip: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let clause = self.words.get(t)?.clause;
        let mut allowed = vec![clause];
        // A clause nested in another (relative) sees its parent's words before it.
        let mut c = clause;
        while let Some(p) = self.parent.get(c).copied().flatten() {
            allowed.push(p);
            c = p;
        }
        let mut crossed_and = false;
        // ", killing ...", and "told CNN after meeting Pence": the clause's
        // subject does what the participle says, not the verb's object.
        let participle = t > 0
            && self.words[t].lower.ends_with("ing")
            && (self.words[t - 1].tag == Tag::Comma
                || matches!(
                    self.words[t - 1].lower.as_str(),
                    "after" | "before" | "while" | "since" | "without" | "upon"
                ));
        let mut fallback = None;
        let mut i = t;
        while i > 0 {
            i -= 1;
            let w = &self.words[i];
            if !allowed.contains(&w.clause) {
                // An aside or relative clause nested in ours is skipped, anything else ends the search.
                if allowed.iter().any(|&a| self.nested_in(w.clause, a)) {
                    continue;
                }
                break;
            }
            if w.tag == Tag::Conj && w.mention.is_none() {
                crossed_and = true;
            }
            if let Some(k) = w.mention {
                let m = &self.mentions[k];
                i = m.start;
                // The word before the noun phrase: "with the US", "in southern
                // Thailand" are PPs too.
                let start = self.phrase_start(k, is_trigger);
                let before = start.checked_sub(1).map(|p| &self.words[p]);
                // "thousands of Iraqi Kurds", "a group of Moroccan diplomats": the
                // actor after a quantity noun's `of` is the real subject.
                // So is the body after "from" in "inspectors from the OPCW".
                let quantity = self.names_members(start);
                // "after Syria shelled Israel": these prepositions also open clauses.
                let conj = matches!(
                    before.map(|b| b.lower.as_str()),
                    Some("after" | "before" | "since" | "until")
                );
                let in_pp = (matches!(before, Some(b) if b.tag == Tag::Prep)
                    || self.in_place_list(k, is_trigger)
                    || self.conjunct_in_pp(start, is_trigger))
                    && !quantity
                    && !conj;
                if skip(k) {
                    continue;
                }
                // The word before the noun phrase, past its determiners and
                // counts ("killing at least 11 people").
                let head_before = m.start.checked_sub(1).map(|mut p| {
                    while p > 0
                        && (matches!(
                            self.words[p].tag,
                            Tag::Det | Tag::PossPron | Tag::Adv | Tag::Number
                        ) || self.count_phrase(p))
                    {
                        p -= 1;
                    }
                    p
                });
                let after_verb = head_before.is_some_and(|p| self.verbish(p, is_trigger));
                // An actor right after a verb is its object ("fighting Isis ... to
                // preventing the YPG"), unless that verb is a participle modifier.
                let after_gerund =
                    after_verb && head_before.is_some_and(|p| self.words[p].lower.ends_with("ing"));
                // A verb's object is no subject of a later verb, not even as
                // a last resort ("..., killing 11 people and wounding 16").
                // Nor is it the subject of a participle clause after a comma
                // ("shelled Homs, killing four people"): the verb's subject is.
                // Nor, in a relative clause, of the verb after it ("militants
                // who killed two hostages are threatening to ..."): the
                // antecedent is.
                // Not after a verb of saying or thinking, whose next noun
                // starts a clause ("families who claim their children have
                // been kidnapped").
                let in_relative = self.relative.get(w.clause).copied().unwrap_or(false)
                    && head_before
                        .is_some_and(|p| !CLAUSE_TAKING.contains(&self.words[p].lower.as_str()));
                if ((crossed_and || in_relative) && after_verb)
                    || after_gerund
                    || (participle && after_verb)
                {
                    continue;
                }
                // "with the PKK forces fighting inside Turkey": the noun
                // right before an -ing participle is its subject, PP or not.
                let reduced_ing = m.end == t && self.words[t].lower.ends_with("ing");
                if in_pp && !reduced_ing {
                    fallback = fallback.or(Some(k));
                    continue;
                }
                if self.relative.get(w.clause).copied().unwrap_or(false) && w.clause != clause {
                    continue;
                }
                if skip(k) {
                    continue;
                }
                return Some(k);
            }
            // Inside a relative clause, the antecedent just before the relative pronoun.
            if w.tag == Tag::Rel && self.relative.get(w.clause).copied().unwrap_or(false) {
                let mut p = i;
                while p > 0 && matches!(self.words[p - 1].tag, Tag::Comma) {
                    p -= 1;
                }
                if let Some(k) = p.checked_sub(1).and_then(|p| self.words[p].mention) {
                    return Some(k);
                }
            }
        }
        // A mention in a prepositional phrase only if nothing better and it is not a place.
        fallback.filter(|&k| {
            if self.in_place_list(k, is_trigger) {
                return false;
            }
            let start = self.phrase_start(k, is_trigger);
            // "against Isis and al-Qaida": the second shares the first's
            // preposition; "negotiations between Turkey and Israel were
            // mediated": both sides of a "between" are what was acted on.
            if self.conjunct_in_pp(start, is_trigger) {
                let lead = self.compound_left(k)[0];
                let p = self.phrase_start(lead, is_trigger);
                return p > 0 && matches!(self.words[p - 1].lower.as_str(), "between" | "among");
            }
            let prep = start.checked_sub(1).map(|p| self.words[p].lower.as_str());
            !matches!(
                prep,
                Some(
                    "in" | "at"
                        | "of"
                        | "near"
                        | "to"
                        | "from"
                        | "on"
                        | "with"
                        | "against"
                        | "toward"
                        | "towards"
                        | "into"
                        | "for"
                        | "within"
                        | "over"
                        | "through"
                        | "across"
                        | "after"
                        | "before"
                        | "during"
                        | "amid"
                        | "among"
                        | "between"
                )
            )
        })
    }

    /// "at United States and Iraqi outposts": a noun phrase starting at
    /// `start` right after "and" or "or" shares the preposition of the
    /// conjunct before it.
    fn conjunct_in_pp(&self, start: usize, is_trigger: &dyn Fn(&str) -> bool) -> bool {
        start >= 2
            && matches!(self.words[start - 1].lower.as_str(), "and" | "or")
            && self.words[start - 2].mention.is_some_and(|k2| {
                let s2 = self.phrase_start(k2, is_trigger);
                s2.checked_sub(1).is_some_and(|b| {
                    self.words[b].tag == Tag::Prep && self.words[b].mention.is_none()
                }) && !self.names_members(s2)
            })
    }

    /// "thousands of Iraqi Kurds", "inspectors from the OPCW", "along
    /// with journalists": the phrase at `start` follows a preposition that
    /// names who the noun before it are, or who joins it, so it may be a
    /// subject.
    pub(crate) fn names_members(&self, start: usize) -> bool {
        start >= 2
            && ((self.words[start - 1].lower == "of" && is_quantity(&self.words[start - 2].lower))
                || (self.words[start - 1].lower == "from"
                    && self.words[start - 2].mention.is_none()
                    && SENT_FROM.contains(&self.words[start - 2].lower.as_str()))
                // "PFUJ along with journalists held a protest".
                || (self.words[start - 1].lower == "with"
                    && matches!(self.words[start - 2].lower.as_str(), "along" | "together")))
    }

    pub(crate) fn nested_in(&self, c: usize, outer: usize) -> bool {
        let mut c = c;
        while let Some(p) = self.parent.get(c).copied().flatten() {
            if p == outer {
                return true;
            }
            c = p;
        }
        false
    }

    /// Whether the verb at `t` is passive: a form of *be* (adverbs between) before it.
    pub fn is_passive(&self, t: usize) -> bool {
        let mut i = t;
        while i > 0 {
            i -= 1;
            let w = &self.words[i];
            match w.tag {
                Tag::Adv | Tag::Neg => continue,
                Tag::Aux => {
                    return matches!(
                        w.lower.as_str(),
                        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
                    )
                }
                _ => return false,
            }
        }
        false
    }
}

/// A day named relative to now or by its weekday ("yesterday", "Sunday").
pub fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "yesterday"
            | "today"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Verbs of saying, thinking and showing, whose next noun may start a clause.
const CLAUSE_TAKING: &[&str] = &[
    "say",
    "says",
    "said",
    "tell",
    "told",
    "claim",
    "claims",
    "claimed",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "fear",
    "fears",
    "feared",
    "insist",
    "insists",
    "insisted",
    "allege",
    "alleges",
    "alleged",
    "report",
    "reports",
    "reported",
    "deny",
    "denies",
    "denied",
    "argue",
    "argues",
    "argued",
    "warn",
    "warns",
    "warned",
    "know",
    "knows",
    "knew",
    "hope",
    "hopes",
    "hoped",
    "suggest",
    "suggests",
    "suggested",
    "show",
    "shows",
    "showed",
    "find",
    "finds",
    "found",
    "worry",
    "worries",
    "worried",
];

/// Nouns of quantity or membership that hand the subject role to their `of` phrase.
/// People sent by a body: "inspectors from the OPCW" act for it.
const SENT_FROM: &[&str] = &[
    "inspectors",
    "investigators",
    "experts",
    "envoys",
    "delegates",
    "delegation",
    "delegations",
    "representatives",
    "negotiators",
    "observers",
    "monitors",
    "mediators",
    "team",
    "teams",
    "engineers",
    "advisers",
    "advisors",
];

fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands"
            | "hundreds"
            | "dozens"
            | "scores"
            | "tens"
            | "millions"
            | "group"
            | "groups"
            | "body"
            | "bodies"
            | "corpse"
            | "corpses"
            | "remains"
            | "members"
            | "member"
            | "some"
            | "many"
            | "most"
            | "all"
            | "one"
            | "two"
            | "three"
            | "several"
            | "number"
            | "crowd"
            | "crowds"
            | "majority"
            | "leaders"
            | "delegation"
            | "team"
            | "contingent"
            | "units"
            | "unit"
            | "patch"
            | "third"
            | "half"
            | "batch"
            | "wave"
    ) || w.bytes().all(|b| b.is_ascii_digit())
}

/// Modifier words that may sit between a possessor and its noun ("Israel's planned visit").
fn is_modifier(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with("ing")
        || w.ends_with("al")
        || w.ends_with("ic")
        || w.ends_with("ive")
        || w.ends_with("ary")
        || w.ends_with("ous")
        || w.ends_with("ful")
        || matches!(
            w,
            "first"
                | "last"
                | "latest"
                | "recent"
                | "new"
                | "long"
                | "term"
                | "short"
                | "official"
                | "state"
                | "direct"
                | "air"
                | "coalition"
                | "high"
                | "level"
                | "two"
                | "day"
                | "three"
                | "week"
                | "surprise"
                | "scale"
                | "large"
                | "full"
                | "joint"
                | "strong"
                | "deep"
                | "further"
                | "renewed"
                | "repeated"
                | "own"
                | "bilateral"
                | "peace"
                | "trade"
                | "security"
                | "missile"
                | "drone"
                | "rocket"
                | "nuclear"
                | "deadly"
                | "cross"
                | "border"
                | "ongoing"
                | "upcoming"
                | "planned"
                | "continued"
                | "major"
                | "big"
                | "brief"
                | "rare"
                | "historic"
                | "reported"
                | "alleged"
                | "possible"
                | "failed"
                | "twin"
                | "many"
                | "multiple"
                | "hundreds"
                | "dozens"
                | "of"
        )
}

fn mk(span: &[usize; 2], lower: &str, orig: &str) -> Word {
    mk_owned(span, Lower::new(lower), orig)
}

/// As [`mk_owned`] for a word already packed (`lower` made from `k`).
#[inline]
fn mk_packed(span: &[usize; 2], lower: Lower, k: &Key, orig: &str) -> Word {
    let tag = if is_acronym(orig) {
        Tag::Word
    } else {
        tag_packed(&lower, k)
    };
    word(span, lower, tag, orig)
}

/// An acronym spelled like a function word ("IS militants", "US forces")
/// is a name, not the verb or pronoun.
fn is_acronym(orig: &str) -> bool {
    orig.len() >= 2 && orig.bytes().all(|b| b.is_ascii_uppercase())
}

fn mk_owned(span: &[usize; 2], lower: Lower, orig: &str) -> Word {
    let tag = if is_acronym(orig) {
        Tag::Word
    } else {
        tag_lower(&lower)
    };
    word(span, lower, tag, orig)
}

#[inline]
fn word(span: &[usize; 2], lower: Lower, tag: Tag, orig: &str) -> Word {
    Word {
        span: *span,
        tag,
        lower,
        mention: None,
        clause: 0,
        capitalised: match orig.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => orig.chars().next().is_some_and(|c| c.is_uppercase()),
        },
    }
}
