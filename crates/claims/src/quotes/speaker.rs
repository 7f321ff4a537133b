//! Who is speaking: the speaker phrase before or after a cue, checked
//! (a name, a noun phrase, a pronoun; not a time or a clause), and resolved
//! to a mention, a pronoun's antecedent or an unresolved phrase.

use super::*;

impl Ctx<'_> {
    /// The speaker phrase before a cue at token `i`, not before token `lo`:
    /// `(start, end)` token range.
    pub(super) fn speaker_before(&self, i: usize, lo: usize) -> Option<(usize, usize)> {
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

    pub(super) fn check_speaker(&self, s: usize, e: usize) -> Option<(usize, usize)> {
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
    pub(super) fn speaker_after(&self, j: usize, hi: usize) -> Option<(usize, usize)> {
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
    pub(super) fn unit_subject(&self, i: usize) -> Option<(usize, usize)> {
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

    /// The actor (or unresolved phrase) a speaker phrase names.
    pub(super) fn resolve(&self, a: usize, b: usize, earlier: &[Quote]) -> Speaker {
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
            // Mentions come in sentence order too: stop at the window's edge
            // rather than walk back over the whole document.
            let ante = self.mentions[..before]
                .iter()
                .rev()
                .take_while(|m| m.sentence + 5 >= sent)
                .filter(|m| m.span[1] <= span[0])
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
