//! What number is written here: digits, words ("three", "a dozen"),
//! fractions, scales ("2.5 million"), percentages and currency signs, with
//! their qualifiers ("about", "at least").

use super::*;

impl Cx<'_> {
    /// Reads a number starting at token `k` (before `hi`).
    pub(super) fn number(&self, k: usize, hi: usize) -> Option<Num> {
        let t = self.toks.get(k)?;
        if t.k != K::Num && !self.t.number_start.may_contain(t.lower) {
            return None;
        }
        let mut currency = None;
        let mut s = k;
        // Currency before the number: "$1.2", "US$ 5", "€300m", "USD 50".
        if let Some(row) = self.t.get("currency", t.lower) {
            if self.toks.get(k + 1).is_some_and(|n| n.k == K::Num) {
                currency = Some(row.value.clone());
                s = k + 1;
            } else {
                return None;
            }
        }
        let t = self.toks.get(s)?;
        let mut e = s + 1;
        let mut article = false;
        let mut vague = false;
        let mut value = if t.k == K::Num {
            let v: f64 = t.lower.replace(',', "").parse().ok()?;
            // "7-9": a range reads as its lower bound.
            if self.w(e) == "-"
                && self
                    .toks
                    .get(e + 1)
                    .is_some_and(|n| n.k == K::Num && n.s == self.toks[e].e)
            {
                e += 2;
                vague = true;
            }
            v
        } else if let Some(v) = small_number(t.lower) {
            // "twenty seven" written without a hyphen.
            match small_number(self.w(e))
                .filter(|u| v >= 20.0 && v % 10.0 == 0.0 && (1.0..10.0).contains(u))
            {
                Some(u) => {
                    e += 1;
                    v + u
                }
                None => v,
            }
        } else if let Some(f) = fraction_word(t.lower) {
            f * 100.0
        } else if t.lower == "the"
            && s > 0
            && self.t.get("casualty", self.w(s - 1)).is_some()
            && self
                .toks
                .get(s + 1)
                .is_some_and(|x| person_noun(x.lower) && !x.lower.ends_with('s'))
        {
            // "killing the man": one person.
            article = true;
            1.0
        } else if matches!(t.lower, "a" | "an") {
            // "a dozen", "a third", "a hundred"; otherwise "a man" = 1 for casualties.
            match self.w(s + 1) {
                "dozen" => {
                    e = s + 2;
                    12.0
                }
                "hundred" => {
                    e = s + 2;
                    100.0
                }
                "thousand" => {
                    e = s + 2;
                    1000.0
                }
                w if fraction_word(w).is_some() => {
                    e = s + 2;
                    fraction_word(w).unwrap_or(0.0) * 100.0
                }
                _ => {
                    article = true;
                    1.0
                }
            }
        } else {
            let &(_, v, vg) = NUMBER_NOUNS.iter().find(|n| n.0 == t.lower)?;
            vague = vg;
            v
        };
        let is_fraction_word = fraction_word(t.lower).is_some()
            || fraction_word(self.w(s + 1)).is_some() && e == s + 2;
        // Scales: "1.2 billion", "300m", "two hundred", "three thousand".
        while e < hi {
            match scale(self.w(e)) {
                Some(m) if !article && !vague => {
                    value *= m;
                    e += 1;
                }
                _ => break,
            }
        }
        let mut percent = is_fraction_word;
        if self.w(e) == "%" || matches!(self.w(e), "percent" | "pct") {
            percent = true;
            e += 1;
        } else if self.w(e) == "per" && self.w(e + 1) == "cent" {
            percent = true;
            e += 2;
        }
        if currency.is_none() {
            if let Some(row) = self.t.get("currency", self.w(e)) {
                if self.toks[e].k == K::Word {
                    currency = Some(row.value.clone());
                    e += 1;
                }
            }
        }
        // Qualifiers before.
        let mut from = if s > k { k } else { s };
        let mut approx = vague;
        while from > 0 {
            let w = self.w(from - 1);
            match QUALIFIERS.iter().find(|q| q.0 == w) {
                Some(&(q, ap)) => {
                    // "up to", "close to", "at least", "more than", "an estimated".
                    if q == "to" && !matches!(self.w(from.saturating_sub(2)), "up" | "close") {
                        break;
                    }
                    approx |= ap;
                    from -= 1;
                    if matches!(q, "least" | "than") && from > 0 {
                        from -= 1;
                    }
                }
                None if matches!(w, "an" | "a") && self.w(from) == "estimated" => from -= 1,
                None => break,
            }
        }
        Some(Num {
            s,
            e,
            from,
            value,
            approx,
            percent,
            currency,
            article,
            vague,
        })
    }
}
