//! The matching rules: each looks at a token position and, if a time
//! expression starts there, says where it ends, what it means and its rule id.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::lex::{self, Tok, K};
use super::value::{self, add, at_unit, shift, weekday_near, ymd, Unit, V};

/// What a rule found: tokens `[start, end)`, the value and how it was made.
#[derive(Debug, Clone)]
pub struct M {
    pub start: usize,
    pub end: usize,
    pub v: V,
    pub kind: &'static str,
    pub rule: &'static str,
    pub qual: Option<&'static str>,
}

fn m(start: usize, end: usize, v: V, kind: &'static str, rule: &'static str) -> Option<M> {
    Some(M {
        start,
        end,
        v,
        kind,
        rule,
        qual: None,
    })
}

/// Token context shared by the rules.
pub struct P<'a> {
    pub text: &'a str,
    /// ASCII-lowercased copy of `text`: same byte offsets.
    pub low: String,
    pub t: Vec<Tok>,
    pub doc: NaiveDate,
    /// For each token, the index of the first token of its sentence.
    pub sent: Vec<usize>,
}

/// Words after a bare number that show it counts things rather than naming a year.
#[rustfmt::skip]
const NOT_YEAR_AFTER: &[&str] = &[
    "%", "percent", "per", "pc", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "feet", "kg", "tonnes", "tons", "barrels", "people", "troops", "soldiers", "persons",
    "residents", "civilians", "votes", "seats", "times", "million", "billion", "thousand", "bn",
    "m", "members", "workers", "jobs", "dollars", "euros", "pounds", "yuan", "rubles", "roubles",
    "shares", "units", "cases", "deaths", "men", "women", "children", "homes", "houses", "acres",
    "hectares", "mph", "kph", "mw", "gw", "calories", "points", "ft", "x", "kilograms", "pupils",
    "students", "patients", "refugees", "migrants", "prisoners", "staff", "employees", "officers",
    "police", "fighters", "rockets", "missiles", "drones", "tanks", "vehicles", "flights", "cars",
    "words", "pages", "signatures", "hours", "minutes", "seconds", "degrees", "mm", "cm", "ml",
    "litres", "liters", "gallons", "mg", "g", "lb", "lbs", "oz",
];

/// Words before a bare number that show it is an id, a quantity or part of a name.
#[rustfmt::skip]
const NOT_YEAR_BEFORE: &[&str] = &[
    "$", "£", "€", "¥", "#", "no", "nos", "number", "resolution", "resolutions", "flight", "route",
    "article", "section", "paragraph", "chapter", "room", "page", "pages", "model", "version",
    "rule", "boeing", "airbus", "apollo", "windows", "agenda", "vision", "about", "around",
    "approximately", "roughly", "nearly", "almost", "some", "over", "than", "least", "only",
    "just", "another", "additional", "code", "highway", "interstate", "bus", "platform", "gate",
    "suite", "box", "unit", "level", "grade", "top", "up", "exceeded", "exceeds", "totalled",
    "totaled", "total", "uss", "hms", "su", "mig", "tu", "il",
];

/// Words that tell a weekday or a bare month points to the future.
const FUTURE_CUES: &[&str] = &[
    "will",
    "ll",
    "shall",
    "scheduled",
    "upcoming",
    "expected",
    "plans",
    "planned",
    "planning",
    "intends",
    "next",
];

/// Words on which a rule, or a leading modifier in `at`, can start (with
/// `Q1`..`Q4`, numbers and the `'` of `'90s`): modifiers, deictic and
/// relative words, and the month, weekday, season, unit and number words of
/// `lex`. `at` finds nothing at any other word, so `times` skips those
/// without trying every rule (most words of a text: this keeps the stage
/// fast). Sorted; a test checks that no other word from the rule sources
/// starts an expression, so a rule on a new first word must add it here.
#[rustfmt::skip]
pub(super) const START_WORDS: &[&str] = &[
    "a", "about", "almost", "an", "approximately", "apr", "april", "around", "at", "aug", "august",
    "autumn", "beginning", "centuries", "century", "christmas", "coming", "couple", "current",
    "currently", "daily", "day", "days", "dec", "decade", "decades", "december", "dozen", "each",
    "earlier", "early", "easter", "eight", "eighteen", "eighteenth", "eighth", "eighties", "eighty",
    "eleven", "eleventh", "end", "every", "fall", "feb", "february", "few", "fifteen", "fifteenth",
    "fifth", "fifties", "fifty", "first", "fiscal", "five", "following", "forties", "forty", "four",
    "fourteen", "fourteenth", "fourth", "friday", "fridays", "future", "hour", "hourly", "hours",
    "hundred", "jan", "january", "jul", "july", "jun", "june", "last", "late", "lately", "later",
    "latest", "less", "many", "mar", "march", "may", "mid", "midday", "middle", "midnight",
    "minute", "minutes", "monday", "mondays", "month", "monthly", "months", "more", "nearly", "new",
    "next", "nine", "nineteen", "nineteenth", "nineties", "ninety", "ninth", "noon", "nov",
    "november", "now", "nowadays", "numerous", "oct", "october", "one", "overnight", "past", "per",
    "preceding", "presently", "previous", "quarter", "quarters", "recent", "recently", "right",
    "roughly", "same", "saturday", "saturdays", "second", "sep", "sept", "september", "seven",
    "seventeen", "seventeenth", "seventh", "seventies", "seventy", "several", "six", "sixteen",
    "sixteenth", "sixth", "sixties", "sixty", "some", "spring", "start", "summer", "sunday",
    "sundays", "ten", "tenth", "thanksgiving", "that", "the", "these", "third", "thirteen",
    "thirteenth", "thirties", "thirtieth", "thirty", "this", "three", "thursday", "thursdays",
    "today", "tomorrow", "tonight", "tuesday", "tuesdays", "twelfth", "twelve", "twenties",
    "twentieth", "twenty", "two", "up", "upcoming", "wednesday", "wednesdays", "week", "weekly",
    "weeks", "winter", "year", "yearly", "years", "yesterday",
];

/// Words that are not in `START_WORDS` but may follow a determiner that
/// starts an expression ("the weekend", "a-year").
pub(super) const AFTER_DETERMINER: &[&str] = &[
    "-",
    "final",
    "foreseeable",
    "immediate",
    "initial",
    "long",
    "medium",
    "near",
    "short",
    "weekend",
];

/// `START_WORDS` as a packed word table, with a bitmask per first and per last byte
/// of the word lengths seen there: most words fail the masks unhashed.
struct Starts {
    set: crate::wordtab::WordTable<()>,
    first: [u32; 256],
    last: [u32; 256],
}

impl Starts {
    fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(&a), Some(&z)) = (b.first(), b.last()) else {
            return false;
        };
        let bit = 1u32 << b.len().min(31);
        self.first[usize::from(a)] & bit != 0
            && self.last[usize::from(z)] & bit != 0
            && self.set.get(w).is_some()
    }
}

fn start_set() -> &'static Starts {
    static S: OnceLock<Starts> = OnceLock::new();
    S.get_or_init(|| {
        let mut set = crate::wordtab::WordTable::default();
        for w in START_WORDS {
            set.get_or_insert_with(w, || ());
        }
        let mut s = Starts {
            set,
            first: [0; 256],
            last: [0; 256],
        };
        for w in START_WORDS {
            let b = w.as_bytes();
            if let (Some(&a), Some(&z)) = (b.first(), b.last()) {
                let bit = 1u32 << b.len().min(31);
                s.first[usize::from(a)] |= bit;
                s.last[usize::from(z)] |= bit;
            }
        }
        s
    })
}

impl<'a> P<'a> {
    pub fn new(text: &'a str, t: Vec<Tok>, doc: NaiveDate, sent: Vec<usize>) -> Self {
        P {
            text,
            low: text.to_ascii_lowercase(),
            t,
            doc,
            sent,
        }
    }

    /// Can a time expression start at token `i`? `false` only where `at`
    /// is sure to find nothing (see `START_WORDS`).
    pub fn may_start(&self, i: usize) -> bool {
        if !self.may_start_word(i) {
            return false;
        }
        // A determiner (a third of the words `at` is tried on) starts an
        // expression only before a word that may start one itself ("the past
        // week", "a year", "that day") or one of `AFTER_DETERMINER` ("the
        // weekend"); a test checks this as it does `START_WORDS`.
        match self.w(i) {
            "the" | "a" | "an" | "that" => {
                self.may_start_word(i + 1) || AFTER_DETERMINER.contains(&self.w(i + 1))
            }
            _ => true,
        }
    }

    /// `may_start` by the word alone (see `START_WORDS`).
    fn may_start_word(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return false;
        };
        match t.k {
            K::Num | K::NumSuffix => true,
            K::Punct => self.w(i) == "'",
            K::Word => {
                let w = self.w(i);
                start_set().contains(w) || (w.len() == 2 && w.starts_with('q'))
            }
        }
    }

    /// Lower-case text of token `i`, or "" past the end.
    pub fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.low[t.s..t.e])
    }
    fn raw(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }
    fn any(&self, i: usize, ss: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && ss.contains(&w)
    }
    fn kind(&self, i: usize) -> Option<K> {
        self.t.get(i).map(|t| t.k)
    }
    /// Token `i` follows the previous one with no space ("mid-March", "Jan.").
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }
    fn cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    fn num(&self, i: usize) -> Option<u32> {
        if self.kind(i)? != K::Num || self.w(i).len() > 9 {
            return None;
        }
        self.w(i).parse().ok()
    }
    /// Token `i` is `c` punctuation.
    fn p(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(K::Punct) && self.w(i) == c
    }

    /// Does the sentence around tokens `[s, e)` speak of the future?
    pub fn future(&self, s: usize, e: usize) -> bool {
        let lo = s
            .saturating_sub(12)
            .max(self.sent.get(s).copied().unwrap_or(0));
        let mut i = s;
        while i > lo {
            i -= 1;
            if self.any(i, &[".", "!", "?", ";"]) {
                break;
            }
            if self.any(i, FUTURE_CUES) {
                return true;
            }
        }
        // "Tuesday will see ...": only the very next word counts after the expression.
        self.any(e, &["will"])
    }

    // ---- small parsers -------------------------------------------------

    /// A month name at `i` (capitalised); returns month and the end token.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let mo = lex::month(w)?;
        if !self.cap(i) {
            return None;
        }
        if lex::month_is_abbrev(w) {
            if self.p(i + 1, ".") && self.glued(i + 1) {
                return Some((mo, i + 2));
            }
            // Bare "Mar", "Jan" are names and verbs more often than months.
            if matches!(w, "mar" | "jan" | "jun" | "jul" | "sep" | "dec") {
                return None;
            }
        }
        Some((mo, i + 1))
    }

    /// Day of month: `5`, `5th`, `fifth`.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let d = match self.kind(i)? {
            K::Num if self.w(i).len() <= 2 => self.num(i)?,
            K::NumSuffix => lex::num_ordinal(self.w(i))?,
            K::Word => lex::ordinal(self.w(i))?,
            _ => return None,
        };
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    /// A four-digit year after a month or other strong year context.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        if self.w(i).len() != 4 {
            return None;
        }
        let y = i32::try_from(self.num(i)?).ok()?;
        // "2,000" and "2025.5" are not years.
        if (self.p(i + 1, ",") || self.p(i + 1, "."))
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.kind(i + 2) == Some(K::Num)
        {
            return None;
        }
        (1000..=2099).contains(&y).then_some((y, i + 1))
    }

    /// A count: digits, number words ("twenty-four", "a", "several" = unknown).
    fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            // A decimal ("2.5 years") is not a whole count.
            if self.p(i + 1, ".") && self.glued(i + 1) && self.kind(i + 2) == Some(K::Num) {
                return None;
            }
            if self.p(i.wrapping_sub(1), ",") && self.glued(i) {
                return None;
            }
            return (n <= 10_000).then_some((Some(n), i + 1));
        }
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2), i + 3));
                }
                if self.is(i + 1, "dozen") {
                    return Some((Some(12), i + 2));
                }
                if self.is(i + 1, "hundred") {
                    return Some((Some(100), i + 2));
                }
                return Some((Some(1), i + 1));
            }
            "several" | "few" | "many" | "some" | "numerous" => return Some((None, i + 1)),
            "couple" if self.is(i + 1, "of") => return Some((Some(2), i + 2)),
            _ => {}
        }
        let n = lex::cardinal(w)?;
        let mut end = i + 1;
        let mut n = n;
        if (20..=90).contains(&n) {
            // "twenty-four", "twenty four"
            let j = if self.p(end, "-") && self.glued(end) {
                end + 1
            } else {
                end
            };
            if let Some(k) = lex::cardinal(self.w(j)).filter(|k| (1..=9).contains(k)) {
                n += k;
                end = j + 1;
            }
        }
        if self.is(end, "hundred") {
            n *= 100;
            end += 1;
        }
        Some((Some(n), end))
    }

    /// A unit word (`year`, `months`) at `i`.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        lex::unit(self.w(i))
    }

    /// A bare four-digit number that reads as a year in this context.
    fn bare_year(&self, i: usize) -> Option<i32> {
        let (y, _) = self.year(i)?;
        let prev = self.w(i.wrapping_sub(1));
        let strong = matches!(
            prev,
            "in" | "since"
                | "of"
                | "from"
                | "until"
                | "till"
                | "by"
                | "year"
                | "before"
                | "after"
                | "during"
                | "fiscal"
                | "through"
                | "between"
                | "early"
                | "late"
                | "mid"
        );
        let plausible = (1900..=2099).contains(&y) || (strong && y >= 1500);
        if !plausible {
            return None;
        }
        if i > 0 && self.any(i - 1, NOT_YEAR_BEFORE) {
            return None;
        }
        // "1,2000" or "US$2025"
        if self.glued(i) && i > 0 && self.kind(i - 1) != Some(K::Punct) {
            return None;
        }
        if i > 0
            && self.glued(i)
            && self.any(i - 1, &[",", ".", "$", "£", "€", "/", ":", "#", "+", "="])
        {
            return None;
        }
        let next = self.w(i + 1);
        if self.any(i + 1, NOT_YEAR_AFTER)
            || (next == "-"
                && self.glued(i + 1)
                && self.kind(i + 2) == Some(K::Word)
                && self.unit(i + 2).is_none())
        {
            return None;
        }
        if self.p(i + 1, "/") || self.p(i + 1, ":") {
            return None;
        }
        Some(y)
    }

    // ---- rules ------------------------------------------------------------

    /// All rules at `i`; the longest match wins, earlier rules on ties.
    pub fn at(&self, i: usize, anchor: &V) -> Option<M> {
        // Leading modifiers: kept in the span ("late January", "about two years").
        let mut j = i;
        let mut qual = None;
        loop {
            let w = self.w(j);
            let (q, n) = match w {
                "early" => (Some("early"), 1),
                "late" => (Some("late"), 1),
                "mid" => (Some("mid"), if self.p(j + 1, "-") { 2 } else { 1 }),
                "about" | "around" | "approximately" | "roughly" => (Some("approx"), 1),
                "nearly" | "almost" => (Some("less_than"), 1),
                "the" | "end" | "beginning" | "start" | "middle"
                    if matches!(
                        self.w(j + usize::from(w == "the")),
                        "end" | "beginning" | "start" | "middle"
                    ) && self.is(j + 1 + usize::from(w == "the"), "of") =>
                {
                    let k = j + usize::from(w == "the");
                    let q = match self.w(k) {
                        "end" => "late",
                        "middle" => "mid",
                        _ => "early",
                    };
                    (Some(q), k + 2 - j)
                }
                "at" if self.is(j + 1, "least") => (Some("more_than"), 2),
                "more" | "less" if self.is(j + 1, "than") => (
                    Some(if w == "more" {
                        "more_than"
                    } else {
                        "less_than"
                    }),
                    2,
                ),
                "up" if self.is(j + 1, "to") => (Some("less_than"), 2),
                _ => (None, 0),
            };
            if n == 0 || qual.is_some() && q.is_some() && j > i + 3 {
                break;
            }
            qual = qual.or(q);
            j += n;
        }
        let mut best = self.core(j, anchor);
        if best.is_none() && j > i {
            // "early" etc. may be part of a core rule itself ("earlier"); nothing here.
            return None;
        }
        if let Some(b) = best.as_mut() {
            if j > i {
                b.start = i;
                if qual.is_some() {
                    b.qual = qual;
                }
            }
        }
        best
    }

    fn core(&self, i: usize, anchor: &V) -> Option<M> {
        let rules: [&dyn Fn() -> Option<M>; 12] = [
            &|| self.numeric(i),
            &|| self.clock(i),
            &|| self.month_rule(i),
            &|| self.day_month(i),
            &|| self.weekday_rule(i),
            &|| self.deictic(i),
            &|| self.relative(i, anchor),
            &|| self.counted(i, anchor),
            &|| self.quarter(i),
            &|| self.decade(i),
            &|| self.season_rule(i),
            &|| self.set_rule(i),
        ];
        let mut best: Option<M> = None;
        // Years and holidays are tried last: a longer rule ("May 2, 2025") wins.
        let tail: [&dyn Fn() -> Option<M>; 2] = [&|| self.year_rule(i), &|| self.holiday(i)];
        for r in rules.iter().chain(tail.iter()) {
            if let Some(c) = r() {
                let longer = match &best {
                    None => true,
                    Some(b) => c.end > b.end,
                };
                if longer {
                    best = Some(c);
                }
            }
        }
        best
    }

    /// `2025-05-02`, `05/02/2025` (US order unless the first number is over 12).
    fn numeric(&self, i: usize) -> Option<M> {
        if self.kind(i)? != K::Num || (i > 0 && self.glued(i) && self.kind(i - 1) != Some(K::Punct))
        {
            return None;
        }
        let sep = self.w(i + 1);
        if !(sep == "-" || sep == "/" || sep == ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        if self.w(i + 3) != sep || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        // Followed by more of the same is a phone number or version, not a date.
        if self.glued(i + 5) && self.kind(i + 5) != Some(K::Punct) {
            return None;
        }
        let (a, b, c) = (self.num(i)?, self.num(i + 2)?, self.num(i + 4)?);
        let (la, lc) = (self.w(i).len(), self.w(i + 4).len());
        let d = if la == 4 && sep == "-" {
            ymd(i32::try_from(a).ok()?, b, c)?
        } else if lc == 4 || lc == 2 && sep == "/" {
            let y = if lc == 2 { 2000 + c as i32 } else { c as i32 };
            let (mo, dd) = if a > 12 || sep == "." { (b, a) } else { (a, b) };
            ymd(y, mo, dd)?
        } else {
            return None;
        };
        m(i, i + 5, V::Day(d), "date", "absolute:numeric")
    }

    /// `10:35 a.m.`, `9 p.m.`, `noon`, optionally followed by the day it is on.
    fn clock(&self, i: usize) -> Option<M> {
        let (mut h, mut mi, mut end);
        let w = self.w(i);
        if w == "noon" || w == "midday" {
            (h, mi, end) = (12, 0, i + 1);
        } else if w == "midnight" {
            (h, mi, end) = (24, 0, i + 1);
        } else if self.kind(i) == Some(K::NumSuffix) && (w.ends_with("am") || w.ends_with("pm")) {
            let n: u32 = w[..w.len() - 2].parse().ok()?;
            (h, mi, end) = (n, 0, i + 1);
            if w.ends_with("pm") && h < 12 {
                h += 12;
            }
            if !(1..=24).contains(&h) {
                return None;
            }
            return self.clock_tail(i, end, h, mi);
        } else {
            if self.kind(i)? != K::Num || self.w(i).len() > 2 {
                return None;
            }
            h = self.num(i)?;
            end = i + 1;
            mi = 0;
            let mut has_min = false;
            if self.p(i + 1, ":")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.w(i + 2).len() == 2
            {
                mi = self.num(i + 2)?;
                end = i + 3;
                has_min = true;
            }
            let ampm = self.ampm(end);
            if let Some((pm, e)) = ampm {
                if pm && h < 12 {
                    h += 12;
                }
                if !pm && h == 12 {
                    h = 0;
                }
                end = e;
            } else if !has_min
                || self.p(end, ":")
                || (i > 0 && self.glued(i) && self.kind(i - 1) != Some(K::Punct))
            {
                return None;
            }
            if h > 24 || mi > 59 {
                return None;
            }
        }
        self.clock_tail(i, end, h, mi)
    }

    /// `a.m.` / `p.m.` / `am` / `pm` at `i`: (is_pm, end).
    fn ampm(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.w(i);
        if (w == "a" || w == "p")
            && self.p(i + 1, ".")
            && self.glued(i + 1)
            && self.is(i + 2, "m")
            && self.glued(i + 2)
        {
            let e = if self.p(i + 3, ".") && self.glued(i + 3) {
                i + 4
            } else {
                i + 3
            };
            return Some((w == "p", e));
        }
        if w == "am" || w == "pm" {
            return Some((w == "pm", i + 1));
        }
        None
    }

    fn clock_tail(&self, i: usize, mut end: usize, h: u32, mi: u32) -> Option<M> {
        if self.any(
            end,
            &[
                "gmt", "utc", "est", "edt", "bst", "cet", "cest", "et", "pt", "pst", "pdt", "cst",
                "msk",
            ],
        ) {
            end += 1;
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        // The day it is on: "9 a.m. Tuesday", "5 p.m. EST, Nov. 6".
        let mut day = self.doc;
        let j = if self.p(end, ",") || self.is(end, "on") {
            end + 1
        } else {
            end
        };
        let dummy = V::Day(self.doc);
        if let Some(d) = self
            .weekday_rule(j)
            .or_else(|| self.month_rule(j))
            .or_else(|| self.deictic(j))
            .or_else(|| self.relative(j, &dummy))
            .filter(|d| matches!(d.v, V::Day(_)))
        {
            if let V::Day(x) = d.v {
                day = x;
                end = d.end;
            }
        }
        m(i, end, V::Clock(day, h, mi), "time", "time:clock")
    }

    /// Month-led dates: `May 2, 2025`, `Jan. 5`, `September 2022`, `June last year`, `April`.
    fn month_rule(&self, i: usize) -> Option<M> {
        let (mo, e) = self.month(i)?;
        let doc = self.doc;
        // Month Day [,] [Year]
        if let Some((d, e2)) = self.day(e).filter(|_| self.kind(e) != Some(K::Word)) {
            // "May 2" but not "May 2025" (that is month-year) and not "in May 20 people".
            let mut e3 = e2;
            if self.p(e3, ",") {
                e3 += 1;
            }
            if let Some((y, e4)) = self.year(e3) {
                return m(
                    i,
                    e4,
                    V::Day(ymd(y, mo, d)?),
                    "date",
                    "absolute:month-day-year",
                );
            }
            if self.any(e2, NOT_YEAR_AFTER) {
                return None;
            }
            let date = nearest_md(doc, mo, d)?;
            return m(i, e2, V::Day(date), "date", "absolute:month-day");
        }
        // Month [,|of] Year
        let e2 = if self.p(e, ",") || self.is(e, "of") {
            e + 1
        } else {
            e
        };
        if let Some((y, e3)) = self.year(e2) {
            return m(i, e3, V::Month(y, mo), "date", "month-year");
        }
        // Month last/this/next year
        if self.is(e + 1, "year") {
            let dy = match self.w(e) {
                "last" => -1,
                "this" => 0,
                "next" => 1,
                _ => 99,
            };
            if dy != 99 {
                return m(
                    i,
                    e + 2,
                    V::Month(doc.year() + dy, mo),
                    "date",
                    "month-relative-year",
                );
            }
        }
        // Month alone: the full name, and for words that are also verbs/names a date context.
        let w = self.w(i);
        if e != i + 1 || lex::month_is_abbrev(w) && w != "may" {
            return None;
        }
        let prev = self.w(i.wrapping_sub(1));
        let date_ctx = matches!(
            prev,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "during"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "from"
                | "through"
                | "between"
                | "before"
                | "after"
                | "-"
                | "and"
                | "or"
                | "to"
                | "throughout"
                | "that"
                | "each"
                | "every"
        );
        // "May" is also a surname and a verb: only the plainest date contexts count.
        let may_ctx = matches!(
            prev,
            "in" | "since"
                | "until"
                | "till"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "from"
                | "through"
                | "throughout"
                | "each"
                | "every"
                | "of"
        );
        if (w == "may" && !may_ctx) || (w == "march" && !date_ctx) {
            return None;
        }
        // "April Smith": a capitalised word right after is a name.
        if self.cap(e)
            && !date_ctx
            && self.kind(e) == Some(K::Word)
            && lex::month(self.w(e)).is_none()
        {
            return None;
        }
        if (self.w(e) == "'" && !date_ctx) || (self.p(e, "-") && self.glued(e)) {
            return None;
        }
        let y = match prev {
            "last" | "next" | "this" => return None, // handled by `relative`
            _ if self.future(i, e) => {
                if mo > doc.month() {
                    doc.year()
                } else {
                    doc.year() + 1
                }
            }
            _ => {
                if mo <= doc.month() {
                    doc.year()
                } else {
                    doc.year() - 1
                }
            }
        };
        let y = if mo == doc.month() { doc.year() } else { y };
        m(i, e, V::Month(y, mo), "date", "month")
    }

    /// Day-led dates: `2 May 2025`, `the 3rd of March`.
    fn day_month(&self, i: usize) -> Option<M> {
        let s = i;
        let i = if self.is(i, "the") { i + 1 } else { i };
        let (d, e) = self.day(i)?;
        let e = if self.is(e, "of") { e + 1 } else { e };
        if self.kind(i) == Some(K::Word) && !(s < i && self.is(e - 1, "of")) {
            return None; // "third May" is odd; "the third of May" is fine
        }
        let (mo, e2) = self.month(e)?;
        let e3 = if self.p(e2, ",") { e2 + 1 } else { e2 };
        if let Some((y, e4)) = self.year(e3) {
            return m(
                s,
                e4,
                V::Day(ymd(y, mo, d)?),
                "date",
                "absolute:day-month-year",
            );
        }
        m(
            s,
            e2,
            V::Day(nearest_md(self.doc, mo, d)?),
            "date",
            "absolute:day-month",
        )
    }

    /// `Tuesday`, `Friday morning`, `Monday, Oct. 26`, `Fridays`.
    fn weekday_rule(&self, i: usize) -> Option<M> {
        let (wd, plural) = lex::weekday(self.w(i))?;
        if !self.cap(i) {
            return None;
        }
        let mut e = i + 1;
        if plural {
            let mut v = format!("XXXX-WXX-{}", wd + 1);
            if let Some(p) = lex::day_part(self.w(e).trim_end_matches('s')) {
                v.push_str(p);
                e += 1;
            }
            return m(i, e, V::Lit(v), "set", "set:weekday-plural");
        }
        // An explicit date after it wins: "Monday, Oct. 26".
        let j = if self.p(e, ",") { e + 1 } else { e };
        if let Some(d) = self.month_rule(j).or_else(|| self.day_month(j)) {
            if matches!(d.v, V::Day(_)) {
                return m(i, d.end, d.v, "date", "weekday-date");
            }
        }
        let future = self.future(i, e) || self.is(i.wrapping_sub(1), "next");
        let d = weekday_near(self.doc, wd, future)?;
        if let Some(p) = lex::day_part(self.w(e)) {
            return m(i, e + 1, V::DayPart(d, p), "time", "weekday-part");
        }
        m(
            i,
            e,
            V::Day(d),
            "date",
            if future {
                "weekday:future"
            } else {
                "weekday:past"
            },
        )
    }

    /// today, yesterday, tonight, now, recently, the future ...
    fn deictic(&self, i: usize) -> Option<M> {
        let doc = self.doc;
        let w = self.w(i);
        let day = |d: Option<NaiveDate>, rule| -> Option<M> {
            let d = d?;
            if let Some(p) = lex::day_part(self.w(i + 1)) {
                return m(i, i + 2, V::DayPart(d, p), "time", rule);
            }
            m(i, i + 1, V::Day(d), "date", rule)
        };
        let lit = |n: usize, v: &str, rule| m(i, i + n, V::Lit(v.to_string()), "date", rule);
        match w {
            "today" => day(Some(doc), "deictic:today"),
            "yesterday" => day(add(doc, Unit::Day, -1), "deictic:yesterday"),
            "tomorrow" => day(add(doc, Unit::Day, 1), "deictic:tomorrow"),
            "tonight" => m(i, i + 1, V::DayPart(doc, "TNI"), "time", "deictic:tonight"),
            "overnight" => m(
                i,
                i + 1,
                V::DayPart(doc, "TNI"),
                "time",
                "deictic:overnight",
            ),
            "this" | "last" => {
                let p = lex::day_part(self.w(i + 1))?;
                if w == "last" && p != "TNI" {
                    return None;
                }
                let d = if w == "last" {
                    add(doc, Unit::Day, -1)?
                } else {
                    doc
                };
                m(i, i + 2, V::DayPart(d, p), "time", "deictic:day-part")
            }
            "now" | "currently" | "presently" | "nowadays" => {
                if w == "now" && self.p(i + 1, "-") {
                    return None; // "now-defunct"
                }
                lit(1, "PRESENT_REF", "deictic:present")
            }
            "right" if self.is(i + 1, "now") => lit(2, "PRESENT_REF", "deictic:present"),
            "these" if self.is(i + 1, "days") => lit(2, "PRESENT_REF", "deictic:present"),
            "at" if self.is(i + 1, "present")
                && !self.any(i + 2, &["a", "an", "the", "their", "his", "her", "its"]) =>
            {
                m(
                    i + 1,
                    i + 2,
                    V::Lit("PRESENT_REF".into()),
                    "date",
                    "deictic:present",
                )
            }
            "current" => {
                if self.any(
                    i + 1,
                    &[
                        "account", "accounts", "affairs", "flowing", "flows", "flow", "density",
                    ],
                ) {
                    return None;
                }
                lit(1, "PRESENT_REF", "deictic:present")
            }
            // "previously", "formerly", "soon" are left out: TimeBank rarely marks them.
            "recently" | "lately" => lit(1, "PAST_REF", "deictic:past"),
            "recent" => {
                // "recent years" is PAST_REF; "recent weeks" a duration of unknown length.
                match self.unit(i + 1) {
                    Some((Unit::Year, true)) => lit(2, "PAST_REF", "deictic:past"),
                    Some((u, true)) => m(
                        i,
                        i + 2,
                        V::Lit(u.duration(None)),
                        "duration",
                        "duration:recent",
                    ),
                    _ => lit(1, "PAST_REF", "deictic:past"),
                }
            }
            "the" => match self.w(i + 1) {
                // "the year": the year the story is in
                "year"
                    if !self.any(
                        i + 2,
                        &[
                            "of", "'", "-", "before", "after", "earlier", "ago", "later", "when",
                            "in",
                        ],
                    ) && self.kind(i + 2) != Some(K::Num) =>
                {
                    m(i, i + 2, V::Year(doc.year()), "date", "deictic:the-year")
                }
                "weekend" => {
                    // The weekend just gone, unless the story looks ahead.
                    let wd = doc.weekday().num_days_from_monday();
                    let back = if wd >= 5 || self.future(i, i + 2) {
                        0
                    } else {
                        -1
                    };
                    let d = add(doc, Unit::Week, back)?;
                    let w = d.iso_week();
                    m(
                        i,
                        i + 2,
                        V::Weekend(w.year(), w.week()),
                        "date",
                        "deictic:weekend",
                    )
                }
                "past" if !self.starts_count_or_unit(i + 2) => lit(2, "PAST_REF", "deictic:past"),
                "future" => lit(2, "FUTURE_REF", "deictic:future"),
                "near" | "foreseeable" | "immediate" if self.is(i + 2, "future") => {
                    lit(3, "FUTURE_REF", "deictic:future")
                }
                "near" | "short" | "long" | "medium" if self.is(i + 2, "term") => {
                    lit(3, "FUTURE_REF", "deictic:future")
                }
                _ => None,
            },
            "future" if self.is(i.wrapping_sub(1), "in") => lit(1, "FUTURE_REF", "deictic:future"),
            // "year-end", "year end", "year's end": the end of the current year
            "year" => {
                let e = if self.p(i + 1, "-") && self.is(i + 2, "end") {
                    i + 3
                } else if self.is(i + 1, "end") {
                    i + 2
                } else if self.p(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "end") {
                    i + 4
                } else {
                    return None;
                };
                let mut r = m(i, e, V::Year(doc.year()), "date", "deictic:year-end")?;
                r.qual = Some("late");
                Some(r)
            }
            // "for weeks", "in years", "within days": an unknown number of units
            "days" | "weeks" | "months" | "years" | "decades" | "centuries" => {
                let prev = self.w(i.wrapping_sub(1));
                if i == 0
                    || !matches!(
                        prev,
                        "for"
                            | "in"
                            | "within"
                            | "over"
                            | "after"
                            | "than"
                            | "took"
                            | "lasted"
                            | "spent"
                    )
                    || self.any(
                        i + 1,
                        &["of", "old", "ago", "later", "earlier", "before", "after"],
                    )
                {
                    return None;
                }
                let (u, _) = self.unit(i)?;
                m(
                    i,
                    i + 1,
                    V::Lit(u.duration(None)),
                    "duration",
                    "duration:bare-plural",
                )
            }
            _ => None,
        }
    }

    fn starts_count_or_unit(&self, i: usize) -> bool {
        self.unit(i).is_some()
            || self.count(i).is_some_and(|(_, e)| self.unit(e).is_some())
            || lex::season(self.w(i)).is_some()
            || lex::weekday(self.w(i)).is_some()
            || self.is(i, "weekend")
    }

    /// `last month`, `this year`, `next week`, `the previous day`, `the past decade`,
    /// `last Friday`, `earlier this year`, `the following month`.
    fn relative(&self, i: usize, anchor: &V) -> Option<M> {
        let doc = self.doc;
        let docv = V::Day(doc);
        let s = i;
        // "earlier this year", "later that day"
        if matches!(self.w(i), "earlier" | "later") {
            let base = match self.w(i + 1) {
                "this" => &docv,
                "that" => anchor,
                "in" if self.is(i + 2, "the") => &docv,
                _ => return None,
            };
            let k = if self.is(i + 1, "in") { i + 3 } else { i + 2 };
            let (u, pl) = self.unit(k)?;
            if pl || u < Unit::Day {
                return None;
            }
            let v = at_unit(base.first_day()?, u);
            let q = if self.is(i, "earlier") {
                "early"
            } else {
                "late"
            };
            let mut r = m(s, k + 1, v, "date", "relative:earlier-later-this")?;
            r.qual = Some(q);
            return Some(r);
        }
        let the = self.is(i, "the");
        let i = if the { i + 1 } else { i };
        let det = self.w(i);
        let dir: i64 = match det {
            "last" | "past" | "previous" | "preceding" | "latest" => -1,
            "this" | "current" | "same" | "that" => 0,
            "next" | "coming" | "following" | "upcoming" => 1,
            _ => return None,
        };
        // Against the anchor (the time the story is at) or the document date?
        let from_anchor = matches!(
            det,
            "following" | "previous" | "preceding" | "same" | "that"
        ) || (the && det == "next");
        let base = if from_anchor { anchor } else { &docv };
        // "the current fiscal year"
        let j = if self.is(i + 1, "fiscal") {
            i + 2
        } else {
            i + 1
        };
        // last Friday / next Friday / this Friday
        if let Some((wd, false)) = lex::weekday(self.w(j)) {
            let bd = base.first_day()?;
            let d = match dir {
                -1 => weekday_near(add(bd, Unit::Day, -1)?, wd, false)?,
                1 => weekday_near(bd, wd, true)?,
                _ => {
                    let mon = add(
                        bd,
                        Unit::Day,
                        -i64::from(bd.weekday().num_days_from_monday()),
                    )?;
                    add(mon, Unit::Day, i64::from(wd))?
                }
            };
            if let Some(p) = lex::day_part(self.w(j + 1)) {
                return m(s, j + 2, V::DayPart(d, p), "time", "relative:weekday-part");
            }
            return m(s, j + 1, V::Day(d), "date", "relative:weekday");
        }
        // last April / next March / this September
        if let Some((mo, e)) = self.month(j) {
            if e == j + 1 && !the {
                let y = match dir {
                    -1 => {
                        if mo < doc.month() {
                            doc.year()
                        } else {
                            doc.year() - 1
                        }
                    }
                    1 => {
                        if mo > doc.month() {
                            doc.year()
                        } else {
                            doc.year() + 1
                        }
                    }
                    _ => doc.year(),
                };
                return m(s, e, V::Month(y, mo), "date", "relative:month");
            }
        }
        // last summer / this fall
        if let Some(code) = lex::season(self.w(j)) {
            let sm = match code {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = match dir {
                -1 => {
                    if sm + 3 <= doc.month() {
                        doc.year()
                    } else {
                        doc.year() - 1
                    }
                }
                1 => {
                    if sm > doc.month() {
                        doc.year()
                    } else {
                        doc.year() + 1
                    }
                }
                _ => doc.year(),
            };
            return m(s, j + 1, V::Season(y, code), "date", "relative:season");
        }
        // last weekend / this weekend
        if self.is(j, "weekend") {
            let d = add(base.first_day()?, Unit::Week, dir)?;
            let w = d.iso_week();
            return m(
                s,
                j + 1,
                V::Weekend(w.year(), w.week()),
                "date",
                "relative:weekend",
            );
        }
        // the past two years / the next few days: durations (decades: a year range)
        if let Some((n, e)) = self
            .count(j)
            .filter(|_| !self.is(j, "a") && !self.is(j, "an"))
        {
            let (u, _) = self.unit(e)?;
            if dir == 0 {
                return None;
            }
            if dir < 0 && u >= Unit::Decade && det != "latest" {
                let years = match u {
                    Unit::Decade => 10,
                    _ => 100,
                } * n? as i32;
                return m(
                    s,
                    e + 1,
                    V::YearRange(doc.year() - years, doc.year()),
                    "date",
                    "relative:past-range",
                );
            }
            let mut r = m(s, e + 1, V::Lit(u.duration(n)), "duration", "relative:span")?;
            if the {
                r.start = s;
            }
            return Some(r);
        }
        let (u, plural) = self.unit(j)?;
        let e = j + 1;
        if plural {
            // "the past years", "the coming weeks"
            return m(s, e, V::Lit(u.duration(None)), "duration", "relative:span");
        }
        if u < Unit::Day {
            return None;
        }
        // "the past decade" -> a range ending at the document year.
        // "the last century" is the previous one (the 20th), not a hundred-year range.
        if dir < 0 && u == Unit::Century && det == "last" {
            return m(
                s,
                e,
                V::Century(doc.year() / 100 - 1),
                "date",
                "relative:last-unit",
            );
        }
        if dir < 0 && u >= Unit::Decade && matches!(det, "past" | "last") {
            let years = if u == Unit::Decade { 10 } else { 100 };
            return m(
                s,
                e,
                V::YearRange(doc.year() - years, doc.year()),
                "date",
                "relative:past-range",
            );
        }
        if u == Unit::Day && !from_anchor && dir != 0 {
            return None; // "last day", "next day" without "the" are ordinals, not dates
        }
        if det == "latest" {
            // "the latest quarter": the last complete one
            let v = shift(&at_unit(doc, u), u, -1)?;
            return m(s, e, v, "date", "relative:latest");
        }
        // "that day" after "in October": the anchor is coarser than the unit, so
        // the best we can say is the anchor itself.
        let v = if from_anchor && base.unit()? > u {
            base.clone()
        } else {
            shift(&at_unit(base.first_day()?, u), u, dir)?
        };
        let rule = match (from_anchor, dir) {
            (true, _) => "relative:anchor-unit",
            (false, -1) => "relative:last-unit",
            (false, 0) => "relative:this-unit",
            _ => "relative:next-unit",
        };
        m(s, e, v, "date", rule)
    }

    /// Counted units: `three years` (P3Y), `five-year`, `two days later`, `a year ago`,
    /// `several months`, `the first nine months`.
    fn counted(&self, i: usize, anchor: &V) -> Option<M> {
        let doc = self.doc;
        let s = i;
        let mut i = i;
        if self.is(i, "the") {
            i += 1;
            if self.any(i, &["first", "last", "final", "initial"]) {
                i += 1;
            }
        }
        // "year-earlier", "year-ago" adjectives
        if self.is(i, "year") && self.p(i + 1, "-") && self.any(i + 2, &["earlier", "ago"]) {
            let v = shift(&V::Year(doc.year()), Unit::Year, -1)?;
            return m(s, i + 3, v, "date", "relative:year-ago-adj");
        }
        let (n, e) = self.count(i)?;
        let a_word = matches!(self.w(i), "a" | "an") && e == i + 1;
        // "twenty years", "five-year"
        let hyphen = self.p(e, "-") && self.glued(e) && self.glued(e + 1);
        let ue = if hyphen { e + 1 } else { e };
        let (u, plural) = self.unit(ue)?;
        if hyphen && plural {
            return None;
        }
        // "the 1988 quarter" names a period; "2000 years" still counts.
        if !plural && self.kind(i) == Some(K::Num) && self.w(i).len() == 4 {
            return None;
        }
        if a_word && plural {
            return None;
        }
        if n.is_none() && !plural {
            return None;
        }
        let end = ue + 1;
        // Ages are not time expressions: "a 6-year-old", "he is 52 years old".
        if (hyphen && self.p(end, "-") && self.is(end + 1, "old")) || self.is(end, "old") {
            return None;
        }
        let after = self.w(end);
        // Relative: ago / earlier / later / before / after / from now
        let nn = n.map(i64::from);
        if !hyphen {
            match after {
                "ago" => {
                    let v = match nn {
                        Some(k) => shift(
                            &at_unit(doc, u.clamp(Unit::Day, Unit::Year)),
                            u.max(Unit::Day),
                            -k,
                        )?,
                        None => V::Lit("PAST_REF".into()),
                    };
                    return m(s, end + 1, v, "date", "relative:ago");
                }
                "earlier" | "later" | "before" | "after" | "afterwards" | "afterward"
                | "previously" => {
                    // "two years before the war": a duration, the anchor is the event
                    let tail_ok = matches!(
                        after,
                        "earlier" | "later" | "afterwards" | "afterward" | "previously"
                    ) || self.kind(end + 1) == Some(K::Punct)
                        || self.kind(end + 1).is_none();
                    if tail_ok {
                        let dir = if matches!(after, "earlier" | "before" | "previously") {
                            -1
                        } else {
                            1
                        };
                        let v = match nn {
                            Some(k) => shift(anchor, u.max(Unit::Day), dir * k)?,
                            None => V::Lit(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
                        };
                        return m(s, end + 1, v, "date", "relative:anchor-offset");
                    }
                }
                "from" if self.is(end + 1, "now") => {
                    let v = match nn {
                        Some(k) => shift(
                            &at_unit(doc, u.clamp(Unit::Day, Unit::Year)),
                            u.max(Unit::Day),
                            k,
                        )?,
                        None => V::Lit("FUTURE_REF".into()),
                    };
                    return m(s, end + 2, v, "date", "relative:from-now");
                }
                _ => {}
            }
        }
        // Set: "$5bn a year", "twice a day", "per month"
        if a_word && !plural {
            let prev = self.w(s.wrapping_sub(1));
            let prev_num = s > 0
                && (self.kind(s - 1) == Some(K::Num)
                    || matches!(
                        prev,
                        "million"
                            | "billion"
                            | "times"
                            | "twice"
                            | "once"
                            | "thrice"
                            | "percent"
                            | "%"
                            | "bn"
                            | "m"
                    ));
            if prev_num {
                return m(s, end, V::Lit(u.duration(Some(1))), "set", "set:per-unit");
            }
            if u == Unit::Decade || u == Unit::Century {
                // TimeML writes decades and centuries in years: "a decade" is P10Y.
                let years = if u == Unit::Decade { 10 } else { 100 };
                return m(
                    s,
                    end,
                    V::Lit(Unit::Year.duration(Some(years))),
                    "duration",
                    "duration:count",
                );
            }
        }
        // Bare "a day"/"an hour" without context are durations only when not "a day of".
        if a_word && self.is(end, "of") {
            return None;
        }
        let v = match (u, n) {
            // TimeML writes decades as years: "two decades" P20Y
            (Unit::Decade, Some(k)) => Unit::Year.duration(Some(k * 10)),
            (Unit::Century, Some(k)) => Unit::Year.duration(Some(k * 100)),
            (Unit::Quarter, Some(k)) if self.is(s, "the") => Unit::Month.duration(Some(k * 3)),
            _ => u.duration(n),
        };
        // "the seven-year war": the article belongs to the noun, not the duration.
        let s = if hyphen { i } else { s };
        m(
            s,
            end,
            V::Lit(v),
            "duration",
            if hyphen {
                "duration:adjective"
            } else {
                "duration:count"
            },
        )
    }

    /// `the third quarter`, `Q3 2024`, `fourth-quarter`, `the first half of 2024`, `the quarter`.
    fn quarter(&self, i: usize) -> Option<M> {
        let doc = self.doc;
        let s = i;
        let mut i = i;
        let the = self.is(i, "the");
        if the {
            i += 1;
        }
        let mut year = None;
        if let Some((y, e)) = self.year(i).filter(|_| the) {
            year = Some(y);
            i = e;
        }
        // "the year-ago third quarter", "last year's fourth quarter"
        if self.is(i, "year") && self.p(i + 1, "-") && self.any(i + 2, &["ago", "earlier"]) {
            year = Some(doc.year() - 1);
            i += 3;
        } else if self.any(i, &["last", "this", "next"])
            && self.is(i + 1, "year")
            && self.p(i + 2, "'")
            && self.is(i + 3, "s")
        {
            year = Some(
                doc.year()
                    + match self.w(i) {
                        "last" => -1,
                        "this" => 0,
                        _ => 1,
                    },
            );
            i += 4;
        }
        if self.is(i, "fiscal") {
            i += 1;
            if self.p(i, "-") {
                i += 1;
            }
        }
        // Q3 / Q3 2024 / 3Q
        let w = self.w(i);
        if w.len() == 2 && w.starts_with('q') && self.cap(i) {
            let q = w[1..].parse::<u32>().ok().filter(|q| (1..=4).contains(q))?;
            let (y, e) = self
                .year(i + 1)
                .map_or((year.unwrap_or(doc.year()), i + 1), |(y, e)| (y, e));
            return m(s, e, V::Quarter(y, q), "date", "quarter");
        }
        let (q, e) = match lex::ordinal(w) {
            Some(q) => (q, i + 1),
            None => match self.kind(i) {
                Some(K::NumSuffix) => (lex::num_ordinal(w)?, i + 1),
                _ => {
                    // "the quarter", "the latest quarter" (last complete), "the current quarter"
                    let (k, e) = match w {
                        "quarter" if the => (-1, i + 1),
                        _ => return None,
                    };
                    if self.is(e, "of") || self.any(e, &["ended", "ending", "to"]) {
                        return None;
                    }
                    let mut v = shift(&at_unit(doc, Unit::Quarter), Unit::Quarter, k)?;
                    // "the 1988 quarter": the same quarter in that year
                    if let (Some(y), V::Quarter(_, q)) = (year, &v) {
                        v = V::Quarter(y, *q);
                    }
                    return m(s, e, v, "date", "quarter:the");
                }
            },
        };
        let e = if self.p(e, "-") && self.glued(e) {
            e + 1
        } else {
            e
        };
        let (half, e) = match self.w(e) {
            "quarter" => (false, e + 1),
            "half" => (true, e + 1),
            _ => return None,
        };
        if (half && !(1..=2).contains(&q)) || !(1..=4).contains(&q) {
            return None;
        }
        let mut end = e;
        let y = if let Some(y) = year {
            y
        } else if self.is(end, "of") && self.year(end + 1).is_some() {
            let (y, e2) = self.year(end + 1)?;
            end = e2;
            y
        } else if let Some((y, e2)) = self.year(end).filter(|_| !self.glued(end)) {
            end = e2;
            y
        } else if self.is(end, "of") && self.is(end + 1, "this") && self.is(end + 2, "year") {
            end += 3;
            doc.year()
        } else if self.is(end, "of") && self.is(end + 1, "last") && self.is(end + 2, "year") {
            end += 3;
            doc.year() - 1
        } else if self.is(end, "of") && self.is(end + 1, "next") && self.is(end + 2, "year") {
            end += 3;
            doc.year() + 1
        } else if !half && q > (doc.month() - 1) / 3 + 1 && !self.future(s, end) {
            // "the fourth quarter" in a January story is last year's.
            doc.year() - 1
        } else {
            doc.year()
        };
        let v = if half {
            V::Half(y, q)
        } else {
            V::Quarter(y, q)
        };
        m(s, end, v, "date", if half { "half" } else { "quarter" })
    }

    /// `the 1990s`, `the '90s`, `the nineties`, `the 20th century`, `this century`.
    fn decade(&self, i: usize) -> Option<M> {
        let s = i;
        let i = if self.is(i, "the") { i + 1 } else { i };
        let w = self.w(i);
        if self.kind(i) == Some(K::NumSuffix) && w.len() == 5 && w.ends_with('s') {
            let y: i32 = w[..4].parse().ok()?;
            if (1000..=2099).contains(&y) && y % 10 == 0 {
                return m(s, i + 1, V::Decade(y / 10), "date", "decade");
            }
        }
        if w == "'" && self.kind(i + 1) == Some(K::NumSuffix) {
            let w2 = self.w(i + 1);
            if w2.len() == 3 && w2.ends_with('s') {
                let d: i32 = w2[..2].parse().ok()?;
                if d % 10 == 0 {
                    let c = if d <= 20 { 200 } else { 190 };
                    return m(s, i + 2, V::Decade(c + d / 10), "date", "decade");
                }
            }
        }
        if let Some(d) = lex::decade_word(w).filter(|_| s < i) {
            return m(s, i + 1, V::Decade(190 + d), "date", "decade");
        }
        // Centuries
        let c = match self.kind(i) {
            Some(K::NumSuffix) => lex::num_ordinal(w),
            Some(K::Word) => lex::ordinal(w).or_else(|| {
                // "twenty-first"
                let t = lex::cardinal(w).filter(|&n| n == 20)?;
                (self.p(i + 1, "-") && self.is(i + 2, "first")).then_some(t + 1)
            }),
            _ => None,
        };
        if let Some(c) = c {
            let e = if self.is(i + 1, "-") && self.is(i + 2, "first") {
                i + 3
            } else {
                i + 1
            };
            if self.is(e, "century") {
                return m(s, e + 1, V::Century(c as i32 - 1), "date", "century");
            }
        }
        if w == "this" && self.is(i + 1, "century") {
            return m(
                s,
                i + 2,
                V::Century(self.doc.year() / 100),
                "date",
                "century",
            );
        }
        None
    }

    /// Seasons with a year or a determiner: `summer 2024`, `the winter of 1994`, `in the spring`.
    fn season_rule(&self, i: usize) -> Option<M> {
        let s = i;
        let the = self.is(i, "the");
        let i = if the { i + 1 } else { i };
        let code = lex::season(self.w(i))?;
        let mut e = i + 1;
        let j = if self.is(e, "of") { e + 1 } else { e };
        if let Some((y, e2)) = self.year(j) {
            return m(s, e2, V::Season(y, code), "date", "season-year");
        }
        // A lone season needs "the" or "in" and lower case ("Arab Spring" is not a date).
        let prev = self.w(s.wrapping_sub(1));
        if self.cap(i) && !the {
            return None;
        }
        if !(the || matches!(prev, "in" | "this" | "during" | "by" | "until" | "since")) {
            return None;
        }
        if self.is(e, "of") {
            return None; // "the spring of discontent"
        }
        let doc = self.doc;
        let sm = match code {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let y = if self.future(s, e) && sm + 2 < doc.month() {
            doc.year() + 1
        } else if !self.future(s, e) && sm > doc.month() + 1 && code != "WI" {
            doc.year() - 1
        } else {
            doc.year()
        };
        e = e.max(i + 1);
        m(s, e, V::Season(y, code), "date", "season")
    }

    /// `every day`, `each year`, `daily`, `annually`, `every Monday`.
    fn set_rule(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        let lit = |n: usize, v: String| m(i, i + n, V::Lit(v), "set", "set");
        match w {
            "daily" => lit(1, "P1D".into()),
            "weekly" => lit(1, "P1W".into()),
            "monthly" => lit(1, "P1M".into()),
            "yearly" => lit(1, "P1Y".into()),
            "hourly" => lit(1, "PT1H".into()),
            "every" | "each" | "per" => {
                if let Some((u, false)) = self.unit(i + 1) {
                    return lit(2, u.duration(Some(1)));
                }
                if let Some((wd, false)) = lex::weekday(self.w(i + 1)) {
                    return lit(2, format!("XXXX-WXX-{}", wd + 1));
                }
                if let Some((mo, e)) = self.month(i + 1) {
                    return m(i, e, V::Lit(format!("XXXX-{mo:02}")), "set", "set");
                }
                None
            }
            _ => None,
        }
    }

    /// Years: `in 2022`, `fiscal 1989`, `the year 2000`, `2024's`.
    fn year_rule(&self, i: usize) -> Option<M> {
        let s = i;
        let mut i = i;
        if self.is(i, "the") && self.is(i + 1, "year") {
            i += 2;
        } else if self.is(i, "fiscal") {
            i += 1;
            if self.is(i, "year") {
                i += 1;
            }
        }
        // "nineteen ninety-six"
        if i == s && self.any(i, &["nineteen", "eighteen"]) {
            let c = if self.is(i, "nineteen") { 1900 } else { 1800 };
            if let Some((Some(n), e)) = self.count(i + 1) {
                if (10..=99).contains(&n) && e > i + 1 {
                    return m(s, e, V::Year(c + n as i32), "date", "year:words");
                }
            }
        }
        let y = if i > s {
            self.year(i)?.0
        } else {
            self.bare_year(i)?
        };
        m(
            s,
            i + 1,
            V::Year(y),
            "date",
            if i > s { "year:prefixed" } else { "year" },
        )
    }

    /// A few fixed holidays: `Christmas`, `New Year's Day`, `Easter`, `Thanksgiving`.
    fn holiday(&self, i: usize) -> Option<M> {
        let doc = self.doc;
        let nearest = |mo: u32, d: u32| nearest_md(doc, mo, d);
        let (d, e) = match self.w(i) {
            "christmas" if self.cap(i) => {
                if self.is(i + 1, "eve") {
                    (nearest(12, 24)?, i + 2)
                } else {
                    (
                        nearest(12, 25)?,
                        if self.is(i + 1, "day") { i + 2 } else { i + 1 },
                    )
                }
            }
            "new"
                if self.cap(i)
                    && self.is(i + 1, "year")
                    && self.p(i + 2, "'")
                    && self.is(i + 3, "s") =>
            {
                match self.w(i + 4) {
                    "day" => (nearest(1, 1)?, i + 5),
                    "eve" => (nearest(12, 31)?, i + 5),
                    _ => return None,
                }
            }
            "easter" if self.cap(i) => {
                let cands = [
                    value::easter(doc.year() - 1),
                    value::easter(doc.year()),
                    value::easter(doc.year() + 1),
                ];
                let d = cands
                    .into_iter()
                    .flatten()
                    .min_by_key(|d| (*d - doc).num_days().abs())?;
                (
                    d,
                    if self.is(i + 1, "sunday") {
                        i + 2
                    } else {
                        i + 1
                    },
                )
            }
            "thanksgiving" if self.cap(i) => {
                // The fourth Thursday of November, in the year nearest the document.
                let fourth_thursday = |y: i32| -> Option<NaiveDate> {
                    let nov1 = ymd(y, 11, 1)?;
                    let off = (3 + 7 - nov1.weekday().num_days_from_monday()) % 7;
                    add(nov1, Unit::Day, i64::from(off) + 21)
                };
                let d = fourth_thursday(doc.year())?;
                let d = if (d - doc).num_days() > 183 {
                    fourth_thursday(doc.year() - 1)?
                } else {
                    d
                };
                (d, if self.is(i + 1, "day") { i + 2 } else { i + 1 })
            }
            _ => return None,
        };
        m(i, e, V::Day(d), "date", "holiday")
    }
}

/// The month-day date nearest to `doc` (within half a year either way).
pub fn nearest_md(doc: NaiveDate, mo: u32, d: u32) -> Option<NaiveDate> {
    [doc.year() - 1, doc.year(), doc.year() + 1]
        .into_iter()
        .filter_map(|y| ymd(y, mo, d))
        .min_by_key(|x| ((*x - doc).num_days().abs(), *x > doc))
}
