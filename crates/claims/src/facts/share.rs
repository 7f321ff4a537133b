//! Shares and stakes: `N% stake in X`, `N% of X's imports`, with their
//! holder, counterpart, commodity or asset.

use super::*;

impl Cx<'_> {
    /// Shares and stakes.
    pub(super) fn share(&self, n: &Num, a: usize, b: usize) -> Fact {
        // Shares are fractions; rounding keeps "two-thirds" readable.
        let value = (n.value / 100.0 * 1e6).round() / 1e6;
        let mut j = n.e;
        // "a 10% stake in X".
        if self.w(j) == "stake"
            || self.w(j + 1) == "stake" && self.toks.get(j).is_some_and(|t| t.k == K::Word)
        {
            let st = if self.w(j) == "stake" { j } else { j + 1 };
            let mut f = self.fact(n, st + 1, "stake", value, "fraction", "fact/stake");
            f.holder = self.mention_before(
                self.toks[n.from].s,
                a,
                &[
                    ActorType::Organisation,
                    ActorType::Person,
                    ActorType::Group,
                    ActorType::Country,
                ],
            );
            if self.w(st + 1) == "in" {
                let (asset, owner, end) = self.asset_after(st + 2, b);
                if !asset.is_empty() {
                    f.asset = Some(asset);
                    f.span[1] = self.toks[end - 1].e;
                }
                f.counterpart = owner;
            }
            f.period = self.period(a, b);
            return f;
        }
        if self.w(j) != "of" {
            let mut f = self.fact(n, n.e, "percent", value, "fraction", "fact/percent");
            f.period = self.period(a, b);
            return f;
        }
        // "N% of HOLDER's <commodity> <share noun> ... from COUNTERPART".
        j += 1;
        let np_start = j;
        while j < b && j - np_start < 10 {
            let w = self.w(j);
            let t = &self.toks[j];
            if t.k == K::Punct && !self.is_mark(j) && w != "-" {
                break;
            }
            if matches!(
                w,
                "from"
                    | "comes"
                    | "came"
                    | "come"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "goes"
                    | "went"
                    | "to"
                    | "which"
                    | "that"
                    | "in"
                    | "and"
                    | "had"
                    | "has"
                    | "have"
                    | "will"
                    | "would"
                    | "for"
                    | "by"
            ) {
                break;
            }
            // A past-tense verb after the noun ends the phrase ("... voters stayed home").
            if j > np_start + 1 && !t.cap && w.ends_with("ed") && w.len() > 4 {
                break;
            }
            j += 1;
        }
        let np_end = j;
        let mut measure = "share".to_string();
        let mut commodity = None;
        for k in np_start..np_end {
            if let Some(r) = self.t.get("share", self.w(k)) {
                measure = r.value.clone();
            }
            let stem = self.toks[k].stem().to_string();
            if commodity.is_none() {
                commodity = self.t.get("commodity", &stem).map(|r| r.value.clone());
            }
        }
        let mut f = self.fact(
            n,
            np_end,
            &measure,
            value,
            "fraction",
            &format!("fact/share-of:{measure}"),
        );
        f.commodity = commodity;
        if np_end > np_start {
            let np_span = [self.toks[np_start].s, self.toks[np_end - 1].e];
            f.holder = self
                .mentions
                .iter()
                .find(|m| np_span[0] <= m.span[0] && m.span[1] <= np_span[1])
                .map(|m| part(m));
        }
        f.counterpart = self.counterpart_after(np_end, b, f.holder.as_ref());
        // "X is a field providing 70% of ...": the subject is the asset.
        if measure == "supply_share" || measure == "production_share" {
            let verb = (a..n.from).rev().take(4).find(|&k| {
                matches!(
                    self.w(k),
                    "providing"
                        | "provides"
                        | "provided"
                        | "supplies"
                        | "supplying"
                        | "supplied"
                        | "accounts"
                        | "accounting"
                        | "generates"
                        | "generating"
                        | "covers"
                        | "covering"
                        | "meets"
                        | "meeting"
                )
            });
            if verb.is_some() {
                let subj = self.subject(a, n.from);
                if !subj.is_empty() {
                    f.asset = Some(subj);
                }
            }
        }
        f.period = self.period(a, b);
        f
    }

    /// The unit's subject words before the first verb, without quotation marks.
    pub(super) fn subject(&self, a: usize, hi: usize) -> String {
        let mut words = Vec::new();
        for k in a..hi {
            let w = self.w(k);
            if matches!(
                w,
                "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "," | "which"
            ) {
                break;
            }
            if self.is_mark(k) {
                continue;
            }
            words.push(&self.text[self.toks[k].s..self.toks[k].e]);
            if words.len() > 6 {
                return String::new();
            }
        }
        words.join(" ")
    }

    /// `Israel's "Tamar" gas field` -> ("Tamar gas field", Israel, end token).
    pub(super) fn asset_after(&self, j: usize, b: usize) -> (String, Option<Participant>, usize) {
        let mut words = Vec::new();
        let mut owner = None;
        let mut k = j;
        while k < b && k - j < 10 {
            let t = &self.toks[k];
            let w = t.lower;
            if matches!(
                w,
                "under"
                    | "from"
                    | "for"
                    | "through"
                    | "worth"
                    | "valued"
                    | "which"
                    | "as"
                    | "by"
                    | "at"
                    | "and"
                    | "in"
                    | "on"
                    | "with"
            ) || t.k == K::Punct && !self.is_mark(k)
            {
                break;
            }
            if self.is_mark(k) || words.is_empty() && matches!(w, "the" | "a" | "an") {
                k += 1;
                continue;
            }
            if t.possessive() {
                owner = self
                    .mentions
                    .iter()
                    .find(|m| m.span[0] >= t.s && m.span[0] < t.e)
                    .map(|m| part(m));
                k += 1;
                continue;
            }
            words.push(&self.text[t.s..t.e]);
            k += 1;
        }
        (words.join(" "), owner, k.max(j + 1).min(self.toks.len()))
    }

    /// A named actor after "from" / "to" / "with" / "by" later in the unit,
    /// other than the holder; places only when nothing else is named.
    pub(super) fn counterpart_after(
        &self,
        from: usize,
        b: usize,
        holder: Option<&Participant>,
    ) -> Option<Participant> {
        let r = (from..b).find(|&k| matches!(self.w(k), "from" | "to" | "with" | "by"))?;
        let start = self.toks[r].e;
        let until = self.toks[b - 1].e;
        let holder_code = holder.map(|h| h.actor.code.as_str());
        let cands: Vec<&&Mention> = self
            .mentions
            .iter()
            .filter(|m| start <= m.span[0] && m.span[1] <= until)
            .filter(|m| Some(m.actor.code.as_str()) != holder_code)
            .collect();
        cands
            .iter()
            .find(|m| !matches!(m.actor.kind, ActorType::Place))
            .or_else(|| cands.first())
            .map(|m| part(m))
    }

    pub(super) fn mention_before(
        &self,
        pos: usize,
        a: usize,
        kinds: &[ActorType],
    ) -> Option<Participant> {
        let lo = self.toks.get(a).map_or(0, |t| t.s);
        for kind in kinds {
            if let Some(m) = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.span[1] <= pos && m.span[0] >= lo && m.actor.kind == *kind)
            {
                return Some(part(m));
            }
        }
        None
    }
}
