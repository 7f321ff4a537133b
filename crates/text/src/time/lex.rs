//! A small tokeniser and word tables for the time-expression rules.
//!
//! Kept separate from `crate::tokens` so the rules can rely on exactly this
//! shape (digits split from letters only when the run is all digits, one
//! token per punctuation character, whether whitespace came before).

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K {
    Word,
    /// All ASCII digits.
    Num,
    /// Digits followed by letters: `3rd`, `1990s`, `70km`.
    NumSuffix,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub s: usize,
    pub e: usize,
    pub k: K,
    /// Whitespace between the previous token and this one.
    pub space: bool,
}

/// Splits `text` into alphanumeric runs and single punctuation characters.
pub fn tokenise(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let b = text.as_bytes();
    // The character at byte `i` (a char boundary) and its width; ASCII without decoding.
    let at = |i: usize| -> Option<(char, usize)> {
        let x = *b.get(i)?;
        if x.is_ascii() {
            Some((char::from(x), 1))
        } else {
            text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    let mut space = true;
    let mut i = 0;
    while let Some((c, w)) = at(i) {
        if c.is_whitespace() {
            space = true;
            i += w;
            continue;
        }
        let mut e = i + w;
        let k = if crate::chars::is_alphanumeric(c) {
            let mut all_digits = c.is_ascii_digit();
            let lead_digit = all_digits;
            loop {
                // ASCII letters and digits in bulk (nearly every character of a word).
                let (run, digits) = crate::tokens::ascii_alnum_run(&b[e.min(b.len())..]);
                all_digits &= digits;
                e += run;
                match at(e) {
                    Some((d, dw)) if !d.is_ascii() && crate::chars::is_alphanumeric(d) => {
                        all_digits = false;
                        e += dw;
                    }
                    _ => break,
                }
            }
            if all_digits {
                K::Num
            } else if lead_digit {
                K::NumSuffix
            } else {
                K::Word
            }
        } else {
            K::Punct
        };
        out.push(Tok { s: i, e, k, space });
        space = false;
        i = e;
    }
    out
}

/// Month number for a lower-case month name or abbreviation.
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True when `w` is an abbreviation that may take a full stop.
pub fn month_is_abbrev(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "may" | "june" | "july")
}

/// Weekday (0 = Monday) and whether the word is plural ("Fridays").
pub fn weekday(w: &str) -> Option<(u32, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("day") => (s, true),
        _ => (w, false),
    };
    let d = match stem {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    };
    Some((d, plural))
}

use super::value::Unit;

/// A calendar unit word and whether it is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Cardinal number words up to ninety-nine (compounds are joined by the caller).
pub fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words: "first" .. "thirty-first" parts.
pub fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Value of a numeric token with an ordinal suffix: `3rd` -> 3.
pub fn num_ordinal(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suf = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suf, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// Season code.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part of day code.
pub fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" | "overnight" => "TNI",
        _ => return None,
    })
}

/// Decade words: "nineties" -> 9.
pub fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}
