//! Where a sentence's clauses begin and end: hard boundaries, subordinate
//! clauses, relative clauses and asides (see the method in `clause.rs`).

use super::{Lower, Sent, Tag};

impl Sent<'_> {
    pub(super) fn assign_clauses(&mut self) {
        let mut cur = 0usize;
        let n = self.words.len();
        // A short quoted term ("Tamar", a "unique figure") is not a clause of its own.
        let is_quote = |w: &str| matches!(w, "\"" | "“" | "”");
        // "has once again rejected", "at once": an adverb, not "once the
        // talks begin".
        for i in 0..n {
            if self.words[i].tag == Tag::Subord && self.words[i].lower == "once" {
                let next = self.words.get(i + 1).map(|w| w.lower.as_str());
                let prev = i
                    .checked_sub(1)
                    .map(|p| (self.words[p].tag, self.words[p].lower.as_str()));
                if matches!(next, Some("again" | "more"))
                    || matches!(prev, Some((Tag::Aux | Tag::Modal, _)) | Some((_, "at")))
                {
                    self.words[i].tag = Tag::Adv;
                }
            }
        }
        let mut i = 0;
        while i < n {
            if is_quote(&self.words[i].lower) {
                if let Some(d) = (i + 1..n.min(i + 6)).find(|&j| is_quote(&self.words[j].lower)) {
                    if !self.words[i + 1..d]
                        .iter()
                        .any(|w| matches!(w.tag, Tag::Comma | Tag::Boundary | Tag::Punct))
                    {
                        self.words[i].tag = Tag::Punct;
                        self.words[d].tag = Tag::Punct;
                        i = d;
                    }
                }
            }
            i += 1;
        }
        let mut i = 0;
        while i < n {
            let tag = self.words[i].tag;
            let is_mention = self.words[i].mention.is_some();
            match tag {
                // A parenthesis is an aside: the clause around it resumes after it.
                Tag::Boundary if self.words[i].lower == "(" || self.words[i].lower == "[" => {
                    self.words[i].clause = cur;
                    cur = self.open(Some(cur), true, None);
                }
                Tag::Boundary
                    if (self.words[i].lower == ")" || self.words[i].lower == "]")
                        && self.parent[cur].is_some() =>
                {
                    cur = self.parent[cur].unwrap_or(0);
                    self.words[i].clause = cur;
                }
                Tag::Boundary => {
                    cur = self.open(None, false, None);
                    self.words[i].clause = cur;
                }
                // ", as NGOs warn ...", "As the army advanced, ...": a
                // subordinate clause, unless "as" opens a fixed phrase.
                Tag::Word
                    if self.words[i].lower == "as"
                        && !is_mention
                        && (i == 0 || self.words[i - 1].tag == Tag::Comma)
                        && !self.words.get(i + 1).is_some_and(|w| {
                            matches!(
                                w.lower.as_str(),
                                "well"
                                    | "many"
                                    | "much"
                                    | "few"
                                    | "long"
                                    | "soon"
                                    | "far"
                                    | "part"
                                    | "of"
                                    | "to"
                                    | "for"
                                    | "such"
                                    | "a"
                                    | "an"
                                    | "usual"
                                    | "expected"
                                    | "planned"
                                    | "agreed"
                                    | "promised"
                            )
                        }) =>
                {
                    cur = self.open(None, false, Some(self.words[i].lower.clone()));
                    self.words[i].clause = cur;
                }
                Tag::Subord if !is_mention => {
                    let w = self.words[i].lower.clone();
                    cur = self.open(None, false, Some(w));
                    self.words[i].clause = cur;
                }
                Tag::Comma => {
                    let next = self
                        .words
                        .get(i + 1)
                        .map(|w| (w.tag, w.lower.clone(), w.mention.is_some()));
                    self.words[i].clause = cur;
                    // ", supported by the US and Britain, ...": a participle
                    // with its agent is an aside about the noun before it.
                    let participle_by = matches!(&next, Some((Tag::Word, w, false))
                            if w.ends_with("ed") || matches!(w.as_str(), "led" | "hit" | "driven" | "funded" | "won" | "held" | "sent" | "brought" | "made"))
                        && self.words.get(i + 2).is_some_and(|w| w.lower == "by");
                    if let Some((Tag::Rel, _, false)) = next {
                        cur = self.open(Some(cur), true, None);
                    } else if participle_by && !self.relative[cur] {
                        cur = self.open(Some(cur), true, None);
                    } else if !self.relative[cur]
                        && self.subord[cur].is_none()
                        && matches!(&next, Some((Tag::Word, w, false)) if w.ends_with("ing"))
                        && i > 0
                        && self.words[i - 1].mention.is_some()
                    {
                        // "Jack Straw, touring a camp housing refugees,
                        // urged ...": a participle aside after a name.
                        cur = self.open(Some(cur), true, None);
                    } else if self.relative[cur] {
                        cur = self.parent[cur].unwrap_or(0);
                    } else if self.subord[cur].is_some() {
                        cur = self.open(None, false, None);
                    } else if let Some((Tag::Conj | Tag::Word, w, false)) = &next {
                        // ", but ...", ", and they ...": a new main clause.
                        let and_pronoun = w == "and"
                            && matches!(self.words.get(i + 2).map(|w| w.tag), Some(Tag::Pron));
                        if matches!(w.as_str(), "but" | "yet" | "so" | "while") || and_pronoun {
                            cur = self.open(None, false, None);
                        }
                    }
                }
                Tag::Rel if !is_mention && i > 0 && self.words[i - 1].tag != Tag::Comma => {
                    // A restrictive relative ("forces that attacked ...") is its own clause.
                    cur = self.open(Some(cur), true, None);
                    self.words[i].clause = cur;
                }
                _ => self.words[i].clause = cur,
            }
            i += 1;
        }
    }

    fn open(&mut self, parent: Option<usize>, relative: bool, subord: Option<Lower>) -> usize {
        self.parent.push(parent);
        self.relative.push(relative);
        self.subord.push(subord);
        self.parent.len() - 1
    }
}
