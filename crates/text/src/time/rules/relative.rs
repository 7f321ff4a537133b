//! Rules for times told relative to another: deictic words ("today",
//! "last week"), offsets from an anchor ("two days later", "a year ago")
//! and counted durations ("for three months").

use super::*;

impl P<'_> {
    /// today, yesterday, tonight, now, recently, the future ...
    pub(super) fn deictic(&self, i: usize) -> Option<M> {
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

    pub(super) fn starts_count_or_unit(&self, i: usize) -> bool {
        self.unit(i).is_some()
            || self.count(i).is_some_and(|(_, e)| self.unit(e).is_some())
            || lex::season(self.w(i)).is_some()
            || lex::weekday(self.w(i)).is_some()
            || self.is(i, "weekend")
    }

    /// `last month`, `this year`, `next week`, `the previous day`, `the past decade`,
    /// `last Friday`, `earlier this year`, `the following month`.
    pub(super) fn relative(&self, i: usize, anchor: &V) -> Option<M> {
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
    pub(super) fn counted(&self, i: usize, anchor: &V) -> Option<M> {
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
}
