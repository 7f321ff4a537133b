//! The matching rules: each looks at a token position and, if a time
//! expression starts there, says where it ends, what it means and its rule id.

mod absolute;
mod relative;

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
}

/// The month-day date nearest to `doc` (within half a year either way).
pub fn nearest_md(doc: NaiveDate, mo: u32, d: u32) -> Option<NaiveDate> {
    [doc.year() - 1, doc.year(), doc.year() + 1]
        .into_iter()
        .filter_map(|y| ymd(y, mo, d))
        .min_by_key(|x| ((*x - doc).num_days().abs(), *x > doc))
}
