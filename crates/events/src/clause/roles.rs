//! Which actor fills which role around a trigger: objects to its right,
//! agents after "by" or "from", possessors before a noun (see the method in
//! `clause.rs`).

use model::ActorType;

use super::{is_modifier, is_quantity, Sent, Tag};

impl Sent<'_> {
    /// For a trigger with no object to its right ("... would be considered red
    /// lines"): the actor between the subject and the trigger, preferring one
    /// outside a prepositional phrase and one used as a modifier ("Turkish bases").
    pub fn predicate_target(&self, subject: usize, t: usize) -> Option<usize> {
        let from = self.mentions.get(subject)?.end;
        let mut best: Option<(u8, usize)> = None;
        for (k, m) in self.mentions.iter().enumerate() {
            if m.start < from || m.end > t || k == subject {
                continue;
            }
            let in_pp = m.start > 0 && self.words[m.start - 1].tag == Tag::Prep;
            let modifier = self.words.get(m.end).is_some_and(|w| {
                w.mention.is_none() && (w.tag == Tag::Word && !w.capitalised || w.tag == Tag::Poss)
            });
            let score = u8::from(modifier) * 2 + u8::from(!in_pp);
            if best.is_none_or(|(b, _)| score >= b) {
                best = Some((score, k));
            }
        }
        best.map(|(_, k)| k)
    }

    /// First mention at or after word `from` inside `clause`, within `max` words.
    pub fn object_after(&self, from: usize, clause: usize, max: usize) -> Option<usize> {
        self.object_after_except(from, clause, max, false, &|_| false)
    }

    /// As [`Sent::object_after`], passing over mentions `skip` rejects. With
    /// `outcome`, a participle after a comma still tells the act's outcome
    /// ("opened fire, killing one person"), so the search goes on past it.
    pub fn object_after_except(
        &self,
        from: usize,
        clause: usize,
        max: usize,
        outcome: bool,
        skip: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut i = from;
        while i < self.words.len() && i < from + max {
            let w = &self.words[i];
            if w.clause != clause && !self.nested_in(w.clause, clause) {
                return None;
            }
            // ("a two-day visit, after rejecting ...": a comma right after
            // the trigger counts too.)
            if (i > from || w.tag == Tag::Comma) && self.new_predicate_at(i, outcome) {
                return None;
            }
            if let Some(k) = w.mention {
                if w.clause == clause {
                    let k = self.named_by_of(k).unwrap_or(k);
                    if !skip(k) {
                        return Some(k);
                    }
                }
            }
            i += 1;
        }
        None
    }

    /// The object of an event told as a noun: an actor in the phrase the
    /// preposition right after it opens ("attacks on Kabul", "talks with the
    /// United States", "the kidnapping of two Italian aid workers"). Words
    /// farther on belong to another predicate ("airstrikes that have killed
    /// civilians", "talks in Vienna ended ... with no sign Russia ...") or
    /// tell where or what about ("negotiations over Syria's future").
    /// `preps` are the prepositions that introduce the other party; after
    /// one of `wheres` only a place may stand, for whoever is hit there
    /// ("shelling in Idlib", "a protest in Haifa").
    pub fn nominal_object(
        &self,
        from: usize,
        clause: usize,
        (preps, wheres): (&[&str], &[&str]),
        dissent: bool,
        skip: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        // "a hunger strike on Monday in protest against Sweden's decision":
        // dissent is against whatever "against" names.
        let from = match self
            .words
            .iter()
            .enumerate()
            .skip(from)
            .take(12)
            .find(|(_, w)| w.clause != clause || w.mention.is_some() || w.lower == "against")
        {
            Some((i, w))
                if dissent
                    && w.lower == "against"
                    && !preps.contains(&self.words[from].lower.as_str()) =>
            {
                i
            }
            _ => from,
        };
        // "talks on confidence-building measures between Pakistan and
        // India": the parties may follow the topic.
        let from = if preps.contains(&"between") {
            self.words
                .iter()
                .enumerate()
                .skip(from)
                .take(8)
                .take_while(|(i, w)| {
                    w.clause == clause
                        && w.mention.is_none()
                        && matches!(w.tag, Tag::Prep | Tag::Det | Tag::Word | Tag::Boundary)
                        && !self.verbish(*i, &|_| false)
                })
                .find(|(_, w)| w.lower == "between")
                .map_or(from, |(i, _)| i)
        } else {
            from
        };
        // A pattern may end in the preposition itself ("war against +").
        let (from, p) = match from.checked_sub(1).map(|b| &self.words[b]) {
            Some(b) if preps.contains(&b.lower.as_str()) => (from - 1, b),
            _ => (from, self.words.get(from)?),
        };
        let mut only_place = wheres.contains(&p.lower.as_str());
        if p.mention.is_some() || !(only_place || preps.contains(&p.lower.as_str())) {
            return None;
        }
        // Determiners, numbers, adjectives and one "of" ("the Kurdish
        // enclave of Afrin") may come before the actor; a verb, clause
        // word or another preposition ends the phrase.
        for (i, w) in self.words.iter().enumerate().skip(from + 1).take(8) {
            if w.clause != clause {
                return None;
            }
            if let Some(k) = w.mention {
                let k = self.named_by_of(k).unwrap_or(k);
                // "in the Iraqi capital": a country word before a noun is
                // no place of its own.
                let adjective = self
                    .words
                    .get(self.mentions[k].end)
                    .is_some_and(|n| n.tag == Tag::Word && n.mention.is_none() && !n.capitalised);
                let place = self.bare_place(k) && !adjective;
                return (!skip(k) && (!only_place || place)).then_some(k);
            }
            let fits = match w.tag {
                Tag::Det | Tag::PossPron | Tag::Poss | Tag::Number | Tag::Adv => true,
                // "airstrikes on the vicinity of Shadadah in Hasakeh": a
                // place further on tells where.
                Tag::Prep if wheres.contains(&w.lower.as_str()) => {
                    only_place = true;
                    true
                }
                // "against the violations by the Israeli military": whoever
                // did what dissent is against is its target.
                Tag::Prep => (w.lower == "of" || (dissent && w.lower == "by")) && i > from + 1,
                // "the troubled", "armed Kurdish groups": a participle
                // before a noun is an adjective.
                Tag::Word => {
                    let modifies = self.words.get(i + 1).is_some_and(|n| n.mention.is_some());
                    modifies || self.adjective_like(i, &|_| false) || !self.verbish(i, &|_| false)
                }
                _ => false,
            };
            if !fits {
                return None;
            }
        }
        None
    }

    /// Whether word `i` opens a predicate of its own after a noun phrase:
    /// ", writing that ...", "suggestions as assassinating ...". Its actors
    /// are that predicate's, not an object of the verb before.
    fn new_predicate_at(&self, i: usize, outcome: bool) -> bool {
        let w = &self.words[i];
        let Some(next) = self.words.get(i + 1) else {
            return false;
        };
        let gerund = next.tag == Tag::Word
            && next.mention.is_none()
            && !next.capitalised
            && next.lower.as_str().len() > 5
            && next.lower.as_str().ends_with("ing");
        // ", after rejecting ...", ", while visiting ...".
        let after_gerund = || {
            matches!(
                next.lower.as_str(),
                "after" | "before" | "while" | "when" | "since" | "despite" | "without"
            ) && self.words.get(i + 2).is_some_and(|g| {
                g.tag == Tag::Word && g.mention.is_none() && g.lower.as_str().ends_with("ing")
            })
        };
        match w.tag {
            Tag::Comma => (gerund && !outcome) || after_gerund(),
            _ => w.lower.as_str() == "as" && gerund,
        }
    }

    /// "three members of a NATO-led force", "the former Soviet republic of
    /// Belarus": the actor after `of` is the one meant, not the count or
    /// the adjective before it. ("The insurgent stronghold of Samarra" is
    /// the insurgents': a stronghold says whose it is.)
    pub fn named_by_of(&self, k: usize) -> Option<usize> {
        const NAMED_NOUNS: &[&str] = &[
            "republic", "province", "city", "town", "region", "state", "kingdom", "emirate",
            "island", "islands", "port", "village", "district",
        ];
        let m = &self.mentions[k];
        let last = self.words[m.end - 1].lower.as_str();
        let mut i = m.end;
        if !is_quantity(last) {
            // An adjective mention, then a noun or two naming a place.
            let mut nouns = 0;
            while self
                .words
                .get(i)
                .is_some_and(|w| w.tag == Tag::Word && w.mention.is_none() && !w.capitalised)
                && nouns < 2
            {
                i += 1;
                nouns += 1;
            }
            if nouns == 0 || !NAMED_NOUNS.contains(&self.words[i - 1].lower.as_str()) {
                return None;
            }
        }
        if self.words.get(i)?.lower != "of" {
            return None;
        }
        let mut j = i + 1;
        while self
            .words
            .get(j)
            .is_some_and(|w| w.tag == Tag::Det && w.mention.is_none())
        {
            j += 1;
        }
        // "the Bosnian town of Gorazde": a town acts for no one, the
        // country before it does.
        self.mention_starting(j).filter(|&o| {
            !self.bare_place(o) || self.mentions[o].mention.actor.kind == ActorType::Country
        })
    }

    /// The agent of a passive or nominal trigger: a mention after `by` within a few words of `from`.
    pub fn by_agent(&self, from: usize, clause: usize, within: usize) -> Option<usize> {
        self.agent_after(from, clause, within, &["by"])
    }

    /// "attacks Sunday blamed on Kurdish rebels", "a bombing claimed by
    /// Isis": whom the act is laid on, a few words after it.
    pub fn blamed_on(&self, from: usize, clause: usize) -> Option<usize> {
        let end = (from + 4).min(self.words.len().saturating_sub(1));
        for i in from..end {
            let w = &self.words[i];
            if w.clause != clause || w.mention.is_some() || w.tag == Tag::Comma {
                return None;
            }
            let prep = match w.lower.as_str() {
                "blamed" | "pinned" => "on",
                "claimed" => "by",
                "attributed" => "to",
                _ => continue,
            };
            if self.words[i + 1].lower == prep {
                return self.agent_after(i + 1, clause, 1, &[prep]);
            }
        }
        None
    }

    /// As [`Sent::by_agent`], after any of `preps` ("support from France").
    pub fn agent_after(
        &self,
        from: usize,
        clause: usize,
        within: usize,
        preps: &[&str],
    ) -> Option<usize> {
        let end = (from + within).min(self.words.len());
        for i in from..end {
            let w = &self.words[i];
            if w.clause != clause || (w.tag == Tag::Comma) {
                return None;
            }
            if preps.contains(&w.lower.as_str()) && w.mention.is_none() {
                let mut j = i + 1;
                // "by suspected Taliban militants", "by unidentified gunmen".
                while j < self.words.len()
                    && j < i + 4
                    && self.words[j].mention.is_none()
                    && (matches!(self.words[j].tag, Tag::Det | Tag::Adv | Tag::Number)
                        || matches!(
                            self.words[j].lower.as_str(),
                            "suspected"
                                | "alleged"
                                | "presumed"
                                | "unidentified"
                                | "unknown"
                                | "armed"
                                | "heavily"
                        ))
                {
                    j += 1;
                }
                // "by Kurdish rebels": a people's name the lexicon does not
                // code, before an actor that it does.
                if self
                    .words
                    .get(j)
                    .is_some_and(|w| w.capitalised && w.tag == Tag::Word && w.mention.is_none())
                    && self.mention_starting(j + 1).is_some()
                {
                    j += 1;
                }
                return self
                    .mention_starting(j)
                    .or_else(|| self.example_after(j, clause));
            }
        }
        None
    }

    /// "by European partners such as France": where the agent's noun names
    /// no actor, the first example a few words on does.
    fn example_after(&self, from: usize, clause: usize) -> Option<usize> {
        let end = (from + 4).min(self.words.len().saturating_sub(1));
        for i in from..end {
            let w = &self.words[i];
            if w.clause != clause || w.mention.is_some() {
                return None;
            }
            let next = self.words[i + 1].lower.as_str();
            match w.lower.as_str() {
                "such" if next == "as" => return self.mention_starting(i + 2),
                "including" | "like" => return self.mention_starting(i + 1),
                _ if !matches!(w.tag, Tag::Word | Tag::Adv) => return None,
                _ => {}
            }
        }
        None
    }

    /// The possessive or adjectival actor right before a noun trigger at `t`.
    pub fn possessor(&self, t: usize) -> Option<usize> {
        let mut i = t;
        let mut steps = 0;
        while i > 0 && steps < 4 {
            i -= 1;
            steps += 1;
            let w = &self.words[i];
            if let Some(k) = w.mention {
                return Some(k);
            }
            match w.tag {
                Tag::Poss | Tag::Adv => {}
                Tag::Punct if w.lower == "-" => {}
                // Adjectives and modifiers ("upcoming", "continued", "long-term", "military").
                Tag::Word if is_modifier(&w.lower) => {}
                _ => return None,
            }
        }
        None
    }
}
