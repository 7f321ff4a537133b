//! Casualty counts: a casualty word before or after the counted phrase
//! ("three soldiers were killed", "killing 12"), "no fatalities", counts
//! coded in notes ("(3)") and counts split between events.

use super::*;

impl Cx<'_> {
    /// Casualty counts: "killing 6 civilians", "3 soldiers died", "a man was killed".
    pub(super) fn casualty(&self, n: &Num, a: usize, b: usize) -> Option<Fact> {
        // Years and dates are not counts ("On 8 May 2020, ...").
        let tok = &self.toks[n.s];
        if tok.k == K::Num && tok.lower.len() == 4 && (1800.0..=2100.0).contains(&n.value) {
            return None;
        }
        if matches!(
            self.w(n.e),
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        ) {
            return None;
        }
        // "including a commander" names part of a count already made.
        if n.from > a && self.w(n.from - 1) == "including" {
            return None;
        }
        let (np_end, noun) = self.counted_phrase(n.e, b);
        let unit = noun.map_or_else(|| "people".to_string(), |k| plural(self.toks[k].stem()));
        // Casualty verbs count people; "killed 15 livestock" does not.
        let noun_ok = noun.is_none_or(|k| !animal_noun(self.toks[k].stem()));
        if n.article && !noun.is_some_and(|k| person_noun(self.w(k))) {
            return None;
        }
        // A casualty word just before: "killing 6", "killed at least 12", "the death of a man".
        let mut p = n.from;
        let mut steps = 0;
        while p > a && steps < 3 && matches!(self.w(p - 1), "of" | "the" | "a" | "total") {
            p -= 1;
            steps += 1;
        }
        if p > a && noun_ok {
            let w = self.w(p - 1);
            let row = self.t.get("casualty", w);
            let object_word = row.is_some_and(|r| {
                !matches!(
                    r.word.as_str(),
                    "dead"
                        | "fatalities"
                        | "fatality"
                        | "deaths"
                        | "casualties"
                        | "injuries"
                        | "missing"
                )
            });
            if let (Some(row), true) = (row, object_word) {
                let mut f = self.fact(
                    n,
                    np_end,
                    &row.value,
                    n.value,
                    &unit,
                    "fact/casualty:object",
                );
                f.span[0] = self.toks[p - 1].s;
                f.period = self.period(a, b);
                return Some(f);
            }
        }
        // A noun of casualties right after the number: "3 fatalities", "9 deaths", "7 dead".
        if let Some(row) = self.t.get("casualty", self.w(n.e)) {
            let stated = matches!(row.word.as_str(), "fatalities" | "fatality");
            if !(n.article && stated) {
                let rule = if stated {
                    "fact/casualty:stated"
                } else {
                    "fact/casualty:noun"
                };
                let mut f = self.fact(n, n.e + 1, &row.value, n.value, "people", rule);
                f.period = self.period(a, b);
                return Some(f);
            }
        }
        if !noun_ok {
            return None;
        }
        // A casualty verb after the phrase: "3 soldiers were killed", "two citizens and four others died".
        let mut k = np_end;
        let mut passive = false;
        while k < b && k - np_end < 14 {
            let w = self.w(k);
            if let Some(row) = self.t.get("casualty", w) {
                let ok = match row.word.as_str() {
                    "died" | "dead" | "perished" | "slain" | "missing" | "death" => true,
                    "fatalities" | "deaths" | "casualties" | "injuries" | "fatality" | "body"
                    | "bodies" => false,
                    // Active "killed" is about the subject only without an object after it.
                    _ => {
                        passive
                            || !self.toks.get(k + 1).is_some_and(|t| {
                                t.k == K::Num
                                    || small_number(t.lower).is_some()
                                    || matches!(
                                        t.lower,
                                        "a" | "an" | "the" | "his" | "her" | "their"
                                    )
                            })
                    }
                };
                if !ok {
                    return None;
                }
                let mut f = self.fact(
                    n,
                    k + 1,
                    &row.value,
                    n.value,
                    &unit,
                    "fact/casualty:subject",
                );
                f.period = self.period(a, b);
                return Some(f);
            }
            if is_aux(w) {
                passive = true;
                k += 1;
                continue;
            }
            if matches!(
                w,
                "reportedly"
                    | "reported"
                    | "also"
                    | "later"
                    | "allegedly"
                    | "subsequently"
                    | "then"
                    | "shot"
                    | "found"
                    | "beaten"
                    | "stabbed"
                    | "burned"
                    | "hacked"
                    | "to"
                    | "confirmed"
                    | "believed"
                    | "feared"
            ) {
                k += 1;
                continue;
            }
            // A conjoined counted phrase: "and four Kenyan citizens", "including a commander".
            if w == "and" || w == "including" {
                if let Some(m) = self.number(k + 1, b) {
                    let (e, _) = self.counted_phrase(m.e, b);
                    k = e.max(k + 2);
                    continue;
                }
            }
            return None;
        }
        None
    }

    /// The counted phrase after a number: up to four modifiers and a noun.
    /// Returns its end and the noun's token.
    pub(super) fn counted_phrase(&self, from: usize, b: usize) -> (usize, Option<usize>) {
        let mut j = from;
        let mut noun = None;
        while j < b && j - from < 4 {
            let t = &self.toks[j];
            if t.k != K::Word && t.lower != "-"
                || self.t.get("casualty", t.lower).is_some()
                || is_aux(t.lower) && !t.cap
            {
                break;
            }
            if matches!(
                t.lower,
                "and"
                    | "in"
                    | "on"
                    | "at"
                    | "of"
                    | "by"
                    | "during"
                    | "when"
                    | "after"
                    | "while"
                    | "more"
                    | "from"
                    | "with"
                    | "to"
                    | "as"
                    | "were"
                    | "across"
            ) {
                break;
            }
            // "900 foreign fighters who joined": a verb is not the counted noun.
            if matches!(t.lower, "who" | "which" | "that")
                || !t.cap && t.lower.ends_with("ed") && t.lower.len() > 4
            {
                break;
            }
            if t.k == K::Word {
                noun = Some(j);
            }
            j += 1;
        }
        (j, noun)
    }

    /// "no fatalities", "neither injuries nor fatalities were reported", "no one was killed".
    pub(super) fn none_killed(&self, k: usize, b: usize) -> Option<Fact> {
        let lim = b.min(k + 4);
        let hit = (k + 1..lim).find(|&j| {
            matches!(
                self.w(j),
                "fatalities" | "deaths" | "casualties" | "killed" | "dead" | "fatality"
            )
        })?;
        // "no more than 3 deaths" is a number, not a none.
        if (k + 1..hit)
            .any(|j| self.toks[j].k == K::Num || matches!(self.w(j), "more" | "less" | "fewer"))
        {
            return None;
        }
        let s = self.toks[k].s;
        Some(Fact {
            sentence: self.sentence_of(s),
            span: [s, self.toks[hit].e],
            measure: "killed".into(),
            value: 0.0,
            unit: "people".into(),
            approx: false,
            holder: None,
            counterpart: None,
            commodity: None,
            asset: None,
            period: None,
            rule: "fact/casualty:none".into(),
        })
    }

    /// "fatalities coded as 10", "fatalities reported as half, rounded down to 3".
    pub(super) fn coded_as(&self, k: usize, b: usize) -> Option<Fact> {
        let lim = b.min(k + 12);
        let as_ = (k + 1..lim).find(|&j| matches!(self.w(j), "as" | "to"))?;
        if !(k + 1..as_).all(|j| {
            matches!(
                self.w(j),
                "coded" | "reported" | "rounded" | "down" | "up" | "as" | "half" | ","
            )
        }) {
            return None;
        }
        let mut j = as_ + 1;
        // "coded as half, rounded down to 3": the figure after the last "as"/"to".
        while j < lim && self.toks[j].k != K::Num && small_number(self.w(j)).is_none() {
            if !matches!(
                self.w(j),
                "half" | "," | "rounded" | "down" | "up" | "to" | "as"
            ) {
                return None;
            }
            j += 1;
        }
        let n = self.number(j, b)?;
        let s = self.toks[k].s;
        Some(Fact {
            sentence: self.sentence_of(s),
            span: [s, self.toks[n.e - 1].e],
            measure: "killed".into(),
            value: n.value,
            unit: "people".into(),
            approx: false,
            holder: None,
            counterpart: None,
            commodity: None,
            asset: None,
            period: None,
            rule: "fact/casualty:stated".into(),
        })
    }

    /// "split between 2 events", "spread across three locations".
    pub(super) fn split(&self, k: usize, b: usize) -> Option<Fact> {
        // Only about fatalities: the word must be near "fatalities".
        let near = (k.saturating_sub(4)..k).any(|j| matches!(self.w(j), "fatalities" | "fatality"));
        if !near || !matches!(self.w(k + 1), "across" | "between" | "among" | "over") {
            return None;
        }
        let n = self.number(k + 2, b)?;
        if !matches!(
            self.w(n.e),
            "events" | "locations" | "days" | "dates" | "places" | "areas"
        ) || n.value < 1.0
        {
            return None;
        }
        let s = self.toks[k].s;
        Some(Fact {
            sentence: self.sentence_of(s),
            span: [s, self.toks[n.e].e],
            measure: "split".into(),
            value: n.value,
            unit: self.w(n.e).to_string(),
            approx: false,
            holder: None,
            counterpart: None,
            commodity: None,
            asset: None,
            period: None,
            rule: "fact/casualty:split".into(),
        })
    }
}
