//! Rules for times named outright: numeric dates, clock times, month and
//! day names, weekdays, years, quarters, decades, seasons, sets ("every
//! week") and holidays.

use super::*;

impl P<'_> {
    /// `2025-05-02`, `05/02/2025` (US order unless the first number is over 12).
    pub(super) fn numeric(&self, i: usize) -> Option<M> {
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
    pub(super) fn clock(&self, i: usize) -> Option<M> {
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
    pub(super) fn ampm(&self, i: usize) -> Option<(bool, usize)> {
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

    pub(super) fn clock_tail(&self, i: usize, mut end: usize, h: u32, mi: u32) -> Option<M> {
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
    pub(super) fn month_rule(&self, i: usize) -> Option<M> {
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
    pub(super) fn day_month(&self, i: usize) -> Option<M> {
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
    pub(super) fn weekday_rule(&self, i: usize) -> Option<M> {
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

    /// `the third quarter`, `Q3 2024`, `fourth-quarter`, `the first half of 2024`, `the quarter`.
    pub(super) fn quarter(&self, i: usize) -> Option<M> {
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
    pub(super) fn decade(&self, i: usize) -> Option<M> {
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
    pub(super) fn season_rule(&self, i: usize) -> Option<M> {
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
    pub(super) fn set_rule(&self, i: usize) -> Option<M> {
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
    pub(super) fn year_rule(&self, i: usize) -> Option<M> {
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
    pub(super) fn holiday(&self, i: usize) -> Option<M> {
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
